import { today } from '../clock';
import { SystemActor } from '../access/actor';
import { assertMayPollEvents } from '../access/policy';
import type { CoreContext, Tx } from '../service/context';
import { runOperation } from '../service/operation';
import { finders, type FindWindow } from './event-finders';
import type { CaseEvent, PollOptions, PollResult } from './event-types';

export * from './event-types';

/** The Case Event Trigger acts as the installation, not as a person. */
export const caseEventTriggerActor = new SystemActor('case-event-trigger', 'Case Event Trigger');

/**
 * Finds what happened (outbox events) and what has become due (reviews, overdue referrals, limits), and
 * returns only events this trigger has not emitted before. Emission is recorded in the same transaction,
 * so an event is neither emitted twice nor skipped between polls, also with several workers.
 */
export function pollCaseEvents(ctx: CoreContext, options: PollOptions): Promise<PollResult> {
	const action = options.record ? 'events.poll' : 'events.preview';
	return runOperation(ctx, caseEventTriggerActor, { action }, async (trx, actor) => {
		assertMayPollEvents(actor);
		const maxSeqRow = await trx
			.selectFrom('case_events')
			.select((eb) => eb.fn.max('seq').as('max'))
			.executeTakeFirst();
		const maxSeq = Number(maxSeqRow?.max ?? 0);
		// First poll: history before activation is not replayed; conditions that are due now are.
		const fromSeq = options.lastSeq ?? maxSeq;
		const baselineSeq = options.baselineSeq ?? fromSeq;
		const window: FindWindow = {
			day: today(ctx.clock),
			now: ctx.clock.now(),
			fromSeq,
			baselineSeq,
			options,
		};
		const candidates: CaseEvent[] = [];
		for (const finder of finders.filter((f) => f.types.some((t) => options.types.includes(t)))) {
			candidates.push(
				...(await finder.find(ctx, trx, window)).filter((e) => options.types.includes(e.event)),
			);
		}
		if (!options.record) {
			const events = candidates.slice(0, options.previewLimit ?? 10);
			return {
				result: { events, lastSeq: fromSeq, baselineSeq },
				detail: `${options.triggerId}: Vorschau mit ${events.length} Ereignissen`,
			};
		}
		const events = await recordEmissions(
			trx,
			options.triggerId,
			candidates,
			window.now.toISOString(),
		);
		return {
			result: { events, lastSeq: Math.max(maxSeq, fromSeq), baselineSeq },
			detail: `${options.triggerId}: ${events.length} neue Ereignisse`,
		};
	});
}

/** Marks the candidates as emitted by this trigger; returns those it had not emitted before. */
async function recordEmissions(
	trx: Tx,
	triggerId: string,
	candidates: CaseEvent[],
	at: string,
): Promise<CaseEvent[]> {
	const fresh: CaseEvent[] = [];
	for (let i = 0; i < candidates.length; i += 200) {
		const chunk = candidates.slice(i, i + 200);
		const inserted = await trx
			.insertInto('trigger_emissions')
			.values(chunk.map((e) => ({ trigger_id: triggerId, event_key: e.eventKey, emitted_at: at })))
			.onConflict((oc) => oc.columns(['trigger_id', 'event_key']).doNothing())
			.returning('event_key')
			.execute();
		const keys = new Set(inserted.map((r) => r.event_key));
		fresh.push(...chunk.filter((e) => keys.has(e.eventKey)));
	}
	return fresh;
}
