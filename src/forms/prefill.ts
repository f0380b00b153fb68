import type { Core } from '../core';
import type { CaseRecord } from '../service/case-rows';
import type { Actor } from '../generated/types';
import { DomainError } from '../errors';
import { caseStatusLabels } from '../lifecycle/case-status';
import { germanDate } from '../lifecycle/dates';
import { justificationNeeded } from '../lifecycle/duration';
import type { FormKind } from './form-definitions';

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

/**
 * What the form starts with. Intake: today's date and the logged-in staff member as the one recording consent.
 * Plan, contact, referral, closure: the case (read with the actor's rights, so a case outside the actor's scope
 * is refused like in every other operation) and today's date; the plan form carries the current plan for continuing it.
 */
export async function prefill(
	core: Core,
	actor: Actor,
	kind: FormKind,
	caseId: string | undefined,
	today: string,
): Promise<Prefill> {
	if (kind === 'intake')
		return {
			data: {
				intakeDate: today,
				consent: { date: today, recordedBy: actor.staffId, purposes: { counselling: true } },
			},
		};
	if (!caseId)
		throw new DomainError(
			'NOT_FOUND',
			'Dieses Formular gehört zu einem Fall. Bitte über den Link aus der Fallakte öffnen (…?case=<Fallnummer>).',
		);
	const file = await core.getCaseFile(actor, caseId);
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
		case 'contact':
		case 'referral':
			return { data: { ...base, date: today }, caseLabel: label };
		case 'closure':
			return {
				data: { ...base, date: today, outcomes: closureOutcomes(record) },
				caseLabel: label,
			};
	}
}
