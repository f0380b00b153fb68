/**
 * Server-side sessions of personal sign-in (src/auth/sessions.ts, session-lookup.ts): idle and absolute expiry by
 * the fixed clock, deactivation in the profile, logout, password change, sessions after single sign-on. On both
 * backends.
 */
import { tokenHash } from '../../src/auth/tokens';
import { createCore } from '../../src/core';
import { failure } from '../helpers/fixtures';
import * as staff from '../helpers/staff-accounts';

const { auditedOnce, client, describeStaff, expectNoSecretsInAudit, passwords, withAccount } =
	staff;

describeStaff('sessions (%s)', (suite, signIn) => {
	const sessionRow = (sessionId: string) =>
		suite.t.store.db
			.selectFrom('staff_sessions')
			.selectAll()
			.where('id_hash', '=', tokenHash(sessionId))
			.executeTakeFirstOrThrow();
	const auditCount = async () => (await suite.audit()).length;

	it('ends after 30 idle minutes; using it keeps it open, refreshed at most once a minute, without audit rows', async () => {
		const { sessionId } = await withAccount(suite, 'em-lra-01');
		const rows = await auditCount();
		suite.clock.set('2026-06-01T10:00:30Z');
		expect(await signIn().resolveSession(sessionId)).not.toBeNull();
		expect((await sessionRow(sessionId)).last_seen_at).toBe('2026-06-01T10:00:00.000Z');
		suite.clock.set('2026-06-01T10:29:00Z');
		expect(await signIn().resolveSession(sessionId)).not.toBeNull();
		expect((await sessionRow(sessionId)).last_seen_at).toBe('2026-06-01T10:29:00.000Z');
		suite.clock.set('2026-06-01T10:58:59Z');
		expect(await signIn().resolveSession(sessionId)).not.toBeNull();
		suite.clock.set('2026-06-01T11:28:59Z');
		expect(await signIn().resolveSession(sessionId)).toBeNull();
		expect(await auditCount()).toBe(rows);
		for (const unknown of ['', 'x'.repeat(43), 'kein Sitzungscookie'])
			expect(await signIn().resolveSession(unknown)).toBeNull();
		expect(await auditCount()).toBe(rows);
	});

	it('ends 10 hours after it began, however busy it is', async () => {
		const { sessionId, expiresAt } = await withAccount(suite, 'em-lra-01');
		expect(expiresAt).toBe('2026-06-01T20:00:00.000Z');
		for (let minutes = 20; minutes < 600; minutes += 20) {
			suite.clock.set(
				new Date(Date.parse('2026-06-01T10:00:00Z') + minutes * 60_000).toISOString(),
			);
			expect(await signIn().resolveSession(sessionId)).not.toBeNull();
		}
		suite.clock.set('2026-06-01T20:00:00Z');
		expect(await signIn().resolveSession(sessionId)).toBeNull();
	});

	it('ends the session of someone deactivated in the profile at the next request, with one audit row', async () => {
		const { sessionId } = await withAccount(suite, 'em-lra-01');
		const profile = structuredClone(suite.profile);
		profile.staff.find((s) => s.id === 'em-lra-01')!.active = false;
		const core = createCore({ store: suite.t.store, profile, clock: suite.clock });
		const ended = await auditedOnce(suite, () => core.signIn.resolveSession(sessionId));
		expect(ended.result).toBeNull();
		expect(ended.row).toMatchObject({
			actor_id: 'system:anmeldung',
			action: 'auth.session.end',
			outcome: 'ok',
			detail: 'Sitzung von em-lra-01 beendet: im Kreisprofil nicht mehr als aktiv eingetragen',
		});
		expect(await sessionRow(sessionId)).toMatchObject({
			ended_at: '2026-06-01T10:00:00.000Z',
			end_reason: 'deactivated',
		});
		// Ended for good: active again in the profile, the old cookie stays refused; no login while inactive.
		expect(await signIn().resolveSession(sessionId)).toBeNull();
		const login = await failure(core.signIn.passwordLogin('em-lra-01', passwords.a, client));
		expect(login.code).toBe('AUTH_FAILED');
	});

	it('logout ends the session: the old cookie is refused', async () => {
		const { sessionId, csrfToken } = await withAccount(suite, 'em-lra-01');
		const logout = await auditedOnce(suite, () => signIn().endSession(sessionId));
		expect(logout.row).toMatchObject({
			actor_id: 'em-lra-01',
			action: 'auth.logout',
			outcome: 'ok',
			detail: 'Abmeldung von em-lra-01',
		});
		expect(await sessionRow(sessionId)).toMatchObject({ end_reason: 'logout' });
		expect(await signIn().resolveSession(sessionId)).toBeNull();
		const again = await auditedOnce(suite, () => signIn().endSession(sessionId));
		expect(again.row.detail).toBe('Abmeldung von em-lra-01: Sitzung war bereits beendet');
		await expectNoSecretsInAudit(suite, [sessionId, csrfToken]);
	});

	it('a password change ends every other session of the person and keeps the current one', async () => {
		const current = await withAccount(suite, 'em-lra-01', passwords.a);
		const other = await signIn().passwordLogin('em-lra-01', passwords.a, client);
		const colleague = await withAccount(suite, 'em-lra-02', passwords.b);
		const changed = await auditedOnce(suite, () =>
			signIn().changePassword(
				suite.as('em-lra-01'),
				passwords.a,
				passwords.c,
				client,
				current.sessionId,
			),
		);
		expect(changed.row).toMatchObject({
			actor_id: 'em-lra-01',
			action: 'auth.password',
			outcome: 'ok',
			detail: 'Passwort geändert, 1 andere Sitzung(en) beendet',
		});
		expect(await signIn().resolveSession(current.sessionId)).not.toBeNull();
		expect(await signIn().resolveSession(other.sessionId)).toBeNull();
		expect(await sessionRow(other.sessionId)).toMatchObject({ end_reason: 'password_changed' });
		expect(await signIn().resolveSession(colleague.sessionId)).not.toBeNull();
		expect((await failure(signIn().passwordLogin('em-lra-01', passwords.a, client))).code).toBe(
			'AUTH_FAILED',
		);
		await expect(signIn().passwordLogin('em-lra-01', passwords.c, client)).resolves.toBeDefined();
		const weak = await failure(
			signIn().changePassword(suite.as('em-lra-01'), passwords.c, 'passwort12345', client),
		);
		expect(weak).toMatchObject({ code: 'VALIDATION_FAILED' });
		expect(weak.fieldErrors[0]).toMatchObject({ path: '/password', field: 'Passwort' });
		await expectNoSecretsInAudit(suite, [...Object.values(passwords), other.sessionId]);
	});

	it('starts a session after single sign-on or the proxy, only for active staff', async () => {
		const started = await auditedOnce(suite, () =>
			signIn().startSession('em-koordination', 'oidc', { address: '192.0.2.8' }),
		);
		expect(started.row).toMatchObject({
			actor_id: 'em-koordination',
			action: 'auth.session.start',
			outcome: 'ok',
			detail: 'Sitzung begonnen (Identitätsanbieter), von 192.0.2.8',
		});
		await expect(signIn().resolveSession(started.result!.sessionId)).resolves.toMatchObject({
			actor: { staffId: 'em-koordination', role: 'coordinator' },
			via: 'oidc',
		});
		const unknown = await auditedOnce(suite, () => signIn().startSession('niemand', 'proxy', {}));
		expect(unknown.error).toMatchObject({ code: 'FORBIDDEN' });
		expect(unknown.row).toMatchObject({ actor_id: 'niemand', outcome: 'denied' });
		const sneaky = await failure(signIn().startSession('em-lra-01', 'password' as 'oidc', {}));
		expect(sneaky.code).toBe('VALIDATION_FAILED');
	});
});
