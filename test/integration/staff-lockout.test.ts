/**
 * Lockout of personal sign-in (src/auth/throttle.ts): failures counted per account and per client address in the
 * store, outside the refused operation's transaction; the lock refuses even the right password and runs out by the
 * fixed clock (no sleeps). On both backends.
 */
import { failure } from '../helpers/fixtures';
import * as staff from '../helpers/staff-accounts';

const { auditedOnce, describeStaff, expectNoSecretsInAudit, passwords, withAccount } = staff;

const lockedMessage = (time: string) =>
	`Zu viele fehlgeschlagene Anmeldungen. Die Anmeldung ist bis ${time} Uhr gesperrt.`;

describeStaff('lockout after failed logins (%s)', (suite, signIn) => {
	const from = (address: string) => ({ address });
	const throttle = (subject: string) =>
		suite.t.store.db
			.selectFrom('login_throttle')
			.selectAll()
			.where('subject', '=', subject)
			.executeTakeFirst();

	it('locks the account after 20 wrong passwords: the right one is refused during the lock and accepted after it', async () => {
		await withAccount(suite, 'em-lra-01', passwords.a);
		// 19 failures at once from different addresses: each is counted (atomic upsert), none locks yet.
		const early = await Promise.all(
			Array.from({ length: 19 }, (_, i) =>
				failure(signIn().passwordLogin('em-lra-01', `${passwords.b}${i}`, from(`198.51.100.${i}`))),
			),
		);
		expect(new Set(early.map((e) => e.code))).toEqual(new Set(['AUTH_FAILED']));
		expect(await throttle('staff:em-lra-01')).toMatchObject({ failures: 19, locked_until: null });

		const twentieth = await auditedOnce(suite, () =>
			signIn().passwordLogin('em-lra-01', passwords.b, from('203.0.113.5')),
		);
		expect(twentieth.error).toMatchObject({
			code: 'AUTH_FAILED',
			message: 'Kennung oder Passwort ist falsch.',
		});
		// 10:00 UTC is 12:00 in Berlin (summer time); the lock lasts 900 s.
		expect(twentieth.row).toMatchObject({
			actor_id: 'em-lra-01',
			action: 'auth.login',
			outcome: 'denied',
			detail:
				'Anmeldung als „em-lra-01“ von 203.0.113.5 fehlgeschlagen (falsches Passwort). Konto gesperrt bis 01.06.2026, 12:15 Uhr',
		});
		expect(await throttle('staff:em-lra-01')).toMatchObject({
			failures: 20,
			locked_until: '2026-06-01T10:15:00.000Z',
		});

		suite.clock.set('2026-06-01T10:14:30Z');
		const locked = await auditedOnce(suite, () =>
			signIn().passwordLogin('em-lra-01', passwords.a, from('203.0.113.99')),
		);
		expect(locked.error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: lockedMessage('12:15') });
		expect(locked.row).toMatchObject({
			outcome: 'denied',
			detail: 'Anmeldung als „em-lra-01“ von 203.0.113.99: gesperrt bis 01.06.2026, 12:15 Uhr',
		});
		const accounts = await signIn().accounts(suite.as('em-admin'));
		expect(accounts.find((a) => a.staffId === 'em-lra-01')?.lockedUntil).toBe(
			'2026-06-01T10:15:00.000Z',
		);

		suite.clock.set('2026-06-01T10:15:00Z');
		const session = await signIn().passwordLogin('em-lra-01', passwords.a, from('203.0.113.99'));
		expect(session.staffId).toBe('em-lra-01');
		expect(await throttle('staff:em-lra-01')).toBeUndefined();
		await expectNoSecretsInAudit(suite, [passwords.a, passwords.b, session.sessionId]);
	}, 300_000);

	it('counts from 0 again when a lock has run out', async () => {
		suite.profile.settings.signIn = { lockAfterFailures: 4 };
		await withAccount(suite, 'em-lra-01', passwords.a);
		const wrong = (address: string) =>
			failure(signIn().passwordLogin('em-lra-01', passwords.b, from(address)));
		await Promise.all(Array.from({ length: 4 }, (_, i) => wrong(`198.51.100.${i}`)));
		expect((await throttle('staff:em-lra-01'))?.locked_until).toBe('2026-06-01T10:15:00.000Z');
		expect((await wrong('198.51.100.1')).code).toBe('ACCOUNT_LOCKED');
		suite.clock.set('2026-06-01T10:20:00Z');
		expect((await wrong('198.51.100.1')).code).toBe('AUTH_FAILED');
		expect(await throttle('staff:em-lra-01')).toMatchObject({ failures: 1, locked_until: null });
		const lockRows = (await suite.audit()).filter((r) => r.detail?.includes('Konto gesperrt'));
		expect(lockRows).toHaveLength(1);
	}, 300_000);

	it('locks a client address after the profile’s number of failures, whoever it tries', async () => {
		suite.profile.settings.signIn = { addressLockAfterFailures: 5, lockSeconds: 60 };
		await withAccount(suite, 'em-lra-01', passwords.a);
		const attacker = from('203.0.113.66');
		const attempts = ['em-lra-02', 'niemand', 'em-lra-03', 'em-koordination', 'wer-auch-immer'];
		for (const login of attempts)
			expect((await failure(signIn().passwordLogin(login, passwords.b, attacker))).code).toBe(
				'AUTH_FAILED',
			);
		const audit = await suite.audit();
		expect(audit.at(-1)).toMatchObject({
			actor_id: 'wer-auch-immer',
			detail:
				'Anmeldung als „wer-auch-immer“ von 203.0.113.66 fehlgeschlagen (unbekannte oder nicht aktive Kennung). Adresse 203.0.113.66 gesperrt bis 01.06.2026, 12:01 Uhr',
		});
		const locked = await failure(signIn().passwordLogin('em-lra-01', passwords.a, attacker));
		expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', message: lockedMessage('12:01') });
		// Another address is not locked, and no single account was.
		await expect(
			signIn().passwordLogin('em-lra-01', passwords.a, from('192.0.2.44')),
		).resolves.toMatchObject({ staffId: 'em-lra-01' });
		expect(await throttle('staff:em-lra-02')).toMatchObject({ failures: 1, locked_until: null });
		suite.clock.set('2026-06-01T10:01:00Z');
		await expect(signIn().passwordLogin('em-lra-01', passwords.a, attacker)).resolves.toBeDefined();
	}, 300_000);

	it('a wrong current password when changing it counts like a failed login', async () => {
		suite.profile.settings.signIn = { lockAfterFailures: 3 };
		const session = await withAccount(suite, 'em-lra-01', passwords.a);
		const change = (current: string) =>
			signIn().changePassword(suite.as('em-lra-01'), current, passwords.c, {}, session.sessionId);
		for (let i = 0; i < 3; i++)
			expect((await failure(change(passwords.b))).code).toBe('AUTH_FAILED');
		expect((await failure(change(passwords.a))).code).toBe('ACCOUNT_LOCKED');
		expect((await suite.audit()).slice(-4).map((r) => [r.action, r.outcome])).toEqual(
			Array(4).fill(['auth.password', 'denied']),
		);
	}, 300_000);
});
