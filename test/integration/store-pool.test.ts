import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { CaseStore, StoreConfig } from '../../src/index';
import { storeConfigFromCredential } from '../../nodes/shared/store-from-credential';
import { StorePool } from '../../nodes/shared/store-pool';
import { storeCredential } from '../helpers/n8n/case-nodes';
import { postgresUrl } from '../helpers/stores';

const PASSWORD = 'Geheim-Pool-Passwort-42';

/** Whether the store still answers a query (a closed one refuses). */
async function answers(store: CaseStore): Promise<boolean> {
	try {
		await store.db.selectFrom('cases').select('id').limit(1).execute();
		return true;
	} catch {
		return false;
	}
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('store pool of the nodes: one store per configuration, leased, closed when idle', () => {
	let dir: string;
	const sqlite = (name: string): StoreConfig => ({
		backend: 'sqlite',
		file: path.join(dir, `${name}.sqlite`),
	});
	const pools: StorePool[] = [];
	const pool = (idleMs?: number) => {
		const created = new StorePool({ idleMs });
		pools.push(created);
		return created;
	};

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'im-pool-'));
	});

	afterEach(async () => {
		await Promise.all(pools.splice(0).map((p) => p.closeAll()));
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('gives the same store for the same configuration and another for another one', async () => {
		const stores = pool();
		const first = await stores.use(sqlite('a'), async (store) => store);
		const again = await stores.use({ ...sqlite('a') }, async (store) => store);
		const other = await stores.use(sqlite('b'), async (store) => store);
		expect(again).toBe(first);
		expect(other).not.toBe(first);
		expect(stores.keys()).toHaveLength(2);
	});

	it('keys a PostgreSQL store by a hash of its configuration, never by the password', async () => {
		const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
		const config = storeConfigFromCredential({
			...storeCredential('PostgreSQL', { schema }),
			password: PASSWORD,
		} as never);
		expect(JSON.stringify(config)).toContain(PASSWORD);
		const stores = pool();
		try {
			await expect(stores.use(config, answers)).resolves.toBe(true);
			expect(stores.keys()).toEqual([StorePool.keyOf(config)]);
			expect(stores.keys()[0]).toMatch(/^[0-9a-f]{64}$/);
			expect(stores.keys()[0]).not.toContain(PASSWORD);
			const otherPassword = JSON.parse(
				JSON.stringify(config).replace(PASSWORD, 'anderes'),
			) as StoreConfig;
			expect(StorePool.keyOf(otherPassword)).not.toBe(stores.keys()[0]);
		} finally {
			await stores.closeAll();
			const client = new Client({ connectionString: postgresUrl });
			await client.connect();
			await client.query(`drop schema if exists ${schema} cascade`);
			await client.end();
		}
	});

	it('keeps no store that failed to open, and its error does not show the password', async () => {
		const config = storeConfigFromCredential({
			...storeCredential('PostgreSQL', { schema: 'public' }),
			port: 1,
			password: PASSWORD,
		} as never);
		const stores = pool();
		const failure = await stores.use(config, answers).catch((error: Error) => error);
		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toMatch(/ECONNREFUSED/);
		expect((failure as Error).message).not.toContain(PASSWORD);
		expect(stores.keys()).toEqual([]);
	});

	it('closes a store nobody used for the idle time and opens it again on the next use', async () => {
		const stores = pool(50);
		const first = await stores.use(sqlite('a'), async (store) => store);
		expect(await answers(first)).toBe(true);
		await until(() => stores.keys().length === 0);
		expect(await answers(first)).toBe(false);
		const reopened = await stores.use(sqlite('a'), async (store) => store);
		expect(reopened).not.toBe(first);
		expect(await answers(reopened)).toBe(true);
	});

	it('never closes a store while a use is in flight, neither when idle nor on closeAll', async () => {
		const stores = pool(30);
		let finish = () => undefined as void;
		const gate = new Promise<void>((resolve) => (finish = resolve));
		let held: CaseStore | undefined;
		const long = stores.use(sqlite('a'), async (store) => {
			held = store;
			await gate;
			return answers(store);
		});
		// A short use of the same store ends meanwhile: the long one still holds its lease.
		await stores.use(sqlite('a'), async () => undefined);
		await sleep(150);
		expect(stores.keys()).toHaveLength(1);
		expect(await answers(held!)).toBe(true);

		let closed = false;
		const closing = stores.closeAll().then(() => (closed = true));
		await sleep(50);
		expect(closed).toBe(false);
		expect(await answers(held!)).toBe(true);

		finish();
		await expect(long).resolves.toBe(true);
		await closing;
		expect(await answers(held!)).toBe(false);
	});
});
