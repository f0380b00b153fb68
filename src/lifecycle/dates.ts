/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), without time zones. */

function parts(date: string): [number, number, number] {
	const [y, m, d] = date.split('-').map(Number);
	return [y, m, d];
}

function format(y: number, m: number, d: number): string {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A UTC date; unlike Date.UTC, years 0–99 stay years 0–99 (not 1900–1999). */
function utc(y: number, monthIndex: number, d: number): Date {
	const t = new Date(0);
	t.setUTCFullYear(y, monthIndex, d);
	return t;
}

function daysInMonth(y: number, m: number): number {
	return utc(y, m, 0).getUTCDate();
}

/** Same day n years later; 29 February becomes 28 February in non-leap years. */
export function addYears(date: string, years: number): string {
	const [y, m, d] = parts(date);
	return format(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

export function addDays(date: string, days: number): string {
	const [y, m, d] = parts(date);
	const t = utc(y, m - 1, d + days);
	return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Full years of age on a given date. */
export function ageOn(birthDate: string, date: string): number {
	const [by, bm, bd] = parts(birthDate);
	const [y, m, d] = parts(date);
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** German display form `TT.MM.JJJJ`. */
export function germanDate(date: string): string {
	const [y, m, d] = parts(date);
	return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y).padStart(4, '0')}`;
}
