import { sql, type Kysely, type Migration } from 'kysely';
import type { Backend } from './backend';

/** An integer key that numbers itself, on both backends. */
function serialTable(backend: Backend) {
	return (db: Kysely<any>, table: string, column = 'id') =>
		backend === 'postgres'
			? db.schema.createTable(table).addColumn(column, 'bigserial', (c) => c.primaryKey())
			: db.schema
					.createTable(table)
					.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement());
}
type Serial = ReturnType<typeof serialTable>;

/** The cases and the persons of their households. */
async function createCases(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('cases')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('district_id', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('manager_id', 'text', (c) => c.notNull())
		.addColumn('municipality_ags', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('intake', 'active', 'closed')`),
		)
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('opened_on', 'text', (c) => c.notNull())
		.addColumn('closed_on', 'text')
		.addColumn('search_name', 'text', (c) => c.notNull())
		.addColumn('persons_count', 'integer', (c) => c.notNull())
		.addColumn('minors_count', 'integer', (c) => c.notNull())
		.addColumn('extension_reason', 'text')
		.addColumn('extension_on', 'text')
		.addColumn('data_json', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('cases_scope')
		.on('cases')
		.columns(['district_id', 'organisation_id', 'status'])
		.execute();
	await db.schema
		.createIndex('cases_manager')
		.on('cases')
		.columns(['district_id', 'manager_id', 'status'])
		.execute();
	await db.schema
		.createTable('case_persons')
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('birth_date', 'text', (c) => c.notNull())
		.addColumn('relationship', 'text')
		.addColumn('german_level', 'text')
		.addColumn('occupation', 'text')
		.addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'position'])
		.execute();
}

/** What counselling documents: plan versions, contacts and their topics. */
async function createDocumentation(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('plans')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('plan_date', 'text', (c) => c.notNull())
		.addColumn('review_date', 'text', (c) => c.notNull())
		.addColumn('data_json', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addUniqueConstraint('plans_case_version', ['case_id', 'version'])
		.execute();
	await db.schema
		.createTable('contacts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('contact_date', 'text', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull())
		.addColumn('minutes', 'integer', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('contacts_case_date')
		.on('contacts')
		.columns(['case_id', 'contact_date'])
		.execute();
	await db.schema
		.createTable('contact_topics')
		.addColumn('contact_id', 'text', (c) =>
			c.notNull().references('contacts.id').onDelete('cascade'),
		)
		.addColumn('topic', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('contact_topics_pk', ['contact_id', 'topic'])
		.execute();
}

/** Referrals to services and the history of their states. */
async function createReferrals(db: Kysely<any>, serial: Serial): Promise<void> {
	await db.schema
		.createTable('referrals')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('service_id', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('referred_on', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('open', 'accepted', 'declined', 'done')`),
		)
		.addColumn('status_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('referrals_case')
		.on('referrals')
		.columns(['case_id', 'status'])
		.execute();
	await serial(db, 'referral_events')
		.addColumn('referral_id', 'text', (c) =>
			c.notNull().references('referrals.id').onDelete('cascade'),
		)
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('event_on', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.execute();
}

/** Closures (with the outcomes the funder counts) and every change of status. */
async function createClosures(db: Kysely<any>, serial: Serial): Promise<void> {
	await db.schema
		.createTable('closures')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('closed_on', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('reason_note', 'text')
		.addColumn('moved_to', 'text')
		.addColumn('own_tenancy', 'integer', (c) => c.notNull())
		.addColumn('german_level', 'text')
		.addColumn('employment_social_insurance', 'integer', (c) => c.notNull())
		.addColumn('training_internship_study', 'integer', (c) => c.notNull())
		.addColumn('data_json', 'text', (c) => c.notNull())
		.addColumn('reopened_on', 'text')
		.addColumn('reopen_reason', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('closures_case')
		.on('closures')
		.columns(['case_id', 'closed_on'])
		.execute();
	await serial(db, 'status_history')
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('changed_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('status_history_case')
		.on('status_history')
		.columns(['case_id', 'id'])
		.execute();
}

/** Submissions (idempotency), the outbox of case events and the audit log. */
async function createLogs(db: Kysely<any>, serial: Serial): Promise<void> {
	await db.schema
		.createTable('submissions')
		.addColumn('submission_id', 'text', (c) => c.primaryKey())
		.addColumn('operation', 'text', (c) => c.notNull())
		.addColumn('case_id', 'text')
		.addColumn('result_json', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await serial(db, 'case_events', 'seq')
		.addColumn('case_id', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('payload_json', 'text', (c) => c.notNull())
		.execute();
	await serial(db, 'audit_log')
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.notNull())
		.addColumn('actor_role', 'text', (c) => c.notNull())
		.addColumn('actor_organisation', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('case_id', 'text')
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.execute();
	await db.schema
		.createIndex('audit_log_case')
		.on('audit_log')
		.columns(['case_id', 'id'])
		.execute();
}

/** The audit log is append-only: the database itself refuses to change or delete a row. */
async function protectAuditLog(db: Kysely<any>, backend: Backend): Promise<void> {
	if (backend === 'postgres') {
		await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
				begin raise exception 'Das Protokoll (audit_log) darf nicht geändert oder gelöscht werden'; end $$`.execute(
			db,
		);
		await sql`create trigger audit_log_no_change before update or delete on audit_log
				for each row execute function audit_log_append_only()`.execute(db);
	} else {
		for (const op of ['update', 'delete']) {
			await sql
				.raw(
					`create trigger audit_log_no_${op} before ${op} on audit_log begin ` +
						`select raise(abort, 'Das Protokoll (audit_log) darf nicht geändert oder gelöscht werden'); end`,
				)
				.execute(db);
		}
	}
}

/**
 * Schema of the case store, written once for both backends. Migrations live in code (not files),
 * so they ship inside the package and run the same from `src/` and `dist/`.
 */
export function initial(backend: Backend): Migration {
	const serial = serialTable(backend);
	return {
		async up(db: Kysely<any>) {
			await createCases(db);
			await createDocumentation(db);
			await createReferrals(db, serial);
			await createClosures(db, serial);
			await createLogs(db, serial);
			await protectAuditLog(db, backend);
		},
		async down(db: Kysely<any>) {
			for (const table of [
				'audit_log',
				'case_events',
				'submissions',
				'status_history',
				'closures',
				'referral_events',
				'referrals',
				'contact_topics',
				'contacts',
				'plans',
				'case_persons',
				'cases',
			]) {
				await db.schema.dropTable(table).ifExists().execute();
			}
			if (backend === 'postgres')
				await sql`drop function if exists audit_log_append_only()`.execute(db);
		},
	};
}
