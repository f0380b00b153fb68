import { DomainError } from '../errors';
import { addYears, germanDate } from './dates';

/** Counselling lasts at most 3 years; in justified single cases up to 4 (VwV Integrationsmanagement). */
export const REGULAR_YEARS = 3;
export const MAXIMUM_YEARS = 4;

export interface DurationLimits {
	/** First day beyond the regular 3 years. */
	regularEnd: string;
	/** First day beyond the absolute maximum of 4 years. */
	maximumEnd: string;
}

export function limitsFor(openedOn: string): DurationLimits {
	return {
		regularEnd: addYears(openedOn, REGULAR_YEARS),
		maximumEnd: addYears(openedOn, MAXIMUM_YEARS),
	};
}

/** The limit that applies to a case now: the regular 3 years, or 4 once a justification is recorded. */
export function currentLimit(openedOn: string, extended: boolean): { date: string; years: number } {
	const limits = limitsFor(openedOn);
	return extended
		? { date: limits.maximumEnd, years: MAXIMUM_YEARS }
		: { date: limits.regularEnd, years: REGULAR_YEARS };
}

/** Past the regular 3 years without a recorded justification: documentation needs one first. */
export function justificationNeeded(openedOn: string, extended: boolean, today: string): boolean {
	return !extended && today >= limitsFor(openedOn).regularEnd;
}

/**
 * Counselling on `date` is allowed within 3 years, up to 4 years only with a recorded justification,
 * never after 4 years.
 */
export function assertCounsellingAllowed(
	openedOn: string,
	extensionReason: string | null,
	date: string,
): void {
	const { regularEnd, maximumEnd } = limitsFor(openedOn);
	if (date >= maximumEnd) {
		throw new DomainError(
			'DURATION_EXCEEDED',
			`Die Beratung endet nach höchstens ${MAXIMUM_YEARS} Jahren (Beginn ${germanDate(openedOn)}, Ende ${germanDate(maximumEnd)}). Bitte den Fall mit dem Grund „Höchstdauer erreicht“ beenden.`,
			{ details: { openedOn, maximumEnd, date } },
		);
	}
	if (date >= regularEnd && !extensionReason) {
		throw new DomainError(
			'JUSTIFICATION_REQUIRED',
			`Die Beratung dauert seit ${germanDate(regularEnd)} länger als ${REGULAR_YEARS} Jahre. Eine Fortsetzung braucht eine dokumentierte Begründung im Einzelfall (Fallakte ändern: „Begründung für Beratung über 3 Jahre“).`,
			{ details: { openedOn, regularEnd, date } },
		);
	}
}
