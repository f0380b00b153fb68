import { DomainError } from '../errors';
import { first, type FormRequest } from '../forms/http';
import { addDays, addYears, germanDate } from '../lifecycle/dates';
import { checkPeriod, periodLabel, resolvePeriod, type Period } from '../report/period';

/** The kinds of period the page offers (`zeitraum`): a quarter, a half-year, a year of `jahr`, or `von`–`bis`. */
const kinds = [
	{ value: 'q1', label: '1. Quartal', months: [1, 3] },
	{ value: 'q2', label: '2. Quartal', months: [4, 6] },
	{ value: 'q3', label: '3. Quartal', months: [7, 9] },
	{ value: 'q4', label: '4. Quartal', months: [10, 12] },
	{ value: 'h1', label: '1. Halbjahr', months: [1, 6] },
	{ value: 'h2', label: '2. Halbjahr', months: [7, 12] },
	{ value: 'jahr', label: 'ganzes Jahr', months: [1, 12] },
	{ value: 'frei', label: 'von – bis (Datum)', months: null },
] as const;

/** A report may span at most this many years (a longer one is a typo, and a heavy query). */
export const MAX_REPORT_YEARS = 5;

/** What the person chose on the page, as typed (shown again in the form). */
export interface PeriodInput {
	kind: string;
	year: string;
	from: string;
	to: string;
}

export type PeriodAnswer =
	| { ok: true; input: PeriodInput; period: Period; label: string }
	| { ok: false; input: PeriodInput; error: DomainError };

const pad = (n: number) => String(n).padStart(2, '0');
const refused = (message: string) =>
	new DomainError('VALIDATION_FAILED', `Zeitraum: ${message}`, {
		fieldErrors: [{ path: '/period', field: 'Zeitraum', message }],
	});

/** `2026-03-31` (the date field) or `31.03.2026` (typed by hand) → ISO; anything else → undefined. */
function isoOf(text: string): string | undefined {
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	const iso = german ? `${german[3]}-${pad(+german[2])}-${pad(+german[1])}` : text;
	return /^\d{4}-\d{2}-\d{2}$/.test(iso) && addDays(iso, 0) === iso ? iso : undefined;
}

/** The two presets of the page: the last complete quarter and the last year, as query strings and labels. */
export function presets(todayIso: string) {
	const quarter = resolvePeriod({ kind: 'previousQuarter' }, todayIso);
	const year = quarter.from.slice(0, 4);
	const q = `q${(Number(quarter.from.slice(5, 7)) + 2) / 3}`;
	const lastYear = String(Number(todayIso.slice(0, 4)) - 1);
	return [
		{ id: 'preset-quarter', label: `Letztes Quartal (${periodLabel(quarter)})`, kind: q, year },
		{ id: 'preset-year', label: `Letztes Jahr (${lastYear})`, kind: 'jahr', year: lastYear },
	].map((p) => ({ ...p, href: `auswertung?zeitraum=${p.kind}&jahr=${p.year}` }));
}

function inputOf(request: FormRequest, todayIso: string): PeriodInput {
	const text = (name: string) => (first(request.query[name]) ?? '').trim().slice(0, 20);
	if (!text('zeitraum')) {
		const [preset] = presets(todayIso);
		return { kind: preset.kind, year: preset.year, from: '', to: '' };
	}
	return { kind: text('zeitraum'), year: text('jahr'), from: text('von'), to: text('bis') };
}

function periodOf(input: PeriodInput): Period {
	const kind = kinds.find((k) => k.value === input.kind);
	if (!kind) throw refused('Bitte Quartal, Halbjahr, Jahr oder „von – bis“ wählen.');
	if (kind.months === null) {
		const from = isoOf(input.from);
		const to = isoOf(input.to);
		if (!from || !to)
			throw refused('Bitte Anfang und Ende als Datum angeben (TT.MM.JJJJ), z. B. 01.01.2026.');
		return { from, to };
	}
	if (!/^\d{4}$/.test(input.year)) throw refused('Bitte das Jahr vierstellig angeben, z. B. 2026.');
	const [start, end] = kind.months;
	const to = addDays(`${input.year}-${pad(end)}-01`, 31).slice(0, 8) + '01';
	return { from: `${input.year}-${pad(start)}-01`, to: addDays(to, -1) };
}

/** The period the page asks for (default: the last complete quarter), checked like every report period. */
export function periodFromQuery(request: FormRequest, todayIso: string): PeriodAnswer {
	const input = inputOf(request, todayIso);
	try {
		const period = checkPeriod(periodOf(input), todayIso);
		if (period.to >= addYears(period.from, MAX_REPORT_YEARS))
			throw refused(
				`Der Zeitraum ${germanDate(period.from)} – ${germanDate(period.to)} ist länger als ${MAX_REPORT_YEARS} Jahre. Bitte einen kürzeren Zeitraum wählen.`,
			);
		return { ok: true, input, period, label: periodLabel(period) };
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return { ok: false, input, error };
	}
}

/** The choices of the form, with the current one selected. */
export const kindChoices = (input: PeriodInput) =>
	kinds.map((k) => ({ value: k.value, label: k.label, selected: k.value === input.kind }));
