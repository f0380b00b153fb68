import { timingSafeEqual, createHash } from 'node:crypto';
import type { Actor, DistrictProfile, StaffMember } from '../generated/types';

/**
 * Who fills the form:
 * - `none`: nobody logs in; the form acts as one configured staff member (for a manager's own laptop or tests);
 * - `basicAuth`: the browser asks for user and password; the user is a staff id or e-mail of the district
 *   profile, the password is the one configured for the form;
 * - `trustedHeader`: an SSO reverse proxy authenticates and passes the staff id or e-mail in a header.
 * Anything else (no or wrong credentials, someone not or no longer in the profile) is HTTP 401.
 */
export type AuthConfig =
	| { mode: 'none'; staffId: string }
	| { mode: 'basicAuth'; password: string; realm?: string }
	| { mode: 'trustedHeader'; headerName: string };

export type HeaderBag = Record<string, string | string[] | undefined>;

export type AuthResult =
	| { ok: true; actor: Actor; name: string }
	| {
			ok: false;
			status: 401;
			message: string;
			headers: Record<string, string>;
			/** The login name that was presented with wrong or unknown credentials (absent when none were presented). */
			attempted?: string;
	  };

/** A staff member of the profile by id or (case-insensitive) e-mail; inactive staff are not found. */
export function findStaff(profile: DistrictProfile, login: string): StaffMember | undefined {
	const wanted = login.trim().toLowerCase();
	if (!wanted) return undefined;
	return profile.staff.find(
		(s) => s.active !== false && (s.id === wanted || (s.email ?? '').toLowerCase() === wanted),
	);
}

function header(headers: HeaderBag, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function sameSecret(a: string, b: string): boolean {
	// Hash first so that the comparison takes the same time whatever the lengths.
	const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
	return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}

function denied(message: string, config: AuthConfig, attempted?: string): AuthResult {
	const headers: Record<string, string> = {};
	if (config.mode === 'basicAuth')
		headers['WWW-Authenticate'] =
			`Basic realm="${(config.realm ?? 'Integrationsmanagement').replace(/"/g, '')}", charset="UTF-8"`;
	return {
		ok: false,
		status: 401,
		message,
		headers,
		...(attempted === undefined ? {} : { attempted: attempted.slice(0, 64) }),
	};
}

function asActor(staff: StaffMember): AuthResult {
	return {
		ok: true,
		actor: { staffId: staff.id, role: staff.role, organisationId: staff.organisationId },
		name: staff.name,
	};
}

export function authenticate(
	config: AuthConfig,
	profile: DistrictProfile,
	headers: HeaderBag,
): AuthResult {
	switch (config.mode) {
		case 'none': {
			const staff = findStaff(profile, config.staffId);
			return staff
				? asActor(staff)
				: denied(
						`„${config.staffId}“ ist im Kreisprofil „${profile.name}“ nicht als aktive*r Mitarbeiter*in eingetragen.`,
						config,
					);
		}
		case 'basicAuth': {
			const value = header(headers, 'authorization') ?? '';
			const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
			if (!match) return denied('Bitte mit Kennung und Passwort anmelden.', config);
			const decoded = Buffer.from(match[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
			const password = colon >= 0 ? decoded.slice(colon + 1) : '';
			const staff = findStaff(profile, user);
			// Check the password even for an unknown user, so that the answer time does not tell which users exist.
			const passwordOk = config.password.length > 0 && sameSecret(password, config.password);
			if (!passwordOk || !staff) return denied('Kennung oder Passwort ist falsch.', config, user);
			return asActor(staff);
		}
		case 'trustedHeader': {
			const login = header(headers, config.headerName);
			if (!login)
				return denied(
					`Keine Anmeldung: der Anmelde-Proxy hat den Header „${config.headerName}“ nicht gesetzt.`,
					config,
				);
			const staff = findStaff(profile, login);
			return staff
				? asActor(staff)
				: denied(
						`„${login}“ ist im Kreisprofil „${profile.name}“ nicht als aktive*r Mitarbeiter*in eingetragen.`,
						config,
						login,
					);
		}
		default:
			return denied('Unbekannte Anmeldeart.', config);
	}
}

/** What the credential dialog's Test button says about a form password (there is no server to ask). */
export function checkFormPassword(password: string): { ok: boolean; message: string } {
	if (password.length < 12)
		return {
			ok: false,
			message:
				'Das Passwort ist zu kurz: mindestens 12 Zeichen, weil es für alle Mitarbeitenden des Formulars gilt.',
		};
	return {
		ok: true,
		message: 'Passwort geeignet. Anmeldung mit Kennung oder E-Mail aus dem Kreisprofil.',
	};
}
