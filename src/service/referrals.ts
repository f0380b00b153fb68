import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { DomainError } from '../errors';
import { today } from '../clock';
import { assertCaseAccess, searchScope } from '../access/policy';
import { assertIsoDate, assertNotBefore, assertNotInFuture, EARLIEST_EVENT_DATE, EARLIEST_EVENT_NAME } from '../lifecycle/date-checks';
import { addDays } from '../lifecycle/dates';
import { assertReferralTransition, isReferralOverdue, overdueCutoff } from '../lifecycle/referral-status';
import { validateInput } from '../validation/validate';
import type { ReferralState, ReferralTable } from '../store/database';
import { isPlausibleId, loadCase, recordEvent, touchCase } from './case-rows';
import type { CoreContext, WriteOptions } from './context';
import { caseForDocumenting } from './documenting';
import { runOperation } from './operation';

export interface ReferralRecord {
	id: string;
	caseId: string;
	serviceId: string;
	serviceName: string;
	reason: string;
	note: string | null;
	referredOn: string;
	status: ReferralState;
	statusOn: string;
	/** Day from which an unanswered referral counts as overdue. */
	overdueFrom: string;
	overdue: boolean;
	createdBy: string;
}

function toReferralRecord(ctx: CoreContext, row: Selectable<ReferralTable>): ReferralRecord {
	const days = ctx.profile.settings.referralOverdueDays;
	return {
		id: row.id,
		caseId: row.case_id,
		serviceId: row.service_id,
		serviceName: ctx.profile.services.find((s) => s.id === row.service_id)?.name ?? row.service_id,
		reason: row.reason,
		note: row.note,
		referredOn: row.referred_on,
		status: row.status,
		statusOn: row.status_on,
		overdueFrom: addDays(row.referred_on, days),
		overdue: isReferralOverdue(row.status, row.referred_on, today(ctx.clock), days),
		createdBy: row.created_by,
	};
}

/** Refers the client to a specialised service from the district's directory; status "offen". */
export function createReferral(ctx: CoreContext, actor: unknown, caseId: string, input: unknown, options: WriteOptions = {}): Promise<ReferralRecord> {
	return runOperation(ctx, actor, { action: 'referral.create', caseId, submissionId: options.submissionId, onReplay: options.onReplay }, async (trx, who) => {
		const referral = validateInput('referral', input);
		const service = ctx.profile.services.find((s) => s.id === referral.serviceId);
		if (!service) {
			const message = `„${referral.serviceId}“ steht nicht im Dienste-Verzeichnis von „${ctx.profile.name}“.`;
			throw new DomainError('UNKNOWN_SERVICE', `Fachdienst: ${message}`, { fieldErrors: [{ path: '/serviceId', field: 'Fachdienst', message }] });
		}
		const row = await caseForDocumenting(ctx, trx, who, caseId, options, {
			what: 'Eine Weitervermittlung',
			date: referral.date,
			dateField: 'date',
			dateLabel: 'Datum der Weitervermittlung',
		});
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
		await trx.insertInto('referral_events').values({ referral_id: id, status: 'open', event_on: referral.date, note: referral.note ?? null, created_at: at, created_by: who.staffId }).execute();
		await touchCase(trx, row, {}, at);
		await recordEvent(trx, row.id, 'referral.created', { referralId: id, serviceId: service.id }, at);
		return { result: toReferralRecord(ctx, values), detail: service.id };
	});
}

/** Records the service's answer: angenommen / abgelehnt, later abgeschlossen. */
export function setReferralStatus(ctx: CoreContext, actor: unknown, referralId: string, input: unknown, options: WriteOptions = {}): Promise<ReferralRecord> {
	return runOperation(ctx, actor, { action: 'referral.status', submissionId: options.submissionId, onReplay: options.onReplay }, async (trx, who) => {
		const change = validateInput('referralStatus', input);
		if (!isPlausibleId(referralId)) throw new DomainError('NOT_FOUND', 'Keine gültige Kennung der Weitervermittlung angegeben.');
		const referral = await trx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirst();
		if (!referral) throw new DomainError('NOT_FOUND', `Weitervermittlung ${referralId} wurde nicht gefunden.`);
		const row = await caseForDocumenting(ctx, trx, who, referral.case_id, options, {
			what: 'Ein neuer Stand der Weitervermittlung',
			date: change.date,
			dateField: 'date',
			dateLabel: 'Datum',
		});
		assertReferralTransition(referral.status, change.status);
		assertNotBefore(change.date, referral.status_on, 'date', 'Datum', 'dem letzten Stand');
		const at = ctx.clock.now().toISOString();
		await trx.updateTable('referrals').set({ status: change.status, status_on: change.date, updated_at: at }).where('id', '=', referral.id).execute();
		await trx.insertInto('referral_events').values({ referral_id: referral.id, status: change.status, event_on: change.date, note: change.note ?? null, created_at: at, created_by: who.staffId }).execute();
		await touchCase(trx, row, {}, at);
		await recordEvent(trx, row.id, 'referral.status', { referralId: referral.id, status: change.status }, at);
		const updated = await trx.selectFrom('referrals').selectAll().where('id', '=', referral.id).executeTakeFirstOrThrow();
		return { result: toReferralRecord(ctx, updated), caseId: row.id, detail: `${referral.status} → ${change.status}` };
	});
}

export function listReferrals(ctx: CoreContext, actor: unknown, caseId: string): Promise<ReferralRecord[]> {
	return runOperation(ctx, actor, { action: 'referral.list', caseId }, async (trx, who) => {
		const row = await loadCase(ctx, trx, caseId);
		assertCaseAccess(who, 'read', row);
		const rows = await trx.selectFrom('referrals').selectAll().where('case_id', '=', row.id).orderBy('referred_on', 'desc').orderBy('id').execute();
		return { result: rows.map((r) => toReferralRecord(ctx, r)), detail: `${rows.length} Weitervermittlungen` };
	});
}

export interface OverdueReferral extends ReferralRecord {
	managerId: string;
	organisationId: string;
	daysOverdue: number;
}

/** Open referrals without an answer for longer than the district allows, within the actor's scope. */
export function listOverdueReferrals(ctx: CoreContext, actor: unknown, asOf?: string): Promise<OverdueReferral[]> {
	return runOperation(ctx, actor, { action: 'referral.overdue' }, async (trx, who) => {
		const organisationId = searchScope(who);
		const day = asOf ?? today(ctx.clock);
		assertIsoDate(day, 'asOf', 'Stichtag');
		assertNotInFuture(day, addDays(today(ctx.clock), 366), 'asOf', 'Stichtag');
		assertNotBefore(day, EARLIEST_EVENT_DATE, 'asOf', 'Stichtag', EARLIEST_EVENT_NAME);
		const days = ctx.profile.settings.referralOverdueDays;
		let query = trx
			.selectFrom('referrals')
			.innerJoin('cases', 'cases.id', 'referrals.case_id')
			.selectAll('referrals')
			.select(['cases.manager_id', 'cases.organisation_id'])
			.where('cases.district_id', '=', ctx.profile.id)
			.where('cases.status', '!=', 'closed')
			.where('referrals.status', '=', 'open')
			.where('referrals.referred_on', '<=', overdueCutoff(day, days));
		if (organisationId) query = query.where('cases.organisation_id', '=', organisationId);
		const rows = await query.orderBy('referrals.referred_on').orderBy('referrals.id').execute();
		const result = rows.map((r) => {
			const overdueFrom = addDays(r.referred_on, days);
			return {
				...toReferralRecord(ctx, r),
				overdue: true,
				managerId: r.manager_id,
				organisationId: r.organisation_id,
				daysOverdue: Math.round((Date.parse(day) - Date.parse(overdueFrom)) / 86_400_000),
			};
		});
		return { result, detail: `${result.length} überfällig am ${day}` };
	});
}
