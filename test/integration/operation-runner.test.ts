import type { Core } from '../../src/core';
import { backends } from '../helpers/stores';
import { coreSuite } from '../helpers/core-suite';
import { failure, validContact, validIntake, validPlan } from '../helpers/fixtures';

jest.setTimeout(60_000);

/** The one operation runner: every kind of operation writes exactly one audit row; a replay is checked like the original. */
describe.each(backends)('operation runner on %s', (backend) => {
	const suite = coreSuite(backend);
	const caritas = () => suite.as('em-caritas-01');
	const drk = () => suite.as('em-drk-01');
	const coordinator = () => suite.as('em-koordination');
	const admin = () => suite.as('em-admin');
	const audit = () => suite.audit();
	let core: Core;
	beforeEach(() => (core = suite.core));

	it('refuses to replay another organisation’s submission and returns none of its data', async () => {
		const { case: created } = await core.createCase(
			caritas(),
			{ intake: validIntake() },
			{ submissionId: 'intake-1' },
		);
		await core.logContact(caritas(), created.id, validContact(), { submissionId: 'contact-1' });
		const before = await audit();
		const intakeReplay = await failure(
			core.createCase(drk(), { intake: validIntake() }, { submissionId: 'intake-1' }),
		);
		expect(intakeReplay.code).toBe('FORBIDDEN');
		expect(JSON.stringify(intakeReplay)).not.toContain('Haddad');
		const contactReplay = await failure(
			core.logContact(drk(), created.id, validContact(), { submissionId: 'contact-1' }),
		);
		expect(contactReplay.code).toBe('FORBIDDEN');
		expect(JSON.stringify(contactReplay)).not.toContain('Kursanmeldung');
		// The coordinator may read the case but documents nothing: no success answer for a contact, not even a replay.
		expect(
			(
				await failure(
					core.logContact(coordinator(), created.id, validContact(), { submissionId: 'contact-1' }),
				)
			).code,
		).toBe('FORBIDDEN');
		const added = (await audit()).slice(before.length);
		expect(added.map((r) => [r.actor_id, r.outcome])).toEqual([
			['em-drk-01', 'denied'],
			['em-drk-01', 'denied'],
			['em-koordination', 'denied'],
		]);
		// The person who made it still gets the first answer.
		const again = await core.logContact(caritas(), created.id, validContact(), {
			submissionId: 'contact-1',
		});
		expect(again.note).toBe('Kursanmeldung besprochen');
	});

	it('refuses a replay once the case has left the person’s scope', async () => {
		const { case: created } = await core.createCase(caritas(), { intake: validIntake() });
		await core.logContact(caritas(), created.id, validContact(), { submissionId: 'contact-2' });
		const current = await core.getCase(coordinator(), created.id);
		await core.reassignCase(
			coordinator(),
			created.id,
			{ managerId: 'em-drk-01' },
			{ expectedVersion: current.version },
		);
		expect(
			(
				await failure(
					core.logContact(caritas(), created.id, validContact(), { submissionId: 'contact-2' }),
				)
			).code,
		).toBe('FORBIDDEN');
	});

	it('writes one audit row for a report, a denied report and an event poll, as the system actor for polls', async () => {
		await core.createCase(caritas(), { intake: validIntake() });
		const before = (await audit()).length;
		await core.funderReport(coordinator(), { period: { from: '2026-01-01', to: '2026-03-31' } });
		expect(
			(
				await failure(
					core.funderReport(admin(), { period: { from: '2026-01-01', to: '2026-03-31' } }),
				)
			).code,
		).toBe('FORBIDDEN');
		await core.pollCaseEvents({ triggerId: 'wf-1:node-1', types: ['caseCreated'], record: true });
		const added = (await audit()).slice(before);
		expect(added.map((r) => [r.actor_id, r.action, r.outcome])).toEqual([
			['em-koordination', 'report.run', 'ok'],
			['em-admin', 'report.run', 'denied'],
			['system:case-event-trigger', 'events.poll', 'ok'],
		]);
	});

	it('saves the first plan and its continuation with one call each: one audit row, one version step, no not_found rows', async () => {
		const { case: created } = await core.createCase(caritas(), { intake: validIntake() });
		const first = await core.savePlan(
			caritas(),
			created.id,
			validPlan('2026-03-20', '2026-09-20'),
			{ expectedVersion: 1 },
		);
		const second = await core.savePlan(
			caritas(),
			created.id,
			validPlan('2026-05-20', '2026-11-20'),
			{ expectedVersion: 2 },
		);
		expect([first.version, first.kind, second.version, second.kind]).toEqual([
			1,
			'created',
			2,
			'continued',
		]);
		expect((await core.getCase(caritas(), created.id)).version).toBe(3);
		const rows = (await audit()).filter((r) => r.action.startsWith('plan.'));
		expect(rows.map((r) => [r.action, r.outcome])).toEqual([
			['plan.save', 'ok'],
			['plan.save', 'ok'],
		]);
		expect((await audit()).some((r) => r.outcome === 'not_found')).toBe(false);
	});

	it('records a justification beyond 3 years together with the contact it allows, in one write', async () => {
		const { case: created } = await core.createCase(caritas(), { intake: validIntake() });
		suite.clock.set('2028-04-01T10:00:00Z');
		expect(
			(await failure(core.logContact(caritas(), created.id, validContact('2028-03-30')))).code,
		).toBe('JUSTIFICATION_REQUIRED');
		const early = { reason: 'Abschluss der Ausbildung steht bevor', date: '2025-01-01' };
		const beforeIntake = await failure(
			core.logContact(caritas(), created.id, validContact('2028-03-30'), {
				extensionJustification: early,
			}),
		);
		expect(beforeIntake.fieldErrors[0]).toMatchObject({ path: '/extensionJustification/date' });
		expect((await core.getCase(caritas(), created.id)).extension).toBeNull();
		const justification = { ...early, date: '2028-03-30' };
		const version = (await core.getCase(caritas(), created.id)).version;
		await core.logContact(caritas(), created.id, validContact('2028-03-30'), {
			extensionJustification: justification,
			expectedVersion: version,
		});
		const after = await core.getCase(caritas(), created.id);
		expect(after.extension).toEqual(justification);
		expect(after.version).toBe(version + 1);
		expect((await audit()).filter((r) => r.action === 'contact.log').map((r) => r.outcome)).toEqual(
			['rejected', 'rejected', 'ok'],
		);
	});

	it('reads a case file with its plan in one operation', async () => {
		const { case: created } = await core.createCase(caritas(), { intake: validIntake() });
		expect((await core.getCaseFile(caritas(), created.id)).plan).toBeNull();
		await core.savePlan(caritas(), created.id, validPlan('2026-03-20', '2026-09-20'));
		const file = await core.getCaseFile(caritas(), created.id);
		expect(file.plan?.current.version).toBe(1);
		expect((await audit()).filter((r) => r.action === 'case.read').map((r) => r.outcome)).toEqual([
			'ok',
			'ok',
		]);
		expect((await failure(core.getCaseFile(admin(), created.id))).code).toBe('FORBIDDEN');
	});
});
