import { DomainError } from '../errors';
import type { Actor, DistrictProfile, StaffRole } from '../generated/types';
import { staffById } from '../districts/profile';
import { validateInput } from '../validation/validate';

/** An actor checked against the district profile: the staff member exists, is active, role and organisation match. */
export interface ResolvedActor {
	staffId: string;
	name: string;
	/** A staff role, or `system` for a part of the installation that acts on its own (e.g. the Case Event Trigger). */
	role: StaffRole | 'system';
	organisationId: string;
	municipalities: string[];
	/** What a system actor may do beyond reading events (see `SystemGrant`); persons have none. */
	grants?: readonly SystemGrant[];
}

/** What a system actor may do on cases: `referral.answer` records the service's answer to a referral. */
export type SystemGrant = 'referral.answer';

/** Who the claimed actor is, as far as it can be said before checking (for the audit log of a denial). */
export function describeClaim(claim: unknown): {
	staffId: string;
	role: string;
	organisationId: string;
} {
	const c = (claim ?? {}) as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' && v.length ? v.slice(0, 64) : 'unbekannt');
	return { staffId: text(c.staffId), role: text(c.role), organisationId: text(c.organisationId) };
}

/**
 * A part of the installation that acts on its own, not a person. Only code can create one: an object that
 * arrived as data (JSON, a form, a node parameter) is never an instance of this class.
 */
export class SystemActor {
	constructor(
		/** e.g. `case-event-trigger`; recorded as `system:<name>`. */
		readonly name: string,
		/** German description for messages. */
		readonly label: string,
		/** What it may do on cases besides reading events. */
		readonly grants: readonly SystemGrant[] = [],
	) {}
}

/**
 * A connected system that answers referrals over a JSON interface with its own token (a service's software, a
 * portal): it acts as itself (`system:schnittstelle:<name>`), never as a person named in the request.
 */
export function interfaceActor(name: string): SystemActor {
	const label = name.trim().slice(0, 60) || 'Schnittstelle';
	const slug = label
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return new SystemActor(`schnittstelle:${slug || 'rueckmeldung'}`, `Schnittstelle „${label}“`, [
		'referral.answer',
	]);
}

export function resolveActor(profile: DistrictProfile, claim: unknown): ResolvedActor {
	if (claim instanceof SystemActor) {
		return {
			staffId: `system:${claim.name}`,
			name: claim.label,
			role: 'system',
			organisationId: profile.id,
			municipalities: [],
			grants: claim.grants,
		};
	}
	let actor: Actor;
	try {
		actor = validateInput('actor', claim);
	} catch (error) {
		throw new DomainError(
			'FORBIDDEN',
			`Keine gültige handelnde Person angegeben. ${(error as Error).message}`,
		);
	}
	const staff = staffById(profile, actor.staffId);
	if (!staff || staff.active === false) {
		throw new DomainError(
			'FORBIDDEN',
			`„${actor.staffId}“ ist im Kreisprofil „${profile.name}“ nicht als aktive*r Mitarbeiter*in eingetragen.`,
		);
	}
	if (staff.role !== actor.role || staff.organisationId !== actor.organisationId) {
		throw new DomainError(
			'FORBIDDEN',
			`Rolle oder Träger von ${staff.name} stimmen nicht mit dem Kreisprofil überein.`,
		);
	}
	const allowed = staff.municipalities ?? [];
	const claimed = actor.municipalities ?? [];
	if (allowed.length && claimed.some((ags) => !allowed.includes(ags))) {
		throw new DomainError(
			'FORBIDDEN',
			`${staff.name} ist nicht für alle angegebenen Gemeinden zuständig.`,
		);
	}
	return {
		staffId: staff.id,
		name: staff.name,
		role: staff.role,
		organisationId: staff.organisationId,
		municipalities: claimed.length ? claimed : allowed,
	};
}
