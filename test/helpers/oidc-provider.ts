import { generateKeyPairSync } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import type { DistrictProfile } from '../../src/generated/types';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for the tests: authorization code with
 * PKCE (S256 required), a confidential and a public client, RP-initiated logout, and its development login pages
 * (any password; the login typed is the account id).
 */
export interface TestAccount {
	/** The account id, typed on the login page; also `sub`. */
	id: string;
	email?: string;
	email_verified?: boolean;
	preferred_username?: string;
	name?: string;
}

export interface TestProvider {
	issuer: string;
	/** Confidential client (client_secret_basic). */
	client: { clientId: string; clientSecret: string };
	/** Public client (PKCE only). */
	publicClient: { clientId: string };
	redirectUri: string;
	postLogoutRedirectUri: string;
	close(): Promise<void>;
}

export const clientSecret = 'test-client-secret-0123456789abcdef';

/** One account per staff e-mail of the profile (login = staff id, `preferred_username` = staff id) and one unknown person. */
export function accountsFor(profile: DistrictProfile): TestAccount[] {
	const staff = profile.staff
		.filter((s) => s.email)
		.map((s) => ({
			id: s.id,
			email: s.email,
			email_verified: true,
			preferred_username: s.id,
			name: s.name,
		}));
	const domain = staff[0]?.email?.split('@')[1] ?? 'example.invalid';
	return [
		...staff,
		{
			id: 'fremd',
			email: `fremd@${domain}`,
			email_verified: true,
			preferred_username: 'fremd',
			name: 'Nicht im Profil',
		},
	];
}

function configuration(
	accounts: TestAccount[],
	redirectUri: string,
	postLogoutRedirectUri: string,
	endSession: boolean,
): Configuration {
	const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
		format: 'jwk',
	});
	const uris = {
		redirect_uris: [redirectUri],
		post_logout_redirect_uris: [postLogoutRedirectUri],
		grant_types: ['authorization_code'],
		response_types: ['code' as const],
	};
	return {
		clients: [
			{
				client_id: 'im-formulare',
				client_secret: clientSecret,
				token_endpoint_auth_method: 'client_secret_basic',
				...uris,
			},
			{ client_id: 'im-formulare-public', token_endpoint_auth_method: 'none', ...uris },
		],
		jwks: { keys: [{ ...jwk, kid: 'test-key', use: 'sig', alg: 'RS256' } as never] },
		cookies: { keys: ['test-cookie-key-0123456789'] },
		pkce: { required: () => true },
		ttl: {
			AuthorizationCode: 60,
			Interaction: 600,
			Session: 3600,
			Grant: 3600,
			AccessToken: 600,
			IdToken: 600,
		},
		claims: {
			openid: ['sub'],
			email: ['email', 'email_verified'],
			profile: ['preferred_username', 'name'],
		},
		features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: endSession } },
		// A first-party client: the grant of the requested scopes is given without a consent page.
		loadExistingGrant: async (ctx) => {
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId!,
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		},
		findAccount: async (_ctx, id) => {
			const account = accounts.find((a) => a.id === id);
			if (!account) return undefined;
			const { id: _id, ...claims } = account;
			return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
		},
	};
}

/** Starts the provider on a free port of 127.0.0.1. The relying party of the tests lives at `rpBase`. */
export async function startTestProvider(options: {
	accounts: TestAccount[];
	rpBase: string;
	endSession?: boolean;
	/** Default `<rpBase>/oidc/callback`. */
	redirectUri?: string;
}): Promise<TestProvider> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const redirectUri = options.redirectUri ?? `${options.rpBase}/oidc/callback`;
	const postLogoutRedirectUri = `${options.rpBase}/abgemeldet`;
	const provider = new Provider(
		issuer,
		configuration(options.accounts, redirectUri, postLogoutRedirectUri, options.endSession ?? true),
	);
	server.on('request', provider.callback());
	return {
		issuer,
		client: { clientId: 'im-formulare', clientSecret },
		publicClient: { clientId: 'im-formulare-public' },
		redirectUri,
		postLogoutRedirectUri,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Cookies of one browser, per host (enough for the provider's own cookies). */
class CookieJar {
	private readonly cookies = new Map<string, string>();

	header(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	take(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
	}
}

/** The first form of a page: where it posts and its hidden fields. */
function formOf(html: string, base: string): { action: string; fields: URLSearchParams } {
	const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
	if (!action) throw new Error(`test provider: no form on the page:\n${html.slice(0, 500)}`);
	const fields = new URLSearchParams();
	for (const input of html.matchAll(
		/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
	))
		fields.set(input[1], input[2]);
	return { action: new URL(action.replace(/&amp;/g, '&'), base).href, fields };
}

/**
 * Signs in at the provider as `login` the way a browser does over HTTP: follows the redirects from the
 * authorization URL, submits the development login page, and stops at the redirect back to the relying party.
 * Gives back that callback URL (with `code`, `state` and `iss`).
 */
export async function signInAtProvider(
	authorizationUrl: string,
	login: string,
	redirectUri: string,
): Promise<string> {
	const jar = new CookieJar();
	let request: { url: string; init: RequestInit } = {
		url: authorizationUrl,
		init: { method: 'GET' },
	};
	for (let hop = 0; hop < 10; hop++) {
		const response = await fetch(request.url, {
			...request.init,
			redirect: 'manual',
			headers: { ...(request.init.headers as Record<string, string>), cookie: jar.header() },
		});
		jar.take(response);
		const location = response.headers.get('location');
		if (location) {
			const next = new URL(location, request.url).href;
			if (next.startsWith(redirectUri)) return next;
			request = { url: next, init: { method: 'GET' } };
			continue;
		}
		const html = await response.text();
		if (response.status !== 200)
			throw new Error(
				`test provider: HTTP ${response.status} at ${request.url}:\n${html.slice(0, 800)}`,
			);
		const form = formOf(html, request.url);
		if (/name="login"/.test(html)) {
			form.fields.set('login', login);
			form.fields.set('password', 'beliebig');
		}
		request = {
			url: form.action,
			init: {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: form.fields.toString(),
			},
		};
	}
	throw new Error('test provider: no redirect back to the relying party after 10 steps');
}
