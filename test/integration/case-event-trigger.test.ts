import { closeAllStores } from '../../nodes/shared/transport';
import { createCore, type Core } from '../../src/core';
import { loadShippedProfile } from '../../src/districts/profile';
import { addDays, addYears } from '../../src/lifecycle/dates';
import type { CaseStore } from '../../src/store/open-store';
import { backends, freshStore, type BackendName, type TestStore } from '../helpers/stores';
import { actorFor, validClosure, validIntake, validPlan } from '../helpers/fixtures';
import { buildWorkflow, pollOnce } from '../helpers/n8n/run-workflow';
import {
	caseNodeTypes,
	packageNode,
	storeCredentialRef,
	storeCredentials,
} from '../helpers/n8n/case-nodes';

const profile = loadShippedProfile('emmendingen');
const manager = actorFor(profile, 'em-caritas-01');
const todayIso = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => addDays(todayIso(), -n);
const intakeOn = (date: string) =>
	validIntake({ intakeDate: date, consent: { ...validIntake().consent, date } });

/** A workflow of one Case Event Trigger that listens to every event type. */
function triggerWorkflow() {
	return buildWorkflow(
		{
			id: 'wf-reminders',
			nodes: [
				packageNode(
					'caseEventTrigger',
					'Case Events',
					[0, 0],
					{
						districtProfile: 'emmendingen',
						events: [
							'caseCreated',
							'caseClosed',
							'planReviewDue',
							'referralOverdue',
							'limitApproaching',
						],
					},
					{ id: 'trigger-1', credentials: storeCredentialRef },
				),
			],
			connections: {},
		},
		caseNodeTypes(),
	);
}

/** One poll of the trigger as n8n does it, as sorted `event:caseId` strings. */
function triggerPoller(backend: BackendName, t: TestStore) {
	const workflow = triggerWorkflow();
	const credentials = storeCredentials(backend, t.target);
	return async () =>
		((await pollOnce(workflow, 'Case Events', credentials)) ?? [])
			.map((i) => `${i.json.event}:${i.json.caseId}`)
			.sort();
}

const createCaseOn = async (core: Core, date: string) =>
	(await core.createCase(manager, { intake: intakeOn(date) })).case.id;

/** Closes case a; gives case b a plan due for review and an overdue referral; opens case c near its time limit. */
async function raiseEveryEventType(core: Core, a: string, b: string) {
	await core.closeCase(manager, a, validClosure(daysAgo(1)));
	await core.createPlan(manager, b, validPlan(daysAgo(55), addDays(todayIso(), 3)));
	await core.createReferral(manager, b, {
		date: daysAgo(40),
		serviceId: 'psz',
		reason: 'Belastung',
	});
	return createCaseOn(core, addDays(addYears(todayIso(), -3), 30));
}

/** The highest sequence number of the case events so far. */
async function maxSeq(store: CaseStore) {
	const row = await store.db
		.selectFrom('case_events')
		.select((eb) => eb.fn.max('seq').as('m'))
		.executeTakeFirstOrThrow();
	return Number(row.m);
}

/** Writes a case event with this sequence number directly, as a transaction that commits late would. */
async function insertEvent(store: CaseStore, seq: number, caseId: string) {
	await store.db
		.insertInto('case_events')
		.values({
			seq,
			case_id: caseId,
			type: 'case.created',
			created_at: new Date().toISOString(),
			payload_json: '{}',
		})
		.execute();
}

describe.each(backends)('Case Event Trigger polled by n8n on %s', (backend) => {
	let t: TestStore;
	afterEach(async () => {
		await closeAllStores();
		await t.dispose();
	});

	it('sees every new event exactly once across polls, including one committed late', async () => {
		t = await freshStore(backend);
		const core = createCore({ store: t.store, profile });
		const poll = triggerPoller(backend, t);

		// A case that existed before activation is history; its creation is not replayed.
		const before = await createCaseOn(core, daysAgo(10));
		expect(await poll()).toEqual([]);

		const a = await createCaseOn(core, daysAgo(30));
		expect(await poll()).toEqual([`caseCreated:${a}`]);
		expect(await poll()).toEqual([]);

		const b = await createCaseOn(core, daysAgo(60));
		const c = await raiseEveryEventType(core, a, b);
		expect(await poll()).toEqual(
			[
				`caseCreated:${b}`,
				`caseClosed:${a}`,
				`planReviewDue:${b}`,
				`referralOverdue:${b}`,
				`caseCreated:${c}`,
				`limitApproaching:${c}`,
			].sort(),
		);
		expect(await poll()).toEqual([]);

		// An event whose transaction committed after a later one was already seen (a gap in the sequence).
		const max = await maxSeq(t.store);
		await insertEvent(t.store, max + 5, before);
		expect(await poll()).toEqual([`caseCreated:${before}`]);
		await insertEvent(t.store, max + 2, c);
		expect(await poll()).toEqual([`caseCreated:${c}`]);
		expect(await poll()).toEqual([]);

		// Every poll is in the audit log.
		const polls = await t.store.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'events.poll')
			.execute();
		expect(polls).toHaveLength(8);
	});
});
