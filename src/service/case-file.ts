import { assertCaseAccess } from '../access/policy';
import { loadCase, toCaseRecord, type CaseRecord } from './case-rows';
import type { CoreContext } from './context';
import { runOperation } from './operation';
import { readPlanView, type PlanView } from './plans';

/** What a page about one case starts from: the case and its integration plan, if there is one yet. */
export interface CaseFile {
	case: CaseRecord;
	plan: PlanView | null;
}

/** Reads the case file in one operation (one audit row `case.read`), with the actor's read rights. */
export function getCaseFile(ctx: CoreContext, actor: unknown, caseId: string): Promise<CaseFile> {
	return runOperation(ctx, actor, { action: 'case.read', caseId }, async (trx, who, id) => {
		const row = await loadCase(ctx, trx, id);
		assertCaseAccess(who, 'read', row);
		const plan = await readPlanView(ctx, trx, row);
		return {
			result: { case: toCaseRecord(ctx, row), plan },
			detail: plan
				? `mit Integrationsplan Fassung ${plan.current.version}`
				: 'ohne Integrationsplan',
		};
	});
}
