import { DomainError } from '../errors';
import { describeClaim, resolveActor, type ResolvedActor } from '../access/actor';
import type { AuditOutcome } from '../store/database';
import { appendAudit } from './audit';
import type { CoreContext, Tx } from './context';

export interface OperationSpec {
	/** Stable action name, e.g. `case.create`; also the idempotency scope of a submission id. */
	action: string;
	caseId?: string | null;
	submissionId?: string;
	onReplay?: () => void;
}

export interface OperationOutcome<R> {
	result: R;
	caseId?: string | null;
	detail?: string;
}

const outcomeByCode: Partial<Record<string, AuditOutcome>> = {
	FORBIDDEN: 'denied',
	CONFLICT: 'conflict',
	NOT_FOUND: 'not_found',
};

/**
 * Runs one core operation: checks the actor, replays a known submission id, runs the body in one
 * transaction and writes exactly one audit row (inside the transaction on success, after the rollback
 * on failure, so a rejected write changes nothing but the log).
 */
export async function runOperation<R>(
	ctx: CoreContext,
	claim: unknown,
	spec: OperationSpec,
	body: (trx: Tx, actor: ResolvedActor) => Promise<OperationOutcome<R>>,
): Promise<R> {
	const db = ctx.store.db;
	const at = () => ctx.clock.now().toISOString();
	let actor: ResolvedActor;
	try {
		actor = resolveActor(ctx.profile, claim);
	} catch (error) {
		await appendAudit(db, { actor: describeClaim(claim), action: spec.action, caseId: spec.caseId, outcome: 'denied', detail: (error as Error).message, at: at() });
		throw error;
	}
	const submissionId = spec.submissionId;
	if (submissionId !== undefined) {
		if (typeof submissionId !== 'string' || !/^[A-Za-z0-9._:-]{1,200}$/.test(submissionId)) {
			const error = new DomainError('VALIDATION_FAILED', 'Die Kennung der Übermittlung (submissionId) ist ungültig: 1–200 Zeichen aus Buchstaben, Ziffern und . _ : -.');
			await appendAudit(db, { actor, action: spec.action, caseId: spec.caseId, outcome: 'rejected', detail: error.message, at: at() });
			throw error;
		}
		const replay = await replayed<R>(ctx, actor, spec, submissionId, at());
		if (replay) return replay.result;
	}

	try {
		return await db.transaction().execute(async (trx) => {
			const outcome = await body(trx, actor);
			const caseId = outcome.caseId ?? spec.caseId ?? null;
			if (submissionId !== undefined) {
				await trx
					.insertInto('submissions')
					.values({ submission_id: submissionId, operation: spec.action, case_id: caseId, result_json: JSON.stringify(outcome.result), created_at: at() })
					.execute();
			}
			await appendAudit(trx, { actor, action: spec.action, caseId, outcome: 'ok', detail: outcome.detail, at: at() });
			return outcome.result;
		});
	} catch (error) {
		if (submissionId !== undefined && isUniqueViolation(error)) {
			// A parallel request with the same submission id committed first: answer with its result.
			const replay = await replayed<R>(ctx, actor, spec, submissionId, at());
			if (replay) return replay.result;
		}
		const outcome = error instanceof DomainError ? (outcomeByCode[error.code] ?? 'rejected') : 'failed';
		await appendAudit(db, { actor, action: spec.action, caseId: spec.caseId, outcome, detail: (error as Error).message, at: at() });
		throw error;
	}
}

async function replayed<R>(ctx: CoreContext, actor: ResolvedActor, spec: OperationSpec, submissionId: string, at: string): Promise<{ result: R } | undefined> {
	const row = await ctx.store.db.selectFrom('submissions').selectAll().where('submission_id', '=', submissionId).executeTakeFirst();
	if (!row) return undefined;
	if (row.operation !== spec.action) {
		const error = new DomainError(
			'SUBMISSION_REUSED',
			`Die Kennung der Übermittlung „${submissionId}“ wurde bereits für eine andere Aktion verwendet.`,
			{ details: { submissionId, firstOperation: row.operation } },
		);
		await appendAudit(ctx.store.db, { actor, action: spec.action, caseId: spec.caseId, outcome: 'rejected', detail: error.message, at });
		throw error;
	}
	await appendAudit(ctx.store.db, { actor, action: spec.action, caseId: row.case_id, outcome: 'replayed', detail: `Übermittlung ${submissionId} bereits verarbeitet`, at });
	spec.onReplay?.();
	return { result: JSON.parse(row.result_json) as R };
}

function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; message?: string; errcode?: number };
	return e?.code === '23505' || /UNIQUE constraint failed: submissions/.test(String(e?.message));
}
