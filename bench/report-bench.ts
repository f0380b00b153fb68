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
import { loadShippedProfile } from '../src/districts/profile';
import type { DistrictProfile } from '../src/generated/types';
import { loadShippedDefinition } from '../src/report/definitions';
import { groupFigures } from '../src/report/rollup';
import { runFunderReport } from '../src/report/run-report';
import type { Period } from '../src/report/period';
import type { CaseStore } from '../src/store/open-store';
import { handwrittenReport } from './handwritten-report';
import { naiveCells } from './naive-report';
import { benchStore, tableCounts } from './report-bench-store';

const periods: { name: string; period: Period }[] = [
	{ name: 'Quartal (2. Quartal 2026)', period: { from: '2026-04-01', to: '2026-06-30' } },
	{ name: 'Jahr 2025', period: { from: '2025-01-01', to: '2025-12-31' } },
];

interface BenchOptions {
	scale: number;
	runs: number;
	backends: readonly ('sqlite' | 'postgres')[];
	reuse: boolean;
}

type Variants = ReturnType<typeof variants>;

async function main() {
	const options = benchOptions();
	const machine = {
		cpus: os.cpus().length,
		model: os.cpus()[0]?.model,
		memGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
	};
	console.log(
		`Maschine: ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node}`,
	);
	const results = [];
	for (const backend of options.backends) results.push(...(await benchBackend(backend, options)));
	const { scale, runs } = options;
	fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
	fs.writeFileSync(
		path.join(__dirname, 'results', `report-scale-${scale}.json`),
		JSON.stringify({ scale, runs, machine, results }, null, 2) + '\n',
	);
}

function benchOptions(): BenchOptions {
	const { values } = parseArgs({
		options: {
			scale: { type: 'string', default: '150' },
			backend: { type: 'string', default: 'both' },
			runs: { type: 'string', default: '5' },
			reuse: { type: 'boolean', default: false },
		},
	});
	const backends =
		values.backend === 'both'
			? (['sqlite', 'postgres'] as const)
			: ([values.backend] as ['sqlite' | 'postgres']);
	return {
		scale: Number(values.scale),
		runs: Number(values.runs),
		backends,
		reuse: values.reuse === true,
	};
}

/** Seeds (or reuses) the data set on one backend and measures both districts in both periods there. */
async function benchBackend(backend: 'sqlite' | 'postgres', { scale, runs, reuse }: BenchOptions) {
	const { store, dispose } = await benchStore(backend, scale, reuse);
	await store.db
		.selectFrom('cases')
		.select((eb) => eb.fn.countAll().as('n'))
		.execute();
	const counts = await tableCounts(store);
	console.log(
		`\n${backend}: ${Object.entries(counts)
			.map(([t, n]) => `${t} ${n.toLocaleString('de-DE')}`)
			.join(', ')}`,
	);
	const results = [];
	for (const districtId of ['ludwigsburg', 'wehr']) {
		const profile = loadShippedProfile(districtId);
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
	return results;
}

async function measure(store: CaseStore, profile: DistrictProfile, period: Period, runs: number) {
	const run = variants(store, profile, period);
	// Warm-up, and the check that all three give the same figures.
	const first = await run.report();
	checkAgreement(first, await run.handwritten(), await run.naive());
	const times = await timeRuns(run, runs);
	const reportMs = median(times.report);
	const handwrittenMs = median(times.handwritten);
	return {
		reportMs,
		handwrittenMs,
		naiveMs: median(times.naive),
		ratio: reportMs / handwrittenMs,
		persons: first.total.persons_counselled,
		contacts: first.total.contacts,
		times,
	};
}

/** The three ways to the figures of one district and period: the report, the hand-written floor, the naive way. */
function variants(store: CaseStore, profile: DistrictProfile, period: Period) {
	const coordinator = profile.staff.find(
		(s) => s.role === 'coordinator',
	) as DistrictProfile['staff'][number];
	const actor = {
		staffId: coordinator.id,
		role: coordinator.role,
		organisationId: coordinator.organisationId,
	};
	const ctx = { store, profile, clock: { now: () => new Date() } };
	const definition = loadShippedDefinition();
	const eligible = profile.municipalities
		.filter((m) => m.eligiblePersons !== undefined)
		.map((m) => m.ags);
	const services = new Map<string, string[]>();
	for (const s of profile.services)
		services.set(s.category, [...(services.get(s.category) ?? []), s.id]);
	const scope = {
		districtId: profile.id,
		period,
		eligibleMunicipalities: eligible,
		servicesByCategory: services,
	};
	return {
		report: () => runFunderReport(ctx, actor, { period, definition }),
		handwritten: () =>
			handwrittenReport(store.db, store.backend, profile.id, period, eligible, services),
		naive: async () =>
			groupFigures(definition, profile, await naiveCells(store.db, definition, scope), undefined),
	};
}

/** Throws unless the naive totals equal the report's, and the hand-written figures each manager's. */
function checkAgreement(
	first: Awaited<ReturnType<Variants['report']>>,
	floor: Awaited<ReturnType<Variants['handwritten']>>,
	slow: Awaited<ReturnType<Variants['naive']>>,
): void {
	if (JSON.stringify(slow.total) !== JSON.stringify(first.total))
		throw new Error('naive and SQL totals differ');
	for (const row of floor) {
		const figures = first.groups.manager.find((g) => g.id === row.mid)?.figures;
		for (const key of [
			'persons_counselled',
			'persons_minors',
			'adults_german_b1',
			'contacts',
			'closures',
			'plans_continued',
			'reopenings',
			'referrals',
		]) {
			if (Number(row[key] ?? 0) !== (figures?.[key] ?? 0))
				throw new Error(
					`hand-written SQL differs for ${row.mid} ${key}: ${row[key]} ≠ ${figures?.[key]}`,
				);
		}
	}
}

/** `runs` timed runs of the report and the floor; the naive way at most three times (it is slow). */
async function timeRuns(run: Variants, runs: number) {
	const times = { report: [] as number[], handwritten: [] as number[], naive: [] as number[] };
	for (let i = 0; i < runs; i++) {
		times.report.push(await timed(run.report));
		times.handwritten.push(await timed(run.handwritten));
		if (i < Math.min(runs, 3)) times.naive.push(await timed(run.naive));
	}
	return times;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
