import type { Actor, DistrictProfile, Intake } from '../../src/generated/types';
import { loadShippedProfile } from '../../src/districts/profile';
import { DomainError } from '../../src/errors';

export const emmendingen = (): DistrictProfile => loadShippedProfile('emmendingen');

export function actorFor(profile: DistrictProfile, staffId: string): Actor {
	const staff = profile.staff.find((s) => s.id === staffId);
	if (!staff) throw new Error(`test fixture: no staff ${staffId}`);
	return { staffId: staff.id, role: staff.role, organisationId: staff.organisationId };
}

export function municipalityOf(profile: DistrictProfile, name: string): string {
	const m = profile.municipalities.find((x) => x.name === name || x.name === `${name}, Stadt`);
	if (!m) throw new Error(`test fixture: no municipality ${name}`);
	return m.ags;
}

/** A complete, valid intake (a family of four in Waldkirch, two of them minors). */
export function validIntake(overrides: Partial<Intake> = {}): Intake {
	return {
		intakeDate: '2025-03-03',
		municipality: '08316056',
		accommodation: 'follow_up_housing',
		person: {
			firstName: 'Amina',
			lastName: 'Haddad',
			birthDate: '1988-06-14',
			gender: 'female',
			nationality: 'syrisch',
			phone: '+49 7681 123456',
			germanLevel: 'A2',
			occupation: 'language_course',
		},
		household: [
			{
				firstName: 'Karim',
				lastName: 'Haddad',
				birthDate: '1985-01-20',
				relationship: 'spouse',
				germanLevel: 'B1',
				occupation: 'employed_social_insurance',
			},
			{ firstName: 'Lina', birthDate: '2012-09-01', relationship: 'child' },
			{ firstName: 'Omar', birthDate: '2019-02-11', relationship: 'child' },
		],
		residence: { status: 'refugee_protection', validUntil: '2027-12-31' },
		languages: ['Arabisch', 'Englisch'],
		consent: {
			given: true,
			purposes: ['counselling', 'statistics'],
			date: '2025-03-03',
			recordedBy: 'em-caritas-01',
		},
		...overrides,
	};
}

export const validPlan = (planDate = '2025-03-20', reviewDate = '2025-09-20') => ({
	planDate,
	reviewDate,
	goals: [
		{
			domain: 'language',
			goal: 'Deutsch B1 erreichen',
			status: 'in_progress',
			steps: [
				{
					description: 'Anmeldung Integrationskurs VHS',
					responsible: 'client',
					status: 'open',
					dueDate: '2025-04-30',
				},
			],
		},
		{ domain: 'housing', goal: 'Eigene Wohnung finden', status: 'open' },
	],
});

export const validContact = (date = '2025-04-02') => ({
	date,
	channel: 'in_person',
	minutes: 45,
	topics: ['language', 'housing'],
	note: 'Kursanmeldung besprochen',
});

export const validClosure = (date = '2026-05-04') => ({
	date,
	reason: 'self_reliant',
	outcomes: {
		ownTenancy: true,
		germanLevel: 'B1',
		employmentSocialInsurance: false,
		trainingInternshipStudy: true,
	},
});

/** The DomainError an operation fails with (the test fails when it succeeds or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<DomainError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('expected the operation to fail');
}

/** The DomainError a synchronous call throws (the test fails when it returns or throws something else). */
export function thrownError(run: () => unknown): DomainError {
	try {
		run();
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('expected a DomainError');
}
