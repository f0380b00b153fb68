/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1), the whole authorization code
 * flow with PKCE over HTTP: the provider's login page is submitted like a browser does, the callback is redeemed by
 * src/auth/oidc.ts, and the claim is mapped to a staff member of the shipped Emmendingen profile. On both backends.
 */
import { finishLogin, logoutUrl, startLogin, type OidcSettings } from '../../src/auth/oidc';
import type { CoreContext } from '../../src/service/context';
import { coreSuite } from '../helpers/core-suite';
import { emmendingen, failure } from '../helpers/fixtures';
import {
	accountsFor,
	signInAtProvider,
	startTestProvider,
	type TestProvider,
} from '../helpers/oidc-provider';
import { backends } from '../helpers/stores';

let idp: TestProvider;
beforeAll(async () => {
	idp = await startTestProvider({
		accounts: accountsFor(emmendingen()),
		rpBase: 'http://127.0.0.1:9/form',
	});
});
afterAll(() => idp.close());

const coordinatorEmail = 'integration@landkreis-emmendingen.invalid';

const confidential = (extra: Partial<OidcSettings> = {}): OidcSettings => ({
	issuer: idp.issuer,
	clientId: idp.client.clientId,
	clientSecret: idp.client.clientSecret,
	redirectUri: idp.redirectUri,
	staffClaim: 'email',
	...extra,
});

/** Begins a login, signs in at the provider as `login`, and gives back what the callback needs. */
async function signIn(ctx: CoreContext, settings: OidcSettings, login: string) {
	const start = await startLogin(ctx, settings, { returnTo: '/form/aufnahme' });
	const callback = await signInAtProvider(start.authorizationUrl, login, idp.redirectUri);
	return {
		start,
		callback,
		finish: (binding = start.browserBinding) =>
			finishLogin(ctx, settings, callback, { browserBinding: binding, clientAddress: '192.0.2.7' }),
	};
}

describe.each(backends)('OpenID Connect login (%s)', (backend) => {
	const suite = coreSuite(backend);
	const ctx = () => suite.core.context;
	const oidcAudit = async () =>
		(await suite.audit()).filter((row) => row.action === 'auth.oidc.login');

	it('maps the e-mail of the ID token to the active staff member: one audit row, no token, code or secret in it', async () => {
		const { start, callback, finish } = await signIn(ctx(), confidential(), 'em-koordination');
		const request = new URL(start.authorizationUrl);
		expect(Object.fromEntries(request.searchParams)).toMatchObject({
			response_type: 'code',
			client_id: 'im-formulare',
			code_challenge_method: 'S256',
			scope: 'openid email profile',
		});
		expect(request.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
		const stored = await suite.t.store.db
			.selectFrom('oidc_login_transactions')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(stored).toMatchObject({
			state: request.searchParams.get('state'),
			nonce: request.searchParams.get('nonce'),
			district_id: 'emmendingen',
			used_at: null,
		});

		await expect(finish()).resolves.toEqual({
			actor: { staffId: 'em-koordination', role: 'coordinator', organisationId: 'lra-em' },
			name: 'Miriam Rapp',
			returnTo: '/form/aufnahme',
		});
		expect(await oidcAudit()).toEqual([
			{
				actor_id: 'em-koordination',
				action: 'auth.oidc.login',
				outcome: 'ok',
				case_id: null,
				detail: expect.stringMatching(
					/^Anmeldung über den Identitätsanbieter 127\.0\.0\.1:\d+ \(Merkmal email\), von 192\.0\.2\.7$/,
				),
			},
		]);
		const secrets = [
			new URL(callback).searchParams.get('code')!,
			stored.state,
			stored.nonce,
			stored.code_verifier,
			start.browserBinding,
			idp.client.clientSecret,
		];
		const everything = JSON.stringify(
			await suite.t.store.db.selectFrom('audit_log').selectAll().execute(),
		);
		for (const secret of secrets) expect(everything).not.toContain(secret);
		// Used up: the verifier is gone.
		expect(
			await suite.t.store.db
				.selectFrom('oidc_login_transactions')
				.select(['used_at', 'code_verifier'])
				.executeTakeFirstOrThrow(),
		).toEqual({ used_at: expect.any(String), code_verifier: '' });
	});

	it('maps preferred_username to the staff id with a public client (PKCE only)', async () => {
		const settings = confidential({
			clientId: idp.publicClient.clientId,
			clientSecret: '',
			staffClaim: 'preferred_username',
		});
		const { finish } = await signIn(ctx(), settings, 'em-koordination');
		await expect(finish()).resolves.toMatchObject({ actor: { staffId: 'em-koordination' } });
	});

	it('refuses a person the profile does not know, in German, with one denied audit row', async () => {
		const { finish } = await signIn(ctx(), confidential(), 'fremd');
		const error = await failure(finish());
		expect(error.code).toBe('FORBIDDEN');
		expect(error.message).toBe(
			'„fremd@landkreis-emmendingen.invalid“ ist im Kreisprofil „Landkreis Emmendingen“ keiner Mitarbeiterin und keinem Mitarbeiter zugeordnet. Bitte wenden Sie sich an die Administration des Integrationsmanagements im Kreis.',
		);
		expect(await oidcAudit()).toEqual([
			expect.objectContaining({
				actor_id: 'fremd@landkreis-emmendingen.invalid',
				outcome: 'denied',
				detail: error.message,
			}),
		]);
	});

	it('refuses a staff member who is no longer active in the profile', async () => {
		const profile = suite.profile;
		const inactive: CoreContext = {
			...ctx(),
			profile: {
				...profile,
				staff: profile.staff.map((s) =>
					s.id === 'em-koordination' ? { ...s, active: false } : s,
				) as typeof profile.staff,
			},
		};
		const { finish } = await signIn(inactive, confidential(), 'em-koordination');
		const error = await failure(finish());
		expect(error.message).toMatch(
			/^Miriam Rapp ist im Kreisprofil „Landkreis Emmendingen“ nicht mehr als aktiv eingetragen/,
		);
		expect(await oidcAudit()).toEqual([
			expect.objectContaining({ actor_id: 'em-koordination', outcome: 'denied' }),
		]);
	});

	it('refuses a replayed callback: the state is used once', async () => {
		const { finish } = await signIn(ctx(), confidential(), 'em-koordination');
		await finish();
		const error = await failure(finish());
		expect(error.message).toBe(
			'Diese Anmeldung wurde bereits verwendet. Bitte die Anmeldung über den Identitätsanbieter neu beginnen.',
		);
		expect((await oidcAudit()).map((r) => r.outcome)).toEqual(['ok', 'denied']);
	});

	it('refuses a callback in another browser without using up the login, then accepts it in the right one', async () => {
		const { finish } = await signIn(ctx(), confidential(), 'em-koordination');
		expect((await failure(finish('fremder-browser'))).message).toMatch(
			/^Diese Anmeldung wurde in einem anderen Browser begonnen/,
		);
		expect(
			(
				await failure(
					finishLogin(ctx(), confidential(), idp.redirectUri, { browserBinding: undefined }),
				)
			).message,
		).toMatch(/^Diese Anmeldung ist unbekannt/);
		await expect(finish()).resolves.toMatchObject({ actor: { staffId: 'em-koordination' } });
		expect((await oidcAudit()).map((r) => r.outcome)).toEqual(['denied', 'denied', 'ok']);
	});

	it('refuses an unknown state and an expired login', async () => {
		const unknown = `${idp.redirectUri}?code=abc&state=erfunden&iss=${encodeURIComponent(idp.issuer)}`;
		expect(
			(await failure(finishLogin(ctx(), confidential(), unknown, { browserBinding: 'x' }))).message,
		).toBe(
			'Diese Anmeldung ist unbekannt. Bitte die Anmeldung über den Identitätsanbieter neu beginnen.',
		);
		const { finish } = await signIn(ctx(), confidential(), 'em-koordination');
		suite.clock.set('2026-06-01T10:11:00Z');
		expect((await failure(finish())).message).toBe(
			'Diese Anmeldung ist abgelaufen (nach 10 Minuten). Bitte die Anmeldung über den Identitätsanbieter neu beginnen.',
		);
	});

	it('admits only e-mail addresses of the allowed domain', async () => {
		const { finish } = await signIn(
			ctx(),
			confidential({ allowedEmailDomain: 'landratsamt.example' }),
			'em-koordination',
		);
		expect((await failure(finish())).message).toBe(
			`Anmeldungen sind nur mit einer E-Mail-Adresse der Domain „landratsamt.example“ möglich (übermittelt: „${coordinatorEmail}“). Bitte wenden Sie sich an die Administration des Integrationsmanagements im Kreis.`,
		);
		const allowed = await signIn(
			ctx(),
			confidential({ allowedEmailDomain: '@Landkreis-Emmendingen.invalid' }),
			'em-koordination',
		);
		await expect(allowed.finish()).resolves.toMatchObject({
			actor: { staffId: 'em-koordination' },
		});
	});

	it('says in German when the provider cannot be reached, with one failed audit row', async () => {
		const error = await failure(
			startLogin(ctx(), confidential({ issuer: 'http://127.0.0.1:9/realms/kreis' })),
		);
		expect(error.code).toBe('IDENTITY_PROVIDER_FAILED');
		expect(error.message).toBe(
			'Der Identitätsanbieter 127.0.0.1:9 ist nicht erreichbar oder antwortet nicht wie erwartet.',
		);
		expect(await oidcAudit()).toEqual([
			expect.objectContaining({ actor_id: 'unbekannt', outcome: 'failed', detail: error.message }),
		]);
	});

	it('refuses a wrong client secret as a problem of the connection, not of the person', async () => {
		const { finish } = await signIn(
			ctx(),
			confidential({ clientSecret: 'falsches-geheimnis' }),
			'em-koordination',
		);
		const error = await failure(finish());
		expect(error).toMatchObject({
			code: 'IDENTITY_PROVIDER_FAILED',
			message: expect.stringMatching(
				/kennt diese Anwendung nicht oder nicht mit diesem Client-Secret \(invalid_client\)/,
			),
		});
		expect(JSON.stringify(await suite.audit())).not.toContain('falsches-geheimnis');
	});
});

describe('RP-initiated logout', () => {
	it('names the end-session endpoint with client id and return address', async () => {
		const url = new URL(
			(await logoutUrl(confidential(), { postLogoutRedirectUri: idp.postLogoutRedirectUri }))!,
		);
		expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/session/end`);
		expect(Object.fromEntries(url.searchParams)).toEqual({
			client_id: 'im-formulare',
			post_logout_redirect_uri: idp.postLogoutRedirectUri,
		});
	});

	it('gives no URL when the provider offers no end_session_endpoint', async () => {
		const plain = await startTestProvider({
			accounts: [],
			rpBase: 'http://127.0.0.1:9/form',
			endSession: false,
		});
		try {
			await expect(logoutUrl(confidential({ issuer: plain.issuer }))).resolves.toBeUndefined();
		} finally {
			await plain.close();
		}
	});
});
