import { DomainError } from '../../src/errors';
import { loadShippedDefinition, parseDefinition } from '../../src/report/definitions';
import { breakdownValues } from '../../src/report/labels';
import { periodLabel, resolvePeriod } from '../../src/report/period';
import { reportRows } from '../../src/report/rollup';
import { thrownError } from '../helpers/fixtures';

const base = () =>
	JSON.parse(JSON.stringify(loadShippedDefinition())) as { indicators: Record<string, unknown>[] };

const rejection = (data: unknown): DomainError => thrownError(() => parseDefinition(data));

/** The shipped definition with indicators added, as a district would add them to its copy. */
function withIndicators(...indicators: Record<string, unknown>[]) {
	const data = base();
	data.indicators.push(...indicators);
	return data;
}

const periodRule = 'Zählregel, wie sie ein Kreis für den Test aufschreibt';
const counting = (id: string, label: string, count: string, where: Record<string, unknown>) => ({
	id,
	label,
	count,
	where,
	periodRule,
});
const share = (id: string, label: string, numerator: string, denominator: string) => ({
	id,
	label,
	share: { numerator, denominator },
	periodRule,
});

describe('report definitions (data, schema-validated)', () => {
	it('ships a default that covers the funder’s indicators, each with its period rule written down', () => {
		const definition = loadShippedDefinition();
		const ids = definition.indicators.map((i) => i.id);
		for (const id of [
			'persons_counselled',
			'persons_minors',
			'intakes',
			'closures_by_reason',
			'closures_own_tenancy',
			'contacts_by_channel',
			'contacts_by_topic',
			'plans_created',
			'plans_continued',
			'adults_german_b1_share',
			'adults_employed_share',
			'adults_training_share',
			'care_rate',
		]) {
			expect(ids).toContain(id);
		}
		expect(definition.sheetName).toBe('Auswertung Zeitraum');
		expect(definition.indicators.every((i) => i.periodRule.length > 30)).toBe(true);
	});

	it('lets a district add an indicator without code', () => {
		const employed = counting('closures_employed', 'Beendet mit Beschäftigung', 'closures', {
			employmentSocialInsurance: true,
		});
		const definition = parseDefinition(withIndicators(employed));
		expect(reportRows(definition).map((r) => r.key)).toContain('closures_employed');
	});

	it('refuses a filter that does not fit what is counted, with a German message', () => {
		const tenancy = counting('x', 'Kontakte mit Mietvertrag', 'contacts', { ownTenancy: true });
		expect(rejection(withIndicators(tenancy)).message).toMatch(
			/^Berichtsdefinition unvollständig oder fehlerhaft/,
		);
	});

	it('refuses a share whose denominator does not exist or is broken down, and duplicate ids', () => {
		const data = withIndicators(
			share('q', 'Quote', 'contacts', 'nope'),
			share('q2', 'Quote 2', 'contacts', 'contacts_by_channel'),
		);
		data.indicators.push({ ...data.indicators[0] });
		const error = rejection(data);
		expect(error.message).toContain('Nenner „nope“ gibt es nicht');
		expect(error.message).toContain('„contacts_by_channel“ ist aufgeschlüsselt');
		expect(error.message).toContain('Kennzahl „persons_counselled“ ist doppelt');
	});

	it('takes breakdown values and German labels from the schemas', () => {
		expect(breakdownValues('channel').find((v) => v.value === 'home_visit')?.label).toBe(
			'Hausbesuch',
		);
		expect(breakdownValues('reason').map((v) => v.value)).toContain('maximum_duration');
		expect(breakdownValues('planKind')).toEqual([
			{ value: 'created', label: 'erstellt' },
			{ value: 'continued', label: 'fortgeschrieben' },
		]);
	});
});

describe('report periods', () => {
	it('resolves "previous quarter", "previous year" and "previous month" on a given day', () => {
		for (const [kind, day, from, to] of [
			['previousQuarter', '2026-04-01', '2026-01-01', '2026-03-31'],
			['previousQuarter', '2026-02-15', '2025-10-01', '2025-12-31'],
			['previousYear', '2026-01-01', '2025-01-01', '2025-12-31'],
			['previousMonth', '2024-03-10', '2024-02-01', '2024-02-29'],
		] as const)
			expect(resolvePeriod({ kind }, day)).toEqual({ from, to });
	});

	it('refuses an explicit period that ends before it starts or is not a date', () => {
		expect(() =>
			resolvePeriod({ kind: 'explicit', from: '2026-04-01', to: '2026-03-31' }, '2026-06-01'),
		).toThrow('Der Anfang (01.04.2026) liegt nach dem Ende (31.03.2026)');
		expect(() =>
			resolvePeriod({ kind: 'explicit', from: '2026-02-30', to: '2026-03-31' }, '2026-06-01'),
		).toThrow(DomainError);
	});

	it('refuses a period before the earliest case date or ending more than a year ahead, also one derived from a far reference day', () => {
		expect(() =>
			resolvePeriod({ kind: 'explicit', from: '0001-01-01', to: '2025-12-31' }, '2026-06-01'),
		).toThrow(
			'Zeitraum: Der Anfang (01.01.0001) liegt vor dem frühesten Datum für Fälle im Integrationsmanagement (01.01.2015).',
		);
		expect(() =>
			resolvePeriod({ kind: 'explicit', from: '2026-01-01', to: '9999-12-31' }, '2026-06-01'),
		).toThrow('Zeitraum: Das Ende (31.12.9999) liegt mehr als ein Jahr in der Zukunft.');
		expect(() => resolvePeriod({ kind: 'previousYear' }, '9999-12-31')).toThrow(
			'liegt mehr als ein Jahr in der Zukunft',
		);
		expect(() =>
			resolvePeriod({ kind: 'explicit', from: 'x\u0000', to: '2025-12-31' }, '2026-06-01'),
		).toThrow('erhalten: „x\\u0000“ bis „2025-12-31“');
	});

	it('names periods in German', () => {
		expect(periodLabel({ from: '2026-01-01', to: '2026-03-31' })).toBe('1. Quartal 2026');
		expect(periodLabel({ from: '2025-10-01', to: '2025-12-31' })).toBe('4. Quartal 2025');
		expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('Jahr 2025');
		expect(periodLabel({ from: '2026-01-15', to: '2026-03-31' })).toBe('15.01.2026 – 31.03.2026');
	});
});
