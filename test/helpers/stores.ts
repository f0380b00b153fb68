import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openStore, type CaseStore } from '../../src/store/open-store';
import type { Database } from '../../src/store/database';

/** PostgreSQL of this machine (and of CI): 127.0.0.1:5432, trust auth, database `test`. */
export const postgresUrl =
	process.env.IM_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
	store: CaseStore;
	/** Where it lives: the SQLite file or the PostgreSQL schema. */
	target: { file?: string; schema?: string };
	dispose(): Promise<void>;
}

export type BackendName = 'SQLite' | 'PostgreSQL';

export const backends: BackendName[] = ['SQLite', 'PostgreSQL'];

/**
 * A fresh, empty store: a new SQLite file, or a new PostgreSQL schema that is dropped afterwards. `applicationName`
 * marks the PostgreSQL connections (pg_stat_activity), so that a test can find and end them.
 */
export async function freshStore(
	backend: BackendName,
	options: { applicationName?: string } = {},
): Promise<TestStore> {
	if (backend === 'SQLite') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'im-store-'));
		const file = path.join(dir, 'cases.sqlite');
		const store = await openStore({ backend: 'sqlite', file });
		return {
			store,
			target: { file },
			dispose: async () => {
				await store.close();
				fs.rmSync(dir, { recursive: true, force: true });
			},
		};
	}
	const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
	const url = new URL(postgresUrl);
	if (options.applicationName) url.searchParams.set('application_name', options.applicationName);
	const store = await openStore({
		backend: 'postgres',
		connectionString: url.toString(),
		schema,
		poolSize: 4,
	});
	return {
		store,
		target: { schema },
		dispose: async () => {
			await store.close();
			const client = new Client({ connectionString: postgresUrl });
			await client.connect();
			await client.query(`drop schema if exists ${schema} cascade`);
			await client.end();
		},
	};
}

/** How many rows a table of the store holds. */
export async function countRows(store: CaseStore, table: keyof Database): Promise<number> {
	const row = await store.db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
