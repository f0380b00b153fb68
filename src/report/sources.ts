import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Breakdown, CountIndicator, CountSource, IndicatorFilter } from '../generated/types';
import type { CaseHistoryTable, CaseTable, Database } from '../store/database';
import {
	all,
	between,
	counselledIn,
	countWhere,
	flag,
	isAdult,
	isMinor,
	never,
	oneOf,
	reopenedIn,
	type Condition,
} from './conditions';
import type { Period } from './period';

/** What the SQL of a report needs to know besides the definition. */
export interface QueryScope {
	districtId: string;
	/** Only this organisation's cases (a manager's report); undefined = the whole district. */
	organisationId?: string;
	period: Period;
	/** Municipalities whose number of eligible persons the profile gives. */
	eligibleMunicipalities: string[];
	/** Service ids of the district's directory per service category. */
	servicesByCategory: ReadonlyMap<string, string[]>;
}

/** One aggregated column: a count of the source's rows that meet the condition. */
export interface Column {
	key: string;
	condition: Condition;
}

/** The number of count columns every branch of the report's one statement has. */
export interface ColumnLayout {
	width: number;
}

/** The finest grain the SQL groups by; every figure is a sum over it, so all groupings are exact roll-ups. */
export interface CellRow {
	manager_id: string;
	organisation_id: string;
	municipality_ags: string;
	[column: string]: string | number;
}

type FilterKey = keyof IndicatorFilter;

/** How each filter and breakdown reads in SQL, per source (the schema allows only these combinations). */
function filterCondition(
	source: CountSource,
	key: FilterKey,
	filter: IndicatorFilter,
	scope: QueryScope,
): Condition {
	const { period } = scope;
	const col = (name: string) => `${alias[source]}.${name}`;
	switch (key) {
		case 'age':
			return filter.age === 'minor' ? isMinor(period) : isAdult(period);
		case 'role':
			return oneOf('p.role', filter.role ?? []);
		case 'germanLevel':
			return oneOf(col('german_level'), filter.germanLevel ?? []);
		case 'occupation':
			return oneOf('p.occupation', filter.occupation ?? []);
		case 'openedInPeriod':
			return filter.openedInPeriod
				? sql<SqlBool>`c.opened_on >= ${period.from}`
				: sql<SqlBool>`c.opened_on < ${period.from}`;
		case 'reopenedInPeriod':
			return filter.reopenedInPeriod ? reopenedIn(period) : sql<SqlBool>`not ${reopenedIn(period)}`;
		case 'withEligiblePersons':
			return filter.withEligiblePersons
				? oneOf('h.municipality_ags', scope.eligibleMunicipalities)
				: sql<SqlBool>`not ${oneOf('h.municipality_ags', scope.eligibleMunicipalities)}`;
		case 'reason':
			return oneOf('x.reason', filter.reason ?? []);
		case 'ownTenancy':
		case 'employmentSocialInsurance':
		case 'trainingInternshipStudy':
			return flag(`x.${flagColumns[key]}`, filter[key] === true);
		case 'channel':
			return oneOf('k.channel', filter.channel ?? []);
		case 'topic':
			return oneOf('t.topic', filter.topic ?? []);
		case 'planKind':
			return oneOf('pl.kind', filter.planKind ?? []);
		case 'serviceCategory':
			return oneOf(
				'r.service_id',
				(filter.serviceCategory ?? []).flatMap((c) => scope.servicesByCategory.get(c) ?? []),
			);
	}
}

const flagColumns = {
	ownTenancy: 'own_tenancy',
	employmentSocialInsurance: 'employment_social_insurance',
	trainingInternshipStudy: 'training_internship_study',
} as const;

const alias: Record<CountSource, string> = {
	cases: 'c',
	persons: 'p',
	closures: 'x',
	contacts: 'k',
	contactTopics: 't',
	plans: 'pl',
	referrals: 'r',
};

export function breakdownCondition(
	source: CountSource,
	breakdown: Breakdown,
	value: string,
	scope: QueryScope,
): Condition {
	switch (breakdown) {
		case 'channel':
			return oneOf('k.channel', [value]);
		case 'topic':
			return oneOf('t.topic', [value]);
		case 'reason':
			return oneOf('x.reason', [value]);
		case 'planKind':
			return oneOf('pl.kind', [value]);
		case 'serviceCategory':
			return oneOf('r.service_id', scope.servicesByCategory.get(value) ?? []);
		case 'germanLevel':
			return source === 'closures'
				? oneOf('x.german_level', [value])
				: oneOf('p.german_level', [value]);
		case 'occupation':
			return oneOf('p.occupation', [value]);
	}
	return never;
}

export function indicatorCondition(indicator: CountIndicator, scope: QueryScope): Condition {
	const filter = indicator.where ?? {};
	return all(
		(Object.keys(filter) as FilterKey[]).map((key) =>
			filterCondition(indicator.count, key, filter, scope),
		),
	);
}

/**
 * Every source's rows joined to their case as `c` and to where the case stood on the last day of the period as `h`:
 * what the grouping, the district scope and the window read.
 */
type CaseScoped = SelectQueryBuilder<Database & { c: CaseTable; h: CaseHistoryTable }, 'c', object>;

/** The row of a history table (`case_history`, `case_history_persons`) that held on the day `on`. */
export function heldOn(table: 'h' | 'p', on: string): Condition {
	return sql<SqlBool>`${sql.ref(`${table}.valid_from`)} <= ${on} and (${sql.ref(`${table}.valid_until`)} is null or ${sql.ref(`${table}.valid_until`)} > ${on})`;
}

interface SourceSpec {
	/** The source's rows, each joined to its case as `c` (the history of its place is joined in `sourceQuery`). */
	from: (db: Kysely<Database>) => unknown;
	/** Which of its rows belong to the period. */
	window: (period: Period) => Condition;
}

/** The count sources of a report definition: what they read and which of their rows fall into the period. */
const sources: Record<CountSource, SourceSpec> = {
	cases: { from: (db) => db.selectFrom('cases as c'), window: counselledIn },
	persons: {
		from: (db) =>
			db.selectFrom('case_history_persons as p').innerJoin('cases as c', 'c.id', 'p.case_id'),
		window: (period) =>
			all([
				counselledIn(period),
				heldOn('p', period.to),
				sql<SqlBool>`p.birth_date <= ${period.to}`,
			]),
	},
	closures: {
		from: (db) => db.selectFrom('closures as x').innerJoin('cases as c', 'c.id', 'x.case_id'),
		window: (period) =>
			all([
				between('x.closed_on', period),
				sql<SqlBool>`(x.reopened_on is null or x.reopened_on > ${period.to})`,
			]),
	},
	contacts: {
		from: (db) => db.selectFrom('contacts as k').innerJoin('cases as c', 'c.id', 'k.case_id'),
		window: (period) => between('k.contact_date', period),
	},
	contactTopics: {
		from: (db) =>
			db
				.selectFrom('contact_topics as t')
				.innerJoin('contacts as k', 'k.id', 't.contact_id')
				.innerJoin('cases as c', 'c.id', 'k.case_id'),
		window: (period) => between('k.contact_date', period),
	},
	plans: {
		from: (db) => db.selectFrom('plans as pl').innerJoin('cases as c', 'c.id', 'pl.case_id'),
		window: (period) => between('pl.plan_date', period),
	},
	referrals: {
		from: (db) => db.selectFrom('referrals as r').innerJoin('cases as c', 'c.id', 'r.case_id'),
		window: (period) => between('r.referred_on', period),
	},
};

/**
 * One query per source: its rows in the period, grouped by manager, organisation and municipality, with one
 * conditional count per column. Everything is counted in the database; only the grouped rows come back.
 */
export function sourceQuery(
	db: Kysely<Database>,
	source: CountSource,
	columns: Column[],
	scope: QueryScope,
	layout: ColumnLayout,
) {
	// Every source selects the same number of count columns (its own, then 0 up to the widest source), so that all
	// sources can be one statement (union all): one round trip, and one consistent snapshot on both backends.
	const aggregates = [
		sql<string>`${sql.lit(source)}`.as('source'),
		...Array.from({ length: layout.width }, (_, i) =>
			(i < columns.length ? countWhere(columns[i].condition) : sql<number>`0`).as(`v${i}`),
		),
	];
	const inDistrict = all([
		sql<SqlBool>`c.district_id = ${scope.districtId}`,
		...(scope.organisationId ? [sql<SqlBool>`h.organisation_id = ${scope.organisationId}`] : []),
	]);
	// Figures belong to the manager, organisation and municipality of the case on the last day of the period.
	const grouped = ['h.manager_id', 'h.organisation_id', 'h.municipality_ags'] as const;
	const spec = sources[source];
	// Each from-clause joins the case as `c`; the rest of the query reads only `c`, `h` and the conditions' SQL.
	return (spec.from(db) as CaseScoped)
		.innerJoin('case_history as h', 'h.case_id', 'c.id')
		.select(grouped)
		.select(aggregates)
		.where(all([inDistrict, heldOn('h', scope.period.to), spec.window(scope.period)]))
		.groupBy(grouped);
}
