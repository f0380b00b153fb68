import { DomainError } from '../errors';
import type { DistrictProfile, StaffMember } from '../generated/types';
import { municipalityByAgs, organisationName, staffById } from './profile';

export interface Routing {
	organisationId: string;
	managerId: string;
	/** Why this manager: named explicitly, or the one with the fewest open cases. */
	rule: 'explicit' | 'least_caseload';
}

/** Open cases per manager id (status intake or active). */
export type Caseloads = ReadonlyMap<string, number>;

/** Managers of an organisation that may take cases in a municipality. */
export function eligibleManagers(
	profile: DistrictProfile,
	organisationId: string,
	ags: string,
): StaffMember[] {
	const inOrg = profile.staff.filter(
		(s) => s.role === 'manager' && s.active !== false && s.organisationId === organisationId,
	);
	const local = inOrg.filter((s) => s.municipalities?.includes(ags));
	if (local.length) return local;
	return inOrg.filter((s) => !s.municipalities || s.municipalities.length === 0);
}

/**
 * Who takes an intake for a municipality: the responsible organisation from the profile, then the named
 * manager (if allowed there) or the eligible manager with the fewest open cases (ties: by id, stable).
 * A municipality outside this profile's programme gets a clear answer instead of a case.
 */
export function routeIntake(
	profile: DistrictProfile,
	ags: string,
	caseloads: Caseloads,
	requestedManagerId?: string,
): Routing {
	const municipality = municipalityByAgs(profile, ags);
	if (!municipality) {
		throw new DomainError(
			'UNKNOWN_MUNICIPALITY',
			`Die Gemeinde mit dem Schlüssel ${ags} gehört nicht zu „${profile.name}“. Bitte den Wohnort prüfen oder an den zuständigen Landkreis verweisen.`,
			{ details: { ags } },
		);
	}
	if (municipality.programme !== 'served' || !municipality.organisationId) {
		throw new DomainError(
			'NOT_IN_PROGRAMME',
			`${municipality.name} nimmt nicht am Integrationsmanagement von „${profile.name}“ teil. ${municipality.responsibleNote ?? ''}`.trim(),
			{
				details: {
					ags,
					programme: municipality.programme,
					responsibleNote: municipality.responsibleNote,
				},
			},
		);
	}
	const organisationId = municipality.organisationId;
	const candidates = eligibleManagers(profile, organisationId, ags);
	if (requestedManagerId) {
		const requested = staffById(profile, requestedManagerId);
		if (!requested || !candidates.some((c) => c.id === requestedManagerId)) {
			throw new DomainError(
				'UNKNOWN_STAFF',
				`${requested?.name ?? requestedManagerId} kann keine Fälle aus ${municipality.name} übernehmen (zuständig: ${organisationName(profile, organisationId)}).`,
				{ details: { managerId: requestedManagerId, organisationId } },
			);
		}
		return { organisationId, managerId: requestedManagerId, rule: 'explicit' };
	}
	if (candidates.length === 0) {
		throw new DomainError(
			'NO_MANAGER_AVAILABLE',
			`Für ${municipality.name} ist bei ${organisationName(profile, organisationId)} niemand eingeteilt.`,
			{
				details: { ags, organisationId },
			},
		);
	}
	const [chosen] = [...candidates].sort(
		(a, b) => (caseloads.get(a.id) ?? 0) - (caseloads.get(b.id) ?? 0) || a.id.localeCompare(b.id),
	);
	return { organisationId, managerId: chosen.id, rule: 'least_caseload' };
}
