import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/store/database';
import type { Backend } from '../src/store/migrations';
import { withoutJit } from '../src/report/compute';
import type { Period } from '../src/report/period';
import { eighteenYearsBefore } from '../src/report/conditions';

/**
 * The floor of the benchmark: the figures of the shipped definition per manager, as one SQL statement written by
 * hand for exactly this definition (what an expert would write without any generality). Same period rules.
 */
export async function handwrittenReport(db: Kysely<Database>, backend: Backend, districtId: string, period: Period, eligible: string[], services: Map<string, string[]>) {
	const { from, to } = period;
	const threshold = sql`case when c.opened_on > ${from} then (cast(substr(c.opened_on, 1, 4) as integer) - 18) || substr(c.opened_on, 5) else ${eighteenYearsBefore(from)} end`;
	const counselled = sql`c.district_id = ${districtId} and c.opened_on <= ${to} and not exists (select 1 from closures x0 where x0.case_id = c.id and x0.closed_on < ${from} and (x0.reopened_on is null or x0.reopened_on > ${to}))`;
	const list = (values: string[]) => (values.length ? sql.join(values) : sql`null`);
	const n = (cond: ReturnType<typeof sql>) => sql`sum(case when ${cond} then 1 else 0 end)`;
	const channels = ['in_person', 'phone', 'whatsapp', 'email', 'home_visit', 'video'];
	const topics = ['language', 'childcare_school', 'training_study', 'work', 'housing', 'health', 'participation', 'family', 'residence', 'benefits_finances', 'authorities_forms', 'other'];
	const reasons = ['self_reliant', 'moved_away', 'contact_lost', 'maximum_duration', 'client_request', 'other_service', 'other'];
	const categories = [...services.keys()];
	const query = sql<Record<string, string | number | null>>`
		with
		cs as (
			select c.manager_id, count(*) as cases_counselled,
				${n(sql`c.opened_on >= ${from}`)} as intakes,
				${n(sql`exists (select 1 from closures x1 where x1.case_id = c.id and x1.reopened_on >= ${from} and x1.reopened_on <= ${to})`)} as reopenings
			from cases c where ${counselled} group by c.manager_id),
		ps as (
			select c.manager_id, count(*) as persons_counselled,
				${n(sql`p.birth_date > ${threshold}`)} as persons_minors,
				${n(sql`p.birth_date <= ${threshold}`)} as persons_adults,
				${n(sql`c.opened_on >= ${from}`)} as intake_persons,
				${n(sql`p.birth_date <= ${threshold} and p.german_level in ('B1', 'B2', 'C1', 'C2')`)} as adults_german_b1,
				${n(sql`p.birth_date <= ${threshold} and p.occupation = 'employed_social_insurance'`)} as adults_employed,
				${n(sql`p.birth_date <= ${threshold} and p.occupation in ('vocational_training', 'internship', 'study')`)} as adults_training,
				${n(sql`c.municipality_ags in (${list(eligible)})`)} as persons_in_eligible_municipalities
			from case_persons p join cases c on c.id = p.case_id where ${counselled} and p.birth_date <= ${to} group by c.manager_id),
		pls as (
			select c.manager_id, ${n(sql`pl.kind = 'created'`)} as plans_created, ${n(sql`pl.kind = 'continued'`)} as plans_continued
			from plans pl join cases c on c.id = pl.case_id where c.district_id = ${districtId} and pl.plan_date >= ${from} and pl.plan_date <= ${to} group by c.manager_id),
		ks as (
			select c.manager_id, count(*) as contacts, ${sql.join(channels.map((ch) => sql`${n(sql`k.channel = ${ch}`)} as ${sql.ref(`ch_${ch}`)}`))}
			from contacts k join cases c on c.id = k.case_id where c.district_id = ${districtId} and k.contact_date >= ${from} and k.contact_date <= ${to} group by c.manager_id),
		ts as (
			select c.manager_id, count(*) as topics, ${sql.join(topics.map((tp) => sql`${n(sql`t.topic = ${tp}`)} as ${sql.ref(`tp_${tp}`)}`))}
			from contact_topics t join contacts k on k.id = t.contact_id join cases c on c.id = k.case_id
			where c.district_id = ${districtId} and k.contact_date >= ${from} and k.contact_date <= ${to} group by c.manager_id),
		rs as (
			select c.manager_id, count(*) as referrals, ${sql.join(categories.map((cat) => sql`${n(sql`r.service_id in (${list(services.get(cat) ?? [])})`)} as ${sql.ref(`sc_${cat}`)}`))}
			from referrals r join cases c on c.id = r.case_id where c.district_id = ${districtId} and r.referred_on >= ${from} and r.referred_on <= ${to} group by c.manager_id),
		xs as (
			select c.manager_id, count(*) as closures, ${n(sql`x.own_tenancy = 1`)} as closures_own_tenancy,
				${sql.join(reasons.map((re) => sql`${n(sql`x.reason = ${re}`)} as ${sql.ref(`re_${re}`)}`))}
			from closures x join cases c on c.id = x.case_id
			where c.district_id = ${districtId} and x.closed_on >= ${from} and x.closed_on <= ${to} and (x.reopened_on is null or x.reopened_on > ${to}) group by c.manager_id),
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
