import type { Actor } from '../generated/types';
import type { FormKind } from './form-definitions';

/** What a successful POST hands to the workflow. */
export interface FormEmission {
	kind: FormKind;
	data: Record<string, unknown>;
	extras: Record<string, unknown>;
	actor: Actor;
	submissionId: string;
	/** The case as the form's link named it (`?case=`); once stored, its internal id. */
	caseId?: string;
	/** The case's readable number (`EM-2026-00042`, when the trigger saves): what e-mails and notes name. */
	caseNumber?: string;
	/** The stored record (when the trigger saves). */
	result?: unknown;
}

/** What the trigger hands to its workflow: the whole submission, or only what identifies it. */
export type EmissionOutput = 'full' | 'ids';

/**
 * The item of the workflow without personal data: which form, which case (id and readable number), which
 * submission and who made it. For forms whose workflow needs nothing more (the further steps of the case file), so
 * that n8n's execution list holds no names, dates of birth or notes (data minimisation, DSGVO Art. 5 (1) c).
 */
export function emissionOf(
	emission: FormEmission,
	output: EmissionOutput,
): Record<string, unknown> {
	if (output === 'full') return { ...emission };
	const { kind, submissionId, caseId, caseNumber, actor } = emission;
	return {
		kind,
		submissionId,
		...(caseId ? { caseId } : {}),
		...(caseNumber ? { caseNumber } : {}),
		actor: { staffId: actor.staffId, role: actor.role, organisationId: actor.organisationId },
	};
}
