import * as fs from 'node:fs';
import * as path from 'node:path';
import { DomainError } from '../errors';
import type { DistrictProfile } from '../generated/types';
import { validateInput } from '../validation/validate';
import { assertConsistent } from '../validation/consistency';
import { jsonIdsIn, shippedFolder } from '../shipped-files';

/** Shipped district profiles live in `districts/` at the package root (copied to `dist/districts`). */
export const profileDir = shippedFolder('districts');

export function shippedProfileIds(): string[] {
	return jsonIdsIn(profileDir);
}

const shippedCache = new Map<string, DistrictProfile>();

export function loadShippedProfile(id: string): DistrictProfile {
	const cached = shippedCache.get(id);
	if (cached) return structuredClone(cached);
	if (!shippedProfileIds().includes(id)) {
		throw new DomainError(
			'PROFILE_INVALID',
			`Es gibt kein mitgeliefertes Kreisprofil „${id}“. Vorhanden: ${shippedProfileIds().join(', ')}.`,
		);
	}
	const profile = parseProfile(
		JSON.parse(fs.readFileSync(path.join(profileDir, `${id}.json`), 'utf8')),
	);
	shippedCache.set(id, profile);
	return structuredClone(profile);
}

/** Validates a profile against its schema and checks that every reference inside it resolves. */
export function parseProfile(data: unknown): DistrictProfile {
	let profile: DistrictProfile;
	try {
		profile = validateInput('districtProfile', data);
	} catch (error) {
		if (error instanceof DomainError)
			throw new DomainError('PROFILE_INVALID', `Kreisprofil ungültig. ${error.message}`, {
				fieldErrors: error.fieldErrors,
			});
		throw error;
	}
	assertConsistent(
		`Kreisprofil „${profile.name}“`,
		consistencyProblems(profile),
		'PROFILE_INVALID',
	);
	return profile;
}

function duplicates(values: string[]): string[] {
	return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

export function consistencyProblems(profile: DistrictProfile): string[] {
	const problems: string[] = [];
	const orgIds = new Set(profile.organisations.map((o) => o.id));
	const agsSet = new Set(profile.municipalities.map((m) => m.ags));
	for (const id of duplicates(profile.organisations.map((o) => o.id)))
		problems.push(`Träger „${id}“ ist doppelt.`);
	for (const id of duplicates(profile.staff.map((s) => s.id)))
		problems.push(`Mitarbeitende*r „${id}“ ist doppelt.`);
	for (const ags of duplicates(profile.municipalities.map((m) => m.ags)))
		problems.push(`Gemeinde ${ags} ist doppelt.`);
	for (const id of duplicates(profile.services.map((s) => s.id)))
		problems.push(`Fachdienst „${id}“ ist doppelt.`);
	for (const s of profile.staff) {
		if (!orgIds.has(s.organisationId))
			problems.push(`${s.name}: Träger „${s.organisationId}“ fehlt im Profil.`);
		for (const ags of s.municipalities ?? []) {
			if (!agsSet.has(ags)) problems.push(`${s.name}: Gemeinde ${ags} gehört nicht zum Profil.`);
		}
	}
	for (const m of profile.municipalities) {
		if (m.organisationId && !orgIds.has(m.organisationId))
			problems.push(`${m.name}: Träger „${m.organisationId}“ fehlt im Profil.`);
		if (m.programme === 'served' && m.organisationId) {
			const managers = profile.staff.filter(
				(s) => s.role === 'manager' && s.organisationId === m.organisationId && s.active !== false,
			);
			if (managers.length === 0)
				problems.push(
					`${m.name}: Träger „${m.organisationId}“ hat keine aktiven Integrationsmanager*innen.`,
				);
		}
	}
	return problems;
}

export function staffById(profile: DistrictProfile, staffId: string) {
	return profile.staff.find((s) => s.id === staffId);
}

export function municipalityByAgs(profile: DistrictProfile, ags: string) {
	return profile.municipalities.find((m) => m.ags === ags);
}

export function organisationName(profile: DistrictProfile, organisationId: string): string {
	return profile.organisations.find((o) => o.id === organisationId)?.name ?? organisationId;
}

/** The name of a service of the district's directory (its id when the directory no longer lists it). */
export function serviceName(profile: DistrictProfile, serviceId: string): string {
	return profile.services.find((s) => s.id === serviceId)?.name ?? serviceId;
}
