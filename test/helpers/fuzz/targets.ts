import type { Core } from '../../../src/core';
import { parseProfile } from '../../../src/districts/profile';
import type { FormKind } from '../../../src/forms/form-definitions';
import type { Intake } from '../../../src/generated/types';
import { loadShippedDefinition, parseDefinition } from '../../../src/report/definitions';
import { inputKinds, type InputKind } from '../../../src/validation/validate';
import { loadShippedProfile } from '../../../src/districts/profile';
import {
	actorFor,
	emmendingen,
	validClosure,
	validContact,
	validIntake,
	validPlan,
} from '../fixtures';

/**
 * What the fuzz test mutates: for every input kind a valid input that uses as many fields as possible, and the core
 * operation (or parser) that takes it. `prepare` builds the state the operation needs (a case of its own per kind, so
 * that accepting one base input does not change another kind's preconditions) and returns the call.
 */
export const profile = emmendingen();
export const manager = actorFor(profile, 'em-caritas-01');
/** The day the fuzzed core lives on (every base date lies before it, within 3 years of the intake). */
export const fuzzNow = '2026-06-01T10:00:00Z';

export function richIntake(): Intake {
	const base = validIntake();
	return {
		...base,
		person: { ...base.person, email: 'amina.haddad@example.org' },
		residence: {
			status: 'ukraine_temporary_protection',
			validUntil: '2027-03-01',
			statusNote: 'Fiktionsbescheinigung',
			ukraineEntryDate: '2024-02-01',
			ukraineRegistrationDate: '2024-02-15',
		},
		note: 'Erstgespräch\nmit Dolmetscherin',
	};
}

const richUpdate = () => {
	const intake = richIntake();
	return {
		municipality: intake.municipality,
		accommodation: 'own_tenancy',
		person: intake.person,
		household: intake.household,
		residence: intake.residence,
		languages: ['Arabisch', 'Deutsch'],
		extensionJustification: {
			reason: 'Ausbildung endet im Sommer, Begleitung bis zur Prüfung nötig.',
			date: '2026-05-01',
		},
		note: 'Umzug in eigene Wohnung',
	};
};

export const bases = {
	intake: richIntake,
	plan: () => validPlan('2025-06-01', '2025-12-01'),
	contact: () => validContact('2025-06-02'),
	referral: () => ({
		date: '2025-05-02',
		serviceId: 'psz',
		reason: 'Traumaberatung',
		note: 'Termin vereinbart',
	}),
	referralStatus: () => ({
		status: 'accepted',
		date: '2025-05-10',
		note: 'Erstgespräch am 12.05.',
	}),
	closure: () => ({
		...validClosure('2025-06-01'),
		reason: 'other',
		reasonNote: 'Rückkehr in die Ukraine',
		movedTo: 'Kyjiw',
		note: 'Abschlussgespräch',
	}),
	reopen: () => ({ date: '2025-07-01', reason: 'Neuer Bedarf' }),
	caseUpdate: richUpdate,
	caseFileChange: () => ({
		validFrom: '2026-03-02',
		municipality: richIntake().municipality,
		person: { germanLevel: 'B1', occupation: 'employed_social_insurance' },
		members: [{ member: 1, germanLevel: 'B2', occupation: 'vocational_training' }],
		joined: [
			{ firstName: 'Samira', lastName: 'Haddad', birthDate: '2026-02-20', relationship: 'child' },
		],
		left: [3],
		note: 'Geburt und Auszug\nim März',
	}),
	reassign: () => ({ managerId: 'em-caritas-02' }),
	referralFeedback: () => ({
		referralId: REFERRAL_PLACEHOLDER,
		status: 'accepted',
		date: '2026-05-20',
		note: 'Termin am\n2. Juni',
	}),
	actor: () => ({ ...manager }),
	districtProfile: () => loadShippedProfile('wehr'),
	reportDefinition: () => loadShippedDefinition(),
} satisfies Record<InputKind, () => unknown>;

export type Call = (input: unknown) => Promise<unknown>;

/** Stands for the referral prepared for a feedback input (its id is known only once the referral exists). */
export const REFERRAL_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/** The input with the prepared referral's id where it still has the placeholder (a mutant keeps what it changed). */
export function withReferral(input: unknown, referralId: string): unknown {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
	const record = input as Record<string, unknown>;
	return record.referralId === REFERRAL_PLACEHOLDER ? { ...record, referralId } : input;
}

/** A case in counselling with an open referral. */
async function caseWithReferral(core: Core): Promise<{ caseId: string; referralId: string }> {
	const caseId = await activeCase(core);
	const referral = await core.createReferral(manager, caseId, {
		date: '2026-05-02',
		serviceId: profile.services[0].id,
		reason: 'Psychologische Beratung',
	});
	return { caseId, referralId: referral.id };
}

async function activeCase(core: Core): Promise<string> {
	const id = (await core.createCase(manager, { intake: validIntake() })).case.id;
	await core.createPlan(manager, id, validPlan());
	return id;
}

async function closedCase(core: Core): Promise<string> {
	const id = (await core.createCase(manager, { intake: validIntake() })).case.id;
	await core.closeCase(manager, id, validClosure('2025-06-01'));
	return id;
}

/** An operation on a case of its own (with a plan, in counselling). */
const onActiveCase =
	(operation: (core: Core, caseId: string, input: unknown) => Promise<unknown>) =>
	async (core: Core): Promise<Call> => {
		const id = await activeCase(core);
		return (input) => operation(core, id, input);
	};

/** A change of an active case of its own that names the version the client saw (read from the store, not audited). */
const withVersion =
	(operation: (core: Core, caseId: string, input: unknown, version: number) => Promise<unknown>) =>
	async (core: Core): Promise<Call> => {
		const id = await activeCase(core);
		const version = async () =>
			Number(
				(
					await core.context.store.db
						.selectFrom('cases')
						.select('version')
						.where('id', '=', id)
						.executeTakeFirstOrThrow()
				).version,
			);
		return async (input) => operation(core, id, input, await version());
	};

/** The core operation per input kind, on a case prepared for it. */
export const coreCalls: Record<InputKind, (core: Core) => Promise<Call>> = {
	intake: async (core) => (input) => core.createCase(manager, { intake: input }),
	plan: onActiveCase((core, id, input) => core.continuePlan(manager, id, input)),
	contact: onActiveCase((core, id, input) => core.logContact(manager, id, input)),
	referral: onActiveCase((core, id, input) => core.createReferral(manager, id, input)),
	referralStatus: async (core) => {
		const referral = await core.createReferral(manager, await activeCase(core), bases.referral());
		return (input) => core.setReferralStatus(manager, referral.id, input);
	},
	closure: onActiveCase((core, id, input) => core.closeCase(manager, id, input)),
	reopen: async (core) => {
		const id = await closedCase(core);
		return (input) => core.reopenCase(manager, id, input);
	},
	caseUpdate: withVersion((core, id, input, expectedVersion) =>
		core.updateCase(manager, id, input, { expectedVersion }),
	),
	caseFileChange: withVersion((core, id, input, expectedVersion) =>
		core.changeCaseFile(manager, id, input, { expectedVersion }),
	),
	reassign: withVersion((core, id, input, expectedVersion) =>
		core.reassignCase(manager, id, input, { expectedVersion }),
	),
	referralFeedback: async (core) => {
		const { caseId, referralId } = await caseWithReferral(core);
		return (input) => core.recordReferralFeedback(manager, caseId, withReferral(input, referralId));
	},
	actor: onActiveCase((core, id, claim) => core.getCase(claim, id)),
	districtProfile: async () => async (input) => parseProfile(input),
	reportDefinition: async () => async (input) => parseDefinition(input),
};

/** Kinds whose entry writes to the store (and an audit row per call); the other two are parsers. */
export const storeKinds = (Object.keys(inputKinds) as InputKind[]).filter(
	(k) => k !== 'districtProfile' && k !== 'reportDefinition',
);

/** How a form is opened for the fuzz over HTTP: its query (`?case=…`) and what the posted data gets filled in. */
export interface FormOpening {
	query: string;
	fill: (data: unknown) => unknown;
}

const asIs = (data: unknown) => data;
const forCase = async (id: Promise<string>): Promise<FormOpening> => ({
	query: `?case=${await id}`,
	fill: asIs,
});

/** A form that changes the case's state sends the version its page was built from (hidden `caseInfo`). */
const seenVersion =
	(opening: (core: Core) => Promise<FormOpening & { caseId: string }>) =>
	async (core: Core): Promise<FormOpening> => {
		const { query, fill, caseId } = await opening(core);
		const version = (
			await core.context.store.db
				.selectFrom('cases')
				.select('version')
				.where('id', '=', caseId)
				.executeTakeFirstOrThrow()
		).version;
		return {
			query,
			fill: (data) => {
				const filled = fill(data);
				return typeof filled === 'object' && filled !== null && !Array.isArray(filled)
					? { ...filled, caseInfo: { version: Number(version) } }
					: filled;
			},
		};
	};
const activeForm = async (core: Core) => {
	const caseId = await activeCase(core);
	return { caseId, query: `?case=${caseId}`, fill: asIs };
};

/** The forms, their input kind and the case each is opened for. */
export const formKinds: {
	form: FormKind;
	kind: InputKind;
	open: (core: Core) => Promise<FormOpening>;
}[] = [
	{ form: 'intake', kind: 'intake', open: async () => ({ query: '', fill: asIs }) },
	{ form: 'plan', kind: 'plan', open: (core) => forCase(activeCase(core)) },
	{ form: 'contact', kind: 'contact', open: (core) => forCase(activeCase(core)) },
	{ form: 'referral', kind: 'referral', open: (core) => forCase(activeCase(core)) },
	{
		form: 'referralFeedback',
		kind: 'referralFeedback',
		open: async (core) => {
			const { caseId, referralId } = await caseWithReferral(core);
			return { query: `?case=${caseId}`, fill: (data) => withReferral(data, referralId) };
		},
	},
	{ form: 'caseFileChange', kind: 'caseFileChange', open: seenVersion(activeForm) },
	{ form: 'closure', kind: 'closure', open: (core) => forCase(activeCase(core)) },
	{ form: 'reopen', kind: 'reopen', open: (core) => forCase(closedCase(core)) },
	{ form: 'reassign', kind: 'reassign', open: seenVersion(activeForm) },
];

export { activeCase };
