import type { ResolvedActor } from '../access/actor';
import type { CaseAction } from '../access/policy';
import type { CoreContext, Tx, WriteOptions } from './context';
import { runOperation, type OperationOutcome } from './operation';

/** What the body of a write on one case works with: the transaction, the checked actor, the call's arguments. */
export interface CaseWrite<I = unknown> {
	ctx: CoreContext;
	trx: Tx;
	who: ResolvedActor;
	/** The case's internal id (a readable number the caller gave is resolved by the runner). */
	caseId: string;
	input: I;
	options: WriteOptions;
}

/** The case a write works on, without its input (what the case guards need). */
export type OnCase = Omit<CaseWrite, 'input'>;

/**
 * A write on one case as a core operation `(ctx, actor, caseId, input, options)`, `caseId` being the case's id or its
 * number: the runner gets the write options (submission id, expected version, justification) with the action and
 * the case; a replay needs `replayAccess` on the case (default `document`).
 */
export function caseWrite<R, I = unknown>(
	action: string,
	body: (write: CaseWrite<I>) => Promise<OperationOutcome<R>>,
	replayAccess?: CaseAction,
) {
	return (
		ctx: CoreContext,
		actor: unknown,
		caseId: string,
		input: I,
		options: WriteOptions = {},
	): Promise<R> => {
		const spec = { ...options, action, caseId, ...(replayAccess ? { replayAccess } : {}) };
		return runOperation(ctx, actor, spec, (trx, who, id) =>
			body({ ctx, trx, who, caseId: id, input, options }),
		);
	};
}
