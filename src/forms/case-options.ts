import type { Actor, DistrictProfile } from '../generated/types';
import { organisationName } from '../districts/profile';
import { germanDate } from '../lifecycle/dates';
import { referralStatusLabels } from '../lifecycle/referral-status';
import { numberedReferrals, type CaseFile } from '../service/case-file';

export type Option = { label: string; value: string };

/** Choices that depend on the case a form is opened for (and on who opens it). */
export type CaseOptions = Partial<
	Record<'caseReferrals' | 'householdMembers' | 'managers', Option[]>
>;

/** Referrals that still await an answer or their completion (open, angenommen, abgelehnt), by their number. */
function referralChoices(file: CaseFile): Option[] {
	return numberedReferrals(file)
		.filter(({ referral }) => referral.status !== 'done')
		.map(({ number, referral: r }) => ({
			label: `Nr. ${number}: ${r.serviceName}, vermittelt am ${germanDate(r.referredOn)} (${referralStatusLabels[r.status]})`,
			value: r.id,
		}));
}

/** The household members besides the counselled person, numbered as the case file counts them (1 = first). */
function memberChoices(file: CaseFile): Option[] {
	return (file.case.data.household ?? []).map((m, i) => ({
		label: `${i + 1}: ${m.firstName}${m.lastName ? ` ${m.lastName}` : ''}, geb. ${germanDate(m.birthDate)}`,
		value: String(i + 1),
	}));
}

/**
 * Who can take the case over: active managers other than the current one — the whole district for the coordinator,
 * the own provider for a manager (the core refuses anything else as well).
 */
function managerChoices(profile: DistrictProfile, file: CaseFile, actor: Actor): Option[] {
	return profile.staff
		.filter((s) => s.role === 'manager' && s.active !== false && s.id !== file.case.managerId)
		.filter((s) => actor.role === 'coordinator' || s.organisationId === actor.organisationId)
		.sort((a, b) => a.name.localeCompare(b.name, 'de'))
		.map((s) => ({
			label: `${s.name} (${organisationName(profile, s.organisationId)})`,
			value: s.id,
		}));
}

export function caseOptions(profile: DistrictProfile, file: CaseFile, actor: Actor): CaseOptions {
	return {
		caseReferrals: referralChoices(file),
		householdMembers: memberChoices(file),
		managers: managerChoices(profile, file, actor),
	};
}
