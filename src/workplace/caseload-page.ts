import type { Actor, DistrictProfile } from '../generated/types';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import type { CaseloadFilter, CaseloadRow, DueReason } from '../service/caseload';
import { first, type FormRequest } from '../forms/http';

const dueLabels: Record<DueReason, string> = {
	review: 'Planüberprüfung',
	referral: 'Rückmeldung fehlt',
	limit: 'Grenze naht',
};

const statusChoices = [
	{ value: 'open', label: 'offen (Aufnahme, in Beratung)' },
	{ value: 'intake', label: caseStatusLabels.intake },
	{ value: 'active', label: caseStatusLabels.active },
	{ value: 'closed', label: caseStatusLabels.closed },
	{ value: 'all', label: 'alle' },
] as const;

/** The query values of the due filter (`faellig`): `1` for anything due, or one reason (the overview's links). */
export const dueParams: Record<DueReason, string> = {
	review: 'planueberpruefung',
	referral: 'rueckmeldung',
	limit: 'grenze',
};

const dueChoices = [
	{ value: '', label: 'alle' },
	{ value: '1', label: 'alles Fällige' },
	{ value: dueParams.review, label: 'Planüberprüfung fällig' },
	{ value: dueParams.referral, label: 'Rückmeldung überfällig' },
	{ value: dueParams.limit, label: 'Grenze naht' },
];

const dueReasonOf = (value: string | undefined) =>
	(Object.keys(dueParams) as DueReason[]).find((reason) => dueParams[reason] === value);

/** The list's filter from the query string (`q`, `status`, `gemeinde`, `manager`, `traeger`, `faellig`). */
export function filterOf(request: FormRequest): CaseloadFilter {
	const status = first(request.query.status);
	const known = statusChoices.find((c) => c.value === status)?.value;
	const due = first(request.query.faellig);
	return {
		query: first(request.query.q)?.slice(0, 100) || undefined,
		status: known ?? 'open',
		municipality: first(request.query.gemeinde) || undefined,
		managerId: first(request.query.manager) || undefined,
		organisationId: first(request.query.traeger) || undefined,
		dueOnly: due === '1',
		due: dueReasonOf(due),
	};
}

/** `1 Fall`, `2 Fälle`. */
export const casesText = (n: number) => (n === 1 ? '1 Fall' : `${n} Fälle`);
const months = (n: number) => (n === 1 ? '1 Monat' : `${n} Monate`);
const dateOrDash = (date: string | null) => (date ? germanDate(date) : '–');

/** The managers to filter by, grouped by provider: the coordinator's whole district, a manager's own provider. */
function managerChoices(profile: DistrictProfile, actor: Actor, selected: string | undefined) {
	const groups = profile.organisations
		.filter((o) => actor.role === 'coordinator' || o.id === actor.organisationId)
		.map((o) => ({
			label: o.name,
			options: profile.staff
				.filter((s) => s.role === 'manager' && s.organisationId === o.id && s.active !== false)
				.map((s) => ({ value: s.id, label: s.name, selected: s.id === selected })),
		}))
		.filter((g) => g.options.length);
	// Someone not offered (no longer active) stays chosen, so that the next search keeps the filter.
	if (selected && !groups.some((g) => g.options.some((o) => o.value === selected)))
		groups.push({
			label: 'weitere',
			options: [{ value: selected, label: staffNameOf(profile, selected), selected: true }],
		});
	return groups;
}

const staffNameOf = (profile: DistrictProfile, id: string) =>
	profile.staff.find((s) => s.id === id)?.name ?? id;
const organisationNameOf = (profile: DistrictProfile, id: string) =>
	profile.organisations.find((o) => o.id === id)?.name ?? id;

/** The heading of a list narrowed to one person or one provider (the overview's links): `Fälle von …`. */
function titleOf(profile: DistrictProfile, filter: CaseloadFilter): string | undefined {
	if (filter.managerId) return `Fälle von ${staffNameOf(profile, filter.managerId)}`;
	if (filter.organisationId)
		return `Fälle des Trägers ${organisationNameOf(profile, filter.organisationId)}`;
	return undefined;
}

/** The filter part of the list's model: the choices with the current one selected. */
function filterModel(profile: DistrictProfile, filter: CaseloadFilter, actor: Actor) {
	const due = filter.due ? dueParams[filter.due] : filter.dueOnly ? '1' : '';
	const coordinator = actor.role === 'coordinator';
	return {
		title: titleOf(profile, filter),
		query: filter.query ?? '',
		showManager: coordinator,
		statuses: statusChoices.map((c) => ({ ...c, selected: c.value === filter.status })),
		municipalities: profile.municipalities
			.filter((m) => m.programme === 'served')
			.map((m) => ({ value: m.ags, label: m.name, selected: m.ags === filter.municipality })),
		managers: managerChoices(profile, actor, filter.managerId),
		providers: coordinator
			? profile.organisations.map((o) => ({
					value: o.id,
					label: o.name,
					selected: o.id === filter.organisationId,
				}))
			: undefined,
		dues: dueChoices.map((c) => ({ ...c, selected: c.value === due })),
	};
}

/** The German model of the list: filters, rows, the count; the manager column for the coordinator. */
export function caseloadModel(
	profile: DistrictProfile,
	filter: CaseloadFilter,
	rows: CaseloadRow[],
	actor: Actor,
) {
	const townName = new Map(profile.municipalities.map((m) => [m.ags, m.name]));
	return {
		...filterModel(profile, filter, actor),
		countText: rows.length
			? `${casesText(rows.length)}, Fälliges zuerst.`
			: 'Keine Fälle gefunden.',
		rows: rows.map((r) => ({
			id: r.id,
			caseNumber: r.caseNumber,
			name: `${r.lastName}, ${r.firstName}`,
			birthDate: germanDate(r.birthDate),
			status: caseStatusLabels[r.status],
			municipality: townName.get(r.municipality) ?? r.municipality,
			manager: staffNameOf(profile, r.managerId),
			lastContact: dateOrDash(r.lastContact),
			nextReview: dateOrDash(r.nextReview),
			overdueReferrals: r.overdueReferrals || '–',
			monthsLeft: r.status === 'closed' ? '–' : months(r.monthsLeft),
			due: r.due.map((d) => dueLabels[d]),
		})),
	};
}
