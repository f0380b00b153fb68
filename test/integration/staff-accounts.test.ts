/**
 * Personal sign-in, accounts (src/auth/): invitation → own password → login, one audit row per call
 * and no secret in the audit log, A cannot log in as B, memory-hard hashes, the overview for the administration.
 * On both backends.
 */
import { parseHash, verifyPassword } from '../../src/auth/passwords';
import { tokenHash } from '../../src/auth/tokens';
import { failure } from '../helpers/fixtures';
import * as staff from '../helpers/staff-accounts';

const {
	auditedOnce,
	client,
	describeStaff,
	expectNoSecretsInAudit,
	passwords,
	sessionSecrets,
	withAccount,
} = staff;

describeStaff('staff accounts (%s)', (suite, signIn) => {
	it('invitation → own password: one audit row per call, the token stored as a hash only, no secret in the audit log', async () => {
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
		await expectNoSecretsInAudit(suite, [invitation.token, passwords.a, ...sessionSecrets(first)]);
	});

	it('logs in with the own password: one audit row per try, session ids stored as hashes only', async () => {
		const first = await withAccount(suite, 'em-lra-01', passwords.a);
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
		const secrets = [passwords.a, passwords.b, ...sessionSecrets(first, second)];
		await expectNoSecretsInAudit(suite, secrets);
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
