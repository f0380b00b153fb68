/** What the Case Event Trigger reports. */
export type CaseEventType =
	'caseCreated' | 'planReviewDue' | 'referralOverdue' | 'limitApproaching' | 'caseClosed';

export const caseEventLabels: Record<CaseEventType, string> = {
	caseCreated: 'Neuer Fall',
	planReviewDue: 'Überprüfung des Integrationsplans fällig',
	referralOverdue: 'Weitervermittlung überfällig',
	limitApproaching: 'Höchstdauer der Beratung naht',
	caseClosed: 'Fall beendet',
};

/** The event types, derived from the labels (one list). */
export const caseEventTypes = Object.keys(caseEventLabels) as CaseEventType[];

/** One event as a trigger emits it: ids and dates only, no personal data. */
export interface CaseEvent {
	event: CaseEventType;
	/** Unique per event; emitted once per trigger. */
	eventKey: string;
	label: string;
	message: string;
	/** Internal id of the case (for the next node); people read `caseNumber`. */
	caseId: string;
	/** The case's readable number (`EM-2026-00042`): what e-mails and notes name. */
	caseNumber: string;
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

export interface PollResult {
	events: CaseEvent[];
	lastSeq: number;
	baselineSeq: number;
}
