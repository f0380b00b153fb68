import { DomainError, type FieldError } from '../errors';
import { addDays, addYears, germanDate } from './dates';

/** No case of the Integrationsmanagement is documented before this day; an earlier date is a typing error. */
export const EARLIEST_EVENT_DATE = '2015-01-01';
export const EARLIEST_EVENT_NAME = 'dem frühesten Datum für Fälle im Integrationsmanagement';
/** Nobody counselled is older; an earlier birth date is a typing error. */
export const MAX_AGE_YEARS = 120;
/** Dates that may lie ahead (review, due dates, validity of a residence title) lie at most this far ahead. */
export const MAX_YEARS_AHEAD = 10;

// Each check gives the German message of the rule a date breaks, or undefined.

export const inFuture = (date: string, today: string) =>
	date > today ? `Das Datum ${germanDate(date)} liegt in der Zukunft.` : undefined;

export const tooFarAhead = (date: string, today: string) =>
	date > addYears(today, MAX_YEARS_AHEAD)
		? `Das Datum ${germanDate(date)} liegt mehr als ${MAX_YEARS_AHEAD} Jahre in der Zukunft.`
		: undefined;

export const tooLongAgo = (date: string, today: string) =>
	date < addYears(today, -MAX_AGE_YEARS)
		? `Das Datum ${germanDate(date)} liegt mehr als ${MAX_AGE_YEARS} Jahre zurück.`
		: undefined;

/** `earliestName` reads after "liegt vor": "der Aufnahme", "dem Geburtsdatum". */
export const before = (date: string, earliest: string | undefined, earliestName: string) =>
	earliest !== undefined && date < earliest
		? `Das Datum ${germanDate(date)} liegt vor ${earliestName} (${germanDate(earliest)}).`
		: undefined;

/** `latestName` reads after "liegt nach": "dem Datum der Aufnahme". */
export const after = (date: string, latest: string | undefined, latestName: string) =>
	latest !== undefined && date > latest
		? `Das Datum ${germanDate(date)} liegt nach ${latestName} (${germanDate(latest)}).`
		: undefined;

export const beforeEarliest = (date: string) =>
	before(date, EARLIEST_EVENT_DATE, EARLIEST_EVENT_NAME);

function refuse(field: string, label: string, message: string): never {
	throw new DomainError('VALIDATION_FAILED', `${label}: ${message}`, {
		fieldErrors: [{ path: `/${field}`, field: label, message }],
	});
}

/** A documented event cannot lie in the future. */
export function assertNotInFuture(date: string, today: string, field: string, label: string): void {
	const problem = inFuture(date, today);
	if (problem) refuse(field, label, problem);
}

/** A documented event cannot lie before the event it depends on (e.g. a contact before the intake). */
export function assertNotBefore(
	date: string,
	earliest: string,
	field: string,
	label: string,
	earliestLabel: string,
): void {
	const problem = before(date, earliest, earliestLabel);
	if (problem) refuse(field, label, problem);
}

/** A date given as a parameter (`YYYY-MM-DD`) that names a real calendar day. */
export function assertIsoDate(date: unknown, field: string, label: string): asserts date is string {
	if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && addDays(date, 0) === date)
		return;
	refuse(field, label, 'Bitte ein Datum im Format JJJJ-MM-TT angeben.');
}

/**
 * Collects the date problems of one input (every date at once, not only the first), each at its field, and throws
 * them as one German validation error.
 */
export class DateFindings {
	readonly fieldErrors: FieldError[] = [];

	constructor(private readonly labelOf: (path: string) => string) {}

	/** Records the first of the problems found for the date at `path` (undefined: the date is fine). */
	check(path: string, ...problems: (string | undefined)[]): void {
		const problem = problems.find((p) => p !== undefined);
		if (problem) this.fieldErrors.push({ path, field: this.labelOf(path), message: problem });
	}

	throwIfAny(): void {
		if (!this.fieldErrors.length) return;
		const message = this.fieldErrors.map((e) => `${e.field}: ${e.message}`).join(' ');
		throw new DomainError('VALIDATION_FAILED', message, { fieldErrors: this.fieldErrors });
	}
}
