import { limitLeadDays, limitNear, reviewDueUntil, reviewLeadDays } from '../lifecycle/due';
import { addDays, germanDate } from '../lifecycle/dates';
import { currentLimit, REGULAR_YEARS, MAXIMUM_YEARS } from '../lifecycle/duration';
import { serviceName } from '../districts/profile';
import { printable } from '../text';
import { overdueReferralRows } from '../service/referral-lists';
import { caseNumberColumns, placeColumns } from '../service/case-rows';
import { caseNumberOf, type CaseNumberColumns } from '../service/case-numbers';
import type { CoreContext, Tx } from '../service/context';
import {
	caseEventLabels,
	type CaseEvent,
	type CaseEventType,
	type PollOptions,
} from './event-types';

/** What a finder needs besides the store: the day, the sequence window of the outbox and the trigger's options. */
export interface FindWindow {
	day: string;
	now: Date;
	fromSeq: number;
	baselineSeq: number;
	options: PollOptions;
}

type CaseFields = Pick<
	CaseEvent,
	'caseId' | 'caseNumber' | 'managerId' | 'organisationId' | 'municipality'
>;
type Finder = (ctx: CoreContext, trx: Tx, window: FindWindow) => Promise<CaseEvent[]>;

const caseFields = (
	ctx: CoreContext,
	r: CaseNumberColumns & {
		id: string;
		manager_id: string;
		organisation_id: string;
		municipality_ags: string;
	},
): CaseFields => ({
	caseId: r.id,
	caseNumber: caseNumberOf(ctx.profile, r),
	managerId: r.manager_id,
	organisationId: r.organisation_id,
	municipality: r.municipality_ags,
});

const event = (
	type: CaseEventType,
	key: string,
	message: string,
	date: string,
	fields: CaseFields,
	extra: Partial<CaseEvent> = {},
): CaseEvent => ({
	event: type,
	eventKey: `${type}:${key}`,
	label: caseEventLabels[type],
	message,
	date,
	...fields,
	...extra,
});

/** Events committed up to this long after their `created_at` are still found (long transactions). */
const LOOKBACK_MINUTES = 15;
const outboxTypes = { caseCreated: 'case.created', caseClosed: 'case.closed' } as const;

/** What happened: new and closed cases from the outbox, after the trigger's last sequence (and a short look back). */
const outbox: Finder = async (ctx, trx, { now, fromSeq, baselineSeq, options }) => {
	const wanted = options.types.filter((t): t is keyof typeof outboxTypes => t in outboxTypes);
	if (!wanted.length) return [];
	const since = new Date(now.getTime() - LOOKBACK_MINUTES * 60_000).toISOString();
	const rows = await trx
		.selectFrom('case_events')
		.innerJoin('cases', 'cases.id', 'case_events.case_id')
		.select([
			'case_events.seq',
			'case_events.type',
			'case_events.created_at',
			'case_events.payload_json',
			'cases.id',
			...placeColumns,
			...caseNumberColumns,
		])
		.where('cases.district_id', '=', ctx.profile.id)
		.where(
			'case_events.type',
			'in',
			wanted.map((t) => outboxTypes[t]),
		)
		// Besides everything after the last seen sequence, look back a little: a long transaction may commit
		// an earlier sequence number after a later one was already seen. The emission table drops repeats.
		.where((eb) =>
			options.lastSeq === undefined
				? eb('case_events.seq', '>', fromSeq)
				: eb.or([
						eb('case_events.seq', '>', fromSeq),
						eb.and([
							eb('case_events.created_at', '>=', since),
							eb('case_events.seq', '>', baselineSeq),
						]),
					]),
		)
		.orderBy('case_events.seq')
		.execute();
	return rows.map((r) => {
		const created = r.type === 'case.created';
		const date =
			(JSON.parse(r.payload_json) as { date?: string }).date ?? r.created_at.slice(0, 10);
		const message = created
			? `Neuer Fall zugewiesen an ${r.manager_id}.`
			: `Fall beendet am ${germanDate(date)}.`;
		return event(
			created ? 'caseCreated' : 'caseClosed',
			String(r.seq),
			message,
			date,
			caseFields(ctx, r),
		);
	});
};

/** Active cases whose latest plan is due for review within the lead days. */
const planReviewDue: Finder = async (ctx, trx, { day, options }) => {
	const lead = reviewLeadDays(ctx.profile, options.reviewLeadDays);
	const latest = trx
		.selectFrom('plans')
		.select(['case_id', (eb) => eb.fn.max('version').as('version')])
		.groupBy('case_id')
		.as('latest');
	const rows = await trx
		.selectFrom('plans')
		.innerJoin(latest, (join) =>
			join
				.onRef('latest.case_id', '=', 'plans.case_id')
				.onRef('latest.version', '=', 'plans.version'),
		)
		.innerJoin('cases', 'cases.id', 'plans.case_id')
		.select([
			'plans.id as planId',
			'plans.version',
			'plans.review_date',
			'cases.id',
			...placeColumns,
			...caseNumberColumns,
		])
		.where('cases.district_id', '=', ctx.profile.id)
		.where('cases.status', '=', 'active')
		.where('plans.review_date', '<=', reviewDueUntil(day, lead))
		.execute();
	return rows.map((r) => {
		const message = `Die Überprüfung des Integrationsplans (Fassung ${r.version}) ist am ${germanDate(r.review_date)} fällig.`;
		return event('planReviewDue', r.planId, message, r.review_date, caseFields(ctx, r), {
			planVersion: Number(r.version),
		});
	});
};

/** Open referrals without an answer after the district's overdue days. */
const referralOverdue: Finder = async (ctx, trx, { day }) => {
	const days = ctx.profile.settings.referralOverdueDays;
	const rows = await overdueReferralRows(trx, ctx.profile, day);
	return rows.map((r) => {
		const overdueFrom = addDays(r.referred_on, days);
		// Escaped: the message ends up in e-mails and sheets; a profile read without validation may carry anything.
		const message = `Die Weitervermittlung an „${printable(serviceName(ctx.profile, r.service_id))}“ vom ${germanDate(r.referred_on)} ist seit ${germanDate(overdueFrom)} ohne Rückmeldung.`;
		return event(
			'referralOverdue',
			r.id,
			message,
			overdueFrom,
			caseFields(ctx, { ...r, id: r.case_id }),
			{ referralId: r.id },
		);
	});
};

/** Open cases whose limit (3 years, or 4 with a justification) is within the lead days. */
const limitApproaching: Finder = async (ctx, trx, { day, options }) => {
	const lead = limitLeadDays(ctx.profile, options.limitLeadDays);
	const rows = await trx
		.selectFrom('cases')
		.select([
			'cases.id',
			'cases.opened_on',
			'cases.extension_reason',
			...placeColumns,
			...caseNumberColumns,
		])
		.where('district_id', '=', ctx.profile.id)
		.where('status', '!=', 'closed')
		.execute();
	return rows.flatMap((r) => {
		const limit = currentLimit(r.opened_on, Boolean(r.extension_reason));
		if (!limitNear(limit.date, day, lead)) return [];
		const message =
			limit.years === REGULAR_YEARS
				? `Die Beratung erreicht am ${germanDate(limit.date)} die Regeldauer von ${REGULAR_YEARS} Jahren. Danach nur mit dokumentierter Begründung, höchstens bis ${MAXIMUM_YEARS} Jahre.`
				: `Die Beratung endet spätestens am ${germanDate(limit.date)} (Höchstdauer ${MAXIMUM_YEARS} Jahre).`;
		return [
			event('limitApproaching', `${r.id}:${limit.date}`, message, limit.date, caseFields(ctx, r)),
		];
	});
};

/** Which finder produces which event types (the outbox finder serves two). */
export const finders: { types: CaseEventType[]; find: Finder }[] = [
	{ types: ['caseCreated', 'caseClosed'], find: outbox },
	{ types: ['planReviewDue'], find: planReviewDue },
	{ types: ['referralOverdue'], find: referralOverdue },
	{ types: ['limitApproaching'], find: limitApproaching },
];
