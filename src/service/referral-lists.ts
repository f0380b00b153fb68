import { today } from '../clock';
import type { DistrictProfile } from '../generated/types';
import { assertCaseAccess, searchScope } from '../access/policy';
import {
	assertIsoDate,
	assertNotBefore,
	assertNotInFuture,
	EARLIEST_EVENT_DATE,
	EARLIEST_EVENT_NAME,
} from '../lifecycle/date-checks';
import { addDays } from '../lifecycle/dates';
import { overdueCutoff } from '../lifecycle/referral-status';
import { caseNumberColumns, loadCase, placeColumns, type CaseRow } from './case-rows';
import type { CoreContext, Db } from './context';
import { runOperation } from './operation';
import { toReferralRecord, type ReferralRecord } from './referral-record';

export function listReferrals(
	ctx: CoreContext,
	actor: unknown,
	caseId: string,
): Promise<ReferralRecord[]> {
	return runOperation(ctx, actor, { action: 'referral.list', caseId }, async (trx, who, id) => {
		const row = await loadCase(ctx, trx, id);
		assertCaseAccess(who, 'read', row);
		const result = await readReferrals(ctx, trx, row);
		return { result, detail: `${result.length} Weitervermittlungen` };
	});
}

/** The referrals of one case, newest first (also for the case page). */
export async function readReferrals(
	ctx: CoreContext,
	db: Db,
	row: CaseRow,
): Promise<ReferralRecord[]> {
	const rows = await db
		.selectFrom('referrals')
		.selectAll()
		.where('case_id', '=', row.id)
		.orderBy('referred_on', 'desc')
		.orderBy('id')
		.execute();
	return rows.map((r) => toReferralRecord(ctx, r, row));
}

export interface OverdueReferral extends ReferralRecord {
	managerId: string;
	organisationId: string;
	daysOverdue: number;
}

/** Open referrals without an answer for longer than the district allows, within the actor's scope. */
export function listOverdueReferrals(
	ctx: CoreContext,
	actor: unknown,
	asOf?: string,
): Promise<OverdueReferral[]> {
	return runOperation(ctx, actor, { action: 'referral.overdue' }, async (trx, who) => {
		const organisationId = searchScope(who);
		const day = asOf ?? today(ctx.clock);
		assertIsoDate(day, 'asOf', 'Stichtag');
		assertNotInFuture(day, addDays(today(ctx.clock), 366), 'asOf', 'Stichtag');
		assertNotBefore(day, EARLIEST_EVENT_DATE, 'asOf', 'Stichtag', EARLIEST_EVENT_NAME);
		const days = ctx.profile.settings.referralOverdueDays;
		const rows = await overdueReferralRows(trx, ctx.profile, day, organisationId);
		const result = rows.map((r) => {
			const overdueFrom = addDays(r.referred_on, days);
			return {
				...toReferralRecord(ctx, r, r),
				overdue: true,
				managerId: r.manager_id,
				organisationId: r.organisation_id,
				daysOverdue: Math.round((Date.parse(day) - Date.parse(overdueFrom)) / 86_400_000),
			};
		});
		return { result, detail: `${result.length} überfällig am ${day}` };
	});
}

/**
 * Open referrals of open cases without an answer for longer than the district allows (`referralOverdueDays`)
 * on `day`, optionally of one organisation only: the one query for the overdue list and the overdue event.
 */
export function overdueReferralRows(
	db: Db,
	profile: DistrictProfile,
	day: string,
	organisationId?: string,
) {
	let query = db
		.selectFrom('referrals')
		.innerJoin('cases', 'cases.id', 'referrals.case_id')
		.selectAll('referrals')
		.select([...placeColumns, ...caseNumberColumns])
		.where('cases.district_id', '=', profile.id)
		.where('cases.status', '!=', 'closed')
		.where('referrals.status', '=', 'open')
		.where('referrals.referred_on', '<=', overdueCutoff(day, profile.settings.referralOverdueDays));
	if (organisationId) query = query.where('cases.organisation_id', '=', organisationId);
	return query.orderBy('referrals.referred_on').orderBy('referrals.id').execute();
}
