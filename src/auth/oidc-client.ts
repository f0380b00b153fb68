import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { DomainError } from '../errors';
import type { CheckedOidcSettings } from './oidc-settings';

/** How long a discovered provider (metadata, signing keys) is reused before it is asked again. */
const discoveryLifetimeMs = 60 * 60 * 1000;
/** Seconds the provider may take for one answer. */
const requestTimeoutSeconds = 10;

const discovered = new Map<string, { at: number; config: Promise<client.Configuration> }>();

/**
 * The client configuration for one provider and client: discovered once per issuer, client id and secret and
 * reused for an hour; a failed discovery is not kept, so the next login asks again.
 */
export function providerConfiguration(
	settings: CheckedOidcSettings,
): Promise<client.Configuration> {
	const key = [
		settings.issuer,
		settings.clientId,
		createHash('sha256')
			.update(settings.clientSecret ?? '')
			.digest('base64url'),
	].join(' ');
	const hit = discovered.get(key);
	if (hit && Date.now() - hit.at < discoveryLifetimeMs) return hit.config;
	const entry = { at: Date.now(), config: discover(settings) };
	discovered.set(key, entry);
	entry.config.catch(() => {
		if (discovered.get(key) === entry) discovered.delete(key);
	});
	return entry.config;
}

async function discover(settings: CheckedOidcSettings): Promise<client.Configuration> {
	const execute = settings.allowHttp ? [client.allowInsecureRequests] : [];
	try {
		const found = await client.discovery(
			settings.issuerUrl,
			settings.clientId,
			undefined,
			client.None(),
			{ execute, timeout: requestTimeoutSeconds },
		);
		const server = found.serverMetadata();
		const config = new client.Configuration(
			server,
			settings.clientId,
			settings.clientSecret,
			clientAuthentication(settings, server.token_endpoint_auth_methods_supported),
		);
		for (const extension of execute) extension(config);
		config.timeout = requestTimeoutSeconds;
		return config;
	} catch (error) {
		throw providerError(error, settings);
	}
}

/** A confidential client authenticates the way the provider offers (Basic first, the default of the standard). */
function clientAuthentication(
	settings: CheckedOidcSettings,
	offered: string[] | undefined,
): client.ClientAuth {
	if (!settings.clientSecret) return client.None();
	if (offered && !offered.includes('client_secret_basic') && offered.includes('client_secret_post'))
		return client.ClientSecretPost(settings.clientSecret);
	return client.ClientSecretBasic(settings.clientSecret);
}

const refused = (message: string) => new DomainError('FORBIDDEN', message);
const unavailable = (message: string) => new DomainError('IDENTITY_PROVIDER_FAILED', message);

/** Check codes of openid-client that mean "the answer does not prove who logs in" (a refusal, not an outage). */
const invalidAnswerCodes = new Set([
	'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
	'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
	'OAUTH_INVALID_RESPONSE',
	'OAUTH_KEY_SELECTION_FAILED',
	'OAUTH_PARSE_ERROR',
]);

/**
 * A German error for whatever went wrong at the provider. Only error codes of the protocol are quoted, never
 * provider texts, tokens or codes.
 */
export function providerError(error: unknown, settings: CheckedOidcSettings): DomainError {
	if (error instanceof DomainError) return error;
	const provider = settings.issuerUrl.host;
	if (error instanceof client.AuthorizationResponseError) {
		return refused(
			`Der Identitätsanbieter ${provider} hat die Anmeldung nicht bestätigt (${safeCode(error.error)}).`,
		);
	}
	const answered = errorOfAnswer(error);
	if (answered) {
		if (answered === 'invalid_client' || answered === 'unauthorized_client') {
			return unavailable(
				`Der Identitätsanbieter ${provider} kennt diese Anwendung nicht oder nicht mit diesem Client-Secret (${safeCode(answered)}). Bitte die Anbindung prüfen.`,
			);
		}
		return refused(
			`Der Identitätsanbieter ${provider} hat die Anmeldung abgelehnt (${safeCode(answered)}). Bitte erneut anmelden.`,
		);
	}
	const code = (error as { code?: unknown })?.code;
	if (error instanceof client.ClientError && typeof code === 'string') {
		if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' && /issuer/.test(error.message)) {
			return unavailable(
				`Das Discovery-Dokument von ${provider} nennt einen anderen Aussteller als die eingetragene Aussteller-URL ${settings.issuer}.`,
			);
		}
		if (invalidAnswerCodes.has(code))
			return refused(
				`Die Antwort des Identitätsanbieters ${provider} ist ungültig (${code}). Bitte erneut anmelden.`,
			);
	}
	return unavailable(
		`Der Identitätsanbieter ${provider} ist nicht erreichbar oder antwortet nicht wie erwartet${typeof code === 'string' ? ` (${code})` : ''}.`,
	);
}

/** The OAuth error code of a provider's error answer (a JSON body, or a `WWW-Authenticate` challenge with 401). */
function errorOfAnswer(error: unknown): string | undefined {
	if (error instanceof client.ResponseBodyError) return error.error;
	if (error instanceof client.WWWAuthenticateChallengeError)
		return error.cause.find((c) => c.parameters.error)?.parameters.error ?? 'unauthorized';
	return undefined;
}

function safeCode(value: unknown): string {
	return typeof value === 'string' && /^[\w.-]{1,60}$/.test(value) ? value : 'ohne Fehlercode';
}

export interface LoginChecks {
	state: string;
	nonce: string;
	codeVerifier: string;
}

/**
 * Redeems the authorization code (PKCE verifier, state, nonce, issuer and signature of the ID token checked by
 * openid-client) and gives back the claims of the ID token; claims it lacks come from the UserInfo endpoint
 * (checked against the token's subject). The tokens themselves go nowhere.
 */
export async function verifiedClaims(
	settings: CheckedOidcSettings,
	callback: URL,
	checks: LoginChecks,
): Promise<Record<string, unknown>> {
	try {
		const config = await providerConfiguration(settings);
		// The redirect_uri of the token request is the callback URL without its query: the configured redirect URI.
		const tokens = await client.authorizationCodeGrant(config, callback, {
			pkceCodeVerifier: checks.codeVerifier,
			expectedState: checks.state,
			expectedNonce: checks.nonce,
			idTokenExpected: true,
		});
		const claims = tokens.claims();
		if (!claims)
			throw refused(
				`Der Identitätsanbieter ${settings.issuerUrl.host} hat kein ID-Token geliefert.`,
			);
		const wanted = [settings.staffClaim, ...(settings.allowedEmailDomain ? ['email'] : [])];
		if (wanted.every((name) => claims[name] !== undefined)) return { ...claims };
		const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
		return { ...info, ...claims };
	} catch (error) {
		throw providerError(error, settings);
	}
}

/** Where to send the browser to end the session at the provider too; undefined when it offers no `end_session_endpoint`. */
export async function endSessionUrl(
	settings: CheckedOidcSettings,
	parameters: Record<string, string>,
): Promise<string | undefined> {
	const config = await providerConfiguration(settings);
	if (!config.serverMetadata().end_session_endpoint) return undefined;
	return client.buildEndSessionUrl(config, parameters).href;
}

/** The provider's authorization endpoint with the request of one login. */
export async function authorizationUrl(
	settings: CheckedOidcSettings,
	parameters: Record<string, string>,
): Promise<string> {
	const config = await providerConfiguration(settings);
	return client.buildAuthorizationUrl(config, parameters).href;
}

export const randomState = () => client.randomState();
export const randomNonce = () => client.randomNonce();
export const randomCodeVerifier = () => client.randomPKCECodeVerifier();
export const codeChallengeOf = (verifier: string) => client.calculatePKCECodeChallenge(verifier);
