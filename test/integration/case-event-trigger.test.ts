import { closeAllStores } from '../../nodes/shared/transport';
import { createCore } from '../../src/core';
import { loadShippedProfile } from '../../src/districts/profile';
import { addDays, addYears } from '../../src/lifecycle/dates';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { actorFor, validClosure, validIntake, validPlan } from '../helpers/fixtures';
import { buildWorkflow, pollOnce } from '../helpers/n8n/run-workflow';
import { caseNodeTypes, credentialsWith, PKG, storeCredential } from '../helpers/n8n/case-nodes';

const profile = loadShippedProfile('emmendingen');
const manager = actorFor(profile, 'em-caritas-01');
const todayIso = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => addDays(todayIso(), -n);
const intakeOn = (date: string) =>
	validIntake({ intakeDate: date, consent: { ...validIntake().consent, date } });

describe.each(backends)('Case Event Trigger polled by n8n on %s', (backend) => {
	let t: TestStore;
	afterEach(async () => {
		await closeAllStores();
		await t.dispose();
	});

	it('sees every new event exactly once across polls, including one committed late', async () => {
		t = await freshStore(backend);
		const core = createCore({ store: t.store, profile });
		const credentials = credentialsWith(storeCredential(backend, t.target));
		const workflow = buildWorkflow(
			{
				id: 'wf-reminders',
				nodes: [
					{
						id: 'trigger-1',
						name: 'Case Events',
						type: `${PKG}.caseEventTrigger`,
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							districtProfile: 'emmendingen',
							events: [
								'caseCreated',
								'caseClosed',
								'planReviewDue',
								'referralOverdue',
								'limitApproaching',
							],
						},
						credentials: { integrationCaseStoreApi: { id: 'cred-1', name: 'Fallspeicher' } },
					},
				],
				connections: {},
			},
			caseNodeTypes(),
		);
		const poll = async () =>
			((await pollOnce(workflow, 'Case Events', credentials)) ?? [])
				.map((i) => `${i.json.event}:${i.json.caseId}`)
				.sort();

		// A case that existed before activation is history; its creation is not replayed.
		const before = (await core.createCase(manager, { intake: intakeOn(daysAgo(10)) })).case.id;
		expect(await poll()).toEqual([]);

		const a = (await core.createCase(manager, { intake: intakeOn(daysAgo(30)) })).case.id;
		expect(await poll()).toEqual([`caseCreated:${a}`]);
		expect(await poll()).toEqual([]);

		const b = (await core.createCase(manager, { intake: intakeOn(daysAgo(60)) })).case.id;
		await core.closeCase(manager, a, validClosure(daysAgo(1)));
		await core.createPlan(manager, b, validPlan(daysAgo(55), addDays(todayIso(), 3)));
		await core.createReferral(manager, b, {
			date: daysAgo(40),
			serviceId: 'psz',
			reason: 'Belastung',
		});
		const oldCaseStart = addDays(addYears(todayIso(), -3), 30);
		const c = (await core.createCase(manager, { intake: intakeOn(oldCaseStart) })).case.id;
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
		const db = t.store.db;
		const max = Number(
			(
				await db
					.selectFrom('case_events')
					.select((eb) => eb.fn.max('seq').as('m'))
					.executeTakeFirstOrThrow()
			).m,
		);
		const event = (seq: number, caseId: string) => ({
			seq,
			case_id: caseId,
			type: 'case.created',
			created_at: new Date().toISOString(),
			payload_json: '{}',
		});
		await db
			.insertInto('case_events')
			.values(event(max + 5, before))
			.execute();
		expect(await poll()).toEqual([`caseCreated:${before}`]);
		await db
			.insertInto('case_events')
			.values(event(max + 2, c))
			.execute();
		expect(await poll()).toEqual([`caseCreated:${c}`]);
		expect(await poll()).toEqual([]);

		// Every poll is in the audit log.
		const polls = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'events.poll')
			.execute();
		expect(polls).toHaveLength(8);
	});
});
