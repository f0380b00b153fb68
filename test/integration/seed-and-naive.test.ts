import { loadShippedDefinition } from '../../src/report/definitions';
import { groupFigures } from '../../src/report/rollup';
import { runFunderReport } from '../../src/report/run-report';
import type { Period } from '../../src/report/period';
import { naiveCells } from '../../bench/naive-report';
import { seedDistrict } from '../../bench/seed/seed-store';
import { backends, countRows, freshStore, type TestStore } from '../helpers/stores';
import { caseDataTables } from '../../src/store/database';
import { actorFor } from '../helpers/fixtures';
import { fixtureProfile } from '../helpers/report-fixture';

const periods: Period[] = [
	{ from: '2026-01-01', to: '2026-03-31' },
	{ from: '2025-01-01', to: '2025-12-31' },
	{ from: '2024-02-29', to: '2024-02-29' },
	{ from: '2022-07-01', to: '2026-06-30' },
];

describe.each(backends)(
	'generated data on %s: core path = bulk path, SQL = naive JavaScript',
	(backend) => {
		const profile = fixtureProfile();
		const coordinator = actorFor(profile, 'em-koordination');
		let viaCore: TestStore;
		let viaBulk: TestStore;

		beforeAll(async () => {
			viaCore = await freshStore(backend);
			viaBulk = await freshStore(backend);
			const options = { profile, cases: 80, until: '2026-06-30', seed: 7 };
			await seedDistrict(viaCore.store, { ...options, path: 'core' });
			await seedDistrict(viaBulk.store, { ...options, path: 'bulk' });
		}, 120_000);
		afterAll(async () => {
			await viaCore.dispose();
			await viaBulk.dispose();
		});

		it('writes the same case data through the core and in bulk', async () => {
			for (const table of caseDataTables) {
				const count = (t: TestStore) => countRows(t.store, table);
				expect([table, await count(viaBulk)]).toEqual([table, await count(viaCore)]);
			}
			const shape = (t: TestStore) =>
				t.store.db
					.selectFrom('cases')
					.select([
						'opened_on',
						'manager_id',
						'status',
						'closed_on',
						'version',
						'persons_count',
						'minors_count',
						'search_name',
					])
					.orderBy('search_name')
					.orderBy('opened_on')
					.orderBy('manager_id')
					.execute();
			const normalise = (rows: Awaited<ReturnType<typeof shape>>) =>
				rows.map((r) => ({
					...r,
					version: Number(r.version),
					persons_count: Number(r.persons_count),
					minors_count: Number(r.minors_count),
				}));
			expect(normalise(await shape(viaBulk))).toEqual(normalise(await shape(viaCore)));
		});

		it.each(periods)(
			'gives identical figures for $from … $to: SQL on core data, SQL on bulk data, naive JavaScript',
			async (period) => {
				const fromCore = await runFunderReport(
					{ store: viaCore.store, profile, clock: { now: () => new Date('2026-07-01T08:00:00Z') } },
					coordinator,
					{ period },
				);
				const fromBulk = await runFunderReport(
					{ store: viaBulk.store, profile, clock: { now: () => new Date('2026-07-01T08:00:00Z') } },
					coordinator,
					{ period },
				);
				expect(fromBulk.total).toEqual(fromCore.total);
				expect(fromBulk.groups).toEqual(fromCore.groups);
				const definition = loadShippedDefinition();
				const scope = {
					districtId: profile.id,
					period,
					eligibleMunicipalities: ['08316056'],
					servicesByCategory: new Map(
						profile.services.map((s) => [
							s.category,
							profile.services.filter((x) => x.category === s.category).map((x) => x.id),
						]),
					),
				};
				const naive = groupFigures(
					definition,
					profile,
					await naiveCells(viaCore.store.db, definition, scope),
					undefined,
				);
				expect(naive.total).toEqual(fromCore.total);
				expect(naive.groups).toEqual(fromCore.groups);
				if (period.from === '2025-01-01')
					expect(fromCore.total.persons_counselled).toBeGreaterThan(50);
			},
		);
	},
);
