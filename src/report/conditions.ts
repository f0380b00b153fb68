import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Period } from './period';

/**
 * SQL building blocks of the report, written once for SQLite and PostgreSQL: dates are ISO text on both,
 * so every comparison is a plain text comparison and gives identical results. Values are always bound
 * as parameters; only fixed column names are spliced in.
 */
export type Condition = RawBuilder<SqlBool>;

export const always: Condition = sql<SqlBool>`1 = 1`;
export const never: Condition = sql<SqlBool>`1 = 0`;

export function all(conditions: Condition[]): Condition {
	if (conditions.length === 0) return always;
	if (conditions.length === 1) return conditions[0];
	return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

export function oneOf(column: string, values: readonly string[]): Condition {
	if (values.length === 0) return never;
	return sql<SqlBool>`${sql.ref(column)} in (${sql.join([...values])})`;
}

export function flag(column: string, value: boolean): Condition {
	return sql<SqlBool>`${sql.ref(column)} = ${value ? 1 : 0}`;
}

export function between(column: string, period: Period): Condition {
	return sql<SqlBool>`${sql.ref(column)} >= ${period.from} and ${sql.ref(column)} <= ${period.to}`;
}

/**
 * The case `c` was in counselling on at least one day of the period: opened on or before the last day, and not
 * closed for the whole period (a closure before the first day that was not reopened by the last day).
 */
export function counselledIn(period: Period): Condition {
	return sql<SqlBool>`c.opened_on <= ${period.to} and not exists (
		select 1 from closures x0 where x0.case_id = c.id and x0.closed_on < ${period.from}
		and (x0.reopened_on is null or x0.reopened_on > ${period.to}))`;
}

export function reopenedIn(period: Period): Condition {
	return sql<SqlBool>`exists (select 1 from closures x1 where x1.case_id = c.id and x1.reopened_on >= ${period.from} and x1.reopened_on <= ${period.to})`;
}

/** Same calendar day 18 years earlier, as text (`2026-02-29` → `2008-02-29`: compared as text, no date arithmetic). */
export function eighteenYearsBefore(date: string): string {
	return `${Number(date.slice(0, 4)) - 18}${date.slice(4)}`;
}

/**
 * Birth dates after this value are minors on the first day of counselling in the period (the first day of the
 * period, or the later intake date). Matches `ageOn` (a birthday on 29 February counts from 1 March).
 */
export function minorThreshold(period: Period): RawBuilder<string> {
	return sql<string>`case when c.opened_on > ${period.from}
		then (cast(substr(c.opened_on, 1, 4) as integer) - 18) || substr(c.opened_on, 5)
		else ${eighteenYearsBefore(period.from)} end`;
}

export function isMinor(period: Period): Condition {
	return sql<SqlBool>`p.birth_date > ${minorThreshold(period)}`;
}

export function isAdult(period: Period): Condition {
	return sql<SqlBool>`p.birth_date <= ${minorThreshold(period)}`;
}

/** `sum(case when … then 1 else 0 end)`, or `count(*)` without a condition. */
export function countWhere(condition: Condition): RawBuilder<number | string> {
	if (condition === always) return sql<number | string>`count(*)`;
	return sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
}
