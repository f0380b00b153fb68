// The whole case lifecycle through a district's production webhooks, in named steps, each checked in the case
// store: intake (the same submission again gives the same case), plan (created, then continued), contact,
// referral with the service's feedback, closure, and a contact after closure refused.
import type { DistrictProfile } from '../../../src/generated/types';
import {
	API_TOKEN,
	caseColumns,
	closureData,
	contactData,
	intakeFor,
	isoDaysAgo,
	planData,
	type Actor,
	type RunningDistrict,
} from './district-e2e';
import { actorOf, coordinator } from './profile-picks';

/** One case on its way: the district's n8n, the case, its manager and the prefix of the submission ids. */
interface CaseSteps {
	run: RunningDistrict;
	caseId: string;
	manager: Actor;
	prefix: string;
}

/** The case's form `path` submitted by its manager, with the submission id `<prefix>-<step>`. */
const submitFor = (
	{ run, caseId, manager, prefix }: CaseSteps,
	path: string,
	data: unknown,
	step: string,
) => run.form(path, manager, data, { caseId, submissionId: `${prefix}-${step}` });

/** Submits as submitFor does; the Case Form Trigger must accept the submission. */
async function expectAccepted(steps: CaseSteps, path: string, data: unknown, step: string) {
	expect(await submitFor(steps, path, data, step)).toMatchObject({ ok: true });
}

/** The intake creates the case in the municipality's organisation; the same submission again gives the same case. */
async function intakeStep(
	run: RunningDistrict,
	profile: DistrictProfile,
	municipality: string,
	submittedBy: Actor,
	prefix: string,
) {
	const intake = await run.form(
		'aufnahme',
		submittedBy,
		intakeFor(municipality, submittedBy.staffId),
		{ submissionId: `${prefix}-intake` },
	);
	expect(intake).toMatchObject({ ok: true, caseId: expect.any(String) });
	const caseId = intake.caseId!;
	const row = await run.store.db
		.selectFrom('cases')
		.selectAll()
		.where('id', '=', caseId)
		.executeTakeFirstOrThrow();
	expect(row).toMatchObject({
		district_id: profile.id,
		municipality_ags: municipality,
		status: 'intake',
		persons_count: 2,
		minors_count: 1,
	});
	expect(row.organisation_id).toBe(
		profile.municipalities.find((m) => m.ags === municipality)!.organisationId,
	);

	// The same submission again: the first answer, no second case.
	const again = await run.form(
		'aufnahme',
		submittedBy,
		intakeFor(municipality, submittedBy.staffId),
		{ submissionId: `${prefix}-intake` },
	);
	expect(again.caseId).toBe(caseId);
	const count = await run.store.db
		.selectFrom('cases')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('municipality_ags', '=', municipality)
		.executeTakeFirstOrThrow();
	expect(Number(count.n)).toBe(1);
	return { caseId, managerId: row.manager_id };
}

/** A plan makes the case active; a second one continues it. */
async function planStep(steps: CaseSteps) {
	const { run, caseId } = steps;
	await expectAccepted(steps, 'integrationsplan', planData(), 'plan');
	await expectAccepted(steps, 'integrationsplan', planData(isoDaysAgo(85)), 'plan2');
	expect((await caseColumns(run, caseId, ['status'])).status).toBe('active');
	expect(
		await run.store.db
			.selectFrom('plans')
			.select(['version', 'kind'])
			.where('case_id', '=', caseId)
			.orderBy('version')
			.execute(),
	).toEqual([
		{ version: 1, kind: 'created' },
		{ version: 2, kind: 'continued' },
	]);
}

async function contactStep(steps: CaseSteps) {
	const { run, caseId } = steps;
	await expectAccepted(steps, 'kontakt', contactData(), 'contact');
	expect(
		await run.store.db
			.selectFrom('contacts')
			.select(['channel', 'minutes'])
			.where('case_id', '=', caseId)
			.execute(),
	).toEqual([{ channel: 'in_person', minutes: 30 }]);
}

/** A referral, open until the service's feedback (with the API token only) accepts it. */
async function referralStep(steps: CaseSteps) {
	const { run, caseId, manager, prefix } = steps;
	await expectAccepted(
		steps,
		'weitervermittlung',
		{ date: isoDaysAgo(70), serviceId: 'vhs', reason: 'Integrationskurs' },
		'referral',
	);
	const [stored] = await run.store.db
		.selectFrom('referrals')
		.select(['id', 'service_id', 'status'])
		.where('case_id', '=', caseId)
		.execute();
	expect(stored).toMatchObject({ service_id: 'vhs', status: 'open' });
	// The service's feedback (no form: JSON to the workflow's feedback webhook). A person named in the body is not
	// who acts: the interface records the answer as itself.
	const feedbackBody = {
		actor: manager,
		submissionId: `${prefix}-feedback`,
		data: { referralId: stored.id, status: 'accepted', date: isoDaysAgo(60) },
	};
	expect((await run.submit('weitervermittlung-rueckmeldung', feedbackBody)).status).toBe(403); // no token
	const feedback = await run.submit('weitervermittlung-rueckmeldung', feedbackBody, {
		'x-im-token': API_TOKEN,
	});
	expect(feedback).toMatchObject({ status: 200, json: { referralStatus: 'accepted' } });
	expect(
		(
			await run.store.db
				.selectFrom('referrals')
				.select('status')
				.where('id', '=', stored.id)
				.executeTakeFirstOrThrow()
		).status,
	).toBe('accepted');
	const answered = await run.store.db
		.selectFrom('referral_events')
		.select('created_by')
		.where('referral_id', '=', stored.id)
		.where('status', '=', 'accepted')
		.executeTakeFirstOrThrow();
	expect(answered.created_by).toBe('system:schnittstelle:schnittstelle-rueckmeldungen');
}

/** The closure closes the case; a closed case refuses further documentation, in German, with the stable code. */
async function closureStep(steps: CaseSteps) {
	await expectAccepted(steps, 'beendigung', closureData(), 'closure');
	expect(await caseColumns(steps.run, steps.caseId, ['status', 'closed_on'])).toEqual({
		status: 'closed',
		closed_on: isoDaysAgo(1),
	});

	const late = await submitFor(steps, 'kontakt', contactData(isoDaysAgo(0)), 'late');
	expect(late).toMatchObject({
		ok: false,
		status: 422,
		code: 'CASE_CLOSED',
		message: expect.stringContaining('beendet'),
	});
}

/** The whole case lifecycle through the production webhooks, checked in the store after each step. */
export async function lifecycle(
	run: RunningDistrict,
	profile: DistrictProfile,
	municipality: string,
	submittedBy = coordinator(profile),
) {
	const prefix = `${profile.id}-${Date.now()}`;
	const { caseId, managerId } = await intakeStep(run, profile, municipality, submittedBy, prefix);
	const manager = actorOf(profile, managerId);
	const steps = { run, caseId, manager, prefix };
	await planStep(steps);
	await contactStep(steps);
	await referralStep(steps);
	await closureStep(steps);
	return { caseId, manager };
}
