import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DistrictProfile } from '../../src/generated/types';
import { personRows, searchName } from '../../src/service/case-rows';
import { closureRow } from '../../src/service/closure';
import { takeCaseNumbers } from '../../src/service/case-number-store';
import type { Tx } from '../../src/service/context';
import { caseDataTables, type CaseStatus, type Database } from '../../src/store/database';
import type { CaseStore } from '../../src/store/open-store';
import { historyIntervals, intakeDelta } from '../../src/lifecycle/case-history';
import { historyRows } from '../../src/store/history-rows';
import type { SimCase, SimOp } from './simulate';

type Rows = { [T in keyof Database]: Insertable<Database[T]>[] };
type OpOf<K extends SimOp['kind']> = Extract<SimOp, { kind: K }>;

/**
 * The rows the core writes for a simulated case (same columns, values, versions and status history), built in memory
 * for bulk insertion. Not written: the protocol rows of each operation (`audit_log`, `case_events`), which no report
 * reads; `test/integration/seed-and-naive.test.ts` checks that both paths give the same figures.
 */
export function caseRows(
	profile: DistrictProfile,
	sim: SimCase,
	at: string,
	into: Partial<Rows>,
): void {
	const coordinator = profile.staff.find((s) => s.role === 'coordinator')?.id ?? sim.managerId;
	const rows = new BulkCase(into, at, sim.managerId);
	const persons = personRows(rows.id, sim.intake);
	rows.history(null, 'intake', sim.intake.intakeDate, coordinator);
	for (const row of persons.rows) rows.push('case_persons', row);
	const place = { managerId: sim.managerId, organisationId: sim.organisationId };
	const delta = intakeDelta(sim.intake, place);
	rows.push('case_file_changes', {
		case_id: rows.id,
		kind: 'intake',
		valid_from: sim.intake.intakeDate,
		change_json: JSON.stringify(delta),
		note: null,
		recorded_at: at,
		recorded_by: coordinator,
	});
	const history = historyRows(
		rows.id,
		historyIntervals([{ id: 0, validFrom: sim.intake.intakeDate, delta }]),
	);
	for (const row of history.places) rows.push('case_history', row);
	for (const row of history.persons) rows.push('case_history_persons', row);
	for (const op of sim.ops) rows.apply(op);
	// Inserted first: the other rows refer to the case.
	(into.cases ??= []).push({
		id: rows.id,
		district_id: profile.id,
		organisation_id: sim.organisationId,
		manager_id: sim.managerId,
		municipality_ags: sim.intake.municipality,
		status: rows.status,
		version: rows.version,
		opened_on: sim.intake.intakeDate,
		case_year: Number(sim.intake.intakeDate.slice(0, 4)),
		// Numbered in `insertRows`, from the store's counter in the inserting transaction.
		case_seq: 0,
		closed_on: rows.closedOn,
		search_name: searchName(sim.intake),
		persons_count: persons.rows.length,
		minors_count: persons.minors,
		extension_reason: null,
		extension_on: null,
		data_json: JSON.stringify(sim.intake),
		created_at: at,
		created_by: coordinator,
		updated_at: at,
	});
}

/** Inserts the rows of many cases in one transaction, in multi-row statements that stay below both backends' parameter limits. */
export async function insertRows(store: CaseStore, rows: Partial<Rows>): Promise<void> {
	await store.db.transaction().execute(async (trx) => {
		await numberCases(trx, rows.cases ?? []);
		for (const table of caseDataTables) {
			const list = (rows[table] ?? []) as Record<string, unknown>[];
			if (list.length === 0) continue;
			const perStatement = Math.max(1, Math.floor(30_000 / Object.keys(list[0]).length));
			for (let i = 0; i < list.length; i += perStatement) {
				await trx
					.insertInto(table)
					.values(list.slice(i, i + perStatement) as never)
					.execute();
			}
		}
	});
}

/** Case numbers per district and year in the order of the list, taken from the counter as the core takes them. */
async function numberCases(trx: Tx, cases: Insertable<Database['cases']>[]): Promise<void> {
	const groups = new Map<string, Insertable<Database['cases']>[]>();
	for (const row of cases) {
		const key = `${row.district_id}\u0000${row.case_year}`;
		const group = groups.get(key) ?? [];
		group.push(row);
		groups.set(key, group);
	}
	for (const group of groups.values()) {
		const { district_id, case_year } = group[0];
		const first = await takeCaseNumbers(trx, district_id, Number(case_year), group.length);
		group.forEach((row, i) => (row.case_seq = first + i));
	}
}

/** One case while its operations are turned into rows: its state (status, version, plans) and the rows so far. */
class BulkCase {
	readonly id = randomUUID();
	status: CaseStatus = 'intake';
	closedOn: string | null = null;
	version = 1;
	private plans = 0;
	private readonly referrals = new Map<number, Insertable<Database['referrals']>>();
	private readonly closures: Insertable<Database['closures']>[] = [];

	/** `by`: the manager, who documents every operation. */
	constructor(
		private readonly into: Partial<Rows>,
		private readonly at: string,
		private readonly by: string,
	) {}

	push<T extends keyof Database>(table: T, row: Insertable<Database[T]>): void {
		((this.into[table] ??= [] as Rows[T]) as Insertable<Database[T]>[]).push(row);
	}

	history(from: CaseStatus | null, to: CaseStatus, on: string, who = this.by): void {
		this.push('status_history', {
			case_id: this.id,
			from_status: from,
			to_status: to,
			changed_on: on,
			created_at: this.at,
			created_by: who,
		});
	}

	/** Each operation is one change of the case (one version more), turned into rows by the method named after its kind. */
	apply(op: SimOp): void {
		this.version++;
		(this[op.kind] as (op: SimOp) => void).call(this, op);
	}

	private plan(op: OpOf<'plan'>): void {
		this.plans++;
		this.push('plans', {
			id: randomUUID(),
			case_id: this.id,
			version: this.plans,
			kind: op.continued ? 'continued' : 'created',
			plan_date: op.date,
			review_date: op.plan.reviewDate,
			data_json: JSON.stringify(op.plan),
			created_at: this.at,
			created_by: this.by,
		});
		if (this.status === 'intake') {
			this.history('intake', 'active', op.date);
			this.status = 'active';
		}
	}

	private contact({ contact: c }: OpOf<'contact'>): void {
		const contactId = randomUUID();
		this.push('contacts', {
			id: contactId,
			case_id: this.id,
			contact_date: c.date,
			channel: c.channel,
			minutes: c.minutes,
			note: c.note ?? null,
			created_at: this.at,
			created_by: this.by,
		});
		for (const topic of c.topics) this.push('contact_topics', { contact_id: contactId, topic });
	}

	private referral(op: OpOf<'referral'>): void {
		const row = {
			id: randomUUID(),
			case_id: this.id,
			service_id: op.serviceId,
			reason: op.reason,
			note: null,
			referred_on: op.date,
			status: 'open' as const,
			status_on: op.date,
			created_at: this.at,
			created_by: this.by,
			updated_at: this.at,
		};
		this.referrals.set(op.ref, row);
		this.push('referrals', row);
		this.referralEvent(row.id, 'open', op.date);
	}

	private referralStatus(op: OpOf<'referralStatus'>): void {
		const row = this.referrals.get(op.ref);
		if (!row) throw new Error('referral status before referral');
		row.status = op.status;
		row.status_on = op.date;
		this.referralEvent(row.id, op.status, op.date);
	}

	private referralEvent(
		referralId: string,
		status: Insertable<Database['referral_events']>['status'],
		on: string,
	): void {
		this.push('referral_events', {
			referral_id: referralId,
			status,
			event_on: on,
			note: null,
			created_at: this.at,
			created_by: this.by,
		});
	}

	private close({ date, closure }: OpOf<'close'>): void {
		const row = closureRow(closure, this.id, this.at, this.by);
		this.closures.push(row);
		this.push('closures', row);
		this.history(this.status, 'closed', date);
		this.status = 'closed';
		this.closedOn = date;
	}

	/** Reopened into the plan phase if it ever had a plan, else back into intake. */
	private reopen(op: OpOf<'reopen'>): void {
		const last = this.closures[this.closures.length - 1];
		last.reopened_on = op.date;
		last.reopen_reason = op.reason;
		const to: CaseStatus = this.plans > 0 ? 'active' : 'intake';
		this.history('closed', to, op.date);
		this.status = to;
		this.closedOn = null;
	}
}
