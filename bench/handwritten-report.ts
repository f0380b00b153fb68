import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Breakdown } from '../src/generated/types';
import type { Database } from '../src/store/database';
import type { Backend } from '../src/store/migrations';
import { withoutJit } from '../src/report/compute';
import { eighteenYearsBefore } from '../src/report/conditions';
import { breakdownValues } from '../src/report/labels';
import type { Period } from '../src/report/period';

/** What the statement is written for: one district, one period. */
interface Floor {
	districtId: string;
	from: string;
	to: string;
	eligible: string[];
	services: Map<string, string[]>;
}

type Fragment = RawBuilder<unknown>;

/**
 * The floor of the benchmark: the figures of the shipped definition per manager, as one SQL statement written by
 * hand for exactly this definition (what an expert would write without any generality). Same period rules.
 */
export async function handwrittenReport(
	db: Kysely<Database>,
	backend: Backend,
	districtId: string,
	period: Period,
	eligible: string[],
	services: Map<string, string[]>,
) {
	const f: Floor = { districtId, from: period.from, to: period.to, eligible, services };
	const query = sql<Record<string, string | number | null>>`
		with
		cs as (${caseCounts(f)}),
		ps as (${personCounts(f)}),
		pls as (${planCounts(f)}),
		ks as (${contactCounts(f)}),
		ts as (${topicCounts(f)}),
		rs as (${referralCounts(f)}),
		xs as (${closureCounts(f)}),
		managers as (select distinct manager_id from cases where district_id = ${districtId})
		select cs.*, ps.*, pls.*, ks.*, ts.*, rs.*, xs.*, m.manager_id as mid
		from managers m
		left join cs on cs.manager_id = m.manager_id left join ps on ps.manager_id = m.manager_id
		left join pls on pls.manager_id = m.manager_id left join ks on ks.manager_id = m.manager_id
		left join ts on ts.manager_id = m.manager_id left join rs on rs.manager_id = m.manager_id
		left join xs on xs.manager_id = m.manager_id`;
	// Same session setting as the report (JIT off on PostgreSQL), so that only the SQL differs.
	const result = await withoutJit(db, backend, (conn) => query.execute(conn));
	return result.rows;
}

const n = (cond: Fragment) => sql`sum(case when ${cond} then 1 else 0 end)`;
const list = (values: string[]) => (values.length ? sql.join(values) : sql`null`);
const between = (column: string, f: Floor) =>
	sql`${sql.ref(column)} >= ${f.from} and ${sql.ref(column)} <= ${f.to}`;
/** One count column per value of a breakdown: `<prefix>_<value>`. */
const perValue = (column: string, breakdown: Breakdown, prefix: string) =>
	sql.join(
		breakdownValues(breakdown).map(
			({ value }) =>
				sql`${n(sql`${sql.ref(column)} = ${value}`)} as ${sql.ref(`${prefix}_${value}`)}`,
		),
	);

/** Cases `c` counselled in the period: opened by its end and not closed before it for good. */
const counselled = (f: Floor) =>
	sql`c.district_id = ${f.districtId} and c.opened_on <= ${f.to} and not exists (select 1 from closures x0 where x0.case_id = c.id and x0.closed_on < ${f.from} and (x0.reopened_on is null or x0.reopened_on > ${f.to}))`;

/** Birth dates after this are minors: 18 years before the intake, or before the period start if the case is older. */
const threshold = (f: Floor) =>
	sql`case when c.opened_on > ${f.from} then (cast(substr(c.opened_on, 1, 4) as integer) - 18) || substr(c.opened_on, 5) else ${eighteenYearsBefore(f.from)} end`;

function caseCounts(f: Floor): Fragment {
	return sql`select c.manager_id, count(*) as cases_counselled,
		${n(sql`c.opened_on >= ${f.from}`)} as intakes,
		${n(sql`exists (select 1 from closures x1 where x1.case_id = c.id and ${between('x1.reopened_on', f)})`)} as reopenings
		from cases c where ${counselled(f)} group by c.manager_id`;
}

function personCounts(f: Floor): Fragment {
	const adult = sql`p.birth_date <= ${threshold(f)}`;
	return sql`select c.manager_id, count(*) as persons_counselled,
		${n(sql`p.birth_date > ${threshold(f)}`)} as persons_minors,
		${n(adult)} as persons_adults,
		${n(sql`c.opened_on >= ${f.from}`)} as intake_persons,
		${n(sql`${adult} and p.german_level in ('B1', 'B2', 'C1', 'C2')`)} as adults_german_b1,
		${n(sql`${adult} and p.occupation = 'employed_social_insurance'`)} as adults_employed,
		${n(sql`${adult} and p.occupation in ('vocational_training', 'internship', 'study')`)} as adults_training,
		${n(sql`c.municipality_ags in (${list(f.eligible)})`)} as persons_in_eligible_municipalities
		from case_persons p join cases c on c.id = p.case_id where ${counselled(f)} and p.birth_date <= ${f.to} group by c.manager_id`;
}

function planCounts(f: Floor): Fragment {
	return sql`select c.manager_id, ${n(sql`pl.kind = 'created'`)} as plans_created, ${n(sql`pl.kind = 'continued'`)} as plans_continued
		from plans pl join cases c on c.id = pl.case_id where c.district_id = ${f.districtId} and ${between('pl.plan_date', f)} group by c.manager_id`;
}

function contactCounts(f: Floor): Fragment {
	return sql`select c.manager_id, count(*) as contacts, ${perValue('k.channel', 'channel', 'ch')}
		from contacts k join cases c on c.id = k.case_id where c.district_id = ${f.districtId} and ${between('k.contact_date', f)} group by c.manager_id`;
}

function topicCounts(f: Floor): Fragment {
	return sql`select c.manager_id, count(*) as topics, ${perValue('t.topic', 'topic', 'tp')}
		from contact_topics t join contacts k on k.id = t.contact_id join cases c on c.id = k.case_id
		where c.district_id = ${f.districtId} and ${between('k.contact_date', f)} group by c.manager_id`;
}

function referralCounts(f: Floor): Fragment {
	const categories = [...f.services.keys()].map(
		(cat) =>
			sql`${n(sql`r.service_id in (${list(f.services.get(cat) ?? [])})`)} as ${sql.ref(`sc_${cat}`)}`,
	);
	return sql`select c.manager_id, count(*) as referrals, ${sql.join(categories)}
		from referrals r join cases c on c.id = r.case_id where c.district_id = ${f.districtId} and ${between('r.referred_on', f)} group by c.manager_id`;
}

function closureCounts(f: Floor): Fragment {
	return sql`select c.manager_id, count(*) as closures, ${n(sql`x.own_tenancy = 1`)} as closures_own_tenancy, ${perValue('x.reason', 'reason', 're')}
		from closures x join cases c on c.id = x.case_id
		where c.district_id = ${f.districtId} and ${between('x.closed_on', f)} and (x.reopened_on is null or x.reopened_on > ${f.to}) group by c.manager_id`;
}
