import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Breakdown, CountIndicator, CountSource, IndicatorFilter } from '../generated/types';
import type { Database } from '../store/database';
import { all, between, counselledIn, countWhere, flag, isAdult, isMinor, never, oneOf, reopenedIn, type Condition } from './conditions';
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
function filterCondition(source: CountSource, key: FilterKey, filter: IndicatorFilter, scope: QueryScope): Condition {
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
			return filter.openedInPeriod ? sql<SqlBool>`c.opened_on >= ${period.from}` : sql<SqlBool>`c.opened_on < ${period.from}`;
		case 'reopenedInPeriod':
			return filter.reopenedInPeriod ? reopenedIn(period) : sql<SqlBool>`not ${reopenedIn(period)}`;
		case 'withEligiblePersons':
			return filter.withEligiblePersons ? oneOf('c.municipality_ags', scope.eligibleMunicipalities) : sql<SqlBool>`not ${oneOf('c.municipality_ags', scope.eligibleMunicipalities)}`;
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
			return oneOf('r.service_id', (filter.serviceCategory ?? []).flatMap((c) => scope.servicesByCategory.get(c) ?? []));
	}
}

const flagColumns = { ownTenancy: 'own_tenancy', employmentSocialInsurance: 'employment_social_insurance', trainingInternshipStudy: 'training_internship_study' } as const;

const alias: Record<CountSource, string> = { cases: 'c', persons: 'p', closures: 'x', contacts: 'k', contactTopics: 't', plans: 'pl', referrals: 'r' };

export function breakdownCondition(source: CountSource, breakdown: Breakdown, value: string, scope: QueryScope): Condition {
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
			return source === 'closures' ? oneOf('x.german_level', [value]) : oneOf('p.german_level', [value]);
		case 'occupation':
			return oneOf('p.occupation', [value]);
	}
	return never;
}

export function indicatorCondition(indicator: CountIndicator, scope: QueryScope): Condition {
	const filter = indicator.where ?? {};
	return all((Object.keys(filter) as FilterKey[]).map((key) => filterCondition(indicator.count, key, filter, scope)));
}

/**
 * One query per source: its rows in the period, grouped by manager, organisation and municipality, with one
 * conditional count per column. Everything is counted in the database; only the grouped rows come back.
 */
export function sourceQuery(db: Kysely<Database>, source: CountSource, columns: Column[], scope: QueryScope, layout: ColumnLayout) {
	const { period } = scope;
	// Every source selects the same number of count columns (its own, then 0 up to the widest source), so that all
	// sources can be one statement (union all): one round trip, and one consistent snapshot on both backends.
	const aggregates = [
		sql<string>`${sql.lit(source)}`.as('source'),
		...Array.from({ length: layout.width }, (_, i) => (i < columns.length ? countWhere(columns[i].condition) : sql<number>`0`).as(`v${i}`)),
	];
	const inDistrict = all([sql<SqlBool>`c.district_id = ${scope.districtId}`, ...(scope.organisationId ? [sql<SqlBool>`c.organisation_id = ${scope.organisationId}`] : [])]);
	const grouped = ['c.manager_id', 'c.organisation_id', 'c.municipality_ags'] as const;
	switch (source) {
		case 'cases':
			return db.selectFrom('cases as c').select(grouped).select(aggregates).where(all([inDistrict, counselledIn(period)])).groupBy(grouped);
		case 'persons':
			return db
				.selectFrom('case_persons as p')
				.innerJoin('cases as c', 'c.id', 'p.case_id')
				.select(grouped)
				.select(aggregates)
				.where(all([inDistrict, counselledIn(period), sql<SqlBool>`p.birth_date <= ${period.to}`]))
				.groupBy(grouped);
		case 'closures':
			return db
				.selectFrom('closures as x')
				.innerJoin('cases as c', 'c.id', 'x.case_id')
				.select(grouped)
				.select(aggregates)
				.where(all([inDistrict, between('x.closed_on', period), sql<SqlBool>`(x.reopened_on is null or x.reopened_on > ${period.to})`]))
				.groupBy(grouped);
		case 'contacts':
			return db
				.selectFrom('contacts as k')
				.innerJoin('cases as c', 'c.id', 'k.case_id')
				.select(grouped)
				.select(aggregates)
				.where(all([inDistrict, between('k.contact_date', period)]))
				.groupBy(grouped);
		case 'contactTopics':
			return db
				.selectFrom('contact_topics as t')
				.innerJoin('contacts as k', 'k.id', 't.contact_id')
				.innerJoin('cases as c', 'c.id', 'k.case_id')
				.select(grouped)
				.select(aggregates)
				.where(all([inDistrict, between('k.contact_date', period)]))
				.groupBy(grouped);
		case 'plans':
			return db
				.selectFrom('plans as pl')
				.innerJoin('cases as c', 'c.id', 'pl.case_id')
				.select(grouped)
				.select(aggregates)
				.where(all([inDistrict, between('pl.plan_date', period)]))
				.groupBy(grouped);
		case 'referrals':
			return db
				.selectFrom('referrals as r')
				.innerJoin('cases as c', 'c.id', 'r.case_id')
				.select(grouped)
				.select(aggregates)
				.where(all([inDistrict, between('r.referred_on', period)]))
				.groupBy(grouped);
	}
}
