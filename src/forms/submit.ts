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
	return enumLabel((loadSchema(schemaFile).properties as Record<string, Record<string, unknown>>)[property], value);
}

function needCase(caseId: string | undefined): string {
	if (!caseId) throw new DomainError('NOT_FOUND', 'Dieses Formular gehört zu einem Fall. Bitte über den Link aus der Fallakte öffnen (…?case=<Fallnummer>).');
	return caseId;
}

/** Stores a validated form submission through the core (one operation per form, idempotent on the submission id). */
export async function storeSubmission(core: Core, input: SubmitInput): Promise<SubmitOutcome> {
	let replayed = false;
	const outcome = await storeOnce(core, input, () => (replayed = true));
	return { ...outcome, replayed };
}

async function storeOnce(core: Core, input: SubmitInput, onReplay: () => void): Promise<Omit<SubmitOutcome, 'replayed'>> {
	const { actor, submissionId } = input;
	const profile = core.context.profile;
	// A justification for counselling beyond 3 years travels with the documentation it allows (one core call).
	const documenting = { submissionId, onReplay, extensionJustification: input.extras.extensionJustification };
	switch (input.kind) {
		case 'intake': {
			const created = await core.createCase(actor, { intake: input.data }, { submissionId, onReplay });
			const intake = input.data as unknown as Intake;
			const manager = staffById(profile, created.routing.managerId)?.name ?? created.routing.managerId;
			return {
				caseId: created.case.id,
				message: `Die Aufnahme von ${intake.person.firstName} ${intake.person.lastName} ist gespeichert (Fallnummer ${created.case.id}). Zuständig: ${sentence(`${manager}, ${organisationName(profile, created.routing.organisationId)}`)}`,
				result: created,
			};
		}
		case 'plan': {
			const caseId = needCase(input.caseId);
			const plan = await core.savePlan(actor, caseId, input.data, { ...documenting, expectedVersion: input.seenVersion });
			const what = plan.version === 1 ? 'Der Integrationsplan ist erstellt' : `Der Integrationsplan ist fortgeschrieben (Fassung ${plan.version})`;
			return { caseId, message: `${what}. Nächste Überprüfung: ${germanDate(plan.reviewDate)}.`, result: plan };
		}
		case 'contact': {
			const caseId = needCase(input.caseId);
			const contact = await core.logContact(actor, caseId, input.data, documenting);
			const c = input.data as unknown as Contact;
			const channel = valueLabel('contact.schema.json', 'channel', c.channel);
			return { caseId, message: `Der Beratungskontakt vom ${germanDate(c.date)} (${channel}, ${c.minutes} Minuten) ist gespeichert.`, result: contact };
		}
		case 'referral': {
			const caseId = needCase(input.caseId);
			const referral = await core.createReferral(actor, caseId, input.data, documenting);
			const r = input.data as unknown as Referral;
			const service = serviceName(profile, r.serviceId);
			return { caseId, message: `Die Weitervermittlung an „${service}“ vom ${germanDate(r.date)} ist gespeichert.`, result: referral };
		}
		case 'closure': {
			const caseId = needCase(input.caseId);
			const closed = await core.closeCase(actor, caseId, input.data, { submissionId, expectedVersion: input.seenVersion, onReplay });
			const c = input.data as unknown as Closure;
			const reason = valueLabel('closure.schema.json', 'reason', c.reason);
			return { caseId, message: `Der Fall ist zum ${germanDate(c.date)} beendet (${reason}).`, result: closed };
		}
	}
}
