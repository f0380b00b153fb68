import { closeAllStores } from '../../nodes/shared/transport';
import { loadShippedProfile } from '../../src/districts/profile';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { actorFor, validClosure, validContact, validIntake, validPlan } from '../helpers/fixtures';
import type { CaseStore } from '../../src/store/open-store';
import type { Execution } from '../helpers/n8n/run-workflow';
import { caseNode, chain, intakeNodes, runCaseWorkflow } from '../helpers/n8n/case-nodes';

const profile = loadShippedProfile('emmendingen');
const actor = actorFor(profile, 'em-caritas-01');
const recent = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The start node with one form submission and the node that creates its case. */
const submittedIntake = (intake: unknown) =>
	intakeNodes([{ actor, submissionId: 'wf-submission-1', data: intake }], {
		submissionId: '={{ $json.submissionId }}',
	});

/** The whole lifecycle as one workflow of Integration Case nodes, each step reading the previous one's output. */
function lifecycleWorkflow(intake: unknown) {
	return chain([
		...submittedIntake(intake),
		caseNode('Create Plan', {
			resource: 'plan',
			operation: 'create',
			caseId: '={{ $json.caseId }}',
			plan: JSON.stringify(validPlan(recent(60), recent(-120))),
		}),
		caseNode('Log Contact', {
			resource: 'contact',
			operation: 'log',
			caseId: "={{ $('Create Case').item.json.caseId }}",
			contact: JSON.stringify(validContact(recent(50))),
		}),
		caseNode('Refer', {
			resource: 'referral',
			operation: 'create',
			caseId: "={{ $('Create Case').item.json.caseId }}",
			referral: JSON.stringify({
				date: recent(45),
				serviceId: 'jobcenter',
				reason: 'Arbeitsvermittlung',
			}),
		}),
		caseNode('Referral Accepted', {
			resource: 'referral',
			operation: 'setStatus',
			referralId: '={{ $json.id }}',
			status: 'accepted',
			date: recent(40),
		}),
		caseNode('Close', {
			resource: 'closure',
			operation: 'close',
			caseId: "={{ $('Create Case').item.json.caseId }}",
			closure: JSON.stringify(validClosure(recent(1))),
		}),
	]);
}

/** What each step of the lifecycle workflow put out; returns the created case. */
function expectStepOutputs({ output }: Execution) {
	const [created] = output('Create Case');
	expect(created.json).toMatchObject({
		status: 'intake',
		organisationId: 'caritas-em',
		routing: { rule: 'least_caseload' },
	});
	expect(created.pairedItem).toEqual({ item: 0 });
	const caseId = created.json.caseId as string;
	expect(output('Create Plan')[0].json).toMatchObject({ caseId, version: 1, kind: 'created' });
	expect(output('Log Contact')[0].json).toMatchObject({
		caseId,
		channel: 'in_person',
		minutes: 45,
	});
	expect(output('Refer')[0].json).toMatchObject({
		caseId,
		status: 'open',
		serviceName: 'Jobcenter Landkreis Emmendingen',
	});
	expect(output('Referral Accepted')[0].json).toMatchObject({ status: 'accepted' });
	expect(output('Close')[0].json).toMatchObject({
		caseId,
		status: 'closed',
		closedOn: recent(1),
	});
	return { caseId, managerId: created.json.managerId };
}

/** The store after the lifecycle workflow: one closed case with its history, contact, referral, closure, submission. */
async function expectStoredLifecycle(store: CaseStore, caseId: string, managerId: unknown) {
	const db = store.db;
	const stored = await db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
	expect(stored).toMatchObject({
		id: caseId,
		status: 'closed',
		manager_id: managerId,
	});
	expect(
		(
			await db
				.selectFrom('status_history')
				.select('to_status')
				.where('case_id', '=', caseId)
				.orderBy('id')
				.execute()
		).map((r) => r.to_status),
	).toEqual(['intake', 'active', 'closed']);
	expect(await db.selectFrom('contacts').select('id').execute()).toHaveLength(1);
	expect((await db.selectFrom('referrals').selectAll().executeTakeFirstOrThrow()).status).toBe(
		'accepted',
	);
	expect((await db.selectFrom('closures').selectAll().executeTakeFirstOrThrow()).reason).toBe(
		'self_reliant',
	);
	expect(
		(await db.selectFrom('submissions').selectAll().executeTakeFirstOrThrow()).submission_id,
	).toBe('wf-submission-1');
}

describe.each(backends)('Integration Case node in n8n’s WorkflowExecute on %s', (backend) => {
	let t: TestStore;

	beforeEach(async () => {
		t = await freshStore(backend);
	});
	afterEach(async () => {
		await closeAllStores();
		await t.dispose();
	});

	const intake = () =>
		validIntake({
			intakeDate: recent(70),
			consent: { ...validIntake().consent, date: recent(70) },
		});

	it('runs intake → case → plan → contact → referral → closure and leaves the store in that state', async () => {
		const execution = await runCaseWorkflow(lifecycleWorkflow(intake()), backend, t.target);
		expect(execution.run.data.resultData.error).toBeUndefined();
		expect(execution.run.status).toBe('success');
		const { caseId, managerId } = expectStepOutputs(execution);
		await expectStoredLifecycle(t.store, caseId, managerId);

		// Running the same submission again creates no second case.
		const again = await runCaseWorkflow(chain(submittedIntake(intake())), backend, t.target);
		expect(again.output('Create Case')[0].json.caseId).toBe(caseId);
		expect(await t.store.db.selectFrom('cases').select('id').execute()).toHaveLength(1);
	});

	it('fails the execution with the German message on an invalid intake, storing nothing', async () => {
		const bad = { ...intake(), person: { ...intake().person, birthDate: 'gestern' } };
		const workflow = chain(intakeNodes([{ actor, data: bad }]));
		const { run } = await runCaseWorkflow(workflow, backend, t.target);
		expect(run.status).toBe('error');
		const error = run.data.resultData.error as unknown as {
			name: string;
			message: string;
			description: string;
			context: { code: string };
		};
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			'Aufnahme unvollständig oder fehlerhaft. Person – Geburtsdatum: Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
		);
		expect(error.context.code).toBe('VALIDATION_FAILED');
		expect(error.description).toContain('Fehlercode VALIDATION_FAILED');
		expect(await t.store.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
	});

	it('with Continue On Fail puts the error code on the item and goes on with the next item', async () => {
		const bad = { ...intake(), consent: { ...intake().consent, given: false } };
		const other = { staffId: 'em-drk-01', role: 'manager', organisationId: 'caritas-em' };
		const submissions = [
			{ actor, data: bad },
			{ actor, data: intake() },
			{ actor: other, data: intake() },
		];
		const workflow = chain(
			intakeNodes(
				submissions,
				{ actor: '={{ $json.actor }}' },
				{ onError: 'continueRegularOutput' },
			),
		);
		const { run, output } = await runCaseWorkflow(workflow, backend, t.target);
		expect(run.status).toBe('success');
		const items = output('Create Case');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({
			code: 'VALIDATION_FAILED',
			error: expect.stringContaining(
				'Ohne Einwilligung der Person darf keine Fallakte angelegt werden.',
			),
		});
		expect(items[0].json.fieldErrors).toEqual([
			expect.objectContaining({ path: '/consent/given' }),
		]);
		expect(items[1].json).toMatchObject({ status: 'intake' });
		expect(items[2].json).toMatchObject({ code: 'FORBIDDEN' });
		expect(await t.store.db.selectFrom('cases').select('id').execute()).toHaveLength(1);
	});
});
