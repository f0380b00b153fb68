/**
 * `npm run bench:report -- --scale 150`: the funder report on a state-sized data set, against the floor (one
 * hand-written SQL statement for the same figures) and the naive way (load the rows, count in JavaScript), measured
 * in the same run on SQLite and PostgreSQL. Not a test; CI does not run it. Results: docs/report.md.
 *   --scale n         n × 1,000 cases over the five shipped districts (by number of managers); default 150
 *   --backend b       sqlite | postgres | both (default both)
 *   --runs n          timed runs per variant (median; default 5)
 *   --reuse           keep and reuse the generated SQLite file / PostgreSQL schema between runs
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadShippedProfile, shippedProfileIds } from '../src/districts/profile';
import type { DistrictProfile } from '../src/generated/types';
import { loadShippedDefinition } from '../src/report/definitions';
import { groupFigures } from '../src/report/rollup';
import { runFunderReport } from '../src/report/run-report';
import type { Period } from '../src/report/period';
import { openStore, type CaseStore } from '../src/store/open-store';
import { handwrittenReport } from './handwritten-report';
import { naiveCells } from './naive-report';
import { seedDistrict } from './seed/seed-store';

const postgresUrl = process.env.IM_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const until = '2026-06-30';
const periods: { name: string; period: Period }[] = [
	{ name: 'Quartal (2. Quartal 2026)', period: { from: '2026-04-01', to: '2026-06-30' } },
	{ name: 'Jahr 2025', period: { from: '2025-01-01', to: '2025-12-31' } },
];

async function main() {
	const { values } = parseArgs({ options: { scale: { type: 'string', default: '150' }, backend: { type: 'string', default: 'both' }, runs: { type: 'string', default: '5' }, reuse: { type: 'boolean', default: false } } });
	const scale = Number(values.scale);
	const runs = Number(values.runs);
	const backends = values.backend === 'both' ? (['sqlite', 'postgres'] as const) : ([values.backend] as ['sqlite' | 'postgres']);
	const profiles = shippedProfileIds().map((id) => loadShippedProfile(id));
	console.log(`Maschine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
	const results = [];
	for (const backend of backends) {
		const { store, dispose, seeded } = await benchStore(backend, scale, values.reuse === true);
		if (!seeded) await seed(store, profiles, scale);
		await store.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).execute();
		const counts = await tableCounts(store);
		console.log(`\n${backend}: ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString('de-DE')}`).join(', ')}`);
		for (const districtId of ['ludwigsburg', 'wehr']) {
			const profile = profiles.find((p) => p.id === districtId) as DistrictProfile;
			for (const { name, period } of periods) {
				const r = await measure(store, profile, period, runs);
				results.push({ backend, district: districtId, period: name, ...r });
				console.log(
					`  ${districtId.padEnd(12)} ${name.padEnd(26)} Bericht ${ms(r.reportMs)}  handgeschriebenes SQL ${ms(r.handwrittenMs)}  naiv ${ms(r.naiveMs)}  ` +
						`Bericht/SQL ${r.ratio.toFixed(2)}×  naiv/Bericht ${(r.naiveMs / r.reportMs).toFixed(1)}×  (${r.persons} Personen, ${r.contacts} Kontakte im Zeitraum)`,
				);
			}
		}
		await dispose();
	}
	fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
	fs.writeFileSync(path.join(__dirname, 'results', `report-scale-${scale}.json`), JSON.stringify({ scale, runs, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, results }, null, 2) + '\n');
}

async function measure(store: CaseStore, profile: DistrictProfile, period: Period, runs: number) {
	const coordinator = profile.staff.find((s) => s.role === 'coordinator') as DistrictProfile['staff'][number];
	const actor = { staffId: coordinator.id, role: coordinator.role, organisationId: coordinator.organisationId };
	const ctx = { store, profile, clock: { now: () => new Date() } };
	const definition = loadShippedDefinition();
	const eligible = profile.municipalities.filter((m) => m.eligiblePersons !== undefined).map((m) => m.ags);
	const services = new Map<string, string[]>();
	for (const s of profile.services) services.set(s.category, [...(services.get(s.category) ?? []), s.id]);
	const scope = { districtId: profile.id, period, eligibleMunicipalities: eligible, servicesByCategory: services };

	const report = () => runFunderReport(ctx, actor, { period, definition });
	const handwritten = () => handwrittenReport(store.db, store.backend, profile.id, period, eligible, services);
	const naive = async () => groupFigures(definition, profile, await naiveCells(store.db, definition, scope), undefined);

	// Warm-up, and the check that all three give the same figures.
	const first = await report();
	const floor = await handwritten();
	const slow = await naive();
	if (JSON.stringify(slow.total) !== JSON.stringify(first.total)) throw new Error('naive and SQL totals differ');
	for (const row of floor) {
		const figures = first.groups.manager.find((g) => g.id === row.mid)?.figures;
		for (const key of ['persons_counselled', 'persons_minors', 'adults_german_b1', 'contacts', 'closures', 'plans_continued', 'reopenings', 'referrals']) {
			if (Number(row[key] ?? 0) !== (figures?.[key] ?? 0)) throw new Error(`hand-written SQL differs for ${row.mid} ${key}: ${row[key]} ≠ ${figures?.[key]}`);
		}
	}
	const times = { report: [] as number[], handwritten: [] as number[], naive: [] as number[] };
	for (let i = 0; i < runs; i++) {
		times.report.push(await timed(report));
		times.handwritten.push(await timed(handwritten));
		if (i < Math.min(runs, 3)) times.naive.push(await timed(naive));
	}
	const reportMs = median(times.report);
	const handwrittenMs = median(times.handwritten);
	return { reportMs, handwrittenMs, naiveMs: median(times.naive), ratio: reportMs / handwrittenMs, persons: first.total.persons_counselled, contacts: first.total.contacts, times };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

async function seed(store: CaseStore, profiles: DistrictProfile[], scale: number) {
	const managers = (p: DistrictProfile) => p.staff.filter((s) => s.role === 'manager').length;
	const total = profiles.reduce((n, p) => n + managers(p), 0);
	const started = performance.now();
	for (const profile of profiles) {
		const cases = Math.round((scale * 1000 * managers(profile)) / total);
		await seedDistrict(store, { profile, cases, until, seed: 2026, path: 'bulk', onProgress: (n) => process.stdout.write(`\r  ${store.backend}: ${profile.id} ${n}/${cases}   `) });
	}
	console.log(`\n  Daten erzeugt in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function tableCounts(store: CaseStore) {
	const counts: Record<string, number> = {};
	for (const t of ['cases', 'case_persons', 'contacts', 'contact_topics', 'plans', 'referrals', 'closures'] as const) {
		counts[t] = Number((await store.db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
	}
	return counts;
}

async function benchStore(backend: 'sqlite' | 'postgres', scale: number, reuse: boolean) {
	if (backend === 'sqlite') {
		const file = path.join(os.tmpdir(), `im-bench-${scale}.sqlite`);
		const seeded = reuse && fs.existsSync(file);
		if (!seeded) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
		const store = await openStore({ backend: 'sqlite', file });
		const dispose = async () => {
			await store.close();
			if (!reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
		};
		return { store, dispose, seeded };
	}
	const schema = `bench_report_${String(scale).replace(/\W/g, '_')}`;
	const admin = new Client({ connectionString: postgresUrl });
	await admin.connect();
	const exists = (await admin.query('select 1 from information_schema.schemata where schema_name = $1', [schema])).rowCount === 1;
	if (exists && !reuse) await admin.query(`drop schema ${schema} cascade`);
	const store = await openStore({ backend: 'postgres', connectionString: postgresUrl, schema, poolSize: 4 });
	if (!(exists && reuse)) {
		await seed(store, shippedProfileIds().map((id) => loadShippedProfile(id)), scale);
		await admin.query(`analyze`);
	}
	const dispose = async () => {
		await store.close();
		if (!reuse) await admin.query(`drop schema if exists ${schema} cascade`);
		await admin.end();
	};
	return { store, dispose, seeded: true };
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
