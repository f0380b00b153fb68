import type { DistrictProfile } from '../generated/types';
import { timeline } from './case-timeline';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import { referralStatusLabels } from '../lifecycle/referral-status';
import { currentLimit } from '../lifecycle/duration';
import { valueLabel } from '../report/labels';
import { numberedReferrals, type CaseFile } from '../service/case-file';
import { planKindLabels, planVersionHref } from './plan-document';

const label = valueLabel;

/** A step of the case: a link to a form in the same folder, opened for this case by its number. */
const step = (id: string, label: string, form: string, caseNumber: string, primary = false) => ({
	id,
	label,
	href: `${form}?case=${encodeURIComponent(caseNumber)}`,
	primary,
});

/** The steps of the case as links to the forms; a closed case can only be reopened. */
function actions(file: CaseFile) {
	const n = file.case.caseNumber;
	if (file.case.status === 'closed')
		return [step('step-reopen', 'Wieder aufnehmen', 'wiederaufnahme', n, true)];
	return [
		step('step-contact', 'Beratungskontakt erfassen', 'kontakt', n, true),
		step(
			'step-plan',
			file.plan ? 'Integrationsplan fortschreiben' : 'Integrationsplan erstellen',
			'integrationsplan',
			n,
		),
		step('step-referral', 'Weitervermitteln', 'weitervermittlung', n),
		step('step-change', 'Veränderung eintragen', 'veraenderung', n),
		step('step-closure', 'Beratung beenden', 'beendigung', n),
		step('step-reassign', 'Zuständigkeit ändern', 'zustaendigkeit', n),
	];
}

/** The referrals with their state; an unfinished one of an open case links to the form for the service's answer. */
function referralList(file: CaseFile) {
	const open = file.case.status !== 'closed';
	return numberedReferrals(file).map(({ number, referral: r }) => ({
		text: `Nr. ${number}: ${r.serviceName}: ${referralStatusLabels[r.status]} (vermittelt am ${germanDate(r.referredOn)}${r.overdue ? ', Rückmeldung überfällig' : ''})`,
		feedback:
			open && r.status !== 'done'
				? `rueckmeldung?case=${encodeURIComponent(file.case.caseNumber)}&vermittlung=${number}`
				: undefined,
		id: `referral-${number}`,
	}));
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
		referrals: referralList(file),
		timeline: timeline(profile, file),
	};
}
