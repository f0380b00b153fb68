import type { Selectable } from 'kysely';
import { today } from '../clock';
import { serviceName } from '../districts/profile';
import { addDays } from '../lifecycle/dates';
import { isReferralOverdue } from '../lifecycle/referral-status';
import type { ReferralState, ReferralTable } from '../store/database';
import type { CoreContext } from './context';
import { caseNumberOf, type CaseNumberColumns } from './case-numbers';

export interface ReferralRecord {
	id: string;
	caseId: string;
	/** The case's readable number (`EM-2026-00042`). */
	caseNumber: string;
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

/** A referral as the core hands it out; `onCase` gives the number of its case (the case row, or its number columns). */
export function toReferralRecord(
	ctx: CoreContext,
	row: Selectable<ReferralTable>,
	onCase: CaseNumberColumns,
): ReferralRecord {
	const days = ctx.profile.settings.referralOverdueDays;
	return {
		id: row.id,
		caseId: row.case_id,
		caseNumber: caseNumberOf(ctx.profile, onCase),
		serviceId: row.service_id,
		serviceName: serviceName(ctx.profile, row.service_id),
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
