import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors';
import type { Actor } from '../generated/types';
import type { CoreContext } from '../service/context';
import { recordRefusal, runQuery } from '../service/operation';
import { assertActive, loginOf, staffForLogin } from './oidc-claims';
import {
	authorizationUrl,
	codeChallengeOf,
	endSessionUrl,
	randomCodeVerifier,
	randomNonce,
	randomState,
	verifiedClaims,
} from './oidc-client';
import { checkOidcSettings, type CheckedOidcSettings, type OidcSettings } from './oidc-settings';
import { saveTransaction, takeTransaction } from './oidc-transactions';

export {
	checkOidcSettings,
	defaultScopes,
	staffClaims,
	type OidcSettings,
	type StaffClaim,
} from './oidc-settings';
export { loginLifetimeMinutes } from './oidc-transactions';

/**
 * Single sign-on with the district's identity provider (OpenID Connect, authorization code flow with PKCE S256):
 *
 * 1. `startLogin` keeps state, nonce and PKCE verifier in the case store (used once, expires after minutes) and
 *    gives back the provider's URL plus a random browser binding that the caller keeps in a short-lived cookie;
 * 2. the provider sends the browser back to the redirect URI; `finishLogin` takes the begun login by its state,
 *    redeems the code, checks the ID token and maps the configured claim to an active staff member;
 * 3. `logoutUrl` names the provider's end-session URL (RP-initiated logout) when it offers one.
 *
 * Every login that ends — mapped or refused — is one audit row (action `auth.oidc.login`), never with a token,
 * code, verifier or secret in it. Creating the session is the caller's part.
 */
export const oidcLoginAction = 'auth.oidc.login';

export interface LoginStart {
	/** Send the browser here (HTTP 303). */
	authorizationUrl: string;
	/** Keep in an HttpOnly cookie (SameSite=Lax: the provider's redirect is a cross-site navigation) until the callback. */
	browserBinding: string;
	/** ISO time after which the callback is refused. */
	expiresAt: string;
}

export interface OidcLogin {
	actor: Actor;
	name: string;
	/** The path given to `startLogin`, to show after the login. */
	returnTo: string | null;
}

/** A path on this server (`/form/…`), never another site: the only kind of return address a login keeps. */
function returnPath(value: string | undefined): string | null {
	if (value === undefined || value === '') return null;
	if (!/^\/(?![/\\])[^\s]{0,500}$/.test(value))
		throw new DomainError(
			'VALIDATION_FAILED',
			'Die Rücksprungadresse nach der Anmeldung muss ein Pfad auf diesem Server sein.',
		);
	return value;
}

/** Begins a login at the provider; a provider that cannot be reached is a refused login with one audit row. */
export async function startLogin(
	ctx: CoreContext,
	settings: OidcSettings,
	options: { returnTo?: string } = {},
): Promise<LoginStart> {
	return audited(
		ctx,
		() => undefined,
		async () => {
			const checked = checkOidcSettings(settings);
			const returnTo = returnPath(options.returnTo);
			const transaction = {
				state: randomState(),
				nonce: randomNonce(),
				codeVerifier: randomCodeVerifier(),
				browserBinding: randomBytes(32).toString('base64url'),
				returnTo,
			};
			const url = await authorizationUrl(checked, {
				redirect_uri: checked.redirectUri,
				scope: checked.scopes,
				state: transaction.state,
				nonce: transaction.nonce,
				code_challenge: await codeChallengeOf(transaction.codeVerifier),
				code_challenge_method: 'S256',
			});
			const expiresAt = await saveTransaction(ctx, checked, transaction);
			return { authorizationUrl: url, browserBinding: transaction.browserBinding, expiresAt };
		},
	);
}

/**
 * Ends a login: `callbackUrl` is the URL the provider sent the browser to (absolute, or path and query relative
 * to the redirect URI), `browserBinding` the value of the cookie set at the start. Gives back the staff member;
 * refusals are German `DomainError`s (`FORBIDDEN`; `IDENTITY_PROVIDER_FAILED` when the provider fails).
 */
export async function finishLogin(
	ctx: CoreContext,
	settings: OidcSettings,
	callbackUrl: string | URL,
	options: { browserBinding: string | undefined; clientAddress?: string },
): Promise<OidcLogin> {
	const attempt: { login?: string } = {};
	const { staff, returnTo, checked } = await audited(
		ctx,
		() => attempt.login,
		async () => {
			const checked = checkOidcSettings(settings);
			const callback = callbackOf(checked, callbackUrl);
			const transaction = await takeTransaction(
				ctx,
				checked,
				callback.searchParams.get('state') ?? '',
				options.browserBinding,
			);
			const claims = await verifiedClaims(checked, callback, {
				state: transaction.state,
				nonce: transaction.nonce,
				codeVerifier: transaction.code_verifier,
			});
			attempt.login = loginOf(claims, checked);
			const staff = staffForLogin(ctx.profile, checked, attempt.login);
			attempt.login = staff.id;
			assertActive(ctx.profile, staff);
			return { staff, returnTo: transaction.return_to, checked };
		},
	);
	const actor: Actor = {
		staffId: staff.id,
		role: staff.role,
		organisationId: staff.organisationId,
	};
	const from = options.clientAddress ? `, von ${options.clientAddress.slice(0, 64)}` : '';
	return runQuery(ctx, actor, { action: oidcLoginAction }, async () => ({
		result: { actor, name: staff.name, returnTo },
		detail: `Anmeldung über den Identitätsanbieter ${checked.issuerUrl.host} (Merkmal ${checked.staffClaim})${from}`,
	}));
}

/**
 * The provider's end-session URL for RP-initiated logout (with `client_id`, and the page to return to when
 * given, which must be registered at the provider); undefined when the provider offers none.
 */
export async function logoutUrl(
	settings: OidcSettings,
	options: { postLogoutRedirectUri?: string } = {},
): Promise<string | undefined> {
	const checked = checkOidcSettings(settings);
	const parameters: Record<string, string> = options.postLogoutRedirectUri
		? { post_logout_redirect_uri: options.postLogoutRedirectUri }
		: {};
	return endSessionUrl(checked, parameters);
}

/** The callback as the provider addressed it: its query on the configured redirect URI. */
function callbackOf(settings: CheckedOidcSettings, callbackUrl: string | URL): URL {
	const received = new URL(callbackUrl, settings.redirectUri);
	const callback = new URL(settings.redirectUri);
	callback.search = received.search;
	return callback;
}

/** Runs one login step; a failure becomes one audit row (with the login as far as it is known) and is thrown on. */
async function audited<T>(
	ctx: CoreContext,
	login: () => string | undefined,
	work: () => Promise<T>,
): Promise<T> {
	try {
		return await work();
	} catch (error) {
		await recordRefusal(ctx, { staffId: login() }, { action: oidcLoginAction }, error as Error);
		throw error;
	}
}

/** The form pages' part of single sign-on, bound to one district's context (`createCore(…).oidc`). */
export function oidcApi(ctx: CoreContext) {
	return {
		startLogin: (settings: OidcSettings, options?: { returnTo?: string }) =>
			startLogin(ctx, settings, options),
		finishLogin: (
			settings: OidcSettings,
			callbackUrl: string | URL,
			options: { browserBinding: string | undefined; clientAddress?: string },
		) => finishLogin(ctx, settings, callbackUrl, options),
	};
}
