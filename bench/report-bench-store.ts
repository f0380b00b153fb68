import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadShippedProfile, shippedProfileIds } from '../src/districts/profile';
import type { DistrictProfile } from '../src/generated/types';
import { openStore, type CaseStore } from '../src/store/open-store';
import { seedDistrict } from './seed/seed-store';

/**
 * The data set of `npm run bench:report`: the five shipped districts, seeded in bulk, in a SQLite file in the temp
 * folder or in the PostgreSQL schema `bench_report_<scale>`; with `reuse` kept after the run and used again.
 */

const postgresUrl = process.env.IM_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const until = '2026-06-30';

export interface BenchStore {
	store: CaseStore;
	/** Closes the store and, unless reused, deletes the data set. */
	dispose(): Promise<void>;
}

/** The seeded data set of `scale` × 1,000 cases on one backend. */
export function benchStore(
	backend: 'sqlite' | 'postgres',
	scale: number,
	reuse: boolean,
): Promise<BenchStore> {
	return backend === 'sqlite' ? sqliteStore(scale, reuse) : postgresStore(scale, reuse);
}

/** Rows per table, for the log. */
export async function tableCounts(store: CaseStore) {
	const counts: Record<string, number> = {};
	for (const t of [
		'cases',
		'case_persons',
		'contacts',
		'contact_topics',
		'plans',
		'referrals',
		'closures',
	] as const) {
		counts[t] = Number(
			(
				await store.db
					.selectFrom(t)
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			).n,
		);
	}
	return counts;
}

async function sqliteStore(scale: number, reuse: boolean): Promise<BenchStore> {
	const file = path.join(os.tmpdir(), `im-bench-${scale}.sqlite`);
	const removeFiles = () => {
		for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
	};
	const seeded = reuse && fs.existsSync(file);
	if (!seeded) removeFiles();
	const store = await openStore({ backend: 'sqlite', file });
	if (!seeded) await seed(store, scale);
	const dispose = async () => {
		await store.close();
		if (!reuse) removeFiles();
	};
	return { store, dispose };
}

async function postgresStore(scale: number, reuse: boolean): Promise<BenchStore> {
	const schema = `bench_report_${String(scale).replace(/\W/g, '_')}`;
	const admin = new Client({ connectionString: postgresUrl });
	await admin.connect();
	const exists =
		(
			await admin.query('select 1 from information_schema.schemata where schema_name = $1', [
				schema,
			])
		).rowCount === 1;
	if (exists && !reuse) await admin.query(`drop schema ${schema} cascade`);
	const store = await openStore({
		backend: 'postgres',
		connectionString: postgresUrl,
		schema,
		poolSize: 4,
	});
	if (!(exists && reuse)) {
		await seed(store, scale);
		await admin.query(`analyze`);
	}
	const dispose = async () => {
		await store.close();
		if (!reuse) await admin.query(`drop schema if exists ${schema} cascade`);
		await admin.end();
	};
	return { store, dispose };
}

/** `scale` × 1,000 cases over the shipped districts, in proportion to their numbers of managers. */
async function seed(store: CaseStore, scale: number) {
	const profiles = shippedProfileIds().map((id) => loadShippedProfile(id));
	const managers = (p: DistrictProfile) => p.staff.filter((s) => s.role === 'manager').length;
	const total = profiles.reduce((n, p) => n + managers(p), 0);
	const started = performance.now();
	for (const profile of profiles) {
		const cases = Math.round((scale * 1000 * managers(profile)) / total);
		await seedDistrict(store, {
			profile,
			cases,
			until,
			seed: 2026,
			path: 'bulk',
			onProgress: (n) =>
				process.stdout.write(`\r  ${store.backend}: ${profile.id} ${n}/${cases}   `),
		});
	}
	console.log(`\n  Daten erzeugt in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
