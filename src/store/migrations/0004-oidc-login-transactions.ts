import type { Kysely, Migration } from 'kysely';

/**
 * Logins at the district's identity provider (OpenID Connect) that have begun and not yet come back: state, nonce and
 * PKCE verifier stay on the server, are used once and expire after minutes.
 */
export const oidcLoginTransactions: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('oidc_login_transactions')
			.addColumn('state', 'text', (c) => c.primaryKey())
			.addColumn('district_id', 'text', (c) => c.notNull())
			.addColumn('issuer', 'text', (c) => c.notNull())
			.addColumn('client_id', 'text', (c) => c.notNull())
			.addColumn('browser_binding_hash', 'text', (c) => c.notNull())
			.addColumn('nonce', 'text', (c) => c.notNull())
			.addColumn('code_verifier', 'text', (c) => c.notNull())
			.addColumn('return_to', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.execute();
		await db.schema
			.createIndex('oidc_login_transactions_expiry')
			.on('oidc_login_transactions')
			.columns(['expires_at'])
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropTable('oidc_login_transactions').ifExists().execute();
	},
};
