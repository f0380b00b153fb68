import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';
import { today } from '../clock';
import { assertTransition } from '../lifecycle/case-status';
import { assertNotBefore, assertNotInFuture } from '../lifecycle/date-checks';
import { assertCounsellingAllowed } from '../lifecycle/duration';
import { validateInput } from '../validation/validate';
import {
	loadCase,
	recordEvent,
	recordStatus,
	toCaseRecord,
	touchCase,
	type CaseRecord,
} from './case-rows';
import type { Tx } from './context';
import type { Closure, Reopening } from '../generated/types';
import type { ClosureTable } from '../store/database';
import { caseWrite } from './case-write';
import { caseToWrite } from './documenting';

/** A closure needs a reason, asked for before anything else is checked (the form's first question). */
function assertReasonGiven(input: unknown): void {
	const reason = (input as { reason?: unknown } | null)?.reason;
	if (reason !== undefined && reason !== null && reason !== '') return;
	const message =
		'Eine Beendigung braucht einen Grund (z. B. selbständig, Umzug, Kontaktabbruch, Höchstdauer erreicht).';
	throw new DomainError('VALIDATION_FAILED', message, {
		fieldErrors: [{ path: '/reason', field: 'Grund der Beendigung', message }],
	});
}

/** The closure as the report reads it: reason, outcomes as flags, the whole closure as JSON (also the seed's rows). */
export function closureRow(closure: Closure, caseId: string, at: string, by: string): ClosureTable {
	const { outcomes } = closure;
	return {
		id: randomUUID(),
		case_id: caseId,
		closed_on: closure.date,
		reason: closure.reason,
		reason_note: closure.reasonNote ?? null,
		moved_to: closure.movedTo ?? null,
		own_tenancy: outcomes.ownTenancy ? 1 : 0,
		german_level: outcomes.germanLevel ?? null,
		employment_social_insurance: outcomes.employmentSocialInsurance ? 1 : 0,
		training_internship_study: outcomes.trainingInternshipStudy ? 1 : 0,
		data_json: JSON.stringify(closure),
		reopened_on: null,
		reopen_reason: null,
		created_at: at,
		created_by: by,
	};
}

/** The open closure of a case records when and why it was reopened (the report counts reopenings from it). */
async function markLastClosureReopened(
	trx: Tx,
	caseId: string,
	reopening: Reopening,
): Promise<void> {
	const last = await trx
		.selectFrom('closures')
		.select('id')
		.where('case_id', '=', caseId)
		.where('reopened_on', 'is', null)
		.orderBy('closed_on', 'desc')
		.executeTakeFirst();
	if (!last) return;
	await trx
		.updateTable('closures')
		.set({ reopened_on: reopening.date, reopen_reason: reopening.reason })
		.where('id', '=', last.id)
		.execute();
}

/** Ends the counselling with a reason and the outcomes the funder counts. */
export const closeCase = caseWrite<CaseRecord>('case.close', async (write) => {
	const { ctx, trx, who, input } = write;
	const row = await caseToWrite(write, 'document');
	if (row.status === 'closed') {
		throw new DomainError('ILLEGAL_TRANSITION', 'Der Fall ist bereits beendet.', {
			details: { closedOn: row.closed_on },
		});
	}
	assertReasonGiven(input);
	const closure = validateInput('closure', input);
	assertNotInFuture(closure.date, today(ctx.clock), 'date', 'Datum der Beendigung');
	assertNotBefore(closure.date, row.opened_on, 'date', 'Datum der Beendigung', 'der Aufnahme');
	assertTransition(row.status, 'closed');
	const at = ctx.clock.now().toISOString();
	await trx
		.insertInto('closures')
		.values(closureRow(closure, row.id, at, who.staffId))
		.execute();
	await recordStatus(trx, row.id, row.status, 'closed', closure.date, at, who.staffId);
	await touchCase(trx, row, { status: 'closed', closed_on: closure.date }, at);
	await recordEvent(trx, row.id, 'case.closed', { reason: closure.reason, date: closure.date }, at);
	return { result: toCaseRecord(ctx, await loadCase(ctx, trx, row.id)), detail: closure.reason };
});

/** Reopens a closed case; the maximum duration still counts from the first intake. */
export const reopenCase = caseWrite<CaseRecord>('case.reopen', async (write) => {
	const { ctx, trx, who, input } = write;
	const row = await caseToWrite(write, 'document');
	const reopening = validateInput('reopen', input);
	if (row.status !== 'closed')
		throw new DomainError(
			'ILLEGAL_TRANSITION',
			'Nur ein beendeter Fall kann wieder aufgenommen werden.',
		);
	assertNotInFuture(reopening.date, today(ctx.clock), 'date', 'Datum der Wiederaufnahme');
	assertNotBefore(
		reopening.date,
		row.closed_on ?? row.opened_on,
		'date',
		'Datum der Wiederaufnahme',
		'der Beendigung',
	);
	assertCounsellingAllowed(row.opened_on, row.extension_reason, reopening.date);
	const hasPlan = await trx
		.selectFrom('plans')
		.select('id')
		.where('case_id', '=', row.id)
		.executeTakeFirst();
	const to = hasPlan ? 'active' : 'intake';
	assertTransition('closed', to);
	const at = ctx.clock.now().toISOString();
	await markLastClosureReopened(trx, row.id, reopening);
	await recordStatus(trx, row.id, 'closed', to, reopening.date, at, who.staffId);
	await touchCase(trx, row, { status: to, closed_on: null }, at);
	await recordEvent(trx, row.id, 'case.reopened', { date: reopening.date, status: to }, at);
	return { result: toCaseRecord(ctx, await loadCase(ctx, trx, row.id)), detail: reopening.reason };
});
