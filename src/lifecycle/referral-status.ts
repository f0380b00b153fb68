import { DomainError } from '../errors';
import type { ReferralState } from '../store/database';
import { addDays } from './dates';

export const referralStatusLabels: Record<ReferralState, string> = {
	open: 'offen',
	accepted: 'angenommen',
	declined: 'abgelehnt',
	done: 'abgeschlossen',
};

/** open → accepted | declined; accepted | declined → done. */
const next: Record<ReferralState, ReferralState[]> = {
	open: ['accepted', 'declined'],
	accepted: ['done'],
	declined: ['done'],
	done: [],
};

export function assertReferralTransition(from: ReferralState, to: ReferralState): void {
	if (!next[from].includes(to)) {
		throw new DomainError(
			'ILLEGAL_TRANSITION',
			`Eine Weitervermittlung im Stand „${referralStatusLabels[from]}“ kann nicht auf „${referralStatusLabels[to]}“ gesetzt werden.`,
			{ details: { from, to } },
		);
	}
}

/** A referral is overdue when the service has not answered (still open) after the district's number of days. */
export function isReferralOverdue(
	status: ReferralState,
	referredOn: string,
	today: string,
	overdueDays: number,
): boolean {
	return status === 'open' && addDays(referredOn, overdueDays) <= today;
}

/** Referrals made on or before this date and still open are overdue today. */
export function overdueCutoff(today: string, overdueDays: number): string {
	return addDays(today, -overdueDays);
}
