import { sql, type Kysely, type Migration } from 'kysely';

/** Staff accounts with their password hash (one per staff member of a district profile). */
async function createAccounts(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('staff_accounts')
		.addColumn('district_id', 'text', (c) => c.notNull())
		.addColumn('staff_id', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('password_set_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('staff_accounts_pk', ['district_id', 'staff_id'])
		.execute();
	await db.schema
		.createTable('staff_invitations')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('district_id', 'text', (c) => c.notNull())
		.addColumn('staff_id', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema
		.createIndex('staff_invitations_staff')
		.on('staff_invitations')
		.columns(['district_id', 'staff_id'])
		.execute();
}

/** Server-side sessions and the failure counters of the lockout. */
async function createSessions(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('staff_sessions')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('district_id', 'text', (c) => c.notNull())
		.addColumn('staff_id', 'text', (c) => c.notNull())
		.addColumn('via', 'text', (c) =>
			c.notNull().check(sql`via in ('password', 'invitation', 'oidc', 'proxy')`),
		)
		.addColumn('request_token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('ended_at', 'text')
		.addColumn('end_reason', 'text')
		.addColumn('client_address', 'text')
		.execute();
	await db.schema
		.createIndex('staff_sessions_staff')
		.on('staff_sessions')
		.columns(['district_id', 'staff_id', 'ended_at'])
		.execute();
	await db.schema
		.createTable('login_throttle')
		.addColumn('district_id', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('locked_until', 'text')
		.addColumn('last_failure_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('login_throttle_pk', ['district_id', 'subject'])
		.execute();
}

/**
 * Personal sign-in: staff accounts (memory-hard password hashes), one-time invitations, server-side sessions and
 * the failure counters per account and client address. Only hashes of invitation tokens and session ids are kept.
 */
export const staffAccounts: Migration = {
	async up(db: Kysely<any>) {
		await createAccounts(db);
		await createSessions(db);
	},
	async down(db: Kysely<any>) {
		for (const table of ['login_throttle', 'staff_sessions', 'staff_invitations', 'staff_accounts'])
			await db.schema.dropTable(table).ifExists().execute();
	},
};
