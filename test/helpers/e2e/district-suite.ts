// One end-to-end suite per district: the build and the pinned runtime, then one real n8n for the district's tests
// (see docs/runtime.md), stopped cleanly after them; the suite's helpers know the district's profile and n8n.
import { loadShippedProfile } from '../../../src/districts/profile';
import type { DistrictProfile } from '../../../src/generated/types';
import { buildPackage } from './build-package';
import { lifecycle } from './case-lifecycle';
import { runtimeReady, startDistrict, type RunningDistrict } from './district-e2e';
import { actorOf, coordinator, served } from './profile-picks';

async function stopCleanly(run: RunningDistrict | undefined) {
	if (!run) return;
	const exit = await run.stop();
	expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
	expect(exit.stopMs).toBeLessThan(20_000);
	expect(exit.traffic.loaded).toBeGreaterThan(0);
	expect(exit.traffic.nonLocal).toEqual([]);
}

export interface DistrictSuite {
	profile: DistrictProfile;
	/** The district's n8n, started before the first test of the suite. */
	run: RunningDistrict;
	actor(staffId: string): ReturnType<typeof actorOf>;
	coordinator(): ReturnType<typeof coordinator>;
	/** A municipality the district serves (of that organisation, if given). */
	served(organisationId?: string): ReturnType<typeof served>;
	/** Every workflow of the district is published (active) in n8n. */
	expectAllPublished(): Promise<void>;
	/** A case of the municipality from intake to closure (see case-lifecycle.ts). */
	lifecycle(municipality: string): ReturnType<typeof lifecycle>;
}

/**
 * For the calling `describe`: 2 minutes per test, dist/ built, the runtime installed, the district's n8n started,
 * and stopped cleanly after the suite.
 */
export function districtSuite(district: string): DistrictSuite {
	jest.setTimeout(120_000);
	const profile = loadShippedProfile(district);
	const suite = {
		profile,
		actor: (staffId: string) => actorOf(profile, staffId),
		coordinator: () => coordinator(profile),
		served: (organisationId?: string) => served(profile, organisationId),
		async expectAllPublished() {
			const listed: { id: string; active: boolean }[] =
				await suite.run.instance.client.listWorkflows();
			for (const wf of suite.run.instance.workflows)
				expect(listed.find((w) => w.id === wf.id)).toMatchObject({ active: true });
		},
		lifecycle: (municipality: string) => lifecycle(suite.run, profile, municipality),
	} as DistrictSuite;
	beforeAll(async () => {
		await buildPackage();
		await runtimeReady();
	}, 20 * 60_000);
	beforeAll(async () => {
		suite.run = await startDistrict(district);
	}, 5 * 60_000);
	afterAll(() => stopCleanly(suite.run as RunningDistrict | undefined), 60_000);
	return suite;
}
