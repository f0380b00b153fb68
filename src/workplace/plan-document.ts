import type { Core } from '../core';
import { DomainError } from '../errors';
import { germanTime } from '../forms/sign-in-pages';
import type { Actor, DistrictProfile } from '../generated/types';
import { germanDate } from '../lifecycle/dates';
import type { PlanDocument } from '../service/plans';
import { enumLabel, nodeAt } from '../validation/schema-labels';

/** How a version came about, as the case page and the document say it. */
export const planKindLabels = { created: 'erstellt', continued: 'fortgeschrieben' } as const;

/** The German title and value labels of the plan's fields come from its schema (`schemas/plan.schema.json`). */
const field = (pointer: string) => nodeAt('plan.schema.json', pointer);
const titleOf = (pointer: string) => String(field(pointer)?.title ?? pointer);
const valueOf = (pointer: string, value: string) => enumLabel(field(pointer), value);
const dateOrDash = (date: string | undefined) => (date ? germanDate(date) : '–');

/** The link of one version of a case's plan (`fall?case=…&fassung=2`). */
export const planVersionHref = (caseNumber: string, version: number) =>
	`fall?case=${encodeURIComponent(caseNumber)}&fassung=${version}`;

function goalsOf(view: PlanDocument) {
	return view.current.plan.goals.map((g, i) => ({
		heading: `${titleOf('/goals/0/goal')} ${i + 1}: ${g.goal}`,
		facts: [
			{ label: titleOf('/goals/0/domain'), value: valueOf('/goals/0/domain', g.domain) },
			{ label: titleOf('/goals/0/status'), value: valueOf('/goals/0/status', g.status) },
			{ label: titleOf('/goals/0/dueDate'), value: dateOrDash(g.dueDate) },
		],
		steps: (g.steps ?? []).map((s) => ({
			description: s.description,
			responsible: valueOf('/goals/0/steps/0/responsible', s.responsible),
			dueDate: dateOrDash(s.dueDate),
			status: valueOf('/goals/0/steps/0/status', s.status),
		})),
	}));
}

/** The German model of one plan version as a readable, printable document. */
export function planDocumentModel(profile: DistrictProfile, view: PlanDocument) {
	const staffName = (id: string) => profile.staff.find((s) => s.id === id)?.name ?? id;
	const plan = view.current;
	const latest = view.versions[view.versions.length - 1];
	return {
		caseHref: `fall?case=${encodeURIComponent(plan.caseNumber)}`,
		facts: [
			{ label: 'Fallnummer', value: plan.caseNumber },
			{ label: 'Name', value: `${view.person.lastName}, ${view.person.firstName}` },
			{ label: 'Geburtsdatum', value: germanDate(view.person.birthDate) },
			{ label: 'Fassung', value: `${plan.version} (${planKindLabels[plan.kind]})` },
			{ label: titleOf('/planDate'), value: germanDate(plan.planDate) },
			{ label: titleOf('/reviewDate'), value: germanDate(plan.reviewDate) },
			{
				label: 'Erfasst',
				value: `von ${staffName(plan.createdBy)} am ${germanTime(plan.createdAt)}`,
			},
		],
		laterNote:
			latest.version !== plan.version
				? `Dies ist eine frühere Fassung. Aktuell ist Fassung ${latest.version} vom ${germanDate(latest.planDate)}.`
				: undefined,
		versions: view.versions.map((v) => ({
			version: v.version,
			href: planVersionHref(plan.caseNumber, v.version),
			current: v.version === plan.version,
		})),
		goalsTitle: titleOf('/goals'),
		stepsTitle: titleOf('/goals/0/steps'),
		stepHeads: ['description', 'responsible', 'dueDate', 'status'].map((p) =>
			titleOf(`/goals/0/steps/0/${p}`),
		),
		goals: goalsOf(view),
		noteTitle: titleOf('/note'),
		note: plan.plan.note,
	};
}

/**
 * The page `fall?case=…&fassung=N`: one version of the plan through the core's `getPlan` (one audit row
 * `plan.read`); a version that is no number or does not exist is a German 404.
 */
export async function planDocumentContent(
	core: Core,
	actor: Actor,
	caseId: string,
	fassung: string,
) {
	if (!/^[1-9]\d{0,5}$/.test(fassung))
		throw new DomainError(
			'NOT_FOUND',
			'Diese Fassung des Integrationsplans gibt es nicht. Bitte eine Fassung aus der Fallakte öffnen.',
		);
	const view = await core.getPlan(actor, caseId, Number(fassung));
	return {
		title: `Integrationsplan Fassung ${view.current.version}`,
		planDoc: planDocumentModel(core.context.profile, view),
	};
}
