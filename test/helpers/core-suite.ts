import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { loadShippedProfile } from '../../src/districts/profile';
import type { Actor, DistrictProfile } from '../../src/generated/types';
import { actorFor } from './fixtures';
import { freshStore, type BackendName, type TestStore } from './stores';

export interface CoreSuite {
	t: TestStore;
	core: Core;
	profile: DistrictProfile;
	clock: ReturnType<typeof fixedClock>;
	/** The staff member of the profile as an actor claim. */
	as(staffId: string): Actor;
	/** The audit log, oldest first. */
	audit(): Promise<
		{
			actor_id: string;
			action: string;
			outcome: string;
			case_id: string | null;
			detail: string | null;
		}[]
	>;
}

/** Registers a fresh store, a shipped profile's core and a fixed clock for each test of the calling `describe`. */
export function coreSuite(
	backend: BackendName,
	options: { district?: string; start?: string } = {},
): CoreSuite {
	const start = options.start ?? '2026-06-01T10:00:00Z';
	const suite = { clock: fixedClock(start) } as CoreSuite;
	suite.as = (staffId) => actorFor(suite.profile, staffId);
	suite.audit = () =>
		suite.t.store.db
			.selectFrom('audit_log')
			.select(['actor_id', 'action', 'outcome', 'case_id', 'detail'])
			.orderBy('id')
			.execute();
	beforeEach(async () => {
		suite.clock.set(start);
		suite.t = await freshStore(backend);
		suite.profile = loadShippedProfile(options.district ?? 'emmendingen');
		suite.core = createCore({ store: suite.t.store, profile: suite.profile, clock: suite.clock });
	});
	afterEach(() => suite.t.dispose());
	return suite;
}
