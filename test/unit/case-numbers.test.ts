import { loadShippedProfile, shippedProfileIds } from '../../src/districts/profile';
import {
	caseNumberOf,
	caseNumberPrefix,
	formatCaseNumber,
	parseCaseNumber,
	readCaseRef,
} from '../../src/service/case-numbers';
import { thrownError } from '../helpers/fixtures';
import { isGermanMessage } from '../helpers/hardening';

describe('case numbers: format and parse', () => {
	it('formats prefix, year and a sequence of at least five digits', () => {
		expect(formatCaseNumber('EM', 2026, 42)).toBe('EM-2026-00042');
		expect(formatCaseNumber('SIG', 2025, 1)).toBe('SIG-2025-00001');
		expect(formatCaseNumber('WT', 2026, 123456)).toBe('WT-2026-123456');
		expect(
			caseNumberOf(
				{ id: 'emmendingen', caseNumberPrefix: 'EM' },
				{ case_year: '2026', case_seq: '7' },
			),
		).toBe('EM-2026-00007');
	});

	it('parses case-insensitively, with or without leading zeros, and round-trips', () => {
		expect(parseCaseNumber('EM-2026-00042')).toEqual({ prefix: 'EM', year: 2026, seq: 42 });
		expect(parseCaseNumber('em-2026-42')).toEqual({ prefix: 'EM', year: 2026, seq: 42 });
		expect(parseCaseNumber(' sig-2025-00001 ')).toEqual({ prefix: 'SIG', year: 2025, seq: 1 });
		for (const [prefix, year, seq] of [
			['EM', 2026, 1],
			['LB', 2015, 99999],
			['ABCDE', 2030, 100000],
		] as const) {
			expect(parseCaseNumber(formatCaseNumber(prefix, year, seq))).toEqual({ prefix, year, seq });
		}
	});

	it('refuses malformed numbers', () => {
		for (const text of [
			'',
			'EM',
			'EM-2026',
			'EM-2026-',
			'EM-26-00042',
			'EM2026-00042',
			'EM-2026-00000',
			'E-2026-00001',
			'ABCDEF-2026-00001',
			'EM-2026-0004X',
			'EM-2026-1234567890',
			'Ä-2026-00001',
			'EM_2026_00042',
		])
			expect([text, parseCaseNumber(text)]).toEqual([text, undefined]);
	});

	it('reads a UUID as an id, a number as a number, and refuses anything else in German', () => {
		const id = 'da2850ec-1900-442f-a2b8-53ffeb377600';
		expect(readCaseRef(id)).toEqual({ kind: 'id', id });
		expect(readCaseRef('lb-2026-7')).toEqual({
			kind: 'number',
			number: { prefix: 'LB', year: 2026, seq: 7 },
		});
		const error = thrownError(() => readCaseRef('gibt-es-nicht'));
		expect(error.code).toBe('NOT_FOUND');
		expect(error.message).toBe(
			'„gibt-es-nicht“ ist keine gültige Fallnummer. Eine Fallnummer hat die Form EM-2026-00042: Kürzel des Kreises, Jahr der Aufnahme, laufende Nummer.',
		);
		expect(isGermanMessage(error.message)).toBe(true);
	});

	it('takes the prefix from the profile, else the first two letters of its id', () => {
		const prefixes = Object.fromEntries(
			shippedProfileIds().map((id) => [id, caseNumberPrefix(loadShippedProfile(id))]),
		);
		expect(prefixes).toEqual({
			emmendingen: 'EM',
			ludwigsburg: 'LB',
			ortenaukreis: 'OG',
			sigmaringen: 'SIG',
			wehr: 'WT',
		});
		expect(caseNumberPrefix({ id: 'rems-murr-kreis' })).toBe('RE');
		expect(caseNumberPrefix({ id: 'a1' })).toBe('IM');
	});
});
