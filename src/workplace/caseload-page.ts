import type { DistrictProfile } from '../generated/types';
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

/** The list's filter from the query string (`q`, `status`, `gemeinde`, `faellig`). */
export function filterOf(request: FormRequest): CaseloadFilter {
	const status = first(request.query.status);
	const known = statusChoices.find((c) => c.value === status)?.value;
	return {
		query: first(request.query.q)?.slice(0, 100) || undefined,
		status: known ?? 'open',
		municipality: first(request.query.gemeinde) || undefined,
		dueOnly: first(request.query.faellig) === '1',
	};
}

const count = (n: number) => (n === 1 ? '1 Fall' : `${n} Fälle`);
const months = (n: number) => (n === 1 ? '1 Monat' : `${n} Monate`);
const dateOrDash = (date: string | null) => (date ? germanDate(date) : '–');

/** The German model of the list: filters, rows, the count. */
export function caseloadModel(
	profile: DistrictProfile,
	filter: CaseloadFilter,
	rows: CaseloadRow[],
	showManager: boolean,
) {
	const staffName = new Map(profile.staff.map((s) => [s.id, s.name]));
	const townName = new Map(profile.municipalities.map((m) => [m.ags, m.name]));
	return {
		query: filter.query ?? '',
		dueOnly: filter.dueOnly ?? false,
		showManager,
		statuses: statusChoices.map((c) => ({ ...c, selected: c.value === filter.status })),
		municipalities: profile.municipalities
			.filter((m) => m.programme === 'served')
			.map((m) => ({ value: m.ags, label: m.name, selected: m.ags === filter.municipality })),
		countText: rows.length ? `${count(rows.length)}, Fälliges zuerst.` : 'Keine Fälle gefunden.',
		rows: rows.map((r) => ({
			id: r.id,
			caseNumber: r.caseNumber,
			name: `${r.lastName}, ${r.firstName}`,
			birthDate: germanDate(r.birthDate),
			status: caseStatusLabels[r.status],
			municipality: townName.get(r.municipality) ?? r.municipality,
			manager: staffName.get(r.managerId) ?? r.managerId,
			lastContact: dateOrDash(r.lastContact),
			nextReview: dateOrDash(r.nextReview),
			overdueReferrals: r.overdueReferrals || '–',
			monthsLeft: r.status === 'closed' ? '–' : months(r.monthsLeft),
			due: r.due.map((d) => dueLabels[d]),
		})),
	};
}
