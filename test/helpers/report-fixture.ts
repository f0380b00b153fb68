import type { Core } from '../../src/core';
import { loadShippedProfile, parseProfile } from '../../src/districts/profile';
import type {
	Actor,
	Closure,
	DistrictProfile,
	HouseholdMember,
	Intake,
} from '../../src/generated/types';
import { actorFor, validContact, validIntake, validPlan } from './fixtures';

/**
 * Hand-computed fixture for the funder report, period 1st quarter 2026 (2026-01-01 … 2026-03-31), clock 2026-06-01.
 * Emmendingen, with 20 eligible persons known for Waldkirch only. Cases (letters used in the expected figures):
 * A caritas-01 Waldkirch, family of 4 (2 minors), plan continued 2026-01-15, contacts 2025-12-31 | 2026-01-01 | 2026-03-31 | 2026-04-01
 * B caritas-01 Waldkirch, 3 persons: one turns 18 on 2026-02-15 (minor), one on 2026-01-01 (adult); closed 2026-02-10 with own tenancy
 * C drk-01 Bahlingen, intake 2026-02-01: client 17 on 2026-01-01 but 18 at intake (adult), one child; plan created 2026-02-05
 * D lra-01 Emmendingen, closed 2025-12-31 (before the period, never reopened): not counselled
 * E lra-01 Emmendingen, closed 2025-11-30, reopened 2026-03-31 (last day): counselled, one reopening
 * F lra-02 Emmendingen, closed 2026-01-20 and reopened 2026-02-20: counselled, the closure does not count
 * G lra-02 Emmendingen, closed 2026-03-31 and reopened 2026-04-15 (after the period): the closure counts
 * H drk-01 Bahlingen, intake 2026-04-02 (after the period): not counselled
 * I drk-02 Bahlingen, still in intake, closed on 2026-01-01 (first day): counselled and closure counted
 */
export const fixturePeriod = { from: '2026-01-01', to: '2026-03-31' };
export const fixtureClock = '2026-06-01T10:00:00Z';

export function fixtureProfile(): DistrictProfile {
	const profile = structuredClone(loadShippedProfile('emmendingen'));
	const waldkirch = profile.municipalities.find((m) => m.ags === '08316056');
	if (!waldkirch) throw new Error('fixture: Waldkirch missing');
	waldkirch.eligiblePersons = 20;
	return parseProfile(profile);
}

const WALDKIRCH = '08316056';
const BAHLINGEN = '08316002';
const EMMENDINGEN = '08316011';

function single(
	intakeDate: string,
	municipality: string,
	birthDate: string,
	germanLevel: Intake['person']['germanLevel'],
	occupation: Intake['person']['occupation'],
	household: HouseholdMember[] = [],
	recordedBy = 'em-koordination',
): Intake {
	const base = validIntake();
	return {
		...base,
		intakeDate,
		municipality,
		person: { ...base.person, birthDate, germanLevel, occupation },
		household: household as Intake['household'],
		consent: { ...base.consent, date: intakeDate, recordedBy },
	};
}

/** Each case's manager and intake (the coordinator takes it for them), in the order the cases are created. */
function fixtureIntakes(): Record<string, [managerId: string, intake: Intake]> {
	return {
		// A: the family of validIntake (adults 1988 A2 language course, 1985 B1 employed; children 2012, 2019)
		A: ['em-caritas-01', validIntake()],
		// B: client B2 in vocational training; members turning 18 on 2026-02-15 (minor) and on 2026-01-01 (adult)
		B: [
			'em-caritas-01',
			single('2025-06-01', WALDKIRCH, '1990-05-05', 'B2', 'vocational_training', [
				{
					firstName: 'Sami',
					birthDate: '2008-02-15',
					relationship: 'child',
					germanLevel: 'B1',
					occupation: 'school',
				},
				{
					firstName: 'Nour',
					birthDate: '2008-01-01',
					relationship: 'child',
					germanLevel: 'A1',
					occupation: 'school',
				},
			]),
		],
		// C: opened inside the period; client born 2008-01-20 is 17 on 2026-01-01 but 18 at intake
		C: [
			'em-drk-01',
			single('2026-02-01', BAHLINGEN, '2008-01-20', 'none', 'none', [
				{ firstName: 'Mia', birthDate: '2020-01-01', relationship: 'sibling' },
			]),
		],
		// D: closed the day before the period
		D: [
			'em-lra-01',
			single('2025-01-10', EMMENDINGEN, '1960-01-01', 'C2', 'employed_social_insurance'),
		],
		// E: closed before, reopened on the last day of the period
		E: [
			'em-lra-01',
			single('2025-02-01', EMMENDINGEN, '1970-01-01', 'C1', 'employed_social_insurance'),
		],
		// F: closed and reopened inside the period
		F: ['em-lra-02', single('2025-05-05', EMMENDINGEN, '1980-01-01', 'A2', 'none')],
		// G: closed on the last day, reopened after the period
		G: ['em-lra-02', single('2025-04-01', EMMENDINGEN, '1975-05-05', 'B1', 'internship')],
		// H: opened after the period
		H: ['em-drk-01', single('2026-04-02', BAHLINGEN, '1999-09-09', 'A1', 'none')],
		// I: never had a plan, closed on the first day of the period
		I: ['em-drk-02', single('2025-09-01', BAHLINGEN, '2000-01-01', 'none', 'study')],
	};
}

/** Plan and review dates per case: the first plan is created, the others continue it. */
const fixturePlans: Record<string, [planDate: string, reviewDate: string][]> = {
	A: [
		['2025-03-20', '2025-09-20'],
		['2026-01-15', '2026-07-15'],
	],
	B: [['2025-06-10', '2025-12-10']],
	C: [['2026-02-05', '2026-08-05']],
	E: [['2025-02-10', '2025-08-10']],
	F: [['2025-05-10', '2025-11-10']],
	G: [['2025-04-02', '2025-10-02']],
};

const fixtureContacts = (): Record<string, unknown[]> => ({
	A: [
		validContact('2025-12-31'),
		validContact('2026-01-01'),
		{ date: '2026-03-31', channel: 'phone', minutes: 10, topics: ['work'] },
		validContact('2026-04-01'),
	],
	C: [{ date: '2026-02-05', channel: 'in_person', minutes: 60, topics: ['housing', 'residence'] }],
	H: [validContact('2026-04-03')],
});

const fixtureReferrals: Record<string, { date: string; serviceId: string; reason: string }[]> = {
	A: [
		{ date: '2025-12-20', serviceId: 'jobcenter', reason: 'Leistungen' },
		{ date: '2026-03-15', serviceId: 'psz', reason: 'Belastung nach Flucht' },
	],
};

const outcomes = (
	ownTenancy: boolean,
	employmentSocialInsurance: boolean,
	trainingInternshipStudy: boolean,
) => ({ ownTenancy, employmentSocialInsurance, trainingInternshipStudy });

const fixtureClosures: Record<string, Closure> = {
	B: {
		date: '2026-02-10',
		reason: 'self_reliant',
		outcomes: {
			ownTenancy: true,
			germanLevel: 'B2',
			employmentSocialInsurance: false,
			trainingInternshipStudy: true,
		},
	},
	D: {
		date: '2025-12-31',
		reason: 'moved_away',
		movedTo: 'Freiburg im Breisgau',
		outcomes: outcomes(true, true, false),
	},
	E: { date: '2025-11-30', reason: 'contact_lost', outcomes: outcomes(false, true, false) },
	F: { date: '2026-01-20', reason: 'other_service', outcomes: outcomes(false, false, false) },
	G: { date: '2026-03-31', reason: 'client_request', outcomes: outcomes(false, false, true) },
	I: { date: '2026-01-01', reason: 'contact_lost', outcomes: outcomes(false, false, false) },
};

const fixtureReopenings: Record<string, { date: string; reason: string }> = {
	E: { date: '2026-03-31', reason: 'Meldet sich wieder' },
	F: { date: '2026-02-20', reason: 'Übergang gescheitert' },
	G: { date: '2026-04-15', reason: 'Neue Fragen' },
};

/** Creates the cases A to I; returns their ids by letter. */
export async function buildReportFixture(
	core: Core,
	profile: DistrictProfile,
): Promise<Record<string, string>> {
	const coordinator = actorFor(profile, 'em-koordination');
	const ids: Record<string, string> = {};
	for (const [letter, [managerId, intake]] of Object.entries(fixtureIntakes())) {
		ids[letter] = (await core.createCase(coordinator, { intake, managerId })).case.id;
		await documentCase(core, actorFor(profile, managerId), ids[letter], letter);
	}
	return ids;
}

/** What the manager documents for a case, in this order: plans, contacts, referrals, closure, reopening. */
async function documentCase(
	core: Core,
	manager: Actor,
	caseId: string,
	letter: string,
): Promise<void> {
	for (const [i, dates] of (fixturePlans[letter] ?? []).entries())
		await (i === 0 ? core.createPlan : core.continuePlan)(manager, caseId, validPlan(...dates));
	for (const contact of fixtureContacts()[letter] ?? [])
		await core.logContact(manager, caseId, contact);
	for (const referral of fixtureReferrals[letter] ?? [])
		await core.createReferral(manager, caseId, referral);
	if (fixtureClosures[letter]) await core.closeCase(manager, caseId, fixtureClosures[letter]);
	if (fixtureReopenings[letter]) await core.reopenCase(manager, caseId, fixtureReopenings[letter]);
}
