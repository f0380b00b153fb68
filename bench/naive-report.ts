import type { Kysely } from 'kysely';
import type { CountIndicator, IndicatorFilter, ReportDefinition } from '../src/generated/types';
import { ageOn } from '../src/lifecycle/dates';
import type { Cell } from '../src/report/compute';
import { isCount } from '../src/report/definitions';
import { breakdownValues } from '../src/report/labels';
import type { QueryScope } from '../src/report/sources';
import type { Database } from '../src/store/database';

/**
 * The naive way, for the benchmark and as an independent check of the SQL: load the district's rows into
 * JavaScript and count there, following the period rules as written in docs/report.md.
 */
export async function naiveCells(db: Kysely<Database>, definition: ReportDefinition, scope: QueryScope): Promise<Cell[]> {
	const { from, to } = scope.period;
	const caseFilter = (org?: string) => (row: { district_id: string; organisation_id: string }) => row.district_id === scope.districtId && (!org || row.organisation_id === org);
	const cases = (await db.selectFrom('cases').selectAll().where('district_id', '=', scope.districtId).execute()).filter(caseFilter(scope.organisationId));
	const byId = new Map(cases.map((c) => [c.id, c]));
	const join = async <T extends { case_id: string }>(rows: Promise<T[]>) => (await rows).filter((r) => byId.has(r.case_id));
	const persons = await join(db.selectFrom('case_persons').innerJoin('cases', 'cases.id', 'case_persons.case_id').selectAll('case_persons').where('cases.district_id', '=', scope.districtId).execute());
	const closures = await join(db.selectFrom('closures').innerJoin('cases', 'cases.id', 'closures.case_id').selectAll('closures').where('cases.district_id', '=', scope.districtId).execute());
	const contacts = await join(db.selectFrom('contacts').innerJoin('cases', 'cases.id', 'contacts.case_id').selectAll('contacts').where('cases.district_id', '=', scope.districtId).execute());
	const topics = await db
		.selectFrom('contact_topics')
		.innerJoin('contacts', 'contacts.id', 'contact_topics.contact_id')
		.innerJoin('cases', 'cases.id', 'contacts.case_id')
		.select(['contact_topics.contact_id', 'contact_topics.topic'])
		.where('cases.district_id', '=', scope.districtId)
		.execute();
	const plans = await join(db.selectFrom('plans').innerJoin('cases', 'cases.id', 'plans.case_id').selectAll('plans').where('cases.district_id', '=', scope.districtId).execute());
	const referrals = await join(db.selectFrom('referrals').innerJoin('cases', 'cases.id', 'referrals.case_id').selectAll('referrals').where('cases.district_id', '=', scope.districtId).execute());

	const closuresOf = new Map<string, typeof closures>();
	for (const x of closures) closuresOf.set(x.case_id, [...(closuresOf.get(x.case_id) ?? []), x]);
	const inPeriod = (d: string) => d >= from && d <= to;
	const counselled = (c: (typeof cases)[number]) => c.opened_on <= to && !(closuresOf.get(c.id) ?? []).some((x) => x.closed_on < from && (x.reopened_on === null || x.reopened_on > to));
	const contactById = new Map(contacts.map((k) => [k.id, k]));
	const categoryOf = new Map<string, string>();
	for (const [category, ids] of scope.servicesByCategory) for (const id of ids) categoryOf.set(id, category);

	// Every source row in the period as a flat record the filters and breakdowns can read.
	type Item = { caseId: string } & Record<string, string | number | null | boolean>;
	const items: Record<CountIndicator['count'], Item[]> = {
		cases: cases.filter(counselled).map((c) => ({ caseId: c.id, opened_on: c.opened_on, reopenedInPeriod: (closuresOf.get(c.id) ?? []).some((x) => x.reopened_on !== null && inPeriod(x.reopened_on)) })),
		persons: persons
			.filter((p) => p.birth_date <= to && counselled(byId.get(p.case_id) as (typeof cases)[number]))
			.map((p) => {
				const c = byId.get(p.case_id) as (typeof cases)[number];
				const reference = c.opened_on > from ? c.opened_on : from;
				return { caseId: p.case_id, opened_on: c.opened_on, minor: ageOn(p.birth_date, reference) < 18, role: p.role, german_level: p.german_level, occupation: p.occupation };
			}),
		closures: closures.filter((x) => inPeriod(x.closed_on) && (x.reopened_on === null || x.reopened_on > to)).map((x) => ({ caseId: x.case_id, ...x })),
		contacts: contacts.filter((k) => inPeriod(k.contact_date)).map((k) => ({ caseId: k.case_id, channel: k.channel })),
		contactTopics: topics.flatMap((t) => {
			const k = contactById.get(t.contact_id);
			return k && inPeriod(k.contact_date) ? [{ caseId: k.case_id, channel: k.channel, topic: t.topic }] : [];
		}),
		plans: plans.filter((pl) => inPeriod(pl.plan_date)).map((pl) => ({ caseId: pl.case_id, kind: pl.kind })),
		referrals: referrals.filter((r) => inPeriod(r.referred_on)).map((r) => ({ caseId: r.case_id, category: categoryOf.get(r.service_id) ?? null })),
	};

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
	const matches = (item: Item, filter: IndicatorFilter): boolean =>
		Object.entries(filter).every(([name, value]) => {
			const key = name as keyof IndicatorFilter;
			const c = byId.get(item.caseId) as (typeof cases)[number];
			const list = listFilters[key];
			if (list) return (value as string[]).includes(String(item[list]));
			const flag = flagFilters[key];
			if (flag) return (item[flag] === 1) === value;
			if (key === 'age') return item.minor === (value === 'minor');
			if (key === 'openedInPeriod') return (c.opened_on >= from) === value;
			if (key === 'reopenedInPeriod') return item.reopenedInPeriod === value;
			if (key === 'withEligiblePersons') return scope.eligibleMunicipalities.includes(c.municipality_ags) === value;
			return false;
		});
	const breakdownField: Record<string, string> = { channel: 'channel', topic: 'topic', reason: 'reason', planKind: 'kind', serviceCategory: 'category', germanLevel: 'german_level', occupation: 'occupation' };

	const cells = new Map<string, Cell>();
	const add = (caseId: string, key: string) => {
		const c = byId.get(caseId) as (typeof cases)[number];
		const id = `${c.manager_id}\u0000${c.organisation_id}\u0000${c.municipality_ags}`;
		let cell = cells.get(id);
		if (!cell) cells.set(id, (cell = { managerId: c.manager_id, organisationId: c.organisation_id, municipality: c.municipality_ags, values: {} }));
		cell.values[key] = (cell.values[key] ?? 0) + 1;
	};
	for (const indicator of definition.indicators.filter(isCount)) {
		for (const item of items[indicator.count]) {
			if (!matches(item, indicator.where ?? {})) continue;
			add(item.caseId, indicator.id);
			if (indicator.breakdown) {
				const value = item[breakdownField[indicator.breakdown]];
				if (breakdownValues(indicator.breakdown).some((v) => v.value === value)) add(item.caseId, `${indicator.id}.${value}`);
			}
		}
	}
	return [...cells.values()];
}
