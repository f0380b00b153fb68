/**
 * Personal sign-in, accounts and invitations (src/auth/): invitation → own password → login, one audit row per call
 * and no secret in the audit log, memory-hard hashes, expired/used/revoked invitations, a race on one invitation.
 * On both backends.
 */
import { SystemActor } from '../../src/access/actor';
import { parseHash, verifyPassword } from '../../src/auth/passwords';
import { tokenHash } from '../../src/auth/tokens';
import { coreSuite } from '../helpers/core-suite';
import { failure } from '../helpers/fixtures';
import {
	auditedOnce,
	client,
	expectNoSecretsInAudit,
	passwords,
	withAccount,
} from '../helpers/sign-in';
import { backends } from '../helpers/stores';

const invalidLink =
	'Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte bei der Administration einen neuen anfordern.';

describe.each(backends)('staff accounts and invitations (%s)', (backend) => {
	const suite = coreSuite(backend);
	const signIn = () => suite.core.signIn;

	it('invitation → own password → login: one audit row per call, hashes only, no secret in the audit log', async () => {
		const invited = await auditedOnce(suite, () =>
			signIn().invite(suite.as('em-admin'), 'em-lra-01'),
		);
		const invitation = invited.result!;
		expect(invitation).toEqual({
			token: expect.stringMatching(/^[\w-]{43}$/),
			staffId: 'em-lra-01',
			name: 'Julia Frey',
			expiresAt: '2026-06-04T10:00:00.000Z',
		});
		expect(invited.row).toMatchObject({
			actor_id: 'em-admin',
			action: 'auth.invite',
			outcome: 'ok',
		});
		const stored = await suite.t.store.db
			.selectFrom('staff_invitations')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(stored).toMatchObject({
			token_hash: tokenHash(invitation.token),
			district_id: 'emmendingen',
			staff_id: 'em-lra-01',
			created_by: 'em-admin',
		});
		expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

		const opened = await auditedOnce(suite, () => signIn().openInvitation(invitation.token));
		expect(opened.result).toEqual({
			staffId: 'em-lra-01',
			name: 'Julia Frey',
			expiresAt: invitation.expiresAt,
		});
		const accepted = await auditedOnce(suite, () =>
			signIn().acceptInvitation(invitation.token, passwords.a, client),
		);
		const first = accepted.result!;
		expect(first).toEqual({
			sessionId: expect.stringMatching(/^[\w-]{43}$/),
			csrfToken: expect.stringMatching(/^[\w-]{43}$/),
			staffId: 'em-lra-01',
			name: 'Julia Frey',
			expiresAt: '2026-06-01T20:00:00.000Z',
		});
		expect(accepted.row).toMatchObject({ actor_id: 'em-lra-01', outcome: 'ok' });
		const login = await auditedOnce(suite, () =>
			signIn().passwordLogin('EM-LRA-01', passwords.a, client),
		);
		expect(login.row).toMatchObject({
			actor_id: 'em-lra-01',
			action: 'auth.login',
			outcome: 'ok',
			detail: 'Sitzung begonnen (Passwort), von 192.0.2.10',
		});
		const second = login.result!;
		await expect(signIn().resolveSession(second.sessionId)).resolves.toEqual({
			actor: { staffId: 'em-lra-01', role: 'manager', organisationId: 'lra-em' },
			name: 'Julia Frey',
			csrfToken: second.csrfToken,
			via: 'password',
			expiresAt: second.expiresAt,
		});
		const sessions = await suite.t.store.db.selectFrom('staff_sessions').selectAll().execute();
		expect(sessions.map((s) => s.id_hash).sort()).toEqual(
			[tokenHash(first.sessionId), tokenHash(second.sessionId)].sort(),
		);
		const wrong = await auditedOnce(suite, () =>
			signIn().passwordLogin('em-lra-01', passwords.b, client),
		);
		expect(wrong.row).toMatchObject({ action: 'auth.login', outcome: 'denied' });
		await expectNoSecretsInAudit(suite, [
			invitation.token,
			passwords.a,
			passwords.b,
			first.sessionId,
			first.csrfToken,
			second.sessionId,
			second.csrfToken,
		]);
	});

	it('A cannot log in as B with A’s password; the e-mail is a login too, case-insensitively', async () => {
		await withAccount(suite, 'em-lra-01', passwords.a);
		await withAccount(suite, 'em-koordination', passwords.b);
		const refused = await failure(signIn().passwordLogin('em-koordination', passwords.a, client));
		expect(refused).toMatchObject({
			code: 'AUTH_FAILED',
			message: 'Kennung oder Passwort ist falsch.',
		});
		const unknown = await failure(signIn().passwordLogin('niemand', passwords.a, client));
		expect(unknown.message).toBe(refused.message);
		const audit = await suite.audit();
		expect(audit.slice(-2)).toEqual([
			expect.objectContaining({
				actor_id: 'em-koordination',
				outcome: 'denied',
				detail: 'Anmeldung als „em-koordination“ von 192.0.2.10 fehlgeschlagen (falsches Passwort)',
			}),
			expect.objectContaining({
				actor_id: 'niemand',
				outcome: 'denied',
				detail:
					'Anmeldung als „niemand“ von 192.0.2.10 fehlgeschlagen (unbekannte oder nicht aktive Kennung)',
			}),
		]);
		const session = await signIn().passwordLogin(
			'Integration@Landkreis-Emmendingen.invalid',
			passwords.b,
			{},
		);
		expect(session.staffId).toBe('em-koordination');
	});

	it('someone invited but without a password yet gets the same refusal as a wrong password', async () => {
		await signIn().invite(suite.as('em-admin'), 'em-lra-02');
		const error = await failure(signIn().passwordLogin('em-lra-02', passwords.a, client));
		expect(error).toMatchObject({
			code: 'AUTH_FAILED',
			message: 'Kennung oder Passwort ist falsch.',
		});
		expect((await suite.audit()).at(-1)?.detail).toContain('noch kein Passwort gesetzt');
	});

	it('stores a memory-hard scrypt hash (N ≥ 2^15, r ≥ 8) that verifies the password', async () => {
		await withAccount(suite, 'em-lra-01', passwords.a);
		const { password_hash } = await suite.t.store.db
			.selectFrom('staff_accounts')
			.select('password_hash')
			.executeTakeFirstOrThrow();
		expect(password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(password_hash).not.toContain(passwords.a);
		const parsed = parseHash(password_hash)!;
		expect(parsed.N).toBeGreaterThanOrEqual(2 ** 15);
		expect(parsed.r).toBeGreaterThanOrEqual(8);
		expect(128 * parsed.N * parsed.r).toBeGreaterThanOrEqual(32 * 1024 * 1024);
		await expect(verifyPassword(passwords.a, password_hash)).resolves.toBe(true);
		await expect(verifyPassword(passwords.b, password_hash)).resolves.toBe(false);
	});

	it('refuses expired, used and revoked invitations in German; a reset keeps the old password until the new one is set', async () => {
		const first = await signIn().invite(suite.as('em-admin'), 'em-lra-01');
		const second = await signIn().invite(new SystemActor('test', 'Test'), 'em-lra-01');
		for (const token of [first.token, 'x'.repeat(43), 'kein Token']) {
			const error = await failure(signIn().openInvitation(token));
			expect(error).toMatchObject({ code: 'INVITATION_INVALID', message: invalidLink });
		}
		await signIn().acceptInvitation(second.token, passwords.a, client);
		const used = await failure(signIn().acceptInvitation(second.token, passwords.b, client));
		expect(used).toMatchObject({ code: 'INVITATION_INVALID', message: invalidLink });

		const reset = await signIn().invite(suite.as('em-admin'), 'em-lra-01');
		await expect(signIn().passwordLogin('em-lra-01', passwords.a, client)).resolves.toBeDefined();
		suite.clock.set('2026-06-04T10:00:00Z');
		const expired = await failure(signIn().acceptInvitation(reset.token, passwords.b, client));
		expect(expired.code).toBe('INVITATION_INVALID');
		const renewed = await signIn().invite(suite.as('em-admin'), 'em-lra-01');
		await signIn().acceptInvitation(renewed.token, passwords.b, client);
		expect((await failure(signIn().passwordLogin('em-lra-01', passwords.a, client))).code).toBe(
			'AUTH_FAILED',
		);
		await expect(signIn().passwordLogin('em-lra-01', passwords.b, client)).resolves.toBeDefined();
		const refusals = (await suite.audit()).filter((r) => r.outcome === 'rejected');
		expect(refusals.map((r) => r.action)).toEqual([
			'auth.invitation.open',
			'auth.invitation.open',
			'auth.invitation.open',
			'auth.invitation.accept',
			'auth.invitation.accept',
		]);
	});

	it('two parallel acceptances of one invitation: exactly one succeeds', async () => {
		const { token } = await signIn().invite(suite.as('em-admin'), 'em-lra-01');
		const results = await Promise.allSettled([
			signIn().acceptInvitation(token, passwords.a, client),
			signIn().acceptInvitation(token, passwords.b, client),
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.filter((r) => r.status === 'rejected');
		expect(rejected.map((r) => (r.reason as { code: string }).code)).toEqual([
			'INVITATION_INVALID',
		]);
		const accepts = (await suite.audit()).filter((r) => r.action === 'auth.invitation.accept');
		expect(accepts.map((r) => r.outcome).sort()).toEqual(['ok', 'rejected']);
		expect(await suite.t.store.db.selectFrom('staff_sessions').selectAll().execute()).toHaveLength(
			1,
		);
	}, 120_000);

	it('only the administration invites, and only active staff of the profile', async () => {
		const manager = await failure(signIn().invite(suite.as('em-lra-01'), 'em-lra-02'));
		expect(manager).toMatchObject({
			code: 'FORBIDDEN',
			message: 'Einladungen zur persönlichen Anmeldung kann nur die Administration erstellen.',
		});
		const forged = await failure(
			signIn().invite({ staffId: 'em-admin', role: 'admin', organisationId: 'caritas-em' }, 'x'),
		);
		expect(forged.code).toBe('FORBIDDEN');
		const unknown = await failure(signIn().invite(suite.as('em-admin'), 'niemand'));
		expect(unknown).toMatchObject({ code: 'UNKNOWN_STAFF' });
		expect(unknown.message).toContain('„niemand“ ist im Kreisprofil „Landkreis Emmendingen“');
		const audit = await suite.audit();
		expect(audit.map((r) => [r.action, r.outcome])).toEqual([
			['auth.invite', 'denied'],
			['auth.invite', 'denied'],
			['auth.invite', 'rejected'],
		]);
		expect(await suite.t.store.db.selectFrom('staff_invitations').selectAll().execute()).toEqual(
			[],
		);
	});

	it('refuses a weak password at the invitation and keeps the invitation usable', async () => {
		const { token } = await signIn().invite(suite.as('em-admin'), 'em-lra-01');
		const weak = await failure(signIn().acceptInvitation(token, 'julia-frey-2026', client));
		expect(weak.code).toBe('VALIDATION_FAILED');
		expect(weak.fieldErrors[0]).toMatchObject({ path: '/password', field: 'Passwort' });
		expect(weak.message).toMatch(/^Das Passwort ist zu leicht zu erraten: /);
		expect((await suite.audit()).at(-1)).toMatchObject({
			actor_id: 'em-lra-01',
			action: 'auth.invitation.accept',
			outcome: 'rejected',
		});
		await expect(signIn().acceptInvitation(token, passwords.a, client)).resolves.toBeDefined();
		await expectNoSecretsInAudit(suite, [token, passwords.a, 'julia-frey-2026']);
	});

	it('lists every staff member’s sign-in state for the administration only', async () => {
		await withAccount(suite, 'em-lra-01', passwords.a);
		const open = await signIn().invite(suite.as('em-admin'), 'em-lra-02');
		const list = await signIn().accounts(suite.as('em-admin'));
		expect(list).toHaveLength(suite.profile.staff.length);
		expect(list.find((a) => a.staffId === 'em-lra-01')).toEqual({
			staffId: 'em-lra-01',
			name: 'Julia Frey',
			role: 'manager',
			active: true,
			hasPassword: true,
			lockedUntil: null,
			invitationExpiresAt: null,
			openSessions: 1,
		});
		expect(list.find((a) => a.staffId === 'em-lra-02')).toMatchObject({
			hasPassword: false,
			invitationExpiresAt: open.expiresAt,
			openSessions: 0,
		});
		expect((await failure(signIn().accounts(suite.as('em-koordination')))).code).toBe('FORBIDDEN');
		expect((await suite.audit()).slice(-2).map((r) => [r.action, r.outcome])).toEqual([
			['auth.accounts', 'ok'],
			['auth.accounts', 'denied'],
		]);
	});
});
