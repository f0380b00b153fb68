import type { Core } from '../core';
import type { Actor, Closure, Contact, Intake, Referral } from '../generated/types';
import { germanDate } from '../lifecycle/dates';
import { organisationName, serviceName, staffById } from '../districts/profile';
import { enumLabel, loadSchema } from '../validation/schema-labels';
import { DomainError } from '../errors';
import type { FormKind } from './form-definitions';

export interface SubmitInput {
	kind: FormKind;
	actor: Actor;
	caseId?: string;
	data: Record<string, unknown>;
	extras: Record<string, unknown>;
	/** The case version the page was built from (from its hidden context); used where a stale page must not overwrite. */
	seenVersion?: number;
	submissionId: string;
}

export interface SubmitOutcome {
	caseId: string;
	/** German confirmation for the manager. */
	message: string;
	result: unknown;
	/** The submission id was processed before: the first result is given back and nothing was written. */
	replayed: boolean;
}

/** Ends a sentence with one full stop, also after a name ending in "e.V.". */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/** German label of an enum value of a top-level property (`x-enumLabels`). */
function valueLabel(schemaFile: string, property: string, value: string): string {
	return enumLabel(
		(loadSchema(schemaFile).properties as Record<string, Record<string, unknown>>)[property],
		value,
	);
}

function needCase(caseId: string | undefined): string {
	if (!caseId)
		throw new DomainError(
			'NOT_FOUND',
			'Dieses Formular gehört zu einem Fall. Bitte über den Link aus der Fallakte öffnen (…?case=<Fallnummer>).',
		);
	return caseId;
}

/** Stores a validated form submission through the core (one operation per form, idempotent on the submission id). */
export async function storeSubmission(core: Core, input: SubmitInput): Promise<SubmitOutcome> {
	let replayed = false;
	const options = { submissionId: input.submissionId, onReplay: () => (replayed = true) };
	const outcome = await storers[input.kind](core, input, options);
	return { ...outcome, replayed };
}

type Stored = Omit<SubmitOutcome, 'replayed'>;
type Storer = (
	core: Core,
	input: SubmitInput,
	options: { submissionId: string; onReplay: () => void },
) => Promise<Stored>;

/** A justification for counselling beyond 3 years travels with the documentation it allows (one core call). */
const documenting = (
	input: SubmitInput,
	options: { submissionId: string; onReplay: () => void },
) => ({
	...options,
	extensionJustification: input.extras.extensionJustification,
});

/** One core call per form, and the German confirmation the manager reads. */
const storers: Record<FormKind, Storer> = {
	async intake(core, input, options) {
		const created = await core.createCase(input.actor, { intake: input.data }, options);
		const intake = input.data as unknown as Intake;
		const profile = core.context.profile;
		const manager =
			staffById(profile, created.routing.managerId)?.name ?? created.routing.managerId;
		const responsible = sentence(
			`${manager}, ${organisationName(profile, created.routing.organisationId)}`,
		);
		const message = `Die Aufnahme von ${intake.person.firstName} ${intake.person.lastName} ist gespeichert (Fallnummer ${created.case.id}). Zuständig: ${responsible}`;
		return { caseId: created.case.id, message, result: created };
	},
	async plan(core, input, options) {
		const caseId = needCase(input.caseId);
		const plan = await core.savePlan(input.actor, caseId, input.data, {
			...documenting(input, options),
			expectedVersion: input.seenVersion,
		});
		const what =
			plan.version === 1
				? 'Der Integrationsplan ist erstellt'
				: `Der Integrationsplan ist fortgeschrieben (Fassung ${plan.version})`;
		return {
			caseId,
			message: `${what}. Nächste Überprüfung: ${germanDate(plan.reviewDate)}.`,
			result: plan,
		};
	},
	async contact(core, input, options) {
		const caseId = needCase(input.caseId);
		const contact = await core.logContact(
			input.actor,
			caseId,
			input.data,
			documenting(input, options),
		);
		const c = input.data as unknown as Contact;
		const channel = valueLabel('contact.schema.json', 'channel', c.channel);
		return {
			caseId,
			message: `Der Beratungskontakt vom ${germanDate(c.date)} (${channel}, ${c.minutes} Minuten) ist gespeichert.`,
			result: contact,
		};
	},
	async referral(core, input, options) {
		const caseId = needCase(input.caseId);
		const referral = await core.createReferral(
			input.actor,
			caseId,
			input.data,
			documenting(input, options),
		);
		const r = input.data as unknown as Referral;
		const service = serviceName(core.context.profile, r.serviceId);
		return {
			caseId,
			message: `Die Weitervermittlung an „${service}“ vom ${germanDate(r.date)} ist gespeichert.`,
			result: referral,
		};
	},
	async closure(core, input, options) {
		const caseId = needCase(input.caseId);
		const closed = await core.closeCase(input.actor, caseId, input.data, {
			...options,
			expectedVersion: input.seenVersion,
		});
		const c = input.data as unknown as Closure;
		const reason = valueLabel('closure.schema.json', 'reason', c.reason);
		return {
			caseId,
			message: `Der Fall ist zum ${germanDate(c.date)} beendet (${reason}).`,
			result: closed,
		};
	},
};
