import { assertCaseAccess, type CaseAction } from '../access/policy';
import { today } from '../clock';
import { assertOpen } from '../lifecycle/case-status';
import { assertNotBefore, assertNotInFuture } from '../lifecycle/date-checks';
import { assertCounsellingAllowed } from '../lifecycle/duration';
import { assertExpectedVersion, loadCase, recordEvent, type CaseRow } from './case-rows';
import type { CoreContext, Tx } from './context';
import type { OnCase } from './case-write';
import type { ExtensionJustification } from '../generated/types';
import { validateInput } from '../validation/validate';

/** The case a write changes: locked, in the actor's scope for this kind of change, at the version the client saw. */
export async function caseToWrite(
	{ ctx, trx, who, caseId, options }: OnCase,
	access: CaseAction,
): Promise<CaseRow> {
	const row = await loadCase(ctx, trx, caseId, true);
	assertCaseAccess(who, access, row);
	assertExpectedVersion(row, options.expectedVersion);
	return row;
}

/** What a piece of documentation is called in messages (`what`), and its date field with its German label. */
export interface DocumentGuard {
	what: string;
	dateField: string;
	dateLabel: string;
	/** What the actor needs on the case (default `document`). */
	access?: CaseAction;
}

/**
 * The guards every piece of counselling documentation passes: the case exists in this district, the actor
 * may document in it, the client's version is current, the case is not closed, the date is plausible and
 * within the maximum duration (3 years, or 4 with a recorded justification).
 */
export async function caseForDocumenting(
	write: OnCase,
	doc: DocumentGuard,
	date: string,
): Promise<CaseRow> {
	const { ctx, trx, options } = write;
	const loaded = await caseToWrite(write, doc.access ?? 'document');
	assertOpen(loaded.status, loaded.closed_on, doc.what);
	const row =
		options.extensionJustification === undefined
			? loaded
			: await recordJustification(ctx, trx, loaded, options.extensionJustification);
	assertNotInFuture(date, today(ctx.clock), doc.dateField, doc.dateLabel);
	assertNotBefore(date, row.opened_on, doc.dateField, doc.dateLabel, 'der Aufnahme');
	assertCounsellingAllowed(row.opened_on, row.extension_reason, date);
	return row;
}

/** A justification is dated on or after the intake and not in the future. */
export function checkJustification(
	ctx: CoreContext,
	row: CaseRow,
	justification: ExtensionJustification,
): void {
	const field = 'extensionJustification/date';
	assertNotInFuture(justification.date, today(ctx.clock), field, 'Begründung – Datum');
	assertNotBefore(justification.date, row.opened_on, field, 'Begründung – Datum', 'der Aufnahme');
}

/**
 * Records the justification with the documentation it allows. The case's version is raised once, by the
 * documentation's own write, which still checks the version the row was read with.
 */
async function recordJustification(
	ctx: CoreContext,
	trx: Tx,
	row: CaseRow,
	input: unknown,
): Promise<CaseRow> {
	const { extensionJustification: justification } = validateInput('caseUpdate', {
		extensionJustification: input,
	});
	if (!justification) return row;
	checkJustification(ctx, row, justification);
	await trx
		.updateTable('cases')
		.set({ extension_reason: justification.reason, extension_on: justification.date })
		.where('id', '=', row.id)
		.where('version', '=', row.version)
		.execute();
	await recordEvent(
		trx,
		row.id,
		'case.updated',
		{ fields: ['extensionJustification'] },
		ctx.clock.now().toISOString(),
	);
	return { ...row, extension_reason: justification.reason, extension_on: justification.date };
}
