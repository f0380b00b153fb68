import type { ResolvedActor } from '../access/actor';
import { assertCaseAccess } from '../access/policy';
import { today } from '../clock';
import { assertOpen } from '../lifecycle/case-status';
import { assertNotBefore, assertNotInFuture } from '../lifecycle/date-checks';
import { assertCounsellingAllowed } from '../lifecycle/duration';
import { assertExpectedVersion, loadCase, type CaseRow } from './case-rows';
import type { CoreContext, Tx, WriteOptions } from './context';

/**
 * The guards every piece of counselling documentation passes: the case exists in this district, the actor
 * may document in it, the client's version is current, the case is not closed, the date is plausible and
 * within the maximum duration (3 years, or 4 with a recorded justification).
 */
export async function caseForDocumenting(
	ctx: CoreContext,
	trx: Tx,
	who: ResolvedActor,
	caseId: string,
	options: WriteOptions,
	doc: { what: string; date: string; dateField: string; dateLabel: string },
): Promise<CaseRow> {
	const row = await loadCase(ctx, trx, caseId, true);
	assertCaseAccess(who, 'document', row);
	assertExpectedVersion(row, options.expectedVersion);
	assertOpen(row.status, row.closed_on, doc.what);
	assertNotInFuture(doc.date, today(ctx.clock), doc.dateField, doc.dateLabel);
	assertNotBefore(doc.date, row.opened_on, doc.dateField, doc.dateLabel, 'der Aufnahme');
	assertCounsellingAllowed(row.opened_on, row.extension_reason, doc.date);
	return row;
}
