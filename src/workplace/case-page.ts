import type { DistrictProfile } from '../generated/types';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import { referralStatusLabels } from '../lifecycle/referral-status';
import { currentLimit } from '../lifecycle/duration';
import { breakdownValues } from '../report/labels';
import type { CaseFile } from '../service/case-file';
import { planKindLabels, planVersionHref } from './plan-document';

const label = (kind: 'channel' | 'topic' | 'germanLevel', value: string) =>
	breakdownValues(kind).find((v) => v.value === value)?.label ?? value;

/** The steps of the case as links to the forms in the same folder (`kontakt?case=…`). */
function actions(file: CaseFile) {
	const id = encodeURIComponent(file.case.caseNumber);
	const closed = file.case.status === 'closed';
	const steps = [
		{
			id: 'step-contact',
			label: 'Beratungskontakt erfassen',
			href: `kontakt?case=${id}`,
			primary: true,
		},
		{
			id: 'step-plan',
			label: file.plan ? 'Integrationsplan fortschreiben' : 'Integrationsplan erstellen',
			href: `integrationsplan?case=${id}`,
			primary: false,
		},
		{
			id: 'step-referral',
			label: 'Weitervermitteln',
			href: `weitervermittlung?case=${id}`,
			primary: false,
		},
		{
			id: 'step-closure',
			label: 'Beratung beenden',
			href: `beendigung?case=${id}`,
			primary: false,
		},
	];
	return closed ? [] : steps;
}

function timeline(file: CaseFile, staffName: (id: string) => string) {
	const entries = [
		...file.contacts.map((c) => ({
			date: c.date,
			text: `Beratungskontakt (${label('channel', c.channel)}, ${c.minutes} Minuten): ${c.topics.map((t) => label('topic', t)).join(', ')} – ${staffName(c.createdBy)}`,
		})),
		...(file.plan?.versions ?? []).map((v) => ({
			date: v.planDate,
			text: `Integrationsplan Fassung ${v.version} ${planKindLabels[v.kind]} – ${staffName(v.createdBy)}`,
		})),
		...file.referrals.map((r) => ({
			date: r.referredOn,
			text: `Weitervermittlung an ${r.serviceName} (${r.reason})`,
		})),
		...file.statusChanges.map((s) => ({
			date: s.on,
			text: `Status: ${caseStatusLabels[s.to]}`,
		})),
	];
	return entries
		.sort((a, b) => b.date.localeCompare(a.date))
		.map((e) => ({ date: germanDate(e.date), text: e.text }));
}

/** The German model of the case page: summary, steps, household, plan, referrals, timeline. */
export function casePageModel(profile: DistrictProfile, file: CaseFile, day: string) {
	const staffName = (id: string) => profile.staff.find((s) => s.id === id)?.name ?? id;
	const c = file.case;
	const p = c.data.person;
	const town = profile.municipalities.find((m) => m.ags === c.municipality)?.name ?? c.municipality;
	const limit = currentLimit(c.openedOn, c.extension !== null);
	const current = file.plan?.current;
	return {
		summary: `Fallnummer ${c.caseNumber} · ${p.lastName}, ${p.firstName} (geb. ${germanDate(p.birthDate)}) · ${town} · ${caseStatusLabels[c.status]} seit ${germanDate(c.closedOn ?? c.openedOn)} · zuständig: ${staffName(c.managerId)}`,
		actions: actions(file),
		household: [
			`${p.firstName} ${p.lastName}, Deutsch ${p.germanLevel ? label('germanLevel', p.germanLevel) : 'unbekannt'}`,
			...(c.data.household ?? []).map(
				(m) =>
					`${m.firstName}${m.lastName ? ` ${m.lastName}` : ''}, geb. ${germanDate(m.birthDate)}`,
			),
		],
		limitText:
			c.status === 'closed'
				? `Beendet am ${germanDate(c.closedOn ?? day)}.`
				: `Aufnahme am ${germanDate(c.openedOn)}; Beratung möglich bis ${germanDate(limit.date)} (${limit.years} Jahre).`,
		plan: current && {
			version: current.version,
			planDate: germanDate(current.planDate),
			reviewDate: germanDate(current.reviewDate),
			goals: current.plan.goals.map((g) => g.goal),
			versions: file.plan!.versions.map((v) => ({
				href: planVersionHref(c.caseNumber, v.version),
				label: `Fassung ${v.version} vom ${germanDate(v.planDate)} (${planKindLabels[v.kind]})`,
				current: v.version === current.version,
			})),
		},
		referrals: file.referrals.map(
			(r) =>
				`${r.serviceName}: ${referralStatusLabels[r.status]} (vermittelt am ${germanDate(r.referredOn)}${r.overdue ? ', Rückmeldung überfällig' : ''})`,
		),
		timeline: timeline(file, staffName),
	};
}
