import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { DomainError } from '../errors';
import type { Database } from './database';
import { migrationProvider, type Backend } from './migrations';
import { NodeSqliteDialect } from './node-sqlite-dialect';
import { SchemaIntrospector } from './schema-introspector';
import { translatingDialect } from './store-errors';

export type StoreConfig =
	| { backend: 'sqlite'; file: string }
	| { backend: 'postgres'; connectionString: string; schema?: string; poolSize?: number };

/** The case store: one Kysely database (SQLite or PostgreSQL), migrated to the current schema. */
export interface CaseStore {
	readonly backend: Backend;
	readonly db: Kysely<Database>;
	close(): Promise<void>;
}

export async function openStore(config: StoreConfig): Promise<CaseStore> {
	const db = createKysely(config);
	try {
		if (config.backend === 'postgres' && config.schema) {
			await db.schema.createSchema(config.schema).ifNotExists().execute();
		}
		// With several schemas in one database, the migration tables must be looked up in ours only.
		const migrationTableSchema =
			config.backend === 'postgres' ? (config.schema ?? 'public') : undefined;
		await migrate(db, config.backend, migrationTableSchema);
	} catch (error) {
		await db.destroy().catch(() => undefined);
		// The technical cause helps the admin here (wrong port, missing database); a translated error keeps it in its details.
		const cause =
			error instanceof DomainError && typeof error.details.cause === 'string'
				? error.details.cause
				: (error as Error).message;
		throw new DomainError(
			'STORE_UNAVAILABLE',
			`Die Falldatenbank ist nicht erreichbar oder nicht nutzbar: ${cause}`,
			{
				details: { backend: config.backend },
			},
		);
	}
	return { backend: config.backend, db, close: () => db.destroy() };
}

/** Migrates to the latest schema (on PostgreSQL the migrator reads our schema only: see SchemaIntrospector). */
async function migrate(
	db: Kysely<Database>,
	backend: Backend,
	migrationTableSchema: string | undefined,
): Promise<void> {
	const migrator = new Migrator({ db, provider: migrationProvider(backend), migrationTableSchema });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed)
		throw error ?? new Error(`Migration ${failed?.migrationName} fehlgeschlagen`);
}

function createKysely(config: StoreConfig): Kysely<Database> {
	if (config.backend === 'sqlite')
		return new Kysely<Database>({ dialect: new NodeSqliteDialect(config.file) });
	const schema = config.schema;
	if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
		throw new DomainError(
			'STORE_UNAVAILABLE',
			`Ungültiger Schemaname „${schema}“ (nur Kleinbuchstaben, Ziffern und _).`,
		);
	}
	const pool = new Pool({
		connectionString: config.connectionString,
		max: config.poolSize ?? 10,
		// Tables live in the given schema; the search path points every connection there.
		options: schema ? `-c search_path=${schema}` : undefined,
	});
	// A connection the server ends (restart, pg_terminate_backend, network) is an 'error' event: on the pool for an idle
	// client, on the client itself while it is checked out. Unheard, Node ends the process. The pool drops an idle
	// broken client by itself; a checked-out one fails its next query (translated into a German "try again") and is
	// dropped on release. The next operation gets a fresh connection.
	pool.on('error', () => undefined);
	pool.on('connect', (client) => client.on('error', () => undefined));
	const dialect = translatingDialect(new PostgresDialect({ pool }));
	// The migrator looks up its tables in our schema only (see SchemaIntrospector).
	return new Kysely<Database>({
		dialect: {
			...dialect,
			createIntrospector: (db) => new SchemaIntrospector(db, schema ?? 'public'),
		},
	});
}
