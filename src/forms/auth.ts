import { timingSafeEqual, createHash } from 'node:crypto';
import type { OidcSettings } from '../auth/oidc-settings';
import type { DistrictProfile, StaffMember } from '../generated/types';

/**
 * Who fills the form:
 * - `personal` (the default): every staff member signs in with their own account (password set through an
 *   invitation) or, when the district connects its identity provider, with single sign-on (OpenID Connect);
 *   the session lives in the case store;
 * - `trustedHeader`: an SSO reverse proxy of the district authenticates and passes the staff id or e-mail in a
 *   header — accepted only together with the proxy's shared secret in a second header, so that a request sent
 *   straight to n8n cannot name anybody.
 */
export type AuthConfig =
	| { mode: 'personal'; oidc?: OidcSettings }
	| { mode: 'trustedHeader'; userHeader: string; secretHeader: string; secret: string };

export type HeaderBag = Record<string, string | string[] | undefined>;

/** The shortest proxy secret accepted (random, set in the proxy's configuration and in the n8n credential). */
export const minProxySecretLength = 24;

/** A staff member of the profile by id or (case-insensitive) e-mail; inactive staff are not found. */
export function findStaff(profile: DistrictProfile, login: string): StaffMember | undefined {
	const wanted = login.trim().toLowerCase();
	if (!wanted) return undefined;
	return profile.staff.find(
		(s) => s.active !== false && (s.id === wanted || (s.email ?? '').toLowerCase() === wanted),
	);
}

export function header(headers: HeaderBag, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Equal secrets, compared in constant time whatever their lengths. */
export function sameSecret(a: string, b: string): boolean {
	const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
	return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}

export type ProxyLogin =
	{ ok: true; staff: StaffMember } | { ok: false; message: string; attempted?: string };

/** The person the district's reverse proxy names — only when the request carries the proxy's secret. */
export function proxyLogin(
	config: Extract<AuthConfig, { mode: 'trustedHeader' }>,
	profile: DistrictProfile,
	headers: HeaderBag,
): ProxyLogin {
	const login = header(headers, config.userHeader);
	const secret = header(headers, config.secretHeader) ?? '';
	if (config.secret.length < minProxySecretLength || !sameSecret(secret, config.secret))
		return {
			ok: false,
			message:
				'Keine Anmeldung: die Anfrage kam nicht über den Anmelde-Proxy des Kreises (Proxy-Geheimnis fehlt oder ist falsch).',
			...(login ? { attempted: login.slice(0, 64) } : {}),
		};
	if (!login)
		return {
			ok: false,
			message: `Keine Anmeldung: der Anmelde-Proxy hat den Header „${config.userHeader}“ nicht gesetzt.`,
		};
	const staff = findStaff(profile, login);
	return staff
		? { ok: true, staff }
		: {
				ok: false,
				message: `„${login.slice(0, 64)}“ ist im Kreisprofil „${profile.name}“ nicht als aktive*r Mitarbeiter*in eingetragen.`,
				attempted: login.slice(0, 64),
			};
}

/** What the credential dialog's Test button says about a proxy secret (there is no server to ask). */
export function checkProxySecret(secret: string): { ok: boolean; message: string } {
	if (secret.length < minProxySecretLength)
		return {
			ok: false,
			message: `Das Proxy-Geheimnis ist zu kurz: mindestens ${minProxySecretLength} zufällige Zeichen.`,
		};
	return {
		ok: true,
		message:
			'Proxy-Geheimnis geeignet. Der Proxy muss es bei jeder Anfrage setzen und den Header von außen entfernen.',
	};
}
