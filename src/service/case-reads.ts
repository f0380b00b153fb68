import * as caseFile from './case-file';
import * as caseload from './caseload';
import * as cases from './cases';
import * as overview from './overview';
import type { CoreContext } from './context';

/** The reads of cases, bound to one district (part of `createCore`): one case, a search, the case file, the caseload, the overview. */
export function caseReads(ctx: CoreContext) {
	return {
		getCase: (actor: unknown, caseId: string) => cases.getCase(ctx, actor, caseId),
		searchCases: (actor: unknown, search?: cases.CaseSearch) =>
			cases.searchCases(ctx, actor, search),
		getCaseFile: (actor: unknown, caseId: string) => caseFile.getCaseFile(ctx, actor, caseId),
		/** The actor's cases for the workplace list, due first. */
		caseload: (actor: unknown, filter?: caseload.CaseloadFilter) =>
			caseload.caseload(ctx, actor, filter),
		/** Open and due cases per provider and manager (the coordinator's overview). */
		caseOverview: (actor: unknown) => overview.caseOverview(ctx, actor),
	};
}
