import type { HouseholdMember, Intake } from '../../src/generated/types';
import { addDays, addYears } from '../../src/lifecycle/dates';
import {
	adultGerman,
	adultOccupation,
	firstNames,
	languages,
	lastNames,
	residence,
} from './simulate-distributions';
import type { Random } from './random';

/** A birth date for someone between `minAge` and `maxAge` years old on the day `on`. */
export function birthDate(rnd: Random, on: string, minAge: number, maxAge: number): string {
	return addDays(addYears(on, -rnd.int(minAge, maxAge)), -rnd.int(0, 364));
}

/** The intake of a simulated case: the client, the household, residence status and consent. */
export function simulateIntake(
	rnd: Random,
	intakeDate: string,
	ags: string,
	recordedBy: string,
): Intake {
	const lastName = rnd.pick(lastNames);
	const household = simulateHousehold(rnd, intakeDate, lastName);
	const status = rnd.weighted(residence);
	return {
		intakeDate,
		municipality: ags,
		accommodation: rnd.chance(0.85) ? 'follow_up_housing' : 'other',
		person: {
			firstName: rnd.pick(firstNames),
			lastName,
			birthDate: birthDate(rnd, intakeDate, 18, 65),
			gender: rnd.pick(['female', 'male'] as const),
			germanLevel: rnd.weighted(adultGerman),
			occupation: rnd.weighted(adultOccupation),
		},
		household: household as Intake['household'],
		residence: simulateResidence(rnd, status, intakeDate),
		languages: [rnd.pick(languages)],
		consent: { given: true, purposes: ['counselling', 'statistics'], date: intakeDate, recordedBy },
	};
}

/** Who lives with the client: nobody, a spouse, children, or both. */
function simulateHousehold(rnd: Random, intakeDate: string, lastName: string): HouseholdMember[] {
	const household: HouseholdMember[] = [];
	const shape = rnd.weighted({ single: 38, couple: 14, family: 40, single_parent: 8 });
	if (shape === 'couple' || shape === 'family') {
		household.push({
			firstName: rnd.pick(firstNames),
			lastName,
			birthDate: birthDate(rnd, intakeDate, 19, 60),
			relationship: 'spouse',
			germanLevel: rnd.weighted(adultGerman),
			occupation: rnd.weighted(adultOccupation),
		});
	}
	if (shape === 'family' || shape === 'single_parent') {
		const children = rnd.weighted({ 1: 25, 2: 30, 3: 25, 4: 12, 5: 8 });
		for (let i = 0; i < Number(children); i++) household.push(simulateChild(rnd, intakeDate));
	}
	return household;
}

/** A child of the client: mostly a minor, sometimes already grown up (18 to 25). */
function simulateChild(rnd: Random, intakeDate: string): HouseholdMember {
	const adultChild = rnd.chance(0.12);
	return {
		firstName: rnd.pick(firstNames),
		birthDate: adultChild
			? birthDate(rnd, intakeDate, 18, 25)
			: addDays(intakeDate, -rnd.int(30, 18 * 365 - 1)),
		relationship: 'child',
		...(adultChild
			? { germanLevel: rnd.weighted(adultGerman), occupation: rnd.weighted(adultOccupation) }
			: { occupation: rnd.chance(0.6) ? 'school' : 'none' }),
	};
}

function simulateResidence(
	rnd: Random,
	status: Intake['residence']['status'],
	intakeDate: string,
): Intake['residence'] {
	return {
		status,
		...(status === 'ukraine_temporary_protection'
			? { ukraineEntryDate: addDays(intakeDate, -rnd.int(10, 200)) }
			: {}),
		...(status === 'other' ? { statusNote: 'Aufenthaltserlaubnis zum Familiennachzug' } : {}),
	};
}
