import { DomainError } from '../errors';
import type { DistrictProfile, StaffMember } from '../generated/types';
import type { CheckedOidcSettings } from './oidc-settings';

const refused = (message: string) => new DomainError('FORBIDDEN', message);
const askAdmin =
	'Bitte wenden Sie sich an die Administration des Integrationsmanagements im Kreis.';

/**
 * The value of the configured claim that names the person, after the checks on the e-mail address: a provider
 * that says the address is not verified is not trusted with it, and an allowed domain admits only its addresses.
 */
export function loginOf(claims: Record<string, unknown>, settings: CheckedOidcSettings): string {
	const value = claims[settings.staffClaim];
	if (typeof value !== 'string' || !value.trim()) {
		throw refused(
			`Der Identitätsanbieter hat das Merkmal „${settings.staffClaim}“ nicht übermittelt; damit lässt sich niemand im Kreisprofil zuordnen. ${askAdmin}`,
		);
	}
	const email = claims.email;
	if (settings.staffClaim === 'email' && claims.email_verified === false) {
		throw refused(
			`Der Identitätsanbieter hat die E-Mail-Adresse „${value}“ nicht als bestätigt gekennzeichnet. ${askAdmin}`,
		);
	}
	if (settings.allowedEmailDomain) {
		const domain =
			typeof email === 'string' ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : undefined;
		if (domain !== settings.allowedEmailDomain) {
			throw refused(
				`Anmeldungen sind nur mit einer E-Mail-Adresse der Domain „${settings.allowedEmailDomain}“ möglich${typeof email === 'string' ? ` (übermittelt: „${email}“)` : ''}. ${askAdmin}`,
			);
		}
	}
	return value.trim();
}

/**
 * The staff member of the profile the login names: by e-mail (claim `email`), or by staff id or e-mail (claim
 * `preferred_username`), case-insensitively. Nobody or several people: refused in German. Active or not is
 * checked by `assertActive`, so that a refusal can still name the person.
 */
export function staffForLogin(
	profile: DistrictProfile,
	settings: CheckedOidcSettings,
	login: string,
): StaffMember {
	const wanted = login.toLowerCase();
	const byEmail = (s: StaffMember) => (s.email ?? '').toLowerCase() === wanted;
	const matches = profile.staff.filter(
		(s) =>
			byEmail(s) || (settings.staffClaim === 'preferred_username' && s.id.toLowerCase() === wanted),
	);
	if (matches.length === 0)
		throw refused(
			`„${login}“ ist im Kreisprofil „${profile.name}“ keiner Mitarbeiterin und keinem Mitarbeiter zugeordnet. ${askAdmin}`,
		);
	if (matches.length > 1)
		throw refused(
			`„${login}“ passt im Kreisprofil „${profile.name}“ zu mehreren Mitarbeitenden; eine eindeutige Zuordnung ist nicht möglich. ${askAdmin}`,
		);
	return matches[0];
}

/** Only active staff members of the profile may log in. */
export function assertActive(profile: DistrictProfile, staff: StaffMember): void {
	if (staff.active === false)
		throw refused(
			`${staff.name} ist im Kreisprofil „${profile.name}“ nicht mehr als aktiv eingetragen; eine Anmeldung ist nicht möglich. ${askAdmin}`,
		);
}
