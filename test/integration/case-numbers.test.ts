import { Migrator } from 'kysely';
import { caseLabel } from '../../src/forms/prefill';
import { storeSubmission } from '../../src/forms/submit';
import { migrationProvider } from '../../src/store/migrations';
import { coreSuite } from '../helpers/core-suite';
import { failure, validContact, validIntake } from '../helpers/fixtures';
import { isGermanMessage } from '../helpers/hardening';
import { backends } from '../helpers/stores';

/** An intake dated on `date` (consent the same day). */
const intakeOn = (date: string, lastName = 'Haddad') => {
	const intake = validIntake({ intakeDate: date });
	return {
		...intake,
		person: { ...intake.person, lastName },
		consent: { ...intake.consent, date },
	};
};

const numbersOf = (cases: { caseNumber: string }[]) => cases.map((c) => c.caseNumber).sort();
const expected = (year: number, count: number) =>
	Array.from({ length: count }, (_, i) => `EM-${year}-${String(i + 1).padStart(5, '0')}`);

describe.each(backends)('readable case numbers on %s', (backend) => {
	const suite = coreSuite(backend);
	const caritas = () => suite.as('em-caritas-01');
	const drk = () => suite.as('em-drk-01');
	const create = (date = '2026-05-04', submissionId?: string, lastName?: string) =>
		suite.core.createCase(
			caritas(),
			{ intake: intakeOn(date, lastName) },
			submissionId ? { submissionId } : {},
		);

	it('gives 200 concurrent intakes 200 distinct numbers, 1 to 200 without gaps', async () => {
		const created = await Promise.all(
			Array.from({ length: 200 }, (_, i) => create('2026-05-04', `numbers-${i}`)),
		);
		expect(numbersOf(created.map((c) => c.case))).toEqual(expected(2026, 200));
		const counter = await suite.t.store.db
			.selectFrom('case_number_counters')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect({ ...counter, year: Number(counter.year), last_seq: Number(counter.last_seq) }).toEqual({
			district_id: 'emmendingen',
			year: 2026,
			last_seq: 200,
		});
	}, 120_000);

	it('takes no number for a refused or rolled-back intake; numbers count per year of the intake date', async () => {
		expect((await create('2026-05-04')).case.caseNumber).toBe('EM-2026-00001');
		const invalid = await failure(
			suite.core.createCase(caritas(), {
				intake: { ...intakeOn('2026-05-04'), municipality: 'x' },
			}),
		);
		expect(invalid.code).toBe('VALIDATION_FAILED');
		// Concurrent repeats of one submission: all but one roll back (after taking a number on PostgreSQL).
		const repeats = await Promise.all(
			Array.from({ length: 5 }, () => create('2026-05-04', 'once')),
		);
		expect(new Set(repeats.map((r) => r.case.caseNumber))).toEqual(new Set(['EM-2026-00002']));
		expect((await create('2025-11-30')).case.caseNumber).toBe('EM-2025-00001');
		expect((await create('2026-01-02')).case.caseNumber).toBe('EM-2026-00003');
		expect((await create('2025-12-31')).case.caseNumber).toBe('EM-2025-00002');
		const search = await suite.core.searchCases(caritas(), { limit: 500 });
		expect(numbersOf(search.cases)).toEqual([...expected(2025, 2), ...expected(2026, 3)]);
	});

	it('finds a case by its number, in any letter case and without leading zeros, for reads, writes and search', async () => {
		await create('2026-05-04', undefined, 'Erster');
		const { case: c } = await create('2026-05-05', undefined, 'Zweiter');
		expect(c.caseNumber).toBe('EM-2026-00002');
		for (const ref of ['EM-2026-00002', 'em-2026-00002', 'Em-2026-2', ' EM-2026-00002 '])
			expect((await suite.core.getCase(caritas(), ref)).id).toBe(c.id);
		expect((await suite.core.getCaseFile(caritas(), 'em-2026-2')).case.caseNumber).toBe(
			'EM-2026-00002',
		);
		const contact = await suite.core.logContact(
			caritas(),
			'em-2026-00002',
			validContact('2026-05-20'),
			{ submissionId: 'contact-by-number' },
		);
		expect(contact).toMatchObject({ caseId: c.id, caseNumber: 'EM-2026-00002' });
		const audit = await suite.audit();
		expect(audit.at(-1)).toMatchObject({ action: 'contact.log', outcome: 'ok', case_id: c.id });
		// The replay of the same submission names the case by its id, as every write does.
		await suite.core.logContact(caritas(), 'EM-2026-00002', validContact('2026-05-20'), {
			submissionId: 'contact-by-number',
		});
		expect((await suite.audit()).at(-1)).toMatchObject({ outcome: 'replayed', case_id: c.id });
		expect(await suite.core.listContacts(caritas(), 'EM-2026-00002')).toHaveLength(1);
		const found = await suite.core.searchCases(caritas(), { caseNumber: 'em-2026-2' });
		expect(found.total).toBe(1);
		expect(found.cases[0]).toMatchObject({ id: c.id, caseNumber: 'EM-2026-00002' });
		expect((await suite.core.searchCases(caritas(), { caseNumber: 'LB-2026-00002' })).total).toBe(
			0,
		);
	});

	it('refuses malformed and unknown numbers in German', async () => {
		await create();
		for (const ref of ['EM-26-1', 'EM-2026-', 'EM2026-00001', 'EM-2026-00000', 'E-2026-00001']) {
			const error = await failure(suite.core.getCase(caritas(), ref));
			expect(error.code).toBe('NOT_FOUND');
			expect(error.message).toContain('keine gültige Fallnummer');
			expect(isGermanMessage(error.message)).toBe(true);
		}
		for (const ref of ['EM-2026-00002', 'LB-2026-00001', 'EM-2025-00001']) {
			const error = await failure(
				suite.core.logContact(caritas(), ref, validContact('2026-05-20')),
			);
			expect(error).toMatchObject({ code: 'NOT_FOUND' });
			expect(error.message).toMatch(/^Fall [A-Z]{2}-\d{4}-\d{5} wurde nicht gefunden\.$/);
		}
		const search = await failure(suite.core.searchCases(caritas(), { caseNumber: 'EM-2026' }));
		expect(search).toMatchObject({ code: 'VALIDATION_FAILED' });
		expect(search.fieldErrors[0]).toMatchObject({ path: '/caseNumber', field: 'Fallnummer' });
		expect(isGermanMessage(search.message)).toBe(true);
	});

	it("keeps another provider's manager out of a case named by its number, as by its id", async () => {
		const { case: c } = await create();
		for (const ref of [c.caseNumber, c.id]) {
			expect((await failure(suite.core.getCase(drk(), ref))).code).toBe('FORBIDDEN');
			// The audit row names the case by its id, however the caller named it.
			expect((await suite.audit()).at(-1)).toMatchObject({ outcome: 'denied', case_id: c.id });
			expect(
				(await failure(suite.core.logContact(drk(), ref, validContact('2026-05-20')))).code,
			).toBe('FORBIDDEN');
		}
		expect((await suite.core.searchCases(drk(), { caseNumber: c.caseNumber })).total).toBe(0);
		expect((await suite.audit()).at(-1)).toMatchObject({ action: 'case.search', outcome: 'ok' });
	});

	it('names the case by its number where people read it: confirmation, form label, events', async () => {
		await create();
		const poll = { triggerId: 'numbers:trigger', types: ['caseCreated' as const], record: true };
		const { lastSeq } = await suite.core.pollCaseEvents(poll);
		const stored = await storeSubmission(suite.core, {
			kind: 'intake',
			actor: caritas(),
			data: intakeOn('2026-05-06', 'Kovalenko') as unknown as Record<string, unknown>,
			extras: {},
			submissionId: 'form-intake',
		});
		expect(stored.caseNumber).toBe('EM-2026-00002');
		expect(stored.message).toMatch(/ist gespeichert \(Fallnummer EM-2026-00002\)\. Zuständig: /);
		expect(stored.message).not.toContain(stored.caseId);
		const contact = await storeSubmission(suite.core, {
			kind: 'contact',
			actor: caritas(),
			caseId: 'em-2026-2',
			data: validContact('2026-05-20'),
			extras: {},
			submissionId: 'form-contact',
		});
		expect(contact).toMatchObject({ caseId: stored.caseId, caseNumber: 'EM-2026-00002' });
		const record = await suite.core.getCase(caritas(), 'EM-2026-00002');
		expect(caseLabel(record)).toMatch(/^Fall: Kovalenko, Amina .* · Fallnummer EM-2026-00002$/);
		const { events } = await suite.core.pollCaseEvents({ ...poll, lastSeq });
		expect(events).toEqual([
			expect.objectContaining({ caseId: stored.caseId, caseNumber: 'EM-2026-00002' }),
		]);
	});

	it('numbers existing cases when migrating: per district and year, in order of creation', async () => {
		const dates = ['2026-03-01', '2025-07-01', '2026-01-15', '2025-02-01', '2026-02-01'];
		const created = [];
		for (const [i, date] of dates.entries()) {
			suite.clock.set(`2026-06-01T10:00:0${i}Z`);
			created.push((await create(date)).case);
		}
		const migrator = new Migrator({
			db: suite.t.store.db,
			provider: migrationProvider(suite.t.store.backend),
			migrationTableSchema: suite.t.target.schema,
		});
		// Down to before the case numbers (later migrations go down first), then up again.
		const down = await migrator.migrateTo('0005_staff_accounts');
		expect(down.results?.at(-1)).toMatchObject({
			migrationName: '0006_case_numbers',
			status: 'Success',
		});
		const up = await migrator.migrateToLatest();
		expect(up.error).toBeUndefined();
		for (const c of created)
			expect((await suite.core.getCase(caritas(), c.id)).caseNumber).toBe(c.caseNumber);
		expect((await create('2025-03-01')).case.caseNumber).toBe('EM-2025-00003');
		expect((await create('2026-03-01')).case.caseNumber).toBe('EM-2026-00004');
	});
});
