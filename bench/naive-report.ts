import { sql, type Kysely, type Selectable } from 'kysely';
import type { CountIndicator, IndicatorFilter, ReportDefinition } from '../src/generated/types';
import { ageOn } from '../src/lifecycle/dates';
import { cellOf, type Cell } from '../src/report/compute';
import { isCount } from '../src/report/definitions';
import { breakdownValues } from '../src/report/labels';
import type { Period } from '../src/report/period';
import type { QueryScope } from '../src/report/sources';
import type { Database } from '../src/store/database';

type Row<T extends keyof Database> = Selectable<Database[T]>;
type CaseRow = Row<'cases'>;
/** The tables whose rows belong to one case. */
type CaseChild = 'case_persons' | 'closures' | 'contacts' | 'plans' | 'referrals';

/** A source row in the period as a flat record the filters and breakdowns can read. */
type Item = { caseId: string } & Record<string, string | number | null | boolean>;

/** The rows of the cases in scope, loaded into memory. */
interface DistrictRows {
	cases: Map<string, CaseRow>;
	persons: Row<'case_persons'>[];
	closures: Row<'closures'>[];
	contacts: Row<'contacts'>[];
	topics: { contact_id: string; topic: string }[];
	plans: Row<'plans'>[];
	referrals: Row<'referrals'>[];
}

/**
 * The naive way, for the benchmark and as an independent check of the SQL: load the district's rows into
 * JavaScript and count there, following the period rules as written in docs/report.md.
 */
export async function naiveCells(
	db: Kysely<Database>,
	definition: ReportDefinition,
	scope: QueryScope,
): Promise<Cell[]> {
	const rows = await loadRows(db, scope);
	return countCells(definition, periodItems(rows, scope), rows.cases, scope);
}

async function loadRows(db: Kysely<Database>, scope: QueryScope): Promise<DistrictRows> {
	const { districtId, organisationId } = scope;
	const caseRows = await db
		.selectFrom('cases')
		.selectAll()
		.where('district_id', '=', districtId)
		.execute();
	const cases = new Map(
		caseRows
			.filter(
				(c) =>
					c.district_id === districtId && (!organisationId || c.organisation_id === organisationId),
			)
			.map((c) => [c.id, c]),
	);
	const ofCases = async <T extends CaseChild>(table: T) =>
		(await childRows(db, table, districtId)).filter((r) => cases.has(r.case_id));
	return {
		cases,
		persons: await ofCases('case_persons'),
		closures: await ofCases('closures'),
		contacts: await ofCases('contacts'),
		topics: await db
			.selectFrom('contact_topics')
			.innerJoin('contacts', 'contacts.id', 'contact_topics.contact_id')
			.innerJoin('cases', 'cases.id', 'contacts.case_id')
			.select(['contact_topics.contact_id', 'contact_topics.topic'])
			.where('cases.district_id', '=', districtId)
			.execute(),
		plans: await ofCases('plans'),
		referrals: await ofCases('referrals'),
	};
}

/** All rows of one table that belong to the district's cases. */
async function childRows<T extends CaseChild>(db: Kysely<Database>, table: T, districtId: string) {
	const query = sql<
		Row<T> & { case_id: string }
	>`select t.* from ${sql.table(table)} t inner join cases c on c.id = t.case_id where c.district_id = ${districtId}`;
	return (await query.execute(db)).rows;
}

/** The period rules of docs/report.md for cases and closures. */
function periodRules(rows: DistrictRows, { from, to }: Period) {
	const closuresOf = new Map<string, Row<'closures'>[]>();
	for (const x of rows.closures)
		closuresOf.set(x.case_id, [...(closuresOf.get(x.case_id) ?? []), x]);
	const inPeriod = (d: string) => d >= from && d <= to;
	return {
		inPeriod,
		/** Opened by the end of the period and not closed before it for good (not reopened by its end). */
		counselled: (c: CaseRow) =>
			c.opened_on <= to &&
			!(closuresOf.get(c.id) ?? []).some(
				(x) => x.closed_on < from && (x.reopened_on === null || x.reopened_on > to),
			),
		reopenedInPeriod: (c: CaseRow) =>
			(closuresOf.get(c.id) ?? []).some((x) => x.reopened_on !== null && inPeriod(x.reopened_on)),
		/** Closed in the period and not reopened by its end. */
		closedInPeriod: (x: Row<'closures'>) =>
			inPeriod(x.closed_on) && (x.reopened_on === null || x.reopened_on > to),
	};
}

type PeriodRules = ReturnType<typeof periodRules>;

/** Every source row in the period, per source. */
function periodItems(
	rows: DistrictRows,
	scope: QueryScope,
): Record<CountIndicator['count'], Item[]> {
	const rules = periodRules(rows, scope.period);
	const { inPeriod } = rules;
	const contactById = new Map(rows.contacts.map((k) => [k.id, k]));
	const categoryOf = new Map<string, string>();
	for (const [category, ids] of scope.servicesByCategory)
		for (const id of ids) categoryOf.set(id, category);
	return {
		cases: [...rows.cases.values()].filter(rules.counselled).map((c) => ({
			caseId: c.id,
			opened_on: c.opened_on,
			reopenedInPeriod: rules.reopenedInPeriod(c),
		})),
		persons: personItems(rows, rules, scope.period),
		closures: rows.closures.filter(rules.closedInPeriod).map((x) => ({ caseId: x.case_id, ...x })),
		contacts: rows.contacts
			.filter((k) => inPeriod(k.contact_date))
			.map((k) => ({ caseId: k.case_id, channel: k.channel })),
		contactTopics: rows.topics.flatMap((t) => {
			const k = contactById.get(t.contact_id);
			return k && inPeriod(k.contact_date)
				? [{ caseId: k.case_id, channel: k.channel, topic: t.topic }]
				: [];
		}),
		plans: rows.plans
			.filter((pl) => inPeriod(pl.plan_date))
			.map((pl) => ({ caseId: pl.case_id, kind: pl.kind })),
		referrals: rows.referrals
			.filter((r) => inPeriod(r.referred_on))
			.map((r) => ({ caseId: r.case_id, category: categoryOf.get(r.service_id) ?? null })),
	};
}

/** The persons of counselled cases born by the end of the period; minor = under 18 at the later of intake and period start. */
function personItems(rows: DistrictRows, rules: PeriodRules, { from, to }: Period): Item[] {
	return rows.persons
		.filter((p) => p.birth_date <= to && rules.counselled(caseOf(rows.cases, p.case_id)))
		.map((p) => {
			const c = caseOf(rows.cases, p.case_id);
			const reference = c.opened_on > from ? c.opened_on : from;
			return {
				caseId: p.case_id,
				opened_on: c.opened_on,
				minor: ageOn(p.birth_date, reference) < 18,
				role: p.role,
				german_level: p.german_level,
				occupation: p.occupation,
			};
		});
}

const caseOf = (cases: DistrictRows['cases'], id: string) => cases.get(id) as CaseRow;

// Filters that name a list of values, and the item field each reads; the others are yes/no questions.
const listFilters: Partial<Record<keyof IndicatorFilter, string>> = {
	role: 'role',
	germanLevel: 'german_level',
	occupation: 'occupation',
	reason: 'reason',
	channel: 'channel',
	topic: 'topic',
	planKind: 'kind',
	serviceCategory: 'category',
};
const flagFilters: Partial<Record<keyof IndicatorFilter, string>> = {
	ownTenancy: 'own_tenancy',
	employmentSocialInsurance: 'employment_social_insurance',
	trainingInternshipStudy: 'training_internship_study',
};
const breakdownField: Record<string, string> = {
	channel: 'channel',
	topic: 'topic',
	reason: 'reason',
	planKind: 'kind',
	serviceCategory: 'category',
	germanLevel: 'german_level',
	occupation: 'occupation',
};

/** Whether an item of case `c` meets every condition of an indicator's filter. */
function matches(item: Item, c: CaseRow, filter: IndicatorFilter, scope: QueryScope): boolean {
	return Object.entries(filter).every(([name, value]) => {
		const key = name as keyof IndicatorFilter;
		const list = listFilters[key];
		if (list) return (value as string[]).includes(String(item[list]));
		const flag = flagFilters[key];
		if (flag) return (item[flag] === 1) === value;
		if (key === 'age') return item.minor === (value === 'minor');
		if (key === 'openedInPeriod') return c.opened_on >= scope.period.from === value;
		if (key === 'reopenedInPeriod') return item.reopenedInPeriod === value;
		if (key === 'withEligiblePersons')
			return scope.eligibleMunicipalities.includes(c.municipality_ags) === value;
		return false;
	});
}

/** Counts the matching items of each count indicator (and its breakdown) per manager, organisation and municipality. */
function countCells(
	definition: ReportDefinition,
	items: Record<CountIndicator['count'], Item[]>,
	cases: DistrictRows['cases'],
	scope: QueryScope,
): Cell[] {
	const cells = new Map<string, Cell>();
	const add = (c: CaseRow, key: string) => {
		const cell = cellOf(cells, c);
		cell.values[key] = (cell.values[key] ?? 0) + 1;
	};
	for (const indicator of definition.indicators.filter(isCount)) {
		for (const item of items[indicator.count]) {
			const c = caseOf(cases, item.caseId);
			if (!matches(item, c, indicator.where ?? {}, scope)) continue;
			add(c, indicator.id);
			if (!indicator.breakdown) continue;
			const value = item[breakdownField[indicator.breakdown]];
			if (breakdownValues(indicator.breakdown).some((v) => v.value === value))
				add(c, `${indicator.id}.${value}`);
		}
	}
	return [...cells.values()];
}
