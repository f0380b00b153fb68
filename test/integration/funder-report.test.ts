import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { DomainError } from '../../src/errors';
import type { DistrictProfile } from '../../src/generated/types';
import { runFunderReport } from '../../src/report/run-report';
import type { FunderReport, ReportGroup } from '../../src/report/report-types';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { actorFor } from '../helpers/fixtures';
import {
	buildReportFixture,
	fixtureClock,
	fixturePeriod,
	fixtureProfile,
} from '../helpers/report-fixture';

/** The figures of a broken-down indicator: `indicator.value` for each value, and the indicator's total when given. */
function breakdown(indicator: string, values: Record<string, number>, total?: number) {
	return {
		...Object.fromEntries(Object.entries(values).map(([value, n]) => [`${indicator}.${value}`, n])),
		...(total === undefined ? {} : { [indicator]: total }),
	};
}

describe.each(backends)(
	'funder report on %s (hand-computed fixture, 1st quarter 2026)',
	(backend) => {
		let t: TestStore;
		let core: Core;
		let profile: DistrictProfile;
		let report: FunderReport;
		const group = (groups: ReportGroup[], id: string) => {
			const found = groups.find((g) => g.id === id);
			if (!found) throw new Error(`no group ${id}`);
			return found.figures;
		};

		beforeAll(async () => {
			t = await freshStore(backend);
			profile = fixtureProfile();
			core = createCore({ store: t.store, profile, clock: fixedClock(fixtureClock) });
			await buildReportFixture(core, profile);
			report = await runFunderReport(core.context, actorFor(profile, 'em-koordination'), {
				period: fixturePeriod,
			});
		});
		afterAll(() => t.dispose());

		it('counts persons of cases counselled on at least one day of the period (closed the day before: no; reopened on the last day: yes)', () => {
			expect(report.total.persons_counselled).toBe(13);
			expect(report.total.cases_counselled).toBe(7);
		});

		it('counts a person turning 18 inside the period as a minor, one turning 18 on the first day as an adult, and age at a later intake', () => {
			expect(report.total.persons_minors).toBe(4);
			expect(report.total.persons_adults).toBe(9);
			expect(group(report.groups.manager, 'em-caritas-01')).toMatchObject({
				persons_counselled: 7,
				persons_minors: 3,
				persons_adults: 4,
			});
			expect(group(report.groups.manager, 'em-drk-01')).toMatchObject({
				persons_counselled: 2,
				persons_minors: 1,
				persons_adults: 1,
			});
		});

		it('counts intakes inside the period and reopenings (not as intakes)', () => {
			expect(report.total).toMatchObject({ intakes: 1, intake_persons: 2, reopenings: 2 });
			expect(group(report.groups.manager, 'em-lra-02')).toMatchObject({
				reopenings: 1,
				intakes: 0,
				cases_counselled: 2,
			});
		});

		it('counts closures in the period unless reopened by its last day; one on the first day counts; by reason and with own tenancy', () => {
			expect(report.total.closures).toBe(3);
			expect(report.total).toMatchObject(
				breakdown('closures_by_reason', {
					self_reliant: 1,
					client_request: 1,
					contact_lost: 1,
					other_service: 0,
					moved_away: 0,
				}),
			);
			expect(report.total.closures_own_tenancy).toBe(1);
			expect(report.total.closures_own_tenancy_share).toBeCloseTo(1 / 3, 10);
		});

		it('counts contacts on both boundary days of the period but not the day before or after, by channel and by topic', () => {
			expect(report.total.contacts).toBe(3);
			const byChannel = { in_person: 2, phone: 1, email: 0 };
			expect(report.total).toMatchObject(breakdown('contacts_by_channel', byChannel, 3));
			const byTopic = { language: 1, housing: 2, work: 1, residence: 1 };
			expect(report.total).toMatchObject(breakdown('contacts_by_topic', byTopic, 5));
			expect(group(report.groups.manager, 'em-caritas-01').contacts).toBe(2);
		});

		it('counts plans created and continued by plan date, and referrals by service category', () => {
			expect(report.total).toMatchObject({ plans_created: 1, plans_continued: 1 });
			expect(report.total).toMatchObject({
				referrals: 1,
				'referrals.psychological_counselling': 1,
				'referrals.jobcenter': 0,
			});
		});

		it('gives the adults’ shares: German B1 or above, employment subject to social insurance, training/internship/study', () => {
			expect(report.total).toMatchObject({
				adults_german_b1: 4,
				adults_employed: 2,
				adults_training: 3,
			});
			expect(report.total.adults_german_b1_share).toBeCloseTo(4 / 9, 10);
			expect(report.total.adults_employed_share).toBeCloseTo(2 / 9, 10);
			expect(report.total.adults_training_share).toBeCloseTo(3 / 9, 10);
		});

		it('gives the Betreuungsquote only where the profile knows the eligible persons', () => {
			expect(report.total).toMatchObject({
				eligible_persons: 20,
				persons_in_eligible_municipalities: 7,
			});
			expect(report.total.care_rate).toBeCloseTo(0.35, 10);
			expect(group(report.groups.municipality, '08316056')).toMatchObject({
				eligible_persons: 20,
				care_rate: 0.35,
			});
			expect(group(report.groups.organisation, 'drk-em')).toMatchObject({
				eligible_persons: null,
				care_rate: null,
			});
			expect(group(report.groups.manager, 'em-caritas-01')).toMatchObject({
				eligible_persons: null,
				care_rate: null,
			});
		});

		it('has one column per manager of all providers, and organisations and municipalities that add up to the total', () => {
			expect(report.groups.manager).toHaveLength(
				profile.staff.filter((s) => s.role === 'manager').length,
			);
			for (const grouping of ['manager', 'organisation', 'municipality'] as const) {
				const sum = report.groups[grouping].reduce(
					(n, g) => n + (g.figures.persons_counselled ?? 0),
					0,
				);
				expect(sum).toBe(report.total.persons_counselled);
			}
			expect(group(report.groups.organisation, 'lra-em')).toMatchObject({
				cases_counselled: 3,
				persons_counselled: 3,
			});
		});

		it('limits a manager to the own organisation, refuses admins, and audits every run', async () => {
			const own = await runFunderReport(core.context, actorFor(profile, 'em-caritas-03'), {
				period: fixturePeriod,
			});
			expect(own.scope.organisationId).toBe('caritas-em');
			expect(own.total).toMatchObject({
				persons_counselled: 7,
				cases_counselled: 2,
				eligible_persons: 20,
			});
			expect(
				own.groups.manager.every(
					(g) => g.organisation === 'Caritasverband für den Landkreis Emmendingen e.V.',
				),
			).toBe(true);
			await expect(
				runFunderReport(core.context, actorFor(profile, 'em-admin'), { period: fixturePeriod }),
			).rejects.toMatchObject({ code: 'FORBIDDEN' });
			await expect(
				runFunderReport(core.context, actorFor(profile, 'em-koordination'), {
					period: { from: '2026-04-01', to: '2026-03-01' },
				}),
			).rejects.toBeInstanceOf(DomainError);
			const audit = await t.store.db
				.selectFrom('audit_log')
				.select(['actor_id', 'outcome'])
				.where('action', '=', 'report.run')
				.orderBy('id')
				.execute();
			expect(audit).toEqual([
				{ actor_id: 'em-koordination', outcome: 'ok' },
				{ actor_id: 'em-caritas-03', outcome: 'ok' },
				{ actor_id: 'em-admin', outcome: 'denied' },
				{ actor_id: 'em-koordination', outcome: 'rejected' },
			]);
		});
	},
);
