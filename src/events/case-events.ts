import { today } from '../clock';
import { addDays, germanDate } from '../lifecycle/dates';
import { limitsFor } from '../lifecycle/duration';
import { overdueCutoff } from '../lifecycle/referral-status';
import { appendAudit } from '../service/audit';
import type { CoreContext } from '../service/context';
import { printable } from '../text';

export type CaseEventType = 'caseCreated' | 'planReviewDue' | 'referralOverdue' | 'limitApproaching' | 'caseClosed';

export const caseEventLabels: Record<CaseEventType, string> = {
	caseCreated: 'Neuer Fall',
	planReviewDue: 'Überprüfung des Integrationsplans fällig',
	referralOverdue: 'Weitervermittlung überfällig',
	limitApproaching: 'Höchstdauer der Beratung naht',
	caseClosed: 'Fall beendet',
};

/** One event as a trigger emits it: ids and dates only, no personal data. */
export interface CaseEvent {
	event: CaseEventType;
	/** Unique per event; emitted once per trigger. */
	eventKey: string;
	label: string;
	message: string;
	caseId: string;
	managerId: string;
	organisationId: string;
	municipality: string;
	date: string;
	referralId?: string;
	planVersion?: number;
}

export interface PollOptions {
	/** Stable id of the trigger (workflow id + node id). */
	triggerId: string;
	types: CaseEventType[];
	/** Highest case_events sequence seen by this trigger; undefined on the first poll. */
	lastSeq?: number;
	/** Highest sequence at activation: what happened before is history and never emitted. */
	baselineSeq?: number;
	/** Days before the review date / the limit that count as "due". */
	reviewLeadDays?: number;
	limitLeadDays?: number;
	/** false: preview only (manual test), nothing is marked as emitted. */
	record: boolean;
	/** Preview size when not recording. */
	previewLimit?: number;
}

/** Events committed up to this long after their `created_at` are still found (long transactions). */
const LOOKBACK_MINUTES = 15;

/**
 * Finds what happened (outbox events) and what has become due (reviews, overdue referrals, limits), and
 * returns only events this trigger has not emitted before. Emission is recorded in the same transaction,
 * so an event is neither emitted twice nor skipped between polls, also with several workers.
 */
export async function pollCaseEvents(ctx: CoreContext, options: PollOptions): Promise<{ events: CaseEvent[]; lastSeq: number; baselineSeq: number }> {
	const db = ctx.store.db;
	const now = ctx.clock.now();
	const day = today(ctx.clock);
	const districtId = ctx.profile.id;
	const candidates: CaseEvent[] = [];
	const maxSeqRow = await db.selectFrom('case_events').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
	const maxSeq = Number(maxSeqRow?.max ?? 0);
	// First poll: history before activation is not replayed; conditions that are due now are.
	const fromSeq = options.lastSeq ?? maxSeq;
	const baselineSeq = options.baselineSeq ?? fromSeq;
	const outboxTypes = { caseCreated: 'case.created', caseClosed: 'case.closed' } as const;
	const wantedOutbox = options.types.filter((t): t is keyof typeof outboxTypes => t in outboxTypes);
	if (wantedOutbox.length) {
		const since = new Date(now.getTime() - LOOKBACK_MINUTES * 60_000).toISOString();
		const rows = await db
			.selectFrom('case_events')
			.innerJoin('cases', 'cases.id', 'case_events.case_id')
			.select(['case_events.seq', 'case_events.type', 'case_events.created_at', 'case_events.payload_json', 'cases.id', 'cases.manager_id', 'cases.organisation_id', 'cases.municipality_ags'])
			.where('cases.district_id', '=', districtId)
			.where('case_events.type', 'in', wantedOutbox.map((t) => outboxTypes[t]))
			// Besides everything after the last seen sequence, look back a little: a long transaction may commit
			// an earlier sequence number after a later one was already seen. The emission table drops repeats.
			.where((eb) =>
				options.lastSeq === undefined
					? eb('case_events.seq', '>', fromSeq)
					: eb.or([eb('case_events.seq', '>', fromSeq), eb.and([eb('case_events.created_at', '>=', since), eb('case_events.seq', '>', baselineSeq)])]),
			)
			.orderBy('case_events.seq')
			.execute();
		for (const r of rows) {
			const event: CaseEventType = r.type === 'case.created' ? 'caseCreated' : 'caseClosed';
			const payload = JSON.parse(r.payload_json) as { date?: string };
			const date = payload.date ?? r.created_at.slice(0, 10);
			candidates.push({
				event,
				eventKey: `${event}:${r.seq}`,
				label: caseEventLabels[event],
				message: event === 'caseCreated' ? `Neuer Fall zugewiesen an ${r.manager_id}.` : `Fall beendet am ${germanDate(date)}.`,
				caseId: r.id,
				managerId: r.manager_id,
				organisationId: r.organisation_id,
				municipality: r.municipality_ags,
				date,
			});
		}
	}
	if (options.types.includes('planReviewDue')) {
		const lead = options.reviewLeadDays ?? ctx.profile.settings.planReviewLeadDays ?? 7;
		const latest = db.selectFrom('plans').select(['case_id', (eb) => eb.fn.max('version').as('version')]).groupBy('case_id').as('latest');
		const rows = await db
			.selectFrom('plans')
			.innerJoin(latest, (join) => join.onRef('latest.case_id', '=', 'plans.case_id').onRef('latest.version', '=', 'plans.version'))
			.innerJoin('cases', 'cases.id', 'plans.case_id')
			.select(['plans.id as planId', 'plans.version', 'plans.review_date', 'cases.id', 'cases.manager_id', 'cases.organisation_id', 'cases.municipality_ags'])
			.where('cases.district_id', '=', districtId)
			.where('cases.status', '=', 'active')
			.where('plans.review_date', '<=', addDays(day, lead))
			.execute();
		for (const r of rows) {
			candidates.push({
				event: 'planReviewDue',
				eventKey: `planReviewDue:${r.planId}`,
				label: caseEventLabels.planReviewDue,
				message: `Die Überprüfung des Integrationsplans (Fassung ${r.version}) ist am ${germanDate(r.review_date)} fällig.`,
				caseId: r.id,
				managerId: r.manager_id,
				organisationId: r.organisation_id,
				municipality: r.municipality_ags,
				date: r.review_date,
				planVersion: Number(r.version),
			});
		}
	}
	if (options.types.includes('referralOverdue')) {
		const days = ctx.profile.settings.referralOverdueDays;
		const rows = await db
			.selectFrom('referrals')
			.innerJoin('cases', 'cases.id', 'referrals.case_id')
			.select(['referrals.id as referralId', 'referrals.referred_on', 'referrals.service_id', 'cases.id', 'cases.manager_id', 'cases.organisation_id', 'cases.municipality_ags'])
			.where('cases.district_id', '=', districtId)
			.where('cases.status', '!=', 'closed')
			.where('referrals.status', '=', 'open')
			.where('referrals.referred_on', '<=', overdueCutoff(day, days))
			.execute();
		for (const r of rows) {
			// Escaped: the message ends up in e-mails and sheets; a profile read without validation may carry anything.
			const service = printable(ctx.profile.services.find((s) => s.id === r.service_id)?.name ?? r.service_id);
			candidates.push({
				event: 'referralOverdue',
				eventKey: `referralOverdue:${r.referralId}`,
				label: caseEventLabels.referralOverdue,
				message: `Die Weitervermittlung an „${service}“ vom ${germanDate(r.referred_on)} ist seit ${germanDate(addDays(r.referred_on, days))} ohne Rückmeldung.`,
				caseId: r.id,
				managerId: r.manager_id,
				organisationId: r.organisation_id,
				municipality: r.municipality_ags,
				date: addDays(r.referred_on, days),
				referralId: r.referralId,
			});
		}
	}
	if (options.types.includes('limitApproaching')) {
		const lead = options.limitLeadDays ?? ctx.profile.settings.limitLeadDays;
		const rows = await db
			.selectFrom('cases')
			.select(['id', 'opened_on', 'extension_reason', 'manager_id', 'organisation_id', 'municipality_ags'])
			.where('district_id', '=', districtId)
			.where('status', '!=', 'closed')
			.execute();
		for (const r of rows) {
			const limits = limitsFor(r.opened_on);
			const limit = r.extension_reason ? limits.maximumEnd : limits.regularEnd;
			if (addDays(limit, -lead) > day) continue;
			const years = r.extension_reason ? 4 : 3;
			candidates.push({
				event: 'limitApproaching',
				eventKey: `limitApproaching:${r.id}:${limit}`,
				label: caseEventLabels.limitApproaching,
				message:
					years === 3
						? `Die Beratung erreicht am ${germanDate(limit)} die Regeldauer von 3 Jahren. Danach nur mit dokumentierter Begründung, höchstens bis 4 Jahre.`
						: `Die Beratung endet spätestens am ${germanDate(limit)} (Höchstdauer 4 Jahre).`,
				caseId: r.id,
				managerId: r.manager_id,
				organisationId: r.organisation_id,
				municipality: r.municipality_ags,
				date: limit,
			});
		}
	}
	if (!options.record) {
		return { events: candidates.slice(0, options.previewLimit ?? 10), lastSeq: options.lastSeq ?? maxSeq, baselineSeq };
	}
	const emitted = await db.transaction().execute(async (trx) => {
		const fresh: CaseEvent[] = [];
		const at = now.toISOString();
		for (let i = 0; i < candidates.length; i += 200) {
			const chunk = candidates.slice(i, i + 200);
			const inserted = await trx
				.insertInto('trigger_emissions')
				.values(chunk.map((e) => ({ trigger_id: options.triggerId, event_key: e.eventKey, emitted_at: at })))
				.onConflict((oc) => oc.columns(['trigger_id', 'event_key']).doNothing())
				.returning('event_key')
				.execute();
			const keys = new Set(inserted.map((r) => r.event_key));
			fresh.push(...chunk.filter((e) => keys.has(e.eventKey)));
		}
		await appendAudit(trx, {
			actor: { staffId: 'system:case-event-trigger', role: 'system', organisationId: districtId },
			action: 'events.poll',
			outcome: 'ok',
			detail: `${options.triggerId}: ${fresh.length} neue Ereignisse`,
			at,
		});
		return fresh;
	});
	return { events: emitted, lastSeq: Math.max(maxSeq, fromSeq), baselineSeq };
}
