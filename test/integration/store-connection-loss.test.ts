import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { DomainError } from '../../src/errors';
import { freshStore, postgresUrl, type TestStore } from '../helpers/stores';
import { actorFor, emmendingen, validIntake } from '../helpers/fixtures';
import { isGermanMessage, refusalOf, rowCounts } from '../helpers/hardening';
import { waitFor } from '../helpers/wait';

// The PostgreSQL server ends the store's connections (restart, failover, an admin's pg_terminate_backend). The process
// must live on, the operation that lost its connection gets a German "try again", and the next one works.
describe('PostgreSQL store when the server ends its connections', () => {
	const profile = emmendingen();
	const manager = actorFor(profile, 'em-caritas-01');
	const app = `im_loss_${randomUUID().slice(0, 8)}`;
	let t: TestStore;
	let core: Core;
	let admin: Client;

	const sessions = async (where = '') =>
		Number(
			(
				await admin.query(
					`select count(*)::int as n from pg_stat_activity where application_name = $1 ${where}`,
					[app],
				)
			).rows[0].n,
		);
	/** Ends every connection of the store from another connection, as an admin would, and waits until they are gone. */
	const terminate = async () => {
		await admin.query(
			'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
			[app],
		);
		await waitFor(
			async () => (await sessions()) === 0,
			'alle Verbindungen des Fallspeichers beendet',
		);
	};
	const expectTryAgain = (outcome: DomainError | string) => {
		expect(outcome).toBeInstanceOf(DomainError);
		const error = outcome as DomainError;
		expect(error.code).toBe('STORE_UNAVAILABLE');
		expect(error.message).toBe(
			'Die Verbindung zur Falldatenbank ist unterbrochen. Bitte versuchen Sie es in einem Moment erneut.',
		);
		expect(isGermanMessage(error.message)).toBe(true);
	};

	beforeAll(async () => {
		admin = new Client({ connectionString: postgresUrl });
		await admin.connect();
	});
	afterAll(() => admin.end());
	beforeEach(async () => {
		t = await freshStore('PostgreSQL', { applicationName: app });
		core = createCore({ store: t.store, profile, clock: fixedClock('2025-06-02T10:00:00+02:00') });
	});
	afterEach(() => t.dispose());

	it('survives the end of its idle connections and works on with fresh ones', async () => {
		await Promise.all([1, 2, 3].map(() => core.searchCases(manager)));
		expect(await sessions()).toBeGreaterThan(0);
		await terminate();
		// The pool may not have noticed yet: then this one operation is a German "try again", never a crash.
		const first = await refusalOf(core.createCase(manager, { intake: validIntake() }));
		if (first !== 'angenommen') expectTryAgain(first);
		await core.createCase(manager, { intake: validIntake() });
		expect((await core.searchCases(manager)).total).toBe(first === 'angenommen' ? 2 : 1);
	});

	it('answers "try again" when the connection ends inside a transaction between two queries', async () => {
		const outcome = await refusalOf(
			t.store.db.transaction().execute(async (trx) => {
				await trx.selectFrom('cases').select('id').execute();
				await terminate();
				await trx.selectFrom('cases').select('id').execute();
			}),
		);
		expectTryAgain(outcome);
		expect(await t.store.db.selectFrom('cases').select('id').execute()).toEqual([]);
	});

	it('answers "try again" when the connection ends during a write, audits it, stores nothing, and the next write works', async () => {
		const before = await rowCounts(t.store);
		// Hold the write at its first query (a lock from another session), then end the store's connections.
		const locker = new Client({ connectionString: postgresUrl });
		await locker.connect();
		await locker.query('begin');
		await locker.query(`lock table ${t.target.schema}.cases in access exclusive mode`);
		const pending = refusalOf(
			core.createCase(manager, { intake: validIntake() }, { submissionId: 'lost-1' }),
		);
		await waitFor(
			async () => (await sessions(`and wait_event_type = 'Lock'`)) > 0,
			'die Aufnahme wartet auf die Sperre',
		);
		await terminate();
		await locker.query('rollback');
		await locker.end();
		expectTryAgain(await pending);
		const after = await rowCounts(t.store);
		expect({ ...after, audit_log: before.audit_log }).toEqual(before);
		expect(after.audit_log).toBe(before.audit_log + 1);
		// The same submission again: now it is stored, once.
		const created = await core.createCase(
			manager,
			{ intake: validIntake() },
			{ submissionId: 'lost-1' },
		);
		expect(created.case.status).toBe('intake');
		expect((await core.searchCases(manager)).total).toBe(1);
	});
});
