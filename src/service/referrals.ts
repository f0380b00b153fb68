import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';
import type { ReferralState } from '../store/database';
import { assertNotBefore } from '../lifecycle/date-checks';
import { assertReferralTransition } from '../lifecycle/referral-status';
import { validateInput } from '../validation/validate';
import { enumValueForLabel, loadSchema } from '../validation/schema-labels';
import { isPlausibleId, recordEvent, touchCase } from './case-rows';
import type { CoreContext, Tx, WriteOptions } from './context';
import type { ResolvedActor } from '../access/actor';
import { caseWrite } from './case-write';
import { caseForDocumenting } from './documenting';
import { runOperation } from './operation';
import { toReferralRecord, type ReferralRecord } from './referral-record';

export type { ReferralRecord } from './referral-record';

/** The service of the district's directory a referral names. */
function serviceFromDirectory(ctx: CoreContext, serviceId: string) {
	const service = ctx.profile.services.find((s) => s.id === serviceId);
	if (service) return service;
	const message = `„${serviceId}“ steht nicht im Dienste-Verzeichnis von „${ctx.profile.name}“.`;
	throw new DomainError('UNKNOWN_SERVICE', `Fachdienst: ${message}`, {
		fieldErrors: [{ path: '/serviceId', field: 'Fachdienst', message }],
	});
}

/** Every state of a referral is a row in its history. */
async function recordReferralEvent(
	trx: Tx,
	referralId: string,
	change: { status: ReferralState; date: string; note?: string },
	at: string,
	by: string,
): Promise<void> {
	await trx
		.insertInto('referral_events')
		.values({
			referral_id: referralId,
			status: change.status,
			event_on: change.date,
			note: change.note ?? null,
			created_at: at,
			created_by: by,
		})
		.execute();
}

const referralGuard = {
	what: 'Eine Weitervermittlung',
	dateField: 'date',
	dateLabel: 'Datum der Weitervermittlung',
};
const statusGuard = {
	what: 'Ein neuer Stand der Weitervermittlung',
	dateField: 'date',
	dateLabel: 'Datum',
	access: 'answerReferral' as const,
};

/** Refers the client to a specialised service from the district's directory; status "offen". */
export const createReferral = caseWrite<ReferralRecord>('referral.create', async (write) => {
	const { ctx, trx, who, input } = write;
	const referral = validateInput('referral', input);
	const service = serviceFromDirectory(ctx, referral.serviceId);
	const row = await caseForDocumenting(write, referralGuard, referral.date);
	const at = ctx.clock.now().toISOString();
	const id = randomUUID();
	const values = {
		id,
		case_id: row.id,
		service_id: service.id,
		reason: referral.reason,
		note: referral.note ?? null,
		referred_on: referral.date,
		status: 'open' as const,
		status_on: referral.date,
		created_at: at,
		created_by: who.staffId,
		updated_at: at,
	};
	await trx.insertInto('referrals').values(values).execute();
	await recordReferralEvent(
		trx,
		id,
		{ status: 'open', date: referral.date, note: referral.note },
		at,
		who.staffId,
	);
	await touchCase(trx, row, {}, at);
	await recordEvent(trx, row.id, 'referral.created', { referralId: id, serviceId: service.id }, at);
	return { result: toReferralRecord(ctx, values, row), detail: service.id };
});

/** A status change may name the new state by its German label (angenommen, abgelehnt, abgeschlossen). */
function withStatusValue(input: unknown): unknown {
	if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'status')) return input;
	const status = (input as { status: unknown }).status;
	const node = (
		loadSchema('referral-status.schema.json').properties as Record<string, Record<string, unknown>>
	).status;
	const value = enumValueForLabel(node, status);
	// Only a label is replaced (a spread copies own keys as data, never through a prototype setter); anything else
	// reaches the validator exactly as it came.
	return value === status ? input : { ...input, status: value };
}

/** The referral a status change names (no case check yet: that follows with the case's guards). */
async function loadReferral(trx: Tx, referralId: unknown) {
	if (!isPlausibleId(referralId)) {
		throw new DomainError('NOT_FOUND', 'Keine gültige Kennung der Weitervermittlung angegeben.');
	}
	const referral = await trx
		.selectFrom('referrals')
		.selectAll()
		.where('id', '=', referralId)
		.executeTakeFirst();
	if (!referral)
		throw new DomainError('NOT_FOUND', `Weitervermittlung ${referralId} wurde nicht gefunden.`);
	return referral;
}

/** The new state of a referral: checked against the case's guards and the referral's transitions, then stored. */
async function applyStatusChange(
	ctx: CoreContext,
	trx: Tx,
	who: ResolvedActor,
	referralId: unknown,
	input: unknown,
	options: WriteOptions,
) {
	const change = validateInput('referralStatus', withStatusValue(input));
	const referral = await loadReferral(trx, referralId);
	const onCase = { ctx, trx, who, caseId: referral.case_id, options };
	const row = await caseForDocumenting(onCase, statusGuard, change.date);
	assertReferralTransition(referral.status, change.status);
	assertNotBefore(change.date, referral.status_on, 'date', 'Datum', 'dem letzten Stand');
	const at = ctx.clock.now().toISOString();
	await trx
		.updateTable('referrals')
		.set({ status: change.status, status_on: change.date, updated_at: at })
		.where('id', '=', referral.id)
		.execute();
	await recordReferralEvent(trx, referral.id, change, at, who.staffId);
	await touchCase(trx, row, {}, at);
	await recordEvent(
		trx,
		row.id,
		'referral.status',
		{ referralId: referral.id, status: change.status },
		at,
	);
	const updated = await trx
		.selectFrom('referrals')
		.selectAll()
		.where('id', '=', referral.id)
		.executeTakeFirstOrThrow();
	return {
		result: toReferralRecord(ctx, updated, row),
		caseId: row.id,
		detail: `${referral.status} → ${change.status}`,
	};
}

/** A referral's new state as one operation; `target` names the referral and the change (checked inside the run). */
function statusOperation(
	ctx: CoreContext,
	actor: unknown,
	options: WriteOptions,
	target: () => { referralId: unknown; change: unknown },
): Promise<ReferralRecord> {
	const spec = { ...options, action: 'referral.status', replayAccess: 'answerReferral' as const };
	return runOperation(ctx, actor, spec, (trx, who) => {
		const { referralId, change } = target();
		return applyStatusChange(ctx, trx, who, referralId, change, options);
	});
}

/** Records the service's answer: angenommen / abgelehnt, later abgeschlossen. */
export function setReferralStatus(
	ctx: CoreContext,
	actor: unknown,
	referralId: string,
	input: unknown,
	options: WriteOptions = {},
): Promise<ReferralRecord> {
	return statusOperation(ctx, actor, options, () => ({ referralId, change: input }));
}

/**
 * The same for an answer as one object — `{ referralId, status, date, note }`, e.g. the body of a JSON interface —
 * checked as a whole: anything but these keys, and any value of the wrong type, is refused in German.
 */
export function answerReferral(
	ctx: CoreContext,
	actor: unknown,
	answer: unknown,
	options: WriteOptions = {},
): Promise<ReferralRecord> {
	return statusOperation(ctx, actor, options, () => {
		if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
			throw new DomainError(
				'VALIDATION_FAILED',
				'Die Rückmeldung muss ein JSON-Objekt sein: { referralId, status, date, note }.',
			);
		}
		const { referralId, ...change } = answer as Record<string, unknown>;
		return { referralId, change };
	});
}

/**
 * The manager enters a service's answer on the case page: `{ referralId, status, date, note }` of a referral of this
 * case (another case's referral is not found here, whatever its id), then the same rules as every status change.
 */
export const recordReferralFeedback = caseWrite<ReferralRecord>(
	'referral.status',
	async ({ ctx, trx, who, caseId, input, options }) => {
		const { referralId, ...change } = validateInput('referralFeedback', withStatusValue(input));
		const referral = await loadReferral(trx, referralId);
		if (referral.case_id !== caseId)
			throw new DomainError(
				'VALIDATION_FAILED',
				'Diese Weitervermittlung gehört nicht zu diesem Fall.',
				{
					fieldErrors: [
						{
							path: '/referralId',
							field: 'Weitervermittlung',
							message: 'Bitte eine Weitervermittlung dieses Falls wählen.',
						},
					],
				},
			);
		return applyStatusChange(ctx, trx, who, referral.id, change, options);
	},
	'answerReferral',
);
