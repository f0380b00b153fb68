import { DomainError, auditOutcomeOf } from '../errors';
import { describeClaim, resolveActor, type ResolvedActor } from '../access/actor';
import { assertCaseAccess, type CaseAction } from '../access/policy';
import { appendAudit } from './audit';
import { isPlausibleId } from './case-rows';
import { caseIdOf } from './case-number-store';
import type { CoreContext, Db, Tx } from './context';

/** What the runner needs of an operation; a write's options (`WriteOptions`) may be spread into it. */
export interface OperationSpec {
	/** Stable action name, e.g. `case.create`; also the idempotency scope of a submission id. */
	action: string;
	/** The case the operation works on: its id or its readable number (`EM-2026-00042`), resolved once by the runner. */
	caseId?: string | null;
	submissionId?: string;
	onReplay?: () => void;
	/** What a replayed submission needs on its case today (default `document`): a replay is checked like the original. */
	replayAccess?: CaseAction;
}

export interface OperationOutcome<R> {
	result: R;
	caseId?: string | null;
	detail?: string;
}

type Body<Q, R> = (queries: Q, actor: ResolvedActor) => Promise<OperationOutcome<R>>;

/** A write's or read's body; `caseId` is the internal id of the case the spec names (a number already resolved). */
type CaseBody<R> = (trx: Tx, actor: ResolvedActor, caseId: string) => Promise<OperationOutcome<R>>;

/**
 * The one operation runner of the core. Every operation — writes, reads, reports, polls, system actors —
 * checks the actor, runs its body and writes exactly one audit row: inside the transaction on success,
 * after the rollback on failure, so a refused write changes nothing but the log.
 * Writes run in one transaction and are idempotent on a submission id.
 */
export function runOperation<R>(
	ctx: CoreContext,
	claim: unknown,
	spec: OperationSpec,
	body: CaseBody<R>,
): Promise<R> {
	// The audit row, also of a refusal, names the case by its id once a number is resolved.
	const audit: OperationSpec = { ...spec };
	return audited(ctx, claim, audit, async (actor) => {
		const submissionId = spec.submissionId;
		if (submissionId !== undefined) {
			checkSubmissionId(submissionId);
			const replay = await replayed<R>(ctx, actor, spec, submissionId);
			if (replay) return replay;
		}
		try {
			return await ctx.store.db.transaction().execute(async (trx) => {
				audit.caseId = await namedCase(ctx, trx, spec.caseId);
				// Operations without a case (search, intake) get no id and do not read it.
				const outcome = await body(trx, actor, audit.caseId as string);
				const caseId = outcome.caseId ?? audit.caseId ?? null;
				if (submissionId !== undefined) {
					await trx
						.insertInto('submissions')
						.values({
							submission_id: submissionId,
							operation: spec.action,
							actor_id: actor.staffId,
							case_id: caseId,
							result_json: JSON.stringify(outcome.result),
							created_at: now(ctx),
						})
						.execute();
				}
				await appendAudit(trx, {
					actor,
					action: spec.action,
					caseId,
					outcome: 'ok',
					detail: outcome.detail,
					at: now(ctx),
				});
				return { ...outcome, audited: true };
			});
		} catch (error) {
			// A parallel request with the same submission id committed first: answer with its result.
			const replay =
				submissionId !== undefined && isUniqueViolation(error)
					? await replayed<R>(ctx, actor, spec, submissionId)
					: undefined;
			if (replay) return replay;
			throw error;
		}
	});
}

/**
 * A read that needs no write lock (the funder report over the whole district): the same actor check and
 * the same single audit row as every other operation, outside a write transaction.
 */
export function runQuery<R>(
	ctx: CoreContext,
	claim: unknown,
	spec: Omit<OperationSpec, 'submissionId' | 'onReplay' | 'replayAccess'>,
	body: Body<Db, R>,
): Promise<R> {
	return audited(ctx, claim, spec, (actor) => body(ctx.store.db, actor));
}

interface Ran<R> extends OperationOutcome<R> {
	/** The body wrote its own audit row (a replay, or inside the committed transaction). */
	audited?: boolean;
}

async function audited<R>(
	ctx: CoreContext,
	claim: unknown,
	spec: OperationSpec,
	run: (actor: ResolvedActor) => Promise<Ran<R>>,
): Promise<R> {
	let actor: ResolvedActor | undefined;
	try {
		actor = resolveActor(ctx.profile, claim);
		const outcome = await run(actor);
		if (!outcome.audited) {
			await appendAudit(ctx.store.db, {
				actor,
				action: spec.action,
				caseId: outcome.caseId ?? spec.caseId,
				outcome: 'ok',
				detail: outcome.detail,
				at: now(ctx),
			});
		}
		return outcome.result;
	} catch (error) {
		const who = actor ?? describeClaim(claim);
		await appendAudit(ctx.store.db, {
			actor: who,
			action: spec.action,
			caseId: spec.caseId,
			outcome: auditOutcomeOf(error),
			detail: (error as Error).message,
			at: now(ctx),
		});
		throw error;
	}
}

/**
 * Records a refusal that happened before a core operation could run — a form's schema errors, a body that is
 * no JSON, a failed login: exactly one audit row (the actor as far as it can be named), nothing else.
 * `detail` replaces the error's message in the row when the log must say more than the person is told (a lock).
 */
export async function recordRefusal(
	ctx: CoreContext,
	claim: unknown,
	spec: { action: string; caseId?: string | null; detail?: string },
	error: Error,
): Promise<void> {
	let who: ResolvedActor | ReturnType<typeof describeClaim>;
	try {
		who = resolveActor(ctx.profile, claim);
	} catch {
		who = describeClaim(claim);
	}
	await appendAudit(ctx.store.db, {
		actor: who,
		action: spec.action,
		caseId: spec.caseId,
		outcome: auditOutcomeOf(error),
		detail: spec.detail ?? error.message,
		at: now(ctx),
	});
}

const now = (ctx: CoreContext) => ctx.clock.now().toISOString();

/**
 * The one place where a case number becomes the case's id, for every operation on a case: what is no plausible id
 * stays as it is (the case's loader refuses it in German), a number is looked up in this district.
 */
async function namedCase(
	ctx: CoreContext,
	trx: Tx,
	ref: string | null | undefined,
): Promise<string | null | undefined> {
	return isPlausibleId(ref) ? caseIdOf(ctx, trx, ref) : ref;
}

function checkSubmissionId(submissionId: unknown): void {
	if (typeof submissionId !== 'string' || !/^[A-Za-z0-9._:-]{1,200}$/.test(submissionId)) {
		throw new DomainError(
			'VALIDATION_FAILED',
			'Die Kennung der Übermittlung (submissionId) ist ungültig: 1–200 Zeichen aus Buchstaben, Ziffern und . _ : -.',
		);
	}
}

/**
 * The first result of a known submission id — only for the same action, the same person, and a case that
 * person may still work on: a replay never returns what the caller could not get by doing it again.
 */
async function replayed<R>(
	ctx: CoreContext,
	actor: ResolvedActor,
	spec: OperationSpec,
	submissionId: string,
): Promise<Ran<R> | undefined> {
	const row = await ctx.store.db
		.selectFrom('submissions')
		.selectAll()
		.where('submission_id', '=', submissionId)
		.executeTakeFirst();
	if (!row) return undefined;
	if (row.operation !== spec.action) {
		throw new DomainError(
			'SUBMISSION_REUSED',
			`Die Kennung der Übermittlung „${submissionId}“ wurde bereits für eine andere Aktion verwendet.`,
			{
				details: { submissionId, firstOperation: row.operation },
			},
		);
	}
	if (row.actor_id !== null && row.actor_id !== actor.staffId) {
		throw new DomainError(
			'FORBIDDEN',
			`Die Übermittlung „${submissionId}“ stammt von einer anderen Person und kann nicht wiederholt werden.`,
			{
				details: { submissionId },
			},
		);
	}
	if (row.case_id) {
		const scope = await ctx.store.db
			.selectFrom('cases')
			.select('organisation_id')
			.where('id', '=', row.case_id)
			.where('district_id', '=', ctx.profile.id)
			.executeTakeFirst();
		if (!scope)
			throw new DomainError('NOT_FOUND', `Fall ${row.case_id} wurde nicht gefunden.`, {
				details: { caseId: row.case_id },
			});
		assertCaseAccess(actor, spec.replayAccess ?? 'document', scope);
	}
	await appendAudit(ctx.store.db, {
		actor,
		action: spec.action,
		caseId: row.case_id,
		outcome: 'replayed',
		detail: `Übermittlung ${submissionId} bereits verarbeitet`,
		at: now(ctx),
	});
	spec.onReplay?.();
	return { result: JSON.parse(row.result_json) as R, caseId: row.case_id, audited: true };
}

function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; message?: string };
	return e?.code === '23505' || /UNIQUE constraint failed: submissions/.test(String(e?.message));
}
