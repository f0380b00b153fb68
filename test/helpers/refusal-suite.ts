import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { DomainError } from '../../src/errors';
import type { Actor, DistrictProfile, Intake } from '../../src/generated/types';
import { actorFor, emmendingen, validClosure, validIntake, validPlan } from './fixtures';
import { isGermanMessage, refusalFootprint, refusalOf, rowCounts } from './hardening';
import { freshStore, type BackendName, type TestStore } from './stores';

export interface RefusalSuite {
	t: TestStore;
	core: Core;
	profile: DistrictProfile;
	manager: Actor;
	/** An active case with a plan and an open referral; its version is read without the core. */
	active: { id: string; version: () => Promise<number> };
	closedId: string;
	referralId: string;
	/** Runs a write that must be refused; returns its error after checking the German wording and the footprint. */
	refused(write: () => Promise<unknown>): Promise<DomainError>;
	/** A refused write whose field errors include this message at this path. */
	expectFieldError(
		write: () => Promise<unknown>,
		path: string,
		message: string | RegExp,
	): Promise<void>;
}

/** A valid intake with one change applied. */
export function changedIntake(change: (i: Intake) => void): Intake {
	const data = validIntake();
	change(data);
	return data;
}

/** Reads a case's version straight from the store: a read through the core would add an audit row of its own. */
function versionOf(t: TestStore, id: string) {
	return async () =>
		Number(
			(
				await t.store.db
					.selectFrom('cases')
					.select('version')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).version,
		);
}

/** An active case with a plan and a referral, and a closed case, for the refusals to aim at. */
async function seedCases(suite: RefusalSuite) {
	const { core, manager } = suite;
	const id = (await core.createCase(manager, { intake: validIntake() })).case.id;
	await core.createPlan(manager, id, validPlan());
	suite.referralId = (
		await core.createReferral(manager, id, {
			date: '2025-05-02',
			serviceId: 'psz',
			reason: 'Traumaberatung',
		})
	).id;
	suite.active = { id, version: versionOf(suite.t, id) };
	suite.closedId = (await core.createCase(manager, { intake: validIntake() })).case.id;
	await core.closeCase(manager, suite.closedId, validClosure('2025-06-01'));
}

/**
 * For the calling `describe`: one store for all its tests, Emmendingen's core on a fixed clock, and the cases
 * of {@link seedCases}. Each refusal must be German and write nothing but its audit row.
 */
export function refusalSuite(backend: BackendName): RefusalSuite {
	const profile = emmendingen();
	const suite = { profile, manager: actorFor(profile, 'em-caritas-01') } as RefusalSuite;
	suite.refused = async (write) => {
		const before = await rowCounts(suite.t.store);
		const outcome = await refusalOf(write());
		if (!(outcome instanceof DomainError))
			throw new Error(`erwartet: eine Ablehnung, erhalten: ${outcome}`);
		expect(isGermanMessage(outcome.message)).toBe(true);
		for (const e of outcome.fieldErrors) expect(isGermanMessage(e.message)).toBe(true);
		expect(refusalFootprint(before, await rowCounts(suite.t.store))).toEqual([]);
		return outcome;
	};
	suite.expectFieldError = async (write, path, message) => {
		const error = await suite.refused(write);
		expect(error.code).toBe('VALIDATION_FAILED');
		expect(error.fieldErrors).toContainEqual(
			expect.objectContaining({
				path,
				message: typeof message === 'string' ? message : expect.stringMatching(message),
			}),
		);
	};
	beforeAll(async () => {
		suite.t = await freshStore(backend);
		suite.core = createCore({
			store: suite.t.store,
			profile,
			clock: fixedClock('2026-06-01T10:00:00Z'),
		});
		await seedCases(suite);
	});
	afterAll(() => suite.t?.dispose());
	return suite;
}
