import type { Core } from '../core';
import type { WriteOptions } from '../service/context';
import type { Actor, Closure, Contact, Intake, Referral } from '../generated/types';
import { germanDate } from '../lifecycle/dates';
import { organisationName, serviceName, staffById } from '../districts/profile';
import { enumLabel, loadSchema } from '../validation/schema-labels';
import { DomainError } from '../errors';
import { referralStatusLabels } from '../lifecycle/referral-status';
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
	/** Internal id of the case (for the workflow's next node). */
	caseId: string;
	/** The case's readable number (`EM-2026-00042`): what messages and e-mails name. */
	caseNumber: string;
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
			'Dieses Formular gehört zu einem Fall. Bitte den Fall unter „Meine Fälle“ öffnen und den Schritt dort wählen.',
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
type Replay = { submissionId: string; onReplay: () => void };
type Storer = (core: Core, input: SubmitInput, replay: Replay) => Promise<Stored>;
/** What every write on a case gives back: a record that names its case (`caseId`), or the case itself (`id`). */
type OnCaseResult = { caseNumber: string } & ({ caseId: string } | { id: string });
type CaseWrite<R extends OnCaseResult> = (
	core: Core,
	actor: Actor,
	caseId: string,
	data: unknown,
	options: WriteOptions,
) => Promise<R>;

/**
 * A form of a case: one core call, then the German confirmation. Forms that change the case's state send the version
 * their page was built from (a stale page is a conflict); documentation carries a justification for counselling
 * beyond 3 years, if the form asked for one, into the same write.
 */
function onCase<R extends OnCaseResult>(
	write: CaseWrite<R>,
	confirm: (data: Record<string, unknown>, result: R, core: Core) => string,
	uses: { version: boolean; justification: boolean },
): Storer {
	return async (core, input, replay) => {
		const options: WriteOptions = { ...replay };
		if (uses.version) options.expectedVersion = input.seenVersion;
		if (uses.justification) options.extensionJustification = input.extras.extensionJustification;
		const result = await write(core, input.actor, needCase(input.caseId), input.data, options);
		const caseId = 'caseId' in result ? result.caseId : result.id;
		const message = confirm(input.data, result, core);
		return { caseId, caseNumber: result.caseNumber, message, result };
	};
}

/** One core call per form, and the German confirmation the manager reads. */
const storers: Record<FormKind, Storer> = {
	async intake(core, input, replay) {
		const created = await core.createCase(input.actor, { intake: input.data }, replay);
		const intake = input.data as unknown as Intake;
		const profile = core.context.profile;
		const manager =
			staffById(profile, created.routing.managerId)?.name ?? created.routing.managerId;
		const responsible = sentence(
			`${manager}, ${organisationName(profile, created.routing.organisationId)}`,
		);
		const message = `Die Aufnahme von ${intake.person.firstName} ${intake.person.lastName} ist gespeichert (Fallnummer ${created.case.caseNumber}). Zuständig: ${responsible}`;
		const { id: caseId, caseNumber } = created.case;
		return { caseId, caseNumber, message, result: created };
	},
	plan: onCase(
		(core, ...args) => core.savePlan(...args),
		(_data, plan) => {
			const what =
				plan.version === 1
					? 'Der Integrationsplan ist erstellt'
					: `Der Integrationsplan ist fortgeschrieben (Fassung ${plan.version})`;
			return `${what}. Nächste Überprüfung: ${germanDate(plan.reviewDate)}.`;
		},
		{ version: true, justification: true },
	),
	contact: onCase(
		(core, ...args) => core.logContact(...args),
		(data) => {
			const c = data as unknown as Contact;
			const channel = valueLabel('contact.schema.json', 'channel', c.channel);
			return `Der Beratungskontakt vom ${germanDate(c.date)} (${channel}, ${c.minutes} Minuten) ist gespeichert.`;
		},
		{ version: false, justification: true },
	),
	referral: onCase(
		(core, ...args) => core.createReferral(...args),
		(data, _referral, core) => {
			const r = data as unknown as Referral;
			return `Die Weitervermittlung an „${serviceName(core.context.profile, r.serviceId)}“ vom ${germanDate(r.date)} ist gespeichert.`;
		},
		{ version: false, justification: true },
	),
	referralFeedback: onCase(
		(core, ...args) => core.recordReferralFeedback(...args),
		(_data, referral) => {
			const status = referralStatusLabels[referral.status];
			return `Die Rückmeldung von „${referral.serviceName}“ ist gespeichert: ${status} am ${germanDate(referral.statusOn)}.`;
		},
		{ version: false, justification: false },
	),
	caseFileChange: onCase(
		(core, ...args) => core.changeCaseFile(...args),
		(data) =>
			`Die Veränderung ist in der Fallakte gespeichert (gültig ab ${germanDate(String(data.validFrom))}).`,
		{ version: true, justification: false },
	),
	reopen: onCase(
		(core, ...args) => core.reopenCase(...args),
		(data) => `Der Fall ist zum ${germanDate(String(data.date))} wieder aufgenommen.`,
		{ version: true, justification: false },
	),
	reassign: onCase(
		(core, ...args) => core.reassignCase(...args),
		(_data, record, core) => {
			const profile = core.context.profile;
			const manager = staffById(profile, record.managerId)?.name ?? record.managerId;
			return `Der Fall ist ab heute ${manager} (${organisationName(profile, record.organisationId)}) zugewiesen.`;
		},
		{ version: true, justification: false },
	),
	closure: onCase(
		(core, ...args) => core.closeCase(...args),
		(data) => {
			const c = data as unknown as Closure;
			return `Der Fall ist zum ${germanDate(c.date)} beendet (${valueLabel('closure.schema.json', 'reason', c.reason)}).`;
		},
		{ version: true, justification: false },
	),
};
