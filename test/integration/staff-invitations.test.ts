/**
 * Invitations of personal sign-in (src/auth/invitations.ts): who may invite, expired/used/revoked links, a reset,
 * the password policy at the link, and two requests racing for one invitation. On both backends.
 */
import { SystemActor } from '../../src/access/actor';
import { failure } from '../helpers/fixtures';
import * as staff from '../helpers/staff-accounts';

const { client, describeStaff, expectNoSecretsInAudit, passwords, withAccount } = staff;

const invalidLink =
	'Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte bei der Administration einen neuen anfordern.';

describeStaff('invitations (%s)', (suite, signIn) => {
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

	it('a reset by invitation ends the person’s open sessions and clears the lock of the account', async () => {
		suite.profile.settings.signIn = { lockAfterFailures: 3 };
		const old = await withAccount(suite, 'em-lra-01', passwords.a);
		for (let i = 0; i < 3; i++) await failure(signIn().passwordLogin('em-lra-01', 'falsch', {}));
		const locked = await failure(signIn().passwordLogin('em-lra-01', passwords.a, {}));
		expect(locked.code).toBe('ACCOUNT_LOCKED');
		const fresh = await withAccount(suite, 'em-lra-01', passwords.b);
		expect(await signIn().resolveSession(old.sessionId)).toBeNull();
		expect(await signIn().resolveSession(fresh.sessionId)).toMatchObject({ via: 'invitation' });
		await expect(signIn().passwordLogin('em-lra-01', passwords.b, {})).resolves.toBeDefined();
		expect(
			(await suite.audit()).filter((r) => r.action === 'auth.invitation.accept').at(-1),
		).toMatchObject({
			detail:
				'Passwort über Einladung gesetzt, 1 offene Sitzung(en) beendet; Sitzung begonnen (Einladung), von 192.0.2.10',
		});
	}, 120_000);

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
});
