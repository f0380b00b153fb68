import { DomainError } from '../errors';
import type { DistrictProfile } from '../generated/types';
import { printable } from '../text';

/**
 * Readable case numbers: `EM-2026-00042` — the district's prefix, the year of the intake date and a sequence per
 * district and year without gaps. The store keeps year and sequence; the prefix comes from the profile when a case
 * is read, so the number stays the same as long as the prefix does. The UUID stays the internal id.
 */
export interface CaseNumberParts {
	prefix: string;
	year: number;
	seq: number;
}

/** The stored parts of a case's number (columns of `cases`). */
export interface CaseNumberColumns {
	case_year: number | string;
	case_seq: number | string;
}

/** Used when a profile has no letters to take a prefix from (its id starts with a letter, so rarely). */
const FALLBACK_PREFIX = 'IM';

/** The profile's `caseNumberPrefix`, else the first two letters of the profile's id in capitals (emmendingen → EM). */
export function caseNumberPrefix(
	profile: Pick<DistrictProfile, 'id' | 'caseNumberPrefix'>,
): string {
	if (profile.caseNumberPrefix) return profile.caseNumberPrefix;
	const letters = profile.id.toUpperCase().replace(/[^A-Z]/g, '');
	return letters.length >= 2 ? letters.slice(0, 2) : FALLBACK_PREFIX;
}

/** `EM-2026-00042`: the sequence has at least five digits. */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
	return `${prefix}-${year}-${String(seq).padStart(5, '0')}`;
}

/** The readable number of a stored case row. */
export function caseNumberOf(
	profile: Pick<DistrictProfile, 'id' | 'caseNumberPrefix'>,
	row: CaseNumberColumns,
): string {
	return formatCaseNumber(caseNumberPrefix(profile), Number(row.case_year), Number(row.case_seq));
}

const NUMBER = /^([A-Za-z]{2,5})-(\d{4})-(\d{1,9})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parts of a case number, case-insensitive, leading zeros optional (`em-2026-42`); undefined when malformed. */
export function parseCaseNumber(text: string): CaseNumberParts | undefined {
	const match = NUMBER.exec(text.trim());
	if (!match) return undefined;
	const seq = Number(match[3]);
	if (seq < 1) return undefined;
	return { prefix: match[1].toUpperCase(), year: Number(match[2]), seq };
}

/** How a caller named a case: by its internal id (a UUID) or by its readable number. */
export type CaseRef = { kind: 'id'; id: string } | { kind: 'number'; number: CaseNumberParts };

/** Reads a case reference; anything that is neither a UUID nor a well-formed number is refused in German. */
export function readCaseRef(ref: string): CaseRef {
	if (UUID.test(ref)) return { kind: 'id', id: ref };
	const number = parseCaseNumber(ref);
	if (number) return { kind: 'number', number };
	throw new DomainError(
		'NOT_FOUND',
		`„${printable(ref)}“ ist keine gültige Fallnummer. Eine Fallnummer hat die Form EM-2026-00042: Kürzel des Kreises, Jahr der Aufnahme, laufende Nummer.`,
		{ details: { caseId: ref } },
	);
}
