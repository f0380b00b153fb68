import { createCore, type Core } from '../../src/core';
import { loadShippedProfile } from '../../src/districts/profile';
import type { DistrictProfile } from '../../src/generated/types';
import { backends, countRows, type TestStore } from '../helpers/stores';
import type { Database } from '../../src/store/database';
import { coreSuite, type CoreSuite } from '../helpers/core-suite';
import {
	actorFor,
	failure,
	validClosure,
	validContact,
	validIntake,
	validPlan,
} from '../helpers/fixtures';

describe.each(backends)(
	'case lifecycle: closure, plans, referrals, duration, dates, search on %s',
	(backend) => {
		const suite = coreSuite(backend);
		let t: TestStore;
		let core: Core;
		let profile: DistrictProfile;
		let clock: CoreSuite['clock'];
		beforeEach(() => ({ t, core, profile, clock } = suite));
		const caritas = () => suite.as('em-caritas-01');
		const drk = () => suite.as('em-drk-01');
		const coordinator = () => suite.as('em-koordination');
		const admin = () => suite.as('em-admin');
		const count = (table: keyof Database) => countRows(t.store, table);

		it('needs a reason to close, and reopens with the limit still counted from the first intake', async () => {
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			const { reason: _r, ...noReason } = validClosure();
			const error = await failure(core.closeCase(caritas(), c.id, noReason));
			expect(error).toMatchObject({
				code: 'VALIDATION_FAILED',
				message: expect.stringContaining('braucht einen Grund'),
			});
			expect((await core.getCase(caritas(), c.id)).status).toBe('intake');
			await core.closeCase(caritas(), c.id, validClosure('2026-01-10'));
			const reopened = await core.reopenCase(caritas(), c.id, {
				date: '2026-02-01',
				reason: 'Erneuter Beratungsbedarf nach Jobverlust',
			});
			expect(reopened).toMatchObject({ status: 'intake', closedOn: null, openedOn: '2025-03-03' });
			const history = await t.store.db
				.selectFrom('status_history')
				.select(['from_status', 'to_status'])
				.where('case_id', '=', c.id)
				.orderBy('id')
				.execute();
			expect(history).toEqual([
				{ from_status: null, to_status: 'intake' },
				{ from_status: 'intake', to_status: 'closed' },
				{ from_status: 'closed', to_status: 'intake' },
			]);
			const closure = await t.store.db
				.selectFrom('closures')
				.selectAll()
				.where('case_id', '=', c.id)
				.executeTakeFirstOrThrow();
			expect(closure).toMatchObject({
				reason: 'self_reliant',
				own_tenancy: 1,
				reopened_on: '2026-02-01',
			});
		});

		it('keeps every plan version readable when a plan is continued; the first plan activates the case', async () => {
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			const v1 = await core.createPlan(caritas(), c.id, validPlan());
			expect(v1).toMatchObject({ version: 1, kind: 'created' });
			expect((await core.getCase(caritas(), c.id)).status).toBe('active');
			expect((await failure(core.createPlan(caritas(), c.id, validPlan()))).message).toContain(
				'bitte den bestehenden Plan fortschreiben'.replace('b', 'B'),
			);
			const continued = validPlan('2025-09-22', '2026-03-22');
			continued.goals[0].status = 'achieved';
			const v2 = await core.continuePlan(caritas(), c.id, continued);
			expect(v2).toMatchObject({ version: 2, kind: 'continued' });
			const view = await core.getPlan(caritas(), c.id);
			expect(view.current.version).toBe(2);
			expect(view.versions.map((v) => [v.version, v.kind])).toEqual([
				[1, 'created'],
				[2, 'continued'],
			]);
			const old = await core.getPlan(caritas(), c.id, 1);
			expect(old.current.plan.goals[0].status).toBe('in_progress');
			expect(old.current.planDate).toBe('2025-03-20');
		});

		it('tracks referrals open → accepted → done and lists overdue ones within scope', async () => {
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			const r1 = await core.createReferral(caritas(), c.id, {
				date: '2026-04-01',
				serviceId: 'psz',
				reason: 'Schlafstörungen, Belastung',
			});
			const r2 = await core.createReferral(caritas(), c.id, {
				date: '2026-05-20',
				serviceId: 'jobcenter',
				reason: 'Arbeitsvermittlung',
			});
			expect(r1).toMatchObject({
				status: 'open',
				serviceName: 'Psychosoziales Zentrum für Geflüchtete',
				overdue: true,
				overdueFrom: '2026-05-01',
			});
			const unknown = await failure(
				core.createReferral(caritas(), c.id, {
					date: '2026-04-01',
					serviceId: 'zauberer',
					reason: 'x',
				}),
			);
			expect(unknown.fieldErrors[0]).toMatchObject({ path: '/serviceId', field: 'Fachdienst' });
			const overdue = await core.listOverdueReferrals(coordinator());
			expect(overdue.map((o) => [o.id, o.daysOverdue])).toEqual([[r1.id, 31]]);
			expect(await core.listOverdueReferrals(drk())).toEqual([]);
			expect(
				(
					await failure(
						core.setReferralStatus(caritas(), r1.id, { status: 'done', date: '2026-05-02' }),
					)
				).code,
			).toBe('ILLEGAL_TRANSITION');
			await core.setReferralStatus(caritas(), r1.id, { status: 'accepted', date: '2026-05-02' });
			const done = await core.setReferralStatus(caritas(), r1.id, {
				status: 'done',
				date: '2026-05-30',
				note: 'Therapie begonnen',
			});
			expect(done.status).toBe('done');
			expect(await core.listOverdueReferrals(coordinator())).toEqual([]);
			expect((await core.listReferrals(caritas(), c.id)).map((r) => [r.id, r.status])).toEqual([
				[r2.id, 'open'],
				[r1.id, 'done'],
			]);
		});

		it('needs a justification beyond 3 years and ends counselling at 4 years', async () => {
			clock.set('2024-01-15T09:00:00Z');
			const { case: c } = await core.createCase(caritas(), {
				intake: validIntake({
					intakeDate: '2021-02-01',
					consent: { ...validIntake().consent, date: '2021-02-01' },
				}),
			});
			clock.set('2024-03-01T09:00:00Z');
			const needsReason = await failure(
				core.logContact(caritas(), c.id, validContact('2024-02-15')),
			);
			expect(needsReason.code).toBe('JUSTIFICATION_REQUIRED');
			expect(await count('contacts')).toBe(0);
			const justified = await core.updateCase(
				caritas(),
				c.id,
				{
					extensionJustification: {
						reason: 'Ausbildung zur Pflegefachkraft endet im Sommer, Begleitung nötig',
						date: '2024-02-20',
					},
				},
				{ expectedVersion: 1 },
			);
			expect(justified.extension).toMatchObject({ date: '2024-02-20' });
			await core.logContact(caritas(), c.id, validContact('2024-02-21'));
			clock.set('2025-02-10T09:00:00Z');
			const ended = await failure(core.logContact(caritas(), c.id, validContact('2025-02-03')));
			expect(ended.code).toBe('DURATION_EXCEEDED');
			expect(ended.message).toContain(
				'Bitte den Fall mit dem Grund „Höchstdauer erreicht“ beenden.',
			);
			const closed = await core.closeCase(caritas(), c.id, {
				...validClosure('2025-02-03'),
				reason: 'maximum_duration',
			});
			expect(closed.status).toBe('closed');
		});

		it('rejects implausible dates and an intake from a municipality outside the programme, storing nothing', async () => {
			const future = await failure(
				core.createCase(caritas(), { intake: validIntake({ intakeDate: '2026-07-01' }) }),
			);
			expect(future.fieldErrors[0]).toMatchObject({
				path: '/intakeDate',
				message: 'Das Datum 01.07.2026 liegt in der Zukunft.',
			});
			const { case: c } = await core.createCase(caritas(), { intake: validIntake() });
			const early = await failure(core.logContact(caritas(), c.id, validContact('2025-01-01')));
			expect(early.message).toContain('liegt vor der Aufnahme (03.03.2025)');
			const ortenau = createCore({
				store: t.store,
				profile: loadShippedProfile('ortenaukreis'),
				clock,
			});
			const og = loadShippedProfile('ortenaukreis');
			const offenburg = og.municipalities.find((m) => m.name === 'Offenburg, Stadt')!.ags;
			const answer = await failure(
				ortenau.createCase(actorFor(og, 'og-lra-01'), {
					intake: validIntake({
						municipality: offenburg,
						consent: { ...validIntake().consent, recordedBy: 'og-lra-01' },
					}),
				}),
			);
			expect(answer.code).toBe('NOT_IN_PROGRAMME');
			expect(await count('cases')).toBe(1);
		});

		it('scopes search to the organisation and lets reassignment move cases only where allowed', async () => {
			const { case: c1 } = await core.createCase(caritas(), { intake: validIntake() });
			const emmendingenTown = profile.municipalities.find(
				(m) => m.organisationId === 'drk-em',
			)!.ags;
			await core.createCase(drk(), {
				intake: validIntake({
					municipality: emmendingenTown,
					consent: { ...validIntake().consent, recordedBy: 'em-drk-01' },
				}),
			});
			expect((await core.searchCases(caritas())).total).toBe(1);
			expect((await core.searchCases(drk())).total).toBe(1);
			expect((await core.searchCases(coordinator())).total).toBe(2);
			expect((await core.searchCases(coordinator(), { name: 'hadd' })).total).toBe(2);
			expect((await failure(core.searchCases(admin()))).code).toBe('FORBIDDEN');
			const within = await core.reassignCase(
				caritas(),
				c1.id,
				{ managerId: 'em-caritas-05' },
				{ expectedVersion: 1 },
			);
			expect(within).toMatchObject({
				managerId: 'em-caritas-05',
				organisationId: 'caritas-em',
				version: 2,
			});
			expect(
				(
					await failure(
						core.reassignCase(caritas(), c1.id, { managerId: 'em-drk-02' }, { expectedVersion: 2 }),
					)
				).code,
			).toBe('FORBIDDEN');
			const across = await core.reassignCase(
				coordinator(),
				c1.id,
				{ managerId: 'em-drk-02' },
				{ expectedVersion: 2 },
			);
			expect(across).toMatchObject({ managerId: 'em-drk-02', organisationId: 'drk-em' });
			expect((await failure(core.getCase(caritas(), c1.id))).code).toBe('FORBIDDEN');
		});
	},
);
