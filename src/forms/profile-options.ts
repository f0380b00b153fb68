import type { DistrictProfile } from '../generated/types';
import { organisationName } from '../districts/profile';
import { walkComponents, type FormComponent } from './form-definitions';
import type { CaseOptions, Option } from './case-options';

/** Choices that come from the district profile, not from the schema: municipalities, services, staff. */
export function profileOptions(profile: DistrictProfile, source: string): Option[] {
	switch (source) {
		case 'municipalities': {
			const byName = (a: { name: string }, b: { name: string }) =>
				a.name.localeCompare(b.name, 'de');
			const served = profile.municipalities.filter((m) => m.programme === 'served').sort(byName);
			// Others are listed too: choosing one gives the profile's note on who is responsible.
			const others = profile.municipalities.filter((m) => m.programme !== 'served').sort(byName);
			return [
				...served.map((m) => ({ label: m.name, value: m.ags })),
				...others.map((m) => ({ label: `${m.name} (nicht im Programm)`, value: m.ags })),
			];
		}
		case 'services':
			return [...profile.services]
				.sort((a, b) => a.name.localeCompare(b.name, 'de'))
				.map((s) => ({ label: s.name, value: s.id }));
		case 'staff':
			return profile.staff
				.filter((s) => s.active !== false && s.role !== 'admin')
				.sort((a, b) => a.name.localeCompare(b.name, 'de'))
				.map((s) => ({
					label: `${s.name} (${organisationName(profile, s.organisationId)})`,
					value: s.id,
				}));
		default:
			throw new Error(`Unbekannte Auswahlquelle „${source}“ im Formular.`);
	}
}

/**
 * Fills the choices into a form (in place): those of the case it is opened for, else the profile's; preselects the
 * logged-in staff member where the form asks for it.
 */
export function fillProfileOptions(
	components: FormComponent[],
	profile: DistrictProfile,
	actorStaffId: string | undefined,
	ofCase: CaseOptions = {},
): void {
	walkComponents(components, (c) => {
		const source = c.properties?.profileOptions;
		if (!source) return;
		const values = ofCase[source as keyof CaseOptions] ?? profileOptions(profile, source);
		c.data = { values };
		if (c.properties?.defaultActor === 'true' && actorStaffId) c.defaultValue = actorStaffId;
	});
}
