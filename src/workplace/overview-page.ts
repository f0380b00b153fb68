import type { DistrictProfile } from '../generated/types';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import { limitLeadDays, reviewLeadDays } from '../lifecycle/due';
import type { CaseOverview, OverviewCounts } from '../service/overview';
import { casesText, dueParams } from './caseload-page';

type Count = keyof OverviewCounts;

/** The columns of the overview, each with the filter of Meine Fälle that lists exactly the counted cases. */
const columns: { key: Count; label: string; query: Record<string, string> }[] = [
	{ key: 'open', label: 'offen', query: {} },
	{ key: 'intake', label: caseStatusLabels.intake, query: { status: 'intake' } },
	{ key: 'active', label: caseStatusLabels.active, query: { status: 'active' } },
	{ key: 'review', label: 'Planüberprüfung fällig', query: { faellig: dueParams.review } },
	{ key: 'referral', label: 'Rückmeldung überfällig', query: { faellig: dueParams.referral } },
	{ key: 'limit', label: 'Grenze naht', query: { faellig: dueParams.limit } },
];

/** The counts of one row; every number but 0 links to Meine Fälle filtered to the cases it counts. */
const cells = (counts: OverviewCounts, narrow: Record<string, string>) =>
	columns.map((c) => {
		const value = counts[c.key];
		const query = new URLSearchParams({ ...narrow, ...c.query }).toString();
		return { value, href: value ? `faelle${query ? `?${query}` : ''}` : undefined };
	});

const openText = (n: number) =>
	n === 0 ? 'keine offenen Fälle' : n === 1 ? '1 offener Fall' : `${n} offene Fälle`;
const dueText = (n: number, what: string) => `${n ? casesText(n) : 'keine Fälle'} ${what}`;

/** `5 offene Fälle (2 in Aufnahme, 3 in Beratung); 1 Fall mit fälliger Planüberprüfung, …`. */
export function summaryText(c: OverviewCounts): string {
	if (!c.open) return 'Keine offenen Fälle.';
	const open = openText(c.open);
	return (
		`${open[0].toUpperCase()}${open.slice(1)} (${c.intake} in Aufnahme, ${c.active} in Beratung); ` +
		`${dueText(c.review, 'mit fälliger Planüberprüfung')}, ` +
		`${dueText(c.referral, 'mit überfälliger Rückmeldung')}, ${dueText(c.limit, 'nahe der Grenze')}.`
	);
}

const days = (n: number) => (n === 1 ? '1 Tag' : `${n} Tagen`);

/** The due rules with the district's lead days, as the list and the Case Event Trigger apply them. */
function rulesText(profile: DistrictProfile): string {
	return (
		`Fällig wie in „Meine Fälle“: Planüberprüfung ab ${days(reviewLeadDays(profile))} vor dem Überprüfungsdatum und danach; ` +
		`Rückmeldung überfällig, wenn eine Weitervermittlung seit ${days(profile.settings.referralOverdueDays)} oder länger unbeantwortet ist; ` +
		`Grenze naht, wenn die Beratungszeit (3 Jahre, mit Begründung 4) in höchstens ${days(limitLeadDays(profile))} endet.`
	);
}

/** The German model of the overview: for the coordinator the district by provider, then each provider by manager. */
export function overviewModel(profile: DistrictProfile, overview: CaseOverview) {
	const staffName = (id: string) => profile.staff.find((s) => s.id === id)?.name ?? id;
	const organisationName = (id: string) =>
		profile.organisations.find((o) => o.id === id)?.name ?? id;
	const district = overview.organisationId === undefined;
	return {
		scopeText: district
			? `Alle Träger des Kreises, Stand ${germanDate(overview.day)}.`
			: `Träger: ${organisationName(overview.organisationId as string)}, Stand ${germanDate(overview.day)}. Die Zahlen anderer Träger sieht die Koordination des Kreises.`,
		summary: summaryText(overview.total),
		rules: rulesText(profile),
		columns: columns.map((c) => c.label),
		district: district && {
			rows: overview.providers.map((p) => ({
				name: organisationName(p.organisationId),
				cells: cells(p, { traeger: p.organisationId }),
			})),
			total: cells(overview.total, {}),
		},
		providers: overview.providers.map((p) => ({
			id: p.organisationId,
			name: organisationName(p.organisationId),
			summary: district ? summaryText(p) : undefined,
			rows: p.managers
				.map((m) => ({ name: staffName(m.managerId), cells: cells(m, { manager: m.managerId }) }))
				.sort((a, b) => a.name.localeCompare(b.name, 'de')),
			total: cells(p, { traeger: p.organisationId }),
		})),
	};
}
