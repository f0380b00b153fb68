import { runFunderReport } from '../../src/report/run-report';
import type { FunderReport } from '../../src/report/report-types';
import type { Period } from '../../src/report/period';
import { coreSuite } from '../helpers/core-suite';
import { failure, validContact, validIntake } from '../helpers/fixtures';
import { isGermanMessage, refusalFootprint, rowCounts } from '../helpers/hardening';
import { backends } from '../helpers/stores';

const Q4_2025: Period = { from: '2025-10-01', to: '2025-12-31' };
const Q1_2026: Period = { from: '2026-01-01', to: '2026-03-31' };
const Q2_2026: Period = { from: '2026-04-01', to: '2026-06-30' };

/** A manager's or an organisation's figures in a report (empty when the group has none). */
function figuresOf(report: FunderReport, grouping: 'manager' | 'organisation', id: string) {
	return report.groups[grouping].find((g) => g.id === id)?.figures ?? {};
}

describe.each(backends)('case file with history on %s', (backend) => {
	// Today is 20 April 2026: the first quarter has ended, the second is running.
	const suite = coreSuite(backend, { start: '2026-04-20T10:00:00Z' });
	const manager = () => suite.as('em-caritas-01');
	const coordinator = () => suite.as('em-koordination');
	const report = (period: Period) => runFunderReport(suite.core.context, coordinator(), { period });
	const version = async (id: string) => (await suite.core.getCase(manager(), id)).version;
	const change = async (id: string, input: unknown, submissionId?: string) =>
		suite.core.changeCaseFile(manager(), id, input, {
			expectedVersion: await version(id),
			...(submissionId ? { submissionId } : {}),
		});
	const historyRows = (id: string) =>
		suite.t.store.db
			.selectFrom('case_file_changes')
			.select(['kind', 'valid_from', 'recorded_by', 'note'])
			.where('case_id', '=', id)
			.orderBy('id')
			.execute();

	/** Amina (A2, language course) with Karim (B1, employed), Lina (2012) and Omar (2019); intake 03.03.2025. */
	async function intake(): Promise<string> {
		const { case: c } = await suite.core.createCase(manager(), {
			intake: validIntake(),
			managerId: 'em-caritas-01',
		});
		await suite.core.logContact(manager(), c.id, validContact('2025-12-10'));
		await suite.core.logContact(manager(), c.id, validContact('2026-02-10'));
		return c.id;
	}

	it('counts the German level and occupation as they were at the end of the period', async () => {
		const id = await intake();
		const updated = await change(id, {
			validFrom: '2026-03-10',
			person: { germanLevel: 'B1', occupation: 'employed_social_insurance' },
			note: 'Zertifikat B1 erhalten, Arbeitsvertrag ab 10.03.',
		});
		expect(updated.data.person).toMatchObject({
			germanLevel: 'B1',
			occupation: 'employed_social_insurance',
		});
		const before = await report(Q4_2025);
		expect(before.total).toMatchObject({ adults_german_b1: 1, adults_employed: 1 });
		const after = await report(Q1_2026);
		expect(after.total).toMatchObject({ adults_german_b1: 2, adults_employed: 2 });
		// A change entered later for an earlier day takes its place in between: Karim out of work since February.
		await change(id, { validFrom: '2026-02-01', members: [{ member: 1, occupation: 'none' }] });
		expect((await report(Q4_2025)).total).toMatchObject({ adults_employed: 1 });
		expect((await report(Q1_2026)).total).toMatchObject({ adults_employed: 1 });
		expect((await report(Q1_2026)).total).toMatchObject({ adults_german_b1: 2 });
		const now = await suite.core.getCase(manager(), id);
		expect(now.data.household?.[0]).toMatchObject({ firstName: 'Karim', occupation: 'none' });
		expect(now.data.person.germanLevel).toBe('B1');
		expect(await historyRows(id)).toEqual([
			{ kind: 'intake', valid_from: '2025-03-03', recorded_by: 'em-caritas-01', note: null },
			{
				kind: 'change',
				valid_from: '2026-03-10',
				recorded_by: 'em-caritas-01',
				note: 'Zertifikat B1 erhalten, Arbeitsvertrag ab 10.03.',
			},
			{ kind: 'change', valid_from: '2026-02-01', recorded_by: 'em-caritas-01', note: null },
		]);
	});

	it('keeps the figures of a period with the manager and organisation of that period after a reassignment', async () => {
		const id = await intake();
		const q1 = await report(Q1_2026);
		await suite.core.reassignCase(
			coordinator(),
			id,
			{ managerId: 'em-drk-01' },
			{ expectedVersion: await version(id) },
		);
		const again = await report(Q1_2026);
		expect(again.total).toEqual(q1.total);
		expect(again.groups.manager).toEqual(q1.groups.manager);
		expect(figuresOf(again, 'manager', 'em-caritas-01')).toMatchObject({
			cases_counselled: 1,
			persons_counselled: 4,
			contacts: 1,
		});
		expect(figuresOf(again, 'manager', 'em-drk-01')).not.toMatchObject({ cases_counselled: 1 });
		expect(figuresOf(again, 'organisation', 'caritas-em')).toMatchObject({ cases_counselled: 1 });
		const q2 = await report(Q2_2026);
		expect(figuresOf(q2, 'manager', 'em-drk-01')).toMatchObject({ cases_counselled: 1 });
		expect(figuresOf(q2, 'manager', 'em-caritas-01')).not.toMatchObject({ cases_counselled: 1 });
		const kinds = (await historyRows(id)).map((r) => [r.kind, r.valid_from, r.recorded_by]);
		expect(kinds).toEqual([
			['intake', '2025-03-03', 'em-caritas-01'],
			['reassign', '2026-04-20', 'em-koordination'],
		]);
	});

	it('records household changes and a new address from their day on', async () => {
		const id = await intake();
		const changed = await change(id, {
			validFrom: '2026-03-20',
			joined: [{ firstName: 'Samira', birthDate: '2026-03-20', relationship: 'child' }],
			left: [1],
			municipality: '08316056',
		});
		expect(changed.data.household?.map((m) => m.firstName)).toEqual(['Lina', 'Omar', 'Samira']);
		expect(changed.personsCount).toBe(4);
		expect((await report(Q4_2025)).total).toMatchObject({
			persons_counselled: 4,
			persons_minors: 2,
		});
		// Karim moved out and Samira was born on 20 March: three minors at the end of the first quarter.
		expect((await report(Q1_2026)).total).toMatchObject({
			persons_counselled: 4,
			persons_minors: 3,
		});
		// A correction of the master data still passes with a member born after the intake.
		const corrected = await suite.core.updateCase(
			manager(),
			id,
			{ accommodation: 'own_tenancy' },
			{ expectedVersion: await version(id) },
		);
		expect(corrected.data.accommodation).toBe('own_tenancy');
		await expect(
			change(id, { validFrom: '2026-03-01', members: [{ member: 3, germanLevel: 'A1' }] }),
		).rejects.toMatchObject({
			code: 'VALIDATION_FAILED',
			message: expect.stringContaining('gehört am 01.03.2026 nicht zum Haushalt'),
		});
	});

	it('refuses a change dated in the future or before the intake in German, writing nothing but the audit row', async () => {
		const id = await intake();
		for (const [validFrom, message] of [
			['2026-04-21', 'Das Datum 21.04.2026 liegt in der Zukunft.'],
			['2025-03-02', 'Das Datum 02.03.2025 liegt vor der Aufnahme (03.03.2025).'],
		]) {
			const expectedVersion = await version(id);
			const before = await rowCounts(suite.t.store);
			const input = { validFrom, person: { germanLevel: 'B1' } };
			const error = await failure(
				suite.core.changeCaseFile(manager(), id, input, { expectedVersion }),
			);
			expect(error.code).toBe('VALIDATION_FAILED');
			expect(error.fieldErrors).toEqual([{ path: '/validFrom', field: 'Gültig ab', message }]);
			expect(isGermanMessage(error.message)).toBe(true);
			expect(refusalFootprint(before, await rowCounts(suite.t.store))).toEqual([]);
		}
		const unknown = await failure(
			change(id, { validFrom: '2026-03-01', members: [{ member: 7, germanLevel: 'B1' }] }),
		);
		expect(unknown.fieldErrors[0]).toMatchObject({ path: '/members/0/member' });
		expect(unknown.message).toContain('Ein Haushaltsmitglied Nr. 7 gibt es nicht');
		const nothing = await failure(change(id, { validFrom: '2026-03-01', note: 'nur eine Notiz' }));
		expect(nothing.message).toContain('Bitte mindestens eine Veränderung angeben');
		const stale = await failure(
			suite.core.changeCaseFile(
				manager(),
				id,
				{ validFrom: '2026-03-01', person: { germanLevel: 'B1' } },
				{ expectedVersion: 1 },
			),
		);
		expect(stale.code).toBe('CONFLICT');
		expect(await historyRows(id)).toHaveLength(1);
	});

	it('lets only the case manager record a change, once per submission id, with one audit row each', async () => {
		const id = await intake();
		const input = { validFrom: '2026-03-10', person: { germanLevel: 'B1' } };
		const denied = await failure(
			suite.core.changeCaseFile(coordinator(), id, input, { expectedVersion: await version(id) }),
		);
		expect(denied.code).toBe('FORBIDDEN');
		const first = await change(id, input, 'change-4711');
		const replay = await suite.core.changeCaseFile(manager(), id, input, {
			expectedVersion: first.version - 1,
			submissionId: 'change-4711',
		});
		expect(replay).toEqual(first);
		expect(await historyRows(id)).toHaveLength(2);
		const audit = (await suite.audit()).filter((r) => r.action === 'case.change');
		expect(audit.map((r) => [r.actor_id, r.outcome, r.case_id])).toEqual([
			['em-koordination', 'denied', id],
			['em-caritas-01', 'ok', id],
			['em-caritas-01', 'replayed', id],
		]);
		expect(audit[1].detail).toBe('gültig ab 2026-03-10: person');
	});
});
