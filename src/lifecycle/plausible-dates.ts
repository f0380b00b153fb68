import type { Intake, IntegrationPlan } from '../generated/types';
import { labelFor } from '../validation/schema-labels';
import {
	DateFindings,
	after,
	before,
	beforeEarliest,
	inFuture,
	tooFarAhead,
	tooLongAgo,
} from './date-checks';

/** § 24 AufenthG protection for people from Ukraine is granted since the EU decision 2022/382 of this day. */
export const UKRAINE_PROTECTION_START = '2022-03-04';

/**
 * Plausible dates of an intake (also after an update of the case file), each with a lower and an upper bound:
 * events of the case between the earliest case date and today; birth dates at most 120 years ago and not after
 * the intake; the Ukraine entry between birth and intake, the registration after the entry and since the § 24
 * protection exists; a residence title valid until at most 10 years ahead. Throws every problem at once.
 * `bornAfterIntake`: birth dates of members born after the intake (births recorded as changes of the case file).
 */
export function checkIntakeDates(
	intake: Intake,
	today: string,
	bornAfterIntake: ReadonlySet<string> = new Set(),
): void {
	const findings = new DateFindings((path) => labelFor('intake.schema.json', path));
	const { intakeDate, person, residence } = intake;
	findings.check('/intakeDate', inFuture(intakeDate, today), beforeEarliest(intakeDate));
	findings.check(
		'/consent/date',
		inFuture(intake.consent.date, today),
		beforeEarliest(intake.consent.date),
	);
	const birthDate = (path: string, date: string, laterBirth = false) =>
		findings.check(
			path,
			inFuture(date, today),
			laterBirth ? undefined : after(date, intakeDate, 'dem Datum der Aufnahme'),
			tooLongAgo(date, today),
		);
	birthDate('/person/birthDate', person.birthDate);
	(intake.household ?? []).forEach((member, i) =>
		birthDate(`/household/${i}/birthDate`, member.birthDate, bornAfterIntake.has(member.birthDate)),
	);
	if (residence.validUntil !== undefined) {
		findings.check(
			'/residence/validUntil',
			beforeEarliest(residence.validUntil),
			tooFarAhead(residence.validUntil, today),
		);
	}
	const entry = residence.ukraineEntryDate;
	if (entry !== undefined) {
		findings.check(
			'/residence/ukraineEntryDate',
			inFuture(entry, today),
			after(entry, intakeDate, 'dem Datum der Aufnahme'),
			before(entry, person.birthDate, 'dem Geburtsdatum'),
		);
	}
	const registration = residence.ukraineRegistrationDate;
	if (registration !== undefined) {
		findings.check(
			'/residence/ukraineRegistrationDate',
			inFuture(registration, today),
			before(
				registration,
				UKRAINE_PROTECTION_START,
				'dem Beginn des vorübergehenden Schutzes nach § 24 AufenthG',
			),
			before(registration, entry, 'dem Einreisedatum'),
		);
	}
	findings.throwIfAny();
}

/**
 * Plausible dates inside an integration plan (its own date is checked like every documented event, the review
 * date against it): the review and the due dates of goals and steps lie at most 10 years ahead, a due date (a step
 * may be carried over from an earlier plan) not before the earliest case date.
 */
export function checkPlanDates(plan: IntegrationPlan, today: string): void {
	const findings = new DateFindings((path) => labelFor('plan.schema.json', path));
	const ahead = (path: string, date: string | undefined) => {
		if (date !== undefined) findings.check(path, beforeEarliest(date), tooFarAhead(date, today));
	};
	ahead('/reviewDate', plan.reviewDate);
	plan.goals.forEach((goal, g) => {
		ahead(`/goals/${g}/dueDate`, goal.dueDate);
		(goal.steps ?? []).forEach((step, s) => ahead(`/goals/${g}/steps/${s}/dueDate`, step.dueDate));
	});
	findings.throwIfAny();
}
