import { closeAllStores } from '../../nodes/shared/transport';
import { interfaceActor, SystemActor } from '../../src/access/actor';
import type { Core } from '../../src/core';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { coreSuite } from '../helpers/core-suite';
import { actorFor, emmendingen, failure, validIntake } from '../helpers/fixtures';
import { isGermanMessage } from '../helpers/hardening';
import { caseNode, chain, intakeNodes, runCaseWorkflow } from '../helpers/n8n/case-nodes';

/** A service's answer to a referral, as the JSON interface hands it over: checked as a whole, in German. */
describe.each(backends)('answer to a referral on %s', (backend) => {
	const suite = coreSuite(backend);
	const caritas = () => suite.as('em-caritas-01');
	let core: Core;
	let referralId: string;
	beforeEach(async () => {
		core = suite.core;
		const { case: created } = await core.createCase(caritas(), { intake: validIntake() });
		referralId = (
			await core.createReferral(caritas(), created.id, {
				date: '2025-04-01',
				serviceId: 'jobcenter',
				reason: 'Arbeit',
			})
		).id;
	});
	const statusRow = () =>
		suite.t.store.db.selectFrom('referrals').select('status').executeTakeFirstOrThrow();

	it('lets a connected system record the answer as itself, and do nothing else on the case', async () => {
		const portal = interfaceActor('Fachdienst-Portal Jobcenter');
		const answer = { referralId, status: 'accepted', date: '2025-04-03' };
		await expect(
			core.answerReferral(portal, answer, { submissionId: 'portal-1' }),
		).resolves.toMatchObject({
			status: 'accepted',
		});
		// The same submission again is the same answer (the replay is checked like the original).
		await expect(
			core.answerReferral(portal, answer, { submissionId: 'portal-1' }),
		).resolves.toMatchObject({
			status: 'accepted',
		});
		const [{ case_id: caseId }] = await suite.t.store.db
			.selectFrom('referrals')
			.select('case_id')
			.execute();
		for (const refused of [
			core.getCase(portal, caseId),
			core.logContact(portal, caseId, {
				date: '2025-04-04',
				channel: 'phone',
				minutes: 5,
				topics: ['work'],
			}),
			core.createReferral(portal, caseId, { date: '2025-04-04', serviceId: 'vhs', reason: 'Kurs' }),
		])
			expect((await failure(refused)).code).toBe('FORBIDDEN');
		// A system without the grant (like the Case Event Trigger) may not answer.
		const trigger = new SystemActor('case-event-trigger', 'Case Event Trigger');
		expect((await failure(core.answerReferral(trigger, { ...answer, status: 'done' }))).code).toBe(
			'FORBIDDEN',
		);
		const audit = (await suite.audit()).filter((r) => r.action === 'referral.status');
		expect(audit.map((r) => [r.actor_id, r.outcome])).toEqual([
			['system:schnittstelle:fachdienst-portal-jobcenter', 'ok'],
			['system:schnittstelle:fachdienst-portal-jobcenter', 'replayed'],
			['system:case-event-trigger', 'denied'],
		]);
	});

	it('refuses unknown keys, wrong types and a non-object in German and changes nothing', async () => {
		const answers: unknown[] = [
			{ referralId, status: 'accepted', date: '2025-04-03', bewertung: 5 },
			{ referralId, status: { value: 'accepted' }, date: '2025-04-03' },
			{ referralId, status: 'accepted', date: '2025-04-03', note: ['a', 'b'] },
			{ referralId, status: 'vielleicht', date: '2025-04-03' },
			['accepted'],
			'angenommen',
		];
		for (const answer of answers) {
			const error = await failure(core.answerReferral(caritas(), answer));
			expect(error.code).toBe('VALIDATION_FAILED');
			expect(isGermanMessage(error.message)).toBe(true);
			expect(error.message).not.toContain('[object Object]');
		}
		expect((await statusRow()).status).toBe('open');
		const audit = (await suite.audit()).filter((r) => r.action === 'referral.status');
		expect(audit.map((r) => r.outcome)).toEqual(Array(answers.length).fill('rejected'));
	});

	it('takes the status as value or as the German label its messages name', async () => {
		await core.answerReferral(caritas(), { referralId, status: 'Angenommen', date: '2025-04-03' });
		expect((await statusRow()).status).toBe('accepted');
		await core.setReferralStatus(caritas(), referralId, {
			status: 'abgeschlossen',
			date: '2025-04-20',
			note: 'Kurs begonnen',
		});
		expect((await statusRow()).status).toBe('done');
	});
});

const profile = emmendingen();
const actor = actorFor(profile, 'em-caritas-01');
const recent = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Case, referral, then three answers: an object as note, an extra key (JSON answer), a German label (JSON answer). */
function answerWorkflow() {
	const intake = validIntake({
		intakeDate: recent(30),
		consent: { ...validIntake().consent, date: recent(30) },
	});
	const refer = { date: recent(20), serviceId: 'jobcenter', reason: 'Arbeit' };
	const workflow = chain([
		...intakeNodes([{ actor, data: intake }]),
		caseNode('Refer', {
			resource: 'referral',
			operation: 'create',
			caseId: '={{ $json.caseId }}',
			referral: JSON.stringify(refer),
		}),
		caseNode(
			'Object Note',
			{
				resource: 'referral',
				operation: 'setStatus',
				referralId: '={{ $json.id }}',
				status: 'accepted',
				note: '={{ { text: "angerufen" } }}',
				date: recent(10),
			},
			{ continueOnFail: true },
		),
		caseNode(
			'Extra Key',
			{
				resource: 'referral',
				operation: 'setStatus',
				answerInput: 'json',
				answer: `={{ { referralId: $('Refer').item.json.id, status: 'angenommen', date: '${recent(10)}', bewertung: 5 } }}`,
			},
			{ continueOnFail: true },
		),
		caseNode('German Label', {
			resource: 'referral',
			operation: 'setStatus',
			answerInput: 'json',
			answer: `={{ { referralId: $('Refer').item.json.id, status: 'angenommen', date: '${recent(9)}' } }}`,
		}),
	]);
	return workflow;
}

describe('answer to a referral through the Integration Case node', () => {
	let t: TestStore;
	beforeEach(async () => (t = await freshStore('SQLite')));
	afterEach(async () => {
		await closeAllStores();
		await t.dispose();
	});

	it('stores no "[object Object]": an object in a field or an extra key is a German error item', async () => {
		const workflow = answerWorkflow();
		const { output } = await runCaseWorkflow(workflow, 'SQLite', t.target);
		for (const name of ['Object Note', 'Extra Key']) {
			const [item] = output(name);
			expect(item.json).toMatchObject({ code: 'VALIDATION_FAILED' });
			expect(isGermanMessage(item.json.error)).toBe(true);
		}
		expect(output('German Label')[0].json).toMatchObject({ status: 'accepted' });
		const events = await t.store.db
			.selectFrom('referral_events')
			.select(['status', 'note'])
			.execute();
		expect(JSON.stringify(events)).not.toContain('[object Object]');
	});
});
