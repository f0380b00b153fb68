import type { Core } from '../core';
import type { CaseRecord } from '../service/case-rows';
import type { Actor } from '../generated/types';
import { DomainError } from '../errors';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import { justificationNeeded } from '../lifecycle/duration';
import type { FormKind } from './form-definitions';
import { numberedReferrals, type CaseFile } from '../service/case-file';
import { valueLabel as labelOf } from '../report/labels';
import { caseOptions, type CaseOptions } from './case-options';

/** Facts about the case the page needs for its conditions (hidden component `caseInfo`; never trusted on POST). */
export interface CaseInfo {
	caseId: string;
	version: number;
	/** Past the regular 3 years without a recorded justification: the form asks for one. */
	justificationNeeded: boolean;
}

export interface Prefill {
	data: Record<string, unknown>;
	caseLabel?: string;
	/** Choices of the case the form is opened for. */
	options?: CaseOptions;
}

export function caseLabel(record: CaseRecord): string {
	const p = record.data.person;
	return `Fall: ${p.lastName}, ${p.firstName} (geb. ${germanDate(p.birthDate)}) · Aufnahme am ${germanDate(record.openedOn)} · ${caseStatusLabels[record.status]} · Fallnummer ${record.caseNumber}`;
}

export function caseInfo(record: CaseRecord, today: string): CaseInfo {
	return {
		caseId: record.id,
		version: record.version,
		justificationNeeded: justificationNeeded(record.openedOn, record.extension !== null, today),
	};
}

/** Outcomes the closure form starts with, taken from what the case file says today. */
function closureOutcomes(record: CaseRecord) {
	const { person, accommodation } = record.data;
	const occupation = person.occupation;
	return {
		ownTenancy: accommodation === 'own_tenancy',
		...(person.germanLevel ? { germanLevel: person.germanLevel } : {}),
		employmentSocialInsurance: occupation === 'employed_social_insurance',
		trainingInternshipStudy:
			occupation === 'vocational_training' || occupation === 'internship' || occupation === 'study',
	};
}

/** Where the form was opened: the case (`?case=`) and, for a referral's answer, the referral's number (`?vermittlung=`). */
export interface OpenedFor {
	caseId?: string;
	referral?: string;
}

/** The current German level and occupation of the counselled person, as the change form's heading shows them. */
function currentValues(record: CaseRecord): string {
	const p = record.data.person;
	const level = p.germanLevel ? labelOf('germanLevel', p.germanLevel) : 'nicht erfasst';
	const occupation = p.occupation ? labelOf('occupation', p.occupation) : 'nicht erfasst';
	return `bisher: Deutsch ${level}, Tätigkeit: ${occupation}`;
}

/** The start data of a form of a case (its hidden context first) and the line that names the case. */
function caseStart(
	kind: Exclude<FormKind, 'intake'>,
	file: CaseFile,
	opened: OpenedFor,
	today: string,
): Prefill {
	const record = file.case;
	const base = { caseInfo: caseInfo(record, today) };
	const label = caseLabel(record);
	switch (kind) {
		case 'plan': {
			const current = file.plan;
			if (!current)
				return {
					data: { ...base, planDate: today },
					caseLabel: `${label} · neuer Integrationsplan`,
				};
			const { reviewDate: _previousReview, ...plan } = current.current.plan;
			return {
				data: { ...base, ...plan, planDate: today },
				caseLabel: `${label} · Fortschreibung von Fassung ${current.current.version}`,
			};
		}
		case 'closure':
			return {
				data: { ...base, date: today, outcomes: closureOutcomes(record) },
				caseLabel: label,
			};
		case 'caseFileChange':
			return {
				data: { ...base, validFrom: today },
				caseLabel: `${label} · ${currentValues(record)}`,
			};
		case 'referralFeedback': {
			const chosen = numberedReferrals(file).find((r) => String(r.number) === opened.referral);
			const referralId = chosen ? { referralId: chosen.referral.id } : {};
			return { data: { ...base, ...referralId, date: today }, caseLabel: label };
		}
		case 'reassign':
			return { data: base, caseLabel: label };
		default:
			return { data: { ...base, date: today }, caseLabel: label };
	}
}

/**
 * What the form starts with. Intake: today's date and the logged-in staff member as the one recording consent.
 * Every other form: the case (read with the actor's rights, so a case outside the actor's scope is refused like in
 * every other operation), today's date, the choices of the case (its referrals, household members, managers); the
 * plan form carries the current plan for continuing it.
 */
export async function prefill(
	core: Core,
	actor: Actor,
	kind: FormKind,
	opened: OpenedFor,
	today: string,
): Promise<Prefill> {
	if (kind === 'intake')
		return {
			data: {
				intakeDate: today,
				consent: { date: today, recordedBy: actor.staffId, purposes: { counselling: true } },
			},
		};
	if (!opened.caseId)
		throw new DomainError(
			'NOT_FOUND',
			'Dieses Formular gehört zu einem Fall. Bitte den Fall unter „Meine Fälle“ öffnen und den Schritt dort wählen.',
		);
	const file = await core.getCaseFile(actor, opened.caseId);
	const start = caseStart(kind, file, opened, today);
	return { ...start, options: caseOptions(core.context.profile, file, actor) };
}
