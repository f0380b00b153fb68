// Who acts and where, picked from a district profile: a staff member as the actor of a submission, the
// coordinator, a municipality the district serves (of one organisation, if given).
import type { DistrictProfile } from '../../../src/generated/types';

export const actorOf = (profile: DistrictProfile, staffId: string) => {
	const s = profile.staff.find((x) => x.id === staffId);
	if (!s) throw new Error(`no staff ${staffId}`);
	return { staffId: s.id, role: s.role, organisationId: s.organisationId };
};
export const coordinator = (profile: DistrictProfile) =>
	actorOf(profile, profile.staff.find((s) => s.role === 'coordinator')!.id);
export const served = (profile: DistrictProfile, organisationId?: string) =>
	profile.municipalities.find(
		(m) => m.programme === 'served' && (!organisationId || m.organisationId === organisationId),
	)!;
