import type { DistrictProfile } from '../generated/types';
import { organisationName } from '../districts/profile';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import { referralStatusLabels } from '../lifecycle/referral-status';
import { valueLabel as label } from '../report/labels';
import type { CaseFile, FileChange } from '../service/case-file';
import { planKindLabels } from './plan-document';

/** One line of the timeline: the day it happened, when it was recorded (orders one day's entries), the text. */
interface Entry {
	date: string;
	at: string;
	text: string;
}

/** What a dated change of the case file changed, in German (values of the counselled person, household, address). */
function changeText(profile: DistrictProfile, file: CaseFile, change: FileChange): string {
	const { delta } = change;
	if (change.kind === 'reassign' && delta.managerId) {
		const name = profile.staff.find((s) => s.id === delta.managerId)?.name ?? delta.managerId;
		return `Neu zugewiesen: ${name} (${organisationName(profile, delta.organisationId ?? '')})`;
	}
	if (change.kind === 'update') return 'Fallakte berichtigt';
	const parts: string[] = [];
	for (const set of delta.set ?? []) {
		const who = set.key === 0 ? file.case.data.person.firstName : 'Haushaltsmitglied';
		if (set.germanLevel) parts.push(`${who}: Deutsch ${label('germanLevel', set.germanLevel)}`);
		if (set.occupation) parts.push(`${who}: ${label('occupation', set.occupation)}`);
	}
	if (delta.municipality) {
		const town = profile.municipalities.find((m) => m.ags === delta.municipality)?.name;
		parts.push(`neuer Wohnort ${town ?? delta.municipality}`);
	}
	if (delta.joined?.length) parts.push(`neu im Haushalt: ${delta.joined.length}`);
	if (delta.left?.length) parts.push(`ausgezogen: ${delta.left.length}`);
	return `Veränderung in der Fallakte${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** The case's history, newest first: contacts, plan versions, referrals and answers, changes, status changes. */
export function timeline(profile: DistrictProfile, file: CaseFile) {
	const staffName = (id: string) => profile.staff.find((s) => s.id === id)?.name ?? id;
	const entries: Entry[] = [
		...file.contacts.map((c) => ({
			date: c.date,
			at: c.createdAt,
			text: `Beratungskontakt (${label('channel', c.channel)}, ${c.minutes} Minuten): ${c.topics.map((t) => label('topic', t)).join(', ')} – ${staffName(c.createdBy)}`,
		})),
		...(file.plan?.versions ?? []).map((v) => ({
			date: v.planDate,
			at: v.createdAt,
			text: `Integrationsplan Fassung ${v.version} ${planKindLabels[v.kind]} – ${staffName(v.createdBy)}`,
		})),
		...file.referrals.map((r) => ({
			date: r.referredOn,
			at: '',
			text: `Weitervermittlung an ${r.serviceName} (${r.reason})`,
		})),
		...file.referrals
			.filter((r) => r.status !== 'open')
			.map((r) => ({
				date: r.statusOn,
				at: '~', // after the referral of the same day
				text: `Rückmeldung von ${r.serviceName}: ${referralStatusLabels[r.status]}`,
			})),
		...file.fileChanges.map((c) => ({
			date: c.validFrom,
			at: c.at,
			text: `${changeText(profile, file, c)} – ${staffName(c.by)}`,
		})),
		...file.statusChanges.map((s) => ({
			date: s.on,
			at: s.at,
			text: `Status: ${caseStatusLabels[s.to]}`,
		})),
	];
	return entries
		.sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at))
		.map((e) => ({ date: germanDate(e.date), text: e.text }));
}
