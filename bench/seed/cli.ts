/**
 * `npm run seed -- --district <id> --scale <n>`: a realistic demo or benchmark data set for one district.
 *   --scale n        n × 1,000 cases (fractions allowed: 0.05 = 50 cases); about 10 contacts per case
 *   --store file     SQLite file (default ./demo-<district>.sqlite)
 *   --postgres url   PostgreSQL instead (with --schema name)
 *   --until date     last day of the data (default: today); intakes spread over the four years before
 *   --seed n         random seed (default 1): the same seed gives the same data
 *   --path core|bulk through the real core (default up to 5,000 cases) or bulk rows (default above)
 */
import { parseArgs } from 'node:util';
import { loadShippedProfile } from '../../src/districts/profile';
import { openStore } from '../../src/store/open-store';
import { today, systemClock } from '../../src/clock';
import { seedDistrict } from './seed-store';

async function main() {
	const { values } = parseArgs({
		options: {
			district: { type: 'string' },
			scale: { type: 'string', default: '1' },
			store: { type: 'string' },
			postgres: { type: 'string' },
			schema: { type: 'string' },
			until: { type: 'string' },
			seed: { type: 'string', default: '1' },
			path: { type: 'string' },
		},
	});
	if (!values.district) throw new Error('Bitte --district <id> angeben (z. B. ludwigsburg).');
	const profile = loadShippedProfile(values.district);
	const cases = Math.round(Number(values.scale) * 1000);
	const path = (values.path ?? (cases <= 5000 ? 'core' : 'bulk')) as 'core' | 'bulk';
	const store = values.postgres
		? await openStore({
				backend: 'postgres',
				connectionString: values.postgres,
				schema: values.schema,
			})
		: await openStore({ backend: 'sqlite', file: values.store ?? `demo-${profile.id}.sqlite` });
	const started = performance.now();
	const result = await seedDistrict(store, {
		profile,
		cases,
		until: values.until ?? today(systemClock),
		seed: Number(values.seed),
		path,
		onProgress: (n) => process.stdout.write(`\r${n} von ${cases} Fällen`),
	});
	const seconds = (performance.now() - started) / 1000;
	const counts = await Promise.all(
		['cases', 'case_persons', 'plans', 'contacts', 'referrals', 'closures'].map(async (t) => [
			t,
			Number(
				(
					await store.db
						.selectFrom(t as 'cases')
						.select((eb) => eb.fn.countAll<string>().as('n'))
						.executeTakeFirstOrThrow()
				).n,
			),
		]),
	);
	console.log(
		`\n${result.cases} Fälle (${result.operations} Vorgänge, Weg: ${path}) in ${seconds.toFixed(1)} s. Im Bestand: ${counts.map(([t, n]) => `${t} ${n}`).join(', ')}`,
	);
	await store.close();
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
