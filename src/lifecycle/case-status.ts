import { DomainError } from '../errors';
import type { CaseStatus } from '../store/database';
import { germanDate } from './dates';

export const caseStatusLabels: Record<CaseStatus, string> = {
	intake: 'Aufnahme',
	active: 'in Beratung',
	closed: 'beendet',
};

/** Legal status changes: intake → active → closed; closed → active (or intake, if no plan yet) on reopening. */
const transitions: Record<CaseStatus | 'new', CaseStatus[]> = {
	new: ['intake'],
	intake: ['active', 'closed'],
	active: ['closed'],
	closed: ['active', 'intake'],
};

export function isLegalTransition(from: CaseStatus | null, to: CaseStatus): boolean {
	return transitions[from ?? 'new'].includes(to);
}

export function assertTransition(from: CaseStatus | null, to: CaseStatus): void {
	if (!isLegalTransition(from, to)) {
		throw new DomainError(
			'ILLEGAL_TRANSITION',
			`Ein Fall im Stand „${from ? caseStatusLabels[from] : 'neu'}“ kann nicht in den Stand „${caseStatusLabels[to]}“ wechseln.`,
			{ details: { from, to } },
		);
	}
}

/** Nothing may be added to a closed case. */
export function assertOpen(status: CaseStatus, closedOn: string | null, what: string): void {
	if (status === 'closed') {
		throw new DomainError(
			'CASE_CLOSED',
			`Der Fall ist seit ${closedOn ? germanDate(closedOn) : 'kurzem'} beendet. ${what} kann nicht mehr erfasst werden. Um weiter zu beraten, den Fall zuerst wieder aufnehmen.`,
			{ details: { closedOn } },
		);
	}
}
