import { fixedClock } from '../../src/clock';
import { createCore } from '../../src/core';
import type { DistrictProfile } from '../../src/generated/types';
import type { CaseStore } from '../../src/store/open-store';
import { applyThroughCore } from './apply-core';
import { caseRows, insertRows } from './apply-bulk';
import { intakeTargets, simulateCase, type SimOptions } from './simulate';

export interface SeedOptions {
	profile: DistrictProfile;
	cases: number;
	until: string;
	seed: number;
	/** `core`: every operation through createCore (realistic, slow); `bulk`: the same rows in chunks (fast). */
	path: 'core' | 'bulk';
	/** First case index (to add to an existing data set without repeating cases). */
	offset?: number;
	onProgress?: (done: number) => void;
}

/** Writes `cases` simulated cases of one district into the store; returns the number of operations replayed. */
export async function seedDistrict(
	store: CaseStore,
	options: SeedOptions,
): Promise<{ cases: number; operations: number }> {
	const sim: SimOptions = { profile: options.profile, until: options.until, seed: options.seed };
	const targets = intakeTargets(options.profile);
	const offset = options.offset ?? 0;
	let operations = 0;
	if (options.path === 'core') {
		const core = createCore({
			store,
			profile: options.profile,
			clock: fixedClock(`${options.until}T18:00:00Z`),
		});
		for (let i = 0; i < options.cases; i++) {
			const c = simulateCase(sim, offset + i, targets);
			await applyThroughCore(core, options.profile, c);
			operations += 1 + c.ops.length;
			if ((i + 1) % 100 === 0) options.onProgress?.(i + 1);
		}
		return { cases: options.cases, operations };
	}
	const at = `${options.until}T18:00:00.000Z`;
	const chunk = 2000;
	for (let start = 0; start < options.cases; start += chunk) {
		const rows = {};
		for (let i = start; i < Math.min(options.cases, start + chunk); i++) {
			const c = simulateCase(sim, offset + i, targets);
			caseRows(options.profile, c, at, rows);
			operations += 1 + c.ops.length;
		}
		await insertRows(store, rows);
		options.onProgress?.(Math.min(options.cases, start + chunk));
	}
	return { cases: options.cases, operations };
}
