import type { Core } from '../../src/core';
import { backends, countRows, type TestStore } from '../helpers/stores';
import type { Database } from '../../src/store/database';
import { coreSuite } from '../helpers/core-suite';
import { failure, validClosure, validContact, validIntake, validPlan } from '../helpers/fixtures';

describe.each(backends)(
	'case store: cases, idempotency, versions, access, audit on %s',
	(backend) => {
		const suite = coreSuite(backend);
		let t: TestStore;
		let core: Core;
		beforeEach(() => ({ t, core } = suite));
		const caritas = () => suite.as('em-caritas-01');
		const caritas2 = () => suite.as('em-caritas-03');
		const drk = () => suite.as('em-drk-01');
		const coordinator = () => suite.as('em-koordination');
		const admin = () => suite.as('em-admin');
		const count = (table: keyof Database) => countRows(t.store, table);
		const auditRows = () => t.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

		it('creates a case from an intake, routed to the responsible organisation, with minors counted', async () => {
			const { case: created, routing } = await core.createCase(caritas(), {
				intake: validIntake(),
			});
			expect(routing).toMatchObject({ organisationId: 'caritas-em', rule: 'least_caseload' });
			expect(created).toMatchObject({
				status: 'intake',
				version: 1,
				personsCount: 4,
				minorsCount: 2,
				municipality: '08316056',
				openedOn: '2025-03-03',
			});
			expect(created.limits).toEqual({ regularEnd: '2028-03-03', maximumEnd: '2029-03-03' });
			const read = await core.getCase(caritas(), created.id);
			expect(read.data.person.lastName).toBe('Haddad');
			const persons = await t.store.db
				.selectFrom('case_persons')
				.selectAll()
				.where('case_id', '=', created.id)
				.orderBy('position')
				.execute();
			expect(persons.map((p) => [p.role, p.birth_date])).toEqual([
				['client', '1988-06-14'],
				['member', '1985-01-20'],
				['member', '2012-09-01'],
				['member', '2019-02-11'],
			]);
		});

		it('gives one case for two submissions with the same id, also when they arrive at the same time', async () => {
			const first = await core.createCase(
				caritas(),
				{ intake: validIntake() },
				{ submissionId: 'form-4711' },
			);
			let replays = 0;
			const second = await core.createCase(
				caritas(),
				{ intake: validIntake() },
				{ submissionId: 'form-4711', onReplay: () => replays++ },
			);
			expect(second).toEqual(first);
			expect(replays).toBe(1);
			const parallel = await Promise.all(
				[1, 2, 3].map(() =>
					core.createCase(caritas(), { intake: validIntake() }, { submissionId: 'form-4712' }),
				),
			);
			expect(new Set(parallel.map((p) => p.case.id)).size).toBe(1);
			expect(await count('cases')).toBe(2);
			expect(await count('submissions')).toBe(2);
			const outcomes = (await auditRows()).map((r) => r.outcome).sort();
			expect(outcomes).toEqual(['ok', 'ok', 'replayed', 'replayed', 'replayed']);
			const reused = await failure(
				core.logContact(caritas(), first.case.id, validContact(), { submissionId: 'form-4711' }),
			);
			expect(reused.code).toBe('SUBMISSION_REUSED');
		});

		it('rejects an update against a stale version as a conflict and leaves the data as it was', async () => {
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			const updated = await core.updateCase(
				caritas(),
				c.id,
				{ accommodation: 'own_tenancy' },
				{ expectedVersion: 1 },
			);
			expect(updated.version).toBe(2);
			const before = await core.getCase(caritas(), c.id);
			const error = await failure(
				core.updateCase(
					caritas2(),
					c.id,
					{ accommodation: 'other', languages: ['Kurdisch'] },
					{ expectedVersion: 1 },
				),
			);
			expect(error.code).toBe('CONFLICT');
			expect(error.message).toContain(
				'Der Fall wurde inzwischen geändert (aktuelle Version 2, Ihre Version 1)',
			);
			const after = await core.getCase(caritas(), c.id);
			expect(after).toEqual(before);
			expect(after.data.accommodation).toBe('own_tenancy');
			const last = (await auditRows()).filter((r) => r.action === 'case.update').pop();
			expect(last).toMatchObject({ outcome: 'conflict', actor_id: 'em-caritas-03', case_id: c.id });
		});

		it('denies a forbidden actor and records the denial in the audit log', async () => {
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			const denied = await failure(core.getCase(drk(), c.id));
			expect(denied.code).toBe('FORBIDDEN');
			expect(denied.message).toMatch(/darf diese Fallakte einsehen nicht/);
			expect(await failure(core.getCase(admin(), c.id))).toMatchObject({ code: 'FORBIDDEN' });
			expect(await failure(core.logContact(coordinator(), c.id, validContact()))).toMatchObject({
				code: 'FORBIDDEN',
			});
			const impostor = { ...caritas(), role: 'coordinator' };
			expect(await failure(core.getCase(impostor, c.id))).toMatchObject({ code: 'FORBIDDEN' });
			expect(
				await failure(
					core.getCase(
						{ staffId: 'unbekannt', role: 'manager', organisationId: 'caritas-em' },
						c.id,
					),
				),
			).toMatchObject({ code: 'FORBIDDEN' });
			const denials = (await auditRows()).filter((r) => r.outcome === 'denied');
			expect(denials.map((r) => [r.actor_id, r.action, r.case_id])).toEqual([
				['em-drk-01', 'case.read', c.id],
				['em-admin', 'case.read', c.id],
				['em-koordination', 'contact.log', c.id],
				['em-caritas-01', 'case.read', c.id],
				['unbekannt', 'case.read', c.id],
			]);
			expect(await count('contacts')).toBe(0);
			// The coordinator reads every case of the district.
			expect((await core.getCase(coordinator(), c.id)).id).toBe(c.id);
		});

		it('keeps the audit log append-only', async () => {
			await core.searchCases(coordinator());
			await expect(
				t.store.db.updateTable('audit_log').set({ outcome: 'ok', actor_id: 'x' }).execute(),
			).rejects.toThrow(/darf nicht geändert/);
			await expect(t.store.db.deleteFrom('audit_log').execute()).rejects.toThrow(
				/darf nicht geändert/,
			);
			expect(await count('audit_log')).toBe(1);
		});

		it('rejects a contact on a closed case with a German message and stores nothing', async () => {
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			await core.logContact(caritas(), c.id, validContact('2025-03-10'));
			const closed = await core.closeCase(caritas(), c.id, validClosure('2026-05-04'));
			expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-05-04' });
			const error = await failure(core.logContact(caritas(), c.id, validContact('2026-05-20')));
			expect(error.code).toBe('CASE_CLOSED');
			expect(error.message).toBe(
				'Der Fall ist seit 04.05.2026 beendet. Ein Beratungskontakt kann nicht mehr erfasst werden. Um weiter zu beraten, den Fall zuerst wieder aufnehmen.',
			);
			expect(await count('contacts')).toBe(1);
			expect((await core.getCase(caritas(), c.id)).version).toBe(closed.version);
			expect(
				(await failure(core.createPlan(caritas(), c.id, validPlan('2026-05-20', '2026-08-01'))))
					.code,
			).toBe('CASE_CLOSED');
		});
	},
);
