/**
 * End-to-end: the district workflow templates on a real n8n 2.x (the pinned runtime, see docs/runtime.md).
 * Per district one n8n process: temp user folder, free localhost ports, templates imported with n8n's CLI and
 * published through its REST API, then intake → plan → contact → referral (+ feedback) → closure submitted to
 * the production webhook URLs over HTTP, and the case store (SQLite file of the credential) checked with
 * openStore. n8n is stopped with SIGTERM and must exit cleanly; it must not talk to anything but localhost.
 */
import { loadShippedProfile } from '../../src/districts/profile';
import type { DistrictProfile } from '../../src/generated/types';
import {
	buildPackage,
	closureData,
	contactData,
	intakeFor,
	isoDaysAgo,
	planData,
	runtimeReady,
	startDistrict,
	type RunningDistrict,
} from '../helpers/e2e/district-e2e';

jest.setTimeout(120_000);

const actorOf = (profile: DistrictProfile, staffId: string) => {
	const s = profile.staff.find((x) => x.id === staffId);
	if (!s) throw new Error(`no staff ${staffId}`);
	return { staffId: s.id, role: s.role, organisationId: s.organisationId };
};
const coordinator = (profile: DistrictProfile) => actorOf(profile, profile.staff.find((s) => s.role === 'coordinator')!.id);
const served = (profile: DistrictProfile, organisationId?: string) =>
	profile.municipalities.find((m) => m.programme === 'served' && (!organisationId || m.organisationId === organisationId))!;

beforeAll(async () => {
	buildPackage();
	await runtimeReady();
}, 20 * 60_000);

/** The whole case lifecycle through the production webhooks, checked in the store after each step. */
async function lifecycle(run: RunningDistrict, profile: DistrictProfile, municipality: string, submittedBy = coordinator(profile)) {
	const prefix = `${profile.id}-${Date.now()}`;
	const intake = await run.submit('aufnahme', { actor: submittedBy, submissionId: `${prefix}-intake`, data: intakeFor(municipality, submittedBy.staffId) });
	expect(intake.status).toBe(201);
	expect(intake.json).toMatchObject({ status: 'angelegt', caseId: expect.any(String) });
	const caseId: string = intake.json.caseId;
	const row = await run.store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
	expect(row).toMatchObject({ district_id: profile.id, municipality_ags: municipality, status: 'intake', persons_count: 2, minors_count: 1 });
	expect(row.organisation_id).toBe(profile.municipalities.find((m) => m.ags === municipality)!.organisationId);

	// The same submission again: the first answer, no second case.
	const again = await run.submit('aufnahme', { actor: submittedBy, submissionId: `${prefix}-intake`, data: intakeFor(municipality, submittedBy.staffId) });
	expect(again.json.caseId).toBe(caseId);
	const count = await run.store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_ags', '=', municipality).executeTakeFirstOrThrow();
	expect(Number(count.n)).toBe(1);

	const manager = actorOf(profile, row.manager_id);
	const plan = await run.submit('integrationsplan', { actor: manager, caseId, submissionId: `${prefix}-plan`, data: planData() });
	expect(plan).toMatchObject({ status: 201, json: { status: 'gespeichert', version: 1 } });
	const plan2 = await run.submit('integrationsplan', { actor: manager, caseId, submissionId: `${prefix}-plan2`, data: planData(isoDaysAgo(85)) });
	expect(plan2).toMatchObject({ status: 201, json: { version: 2 } });
	expect((await run.store.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status).toBe('active');
	expect(await run.store.db.selectFrom('plans').select(['version', 'kind']).where('case_id', '=', caseId).orderBy('version').execute()).toEqual([
		{ version: 1, kind: 'created' },
		{ version: 2, kind: 'continued' },
	]);

	const contact = await run.submit('kontakt', { actor: manager, caseId, submissionId: `${prefix}-contact`, data: contactData() });
	expect(contact).toMatchObject({ status: 201, json: { status: 'gespeichert' } });
	expect(await run.store.db.selectFrom('contacts').select(['channel', 'minutes']).where('case_id', '=', caseId).execute()).toEqual([{ channel: 'in_person', minutes: 30 }]);

	const referral = await run.submit('weitervermittlung', { actor: manager, caseId, submissionId: `${prefix}-referral`, data: { date: isoDaysAgo(70), serviceId: 'vhs', reason: 'Integrationskurs' } });
	expect(referral).toMatchObject({ status: 201, json: { status: 'angelegt', referralId: expect.any(String), overdueFrom: isoDaysAgo(70 - profile.settings.referralOverdueDays) } });
	const feedback = await run.submit('weitervermittlung-rueckmeldung', { actor: manager, submissionId: `${prefix}-feedback`, data: { referralId: referral.json.referralId, status: 'accepted', date: isoDaysAgo(60) } });
	expect(feedback).toMatchObject({ status: 200, json: { referralStatus: 'accepted' } });
	expect(await run.store.db.selectFrom('referrals').select(['service_id', 'status']).where('case_id', '=', caseId).execute()).toEqual([{ service_id: 'vhs', status: 'accepted' }]);

	const closed = await run.submit('beendigung', { actor: manager, caseId, submissionId: `${prefix}-closure`, data: closureData() });
	expect(closed).toMatchObject({ status: 200, json: { status: 'beendet', caseId } });
	expect(await run.store.db.selectFrom('cases').select(['status', 'closed_on']).where('id', '=', caseId).executeTakeFirstOrThrow()).toEqual({ status: 'closed', closed_on: isoDaysAgo(1) });

	// A closed case refuses further documentation, in German, with the stable code.
	const late = await run.submit('kontakt', { actor: manager, caseId, submissionId: `${prefix}-late`, data: contactData(isoDaysAgo(0)) });
	expect(late).toMatchObject({ status: 422, json: { status: 'abgelehnt', code: 'CASE_CLOSED', message: expect.stringContaining('beendet') } });
	return { caseId, manager };
}

async function expectAllPublished(run: RunningDistrict) {
	const listed: { id: string; active: boolean }[] = await run.instance.client.listWorkflows();
	for (const wf of run.instance.workflows) expect(listed.find((w) => w.id === wf.id)).toMatchObject({ active: true });
}

async function stopCleanly(run: RunningDistrict | undefined) {
	if (!run) return;
	const exit = await run.stop();
	expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
	expect(exit.stopMs).toBeLessThan(20_000);
	expect(exit.traffic.loaded).toBeGreaterThan(0);
	expect(exit.traffic.nonLocal).toEqual([]);
}

describe('e2e Emmendingen (central model) on a real n8n', () => {
	const profile = loadShippedProfile('emmendingen');
	let run: RunningDistrict | undefined;
	beforeAll(async () => {
		run = await startDistrict('emmendingen');
	}, 5 * 60_000);
	afterAll(() => stopCleanly(run), 60_000);

	it('publishes all six templates', async () => {
		expect(run!.instance.workflows.map((w) => w.name)).toEqual([
			'Landkreis Emmendingen: Aufnahme',
			'Landkreis Emmendingen: Integrationsplan',
			'Landkreis Emmendingen: Beratungskontakt',
			'Landkreis Emmendingen: Weitervermittlung',
			'Landkreis Emmendingen: Beendigung',
			'Landkreis Emmendingen: Tägliche Erinnerungen',
		]);
		await expectAllPublished(run!);
	});

	it('runs a case from intake to closure through the production webhooks', async () => {
		await lifecycle(run!, profile, served(profile, 'caritas-em').ags);
	});

	it('reminds once of a due plan review, an overdue referral and the approaching 3-year limit (Tägliche Erinnerungen)', async () => {
		const r = run!;
		const c = coordinator(profile);
		const town = served(profile, 'drk-em').ags;
		const fresh = await r.submit('aufnahme', { actor: c, submissionId: 'em-reminder-1', data: intakeFor(town, c.staffId, isoDaysAgo(100)) });
		const old = await r.submit('aufnahme', { actor: c, submissionId: 'em-reminder-2', data: { ...intakeFor(town, c.staffId, isoDaysAgo(1050)), person: { ...intakeFor(town, c.staffId).person, lastName: 'Langzeit' } } });
		expect([fresh.status, old.status]).toEqual([201, 201]);
		const manager = actorOf(profile, fresh.json.managerId);
		const plan = await r.submit('integrationsplan', { actor: manager, caseId: fresh.json.caseId, submissionId: 'em-reminder-plan', data: { ...planData(), reviewDate: isoDaysAgo(-3) } });
		expect(plan.status).toBe(201);
		const referral = await r.submit('weitervermittlung', { actor: manager, caseId: fresh.json.caseId, submissionId: 'em-reminder-ref', data: { date: isoDaysAgo(60), serviceId: 'psz', reason: 'Belastung nach der Flucht' } });
		expect(referral.status).toBe(201);
		const oldPlan = await r.submit('integrationsplan', { actor: actorOf(profile, old.json.managerId), caseId: old.json.caseId, submissionId: 'em-reminder-oldplan', data: planData(isoDaysAgo(1000)) });
		expect(oldPlan.status).toBe(201);

		// Publishing again runs the polling trigger once at once (as n8n does on every activation), instead of waiting for 7:00.
		const reminders = r.instance.workflows.find((w) => w.name.endsWith('Tägliche Erinnerungen'))!;
		await r.instance.client.request('POST', `/rest/workflows/${reminders.id}/deactivate`, {});
		await r.instance.client.publishWorkflow(reminders.id);
		const emitted = async () =>
			(await r.store.db.selectFrom('trigger_emissions').select('event_key').where('trigger_id', 'like', `${reminders.id}:%`).execute()).map((e) => e.event_key).sort();
		let keys: string[] = [];
		for (let i = 0; i < 40 && keys.length < 3; i++) {
			keys = await emitted();
			if (keys.length < 3) await new Promise((done) => setTimeout(done, 250));
		}
		expect(keys).toEqual([
			expect.stringMatching(new RegExp(`^limitApproaching:${old.json.caseId}:`)),
			expect.stringMatching(/^planReviewDue:/),
			`referralOverdue:${referral.json.referralId}`,
		]);
		// Once only: publishing again emits nothing new.
		await r.instance.client.request('POST', `/rest/workflows/${reminders.id}/deactivate`, {});
		await r.instance.client.publishWorkflow(reminders.id);
		await new Promise((done) => setTimeout(done, 1000));
		expect(await emitted()).toEqual(keys);
		// n8n ran the workflow (e-mail node disabled without SMTP, so the reminder ends in the execution list).
		const executions = await r.instance.client.request('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: reminders.id }))}`);
		expect(executions.results).toEqual(expect.arrayContaining([expect.objectContaining({ workflowId: reminders.id, status: 'success' })]));
	});

	it('answers an invalid intake with 422 and German field errors, and stores nothing', async () => {
		const before = await run!.store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		const bad = await run!.submit('aufnahme', { actor: coordinator(profile), data: { ...intakeFor(served(profile).ags, 'em-koordination'), person: { firstName: 'X' } } });
		expect(bad).toMatchObject({ status: 422, json: { code: 'VALIDATION_FAILED', fieldErrors: expect.arrayContaining([expect.objectContaining({ path: '/person/lastName', message: 'Bitte ausfüllen.' })]) } });
		const after = await run!.store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});
});

describe('e2e Ortenaukreis (mixed model) on a real n8n', () => {
	const profile = loadShippedProfile('ortenaukreis');
	let run: RunningDistrict | undefined;
	beforeAll(async () => {
		run = await startDistrict('ortenaukreis');
	}, 5 * 60_000);
	afterAll(() => stopCleanly(run), 60_000);

	it('answers an intake from a self-managed municipality with a notice instead of a case', async () => {
		const achern = profile.municipalities.find((m) => m.name === 'Achern, Stadt')!;
		expect(achern.programme).toBe('self_managed');
		const answer = await run!.submit('aufnahme', { actor: coordinator(profile), submissionId: 'og-achern', data: intakeFor(achern.ags, 'og-koordination') });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ status: 'hinweis', code: 'NOT_IN_PROGRAMME', message: expect.stringContaining(achern.responsibleNote!) });
		expect(answer.json.message).toMatch(/^Achern, Stadt nimmt nicht am Integrationsmanagement von „Ortenaukreis“ teil\./);
		const cases = await run!.store.db.selectFrom('cases').select('id').where('municipality_ags', '=', achern.ags).execute();
		expect(cases).toEqual([]);
	});

	it('runs a case of a municipality the district serves from intake to closure', async () => {
		await expectAllPublished(run!);
		await lifecycle(run!, profile, served(profile).ags);
	});
});

describe('e2e Ludwigsburg (provider network) on a real n8n', () => {
	const profile = loadShippedProfile('ludwigsburg');
	let run: RunningDistrict | undefined;
	beforeAll(async () => {
		run = await startDistrict('ludwigsburg');
	}, 5 * 60_000);
	afterAll(() => stopCleanly(run), 60_000);

	it('routes an intake to the provider of its municipality and names it in the answer', async () => {
		await expectAllPublished(run!);
		const caritasTown = served(profile, 'caritas-lb');
		const { caseId, manager } = await lifecycle(run!, profile, caritasTown.ags);
		expect(manager.organisationId).toBe('caritas-lb');
		const row = await run!.store.db.selectFrom('cases').select(['organisation_id', 'manager_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
		expect(row.organisation_id).toBe('caritas-lb');
		// The answer of the intake names the provider (checked on a second intake in a DRK municipality).
		const drkTown = served(profile, 'drk-lb');
		const answer = await run!.submit('aufnahme', { actor: coordinator(profile), submissionId: 'lb-drk', data: intakeFor(drkTown.ags, 'lb-koordination') });
		expect(answer.status).toBe(201);
		expect(answer.json.organisationId).toBe('drk-lb');
		expect(answer.json.message).toContain(profile.organisations.find((o) => o.id === 'drk-lb')!.name);
	});

	it('refuses an intake by a manager of another provider than the municipality’s', async () => {
		const awoManager = actorOf(profile, profile.staff.find((s) => s.role === 'manager' && s.organisationId === 'awo-lb')!.id);
		const answer = await run!.submit('aufnahme', { actor: awoManager, submissionId: 'lb-awo-wrong', data: intakeFor(served(profile, 'kdv-lb').ags, awoManager.staffId) });
		expect(answer).toMatchObject({ status: 422, json: { code: 'FORBIDDEN', message: expect.stringContaining('nicht zum zuständigen Träger') } });
	});

	it('answers a self-managed town with a notice', async () => {
		const town = profile.municipalities.find((m) => m.programme !== 'served')!;
		const answer = await run!.submit('aufnahme', { actor: coordinator(profile), data: intakeFor(town.ags, 'lb-koordination') });
		expect(answer).toMatchObject({ status: 200, json: { status: 'hinweis', code: 'NOT_IN_PROGRAMME' } });
	});
});
