import { DomainError } from '../errors';

/** Which claim of the ID token names the staff member of the district profile. */
export type StaffClaim = 'email' | 'preferred_username';

export const staffClaims: readonly StaffClaim[] = ['email', 'preferred_username'];

/** How the district's identity provider is connected (the n8n credential "District Identity Provider" holds these). */
export interface OidcSettings {
	/** Issuer identifier exactly as the provider names itself, e.g. `https://login.example.de/realms/kreis`. */
	issuer: string;
	clientId: string;
	/** Empty or absent: a public client (PKCE only, no client authentication). */
	clientSecret?: string;
	/** Where the provider sends the browser back; registered at the provider exactly like this. */
	redirectUri: string;
	/** Space-separated; must contain `openid`. Default `openid email profile`. */
	scopes?: string;
	/** `email`: the e-mail of the profile; `preferred_username`: the staff id or the e-mail of the profile. */
	staffClaim: StaffClaim;
	/** When set, only logins whose e-mail address (claim `email`) is in this domain are accepted. */
	allowedEmailDomain?: string;
}

/** Settings after the checks: URLs parsed, scopes and domain normalised. */
export interface CheckedOidcSettings {
	issuer: string;
	issuerUrl: URL;
	clientId: string;
	clientSecret: string | undefined;
	redirectUri: string;
	scopes: string;
	staffClaim: StaffClaim;
	allowedEmailDomain: string | undefined;
	/** Plain http is allowed only for a provider on this machine (tests, a local development provider). */
	allowHttp: boolean;
}

export const defaultScopes = 'openid email profile';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function invalid(message: string): DomainError {
	return new DomainError('VALIDATION_FAILED', `Anbindung an den Identitätsanbieter: ${message}`);
}

/** An http(s) URL; plain http only on this machine (loopback). */
function webUrl(value: unknown, label: string): URL {
	let url: URL;
	try {
		url = new URL(String(value ?? '').trim());
	} catch {
		throw invalid(`${label} „${String(value ?? '')}“ ist keine gültige URL.`);
	}
	if (url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname)))
		return url;
	throw invalid(
		`${label} muss mit https:// beginnen (http:// nur für einen Anbieter auf diesem Rechner, localhost).`,
	);
}

function scopesOf(value: string | undefined): string {
	const scopes = (value ?? '').split(/[\s,]+/).filter(Boolean);
	if (!scopes.length) return defaultScopes;
	if (!scopes.includes('openid'))
		throw invalid(`Die Scopes „${scopes.join(' ')}“ enthalten nicht „openid“.`);
	return [...new Set(scopes)].join(' ');
}

function domainOf(value: string | undefined): string | undefined {
	const domain = (value ?? '').trim().replace(/^@/, '').toLowerCase();
	if (!domain) return undefined;
	if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))
		throw invalid(
			`Die erlaubte E-Mail-Domain „${value}“ ist ungültig (Beispiel: landkreis-emmendingen.de).`,
		);
	return domain;
}

/** Checks the settings and says in German what is wrong (`VALIDATION_FAILED`). */
export function checkOidcSettings(settings: OidcSettings): CheckedOidcSettings {
	const issuerUrl = webUrl(settings.issuer, 'Die Aussteller-URL (Issuer)');
	const redirect = webUrl(settings.redirectUri, 'Die Rücksprung-URL (Redirect URI)');
	if (redirect.search || redirect.hash)
		throw invalid(
			'Die Rücksprung-URL (Redirect URI) darf keine Abfrage (?…) und keinen Anker (#…) enthalten.',
		);
	const clientId = String(settings.clientId ?? '').trim();
	if (!clientId) throw invalid('Die Client-ID fehlt.');
	if (!staffClaims.includes(settings.staffClaim)) {
		throw invalid(
			`Unbekanntes Merkmal „${String(settings.staffClaim)}“ für die Zuordnung: erlaubt sind ${staffClaims.join(' und ')}.`,
		);
	}
	return {
		issuer: issuerUrl.href,
		issuerUrl,
		clientId,
		clientSecret: settings.clientSecret ? settings.clientSecret : undefined,
		redirectUri: redirect.href,
		scopes: scopesOf(settings.scopes),
		staffClaim: settings.staffClaim,
		allowedEmailDomain: domainOf(settings.allowedEmailDomain),
		allowHttp: issuerUrl.protocol === 'http:',
	};
}
