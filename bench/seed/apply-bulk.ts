import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DistrictProfile } from '../../src/generated/types';
import { personRows, searchName } from '../../src/service/case-rows';
import type { CaseStatus, Database } from '../../src/store/database';
import type { CaseStore } from '../../src/store/open-store';
import type { SimCase } from './simulate';

type Rows = { [T in keyof Database]: Insertable<Database[T]>[] };

const tables = ['cases', 'case_persons', 'status_history', 'plans', 'contacts', 'contact_topics', 'referrals', 'referral_events', 'closures'] as const;

/**
 * The rows the core writes for a simulated case (same columns, values, versions and status history), built in memory
 * for bulk insertion. Not written: the protocol rows of each operation (`audit_log`, `case_events`), which no report
 * reads; `test/integration/seed.test.ts` checks that both paths give the same figures.
 */
export function caseRows(profile: DistrictProfile, sim: SimCase, at: string, into: Partial<Rows>): void {
	const push = <T extends keyof Database>(table: T, row: Insertable<Database[T]>) => ((into[table] ??= [] as Rows[T]) as Insertable<Database[T]>[]).push(row);
	const id = randomUUID();
	const persons = personRows(id, sim.intake);
	let status: CaseStatus = 'intake';
	let closedOn: string | null = null;
	let version = 1;
	let plans = 0;
	const by = sim.managerId;
	const coordinator = profile.staff.find((s) => s.role === 'coordinator')?.id ?? by;
	const history = (from: CaseStatus | null, to: CaseStatus, on: string, who: string) =>
		push('status_history', { case_id: id, from_status: from, to_status: to, changed_on: on, created_at: at, created_by: who });
	history(null, 'intake', sim.intake.intakeDate, coordinator);
	for (const row of persons.rows) push('case_persons', row);
	const referrals = new Map<number, Insertable<Database['referrals']>>();
	const closures: Insertable<Database['closures']>[] = [];
	for (const op of sim.ops) {
		version++;
		switch (op.kind) {
			case 'plan':
				plans++;
				push('plans', { id: randomUUID(), case_id: id, version: plans, kind: op.continued ? 'continued' : 'created', plan_date: op.date, review_date: op.plan.reviewDate, data_json: JSON.stringify(op.plan), created_at: at, created_by: by });
				if (status === 'intake') {
					history('intake', 'active', op.date, by);
					status = 'active';
				}
				break;
			case 'contact': {
				const contactId = randomUUID();
				const c = op.contact;
				push('contacts', { id: contactId, case_id: id, contact_date: c.date, channel: c.channel, minutes: c.minutes, note: c.note ?? null, created_at: at, created_by: by });
				for (const topic of c.topics) push('contact_topics', { contact_id: contactId, topic });
				break;
			}
			case 'referral': {
				const row = { id: randomUUID(), case_id: id, service_id: op.serviceId, reason: op.reason, note: null, referred_on: op.date, status: 'open' as const, status_on: op.date, created_at: at, created_by: by, updated_at: at };
				referrals.set(op.ref, row);
				push('referrals', row);
				push('referral_events', { referral_id: row.id, status: 'open', event_on: op.date, note: null, created_at: at, created_by: by });
				break;
			}
			case 'referralStatus': {
				const row = referrals.get(op.ref);
				if (!row) throw new Error('referral status before referral');
				row.status = op.status;
				row.status_on = op.date;
				push('referral_events', { referral_id: row.id, status: op.status, event_on: op.date, note: null, created_at: at, created_by: by });
				break;
			}
			case 'close': {
				const o = op.closure.outcomes;
				const row = {
					id: randomUUID(), case_id: id, closed_on: op.date, reason: op.closure.reason, reason_note: op.closure.reasonNote ?? null, moved_to: op.closure.movedTo ?? null,
					own_tenancy: o.ownTenancy ? 1 : 0, german_level: o.germanLevel ?? null, employment_social_insurance: o.employmentSocialInsurance ? 1 : 0,
					training_internship_study: o.trainingInternshipStudy ? 1 : 0, data_json: JSON.stringify(op.closure), reopened_on: null as string | null, reopen_reason: null as string | null, created_at: at, created_by: by,
				};
				closures.push(row);
				push('closures', row);
				history(status, 'closed', op.date, by);
				status = 'closed';
				closedOn = op.date;
				break;
			}
			case 'reopen': {
				const last = closures[closures.length - 1];
				last.reopened_on = op.date;
				last.reopen_reason = op.reason;
				const to: CaseStatus = plans > 0 ? 'active' : 'intake';
				history('closed', to, op.date, by);
				status = to;
				closedOn = null;
				break;
			}
		}
	}
	// Inserted first: the other rows refer to the case.
	(into.cases ??= []).push({
		id, district_id: profile.id, organisation_id: sim.organisationId, manager_id: sim.managerId, municipality_ags: sim.intake.municipality, status, version,
		opened_on: sim.intake.intakeDate, closed_on: closedOn, search_name: searchName(sim.intake), persons_count: persons.rows.length, minors_count: persons.minors,
		extension_reason: null, extension_on: null, data_json: JSON.stringify(sim.intake), created_at: at, created_by: coordinator, updated_at: at,
	});
}

/** Inserts the rows of many cases in one transaction, in multi-row statements that stay below both backends' parameter limits. */
export async function insertRows(store: CaseStore, rows: Partial<Rows>): Promise<void> {
	await store.db.transaction().execute(async (trx) => {
		for (const table of tables) {
			const list = (rows[table] ?? []) as Record<string, unknown>[];
			if (list.length === 0) continue;
			const perStatement = Math.max(1, Math.floor(30_000 / Object.keys(list[0]).length));
			for (let i = 0; i < list.length; i += perStatement) {
				await trx.insertInto(table).values(list.slice(i, i + perStatement) as never).execute();
			}
		}
	});
}
