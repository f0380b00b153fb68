import { eligibleManagers } from '../../src/districts/routing';
import type { Closure, Contact, DistrictProfile, GermanLevel, HouseholdMember, Intake, IntegrationPlan, Occupation, PlanDomain } from '../../src/generated/types';
import { addDays, addYears } from '../../src/lifecycle/dates';
import { Random } from './random';

/** One thing that happens to a simulated case, in date order; both seed paths (core and bulk) replay these. */
export type SimOp =
	| { kind: 'plan'; date: string; continued: boolean; plan: IntegrationPlan }
	| { kind: 'contact'; date: string; contact: Contact }
	| { kind: 'referral'; date: string; ref: number; serviceId: string; reason: string }
	| { kind: 'referralStatus'; date: string; ref: number; status: 'accepted' | 'declined' | 'done' }
	| { kind: 'close'; date: string; closure: Closure }
	| { kind: 'reopen'; date: string; reason: string };

export interface SimCase {
	managerId: string;
	organisationId: string;
	intake: Intake;
	ops: SimOp[];
}

export interface SimOptions {
	profile: DistrictProfile;
	/** Last day of the data (the simulated "today"); intakes spread over the four years before it. */
	until: string;
	seed: number;
}

const firstNames = ['Amina', 'Omar', 'Lina', 'Yusuf', 'Fatima', 'Ali', 'Olena', 'Dmytro', 'Mariam', 'Ahmad', 'Sara', 'Hassan', 'Iryna', 'Mohammed', 'Nour', 'Kateryna', 'Samir', 'Leyla', 'Abdi', 'Hawa'];
const lastNames = ['Haddad', 'Al-Hassan', 'Kovalenko', 'Ahmadi', 'Yilmaz', 'Shevchenko', 'Mohammadi', 'Bakr', 'Tesfaye', 'Osman', 'Hussein', 'Bondarenko', 'Rahimi', 'Kaya', 'Nasser'];
const adultGerman: Record<GermanLevel, number> = { none: 10, literacy_course: 8, A1: 20, A2: 25, B1: 20, B2: 10, C1: 5, C2: 2 };
const adultOccupation: Record<Occupation, number> = {
	none: 30, employed_social_insurance: 13, marginal_employment: 8, self_employed: 1, vocational_training: 3, internship: 1, study: 1,
	school: 0, language_course: 22, childcare_at_home: 14, other: 7,
};
const channels: Record<Contact['channel'], number> = { in_person: 45, phone: 25, whatsapp: 15, email: 5, home_visit: 7, video: 3 };
const topics: Contact['topics'][number][] = ['language', 'childcare_school', 'training_study', 'work', 'housing', 'health', 'participation', 'family', 'residence', 'benefits_finances', 'authorities_forms', 'other'];
const domains: PlanDomain[] = ['language', 'childcare_school', 'training_study', 'work', 'housing', 'health', 'participation', 'family', 'residence'];
const reasons: Record<Exclude<Closure['reason'], 'maximum_duration'>, number> = { self_reliant: 40, moved_away: 18, contact_lost: 15, client_request: 8, other_service: 12, other: 7 };
const residence: Record<Intake['residence']['status'], number> = {
	refugee_protection: 38, subsidiary_protection: 18, ukraine_temporary_protection: 25, asylum_entitlement: 5, deportation_ban: 5, humanitarian_other: 5, settlement_permit: 2, other: 2,
};

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Served municipalities of a profile with the managers who may take cases there. */
export function intakeTargets(profile: DistrictProfile) {
	return profile.municipalities
		.filter((m) => m.programme === 'served' && m.organisationId)
		.map((m) => ({ ags: m.ags, organisationId: m.organisationId as string, managers: eligibleManagers(profile, m.organisationId as string, m.ags).map((s) => s.id) }))
		.filter((t) => t.managers.length > 0);
}

/** The `index`-th case of a district: the same (seed, index) always gives the same case. */
export function simulateCase(options: SimOptions, index: number, targets = intakeTargets(options.profile)): SimCase {
	const rnd = new Random(options.seed * 1_000_003 + index * 7919 + 17);
	const { until } = options;
	const target = rnd.pick(targets);
	const managerId = rnd.pick(target.managers);
	const opened = addDays(until, -rnd.int(0, 4 * 365));
	const intake = simulateIntake(rnd, opened, target.ags, managerId);
	const ops: SimOp[] = [];
	const lastAllowed = addDays(addYears(opened, 3), -1);
	let plans = 0;
	let refs = 0;

	const counsel = (from: string, to: string) => {
		const end = to < until ? to : until;
		if (plans === 0 ? rnd.chance(0.85) : true) {
			let planDate = addDays(from, plans === 0 ? rnd.int(3, 45) : rnd.int(7, 30));
			while (planDate <= end) {
				ops.push({ kind: 'plan', date: planDate, continued: plans > 0, plan: simulatePlan(rnd, planDate) });
				plans++;
				planDate = addDays(planDate, rnd.int(150, 240));
			}
		}
		let date = addDays(from, rnd.int(0, 7));
		while (date <= end) {
			ops.push({ kind: 'contact', date, contact: simulateContact(rnd, date) });
			const early = days(from, date) < 90;
			date = addDays(date, 1 + Math.floor(rnd.exponential(early ? 18 : 85)));
		}
		const referrals = rnd.weighted({ 0: 35, 1: 35, 2: 20, 3: 10 });
		for (let i = 0; i < Number(referrals); i++) {
			const on = addDays(from, rnd.int(0, Math.max(0, days(from, end))));
			if (on > end) continue;
			const ref = refs++;
			const service = rnd.pick(options.profile.services);
			ops.push({ kind: 'referral', date: on, ref, serviceId: service.id, reason: `Unterstützung: ${service.name}`.slice(0, 200) });
			if (rnd.chance(0.7)) {
				const answered = addDays(on, rnd.int(5, 30));
				const status = rnd.chance(0.85) ? 'accepted' : 'declined';
				if (answered <= end) {
					ops.push({ kind: 'referralStatus', date: answered, ref, status });
					const done = addDays(answered, rnd.int(20, 120));
					if (rnd.chance(0.6) && done <= end) ops.push({ kind: 'referralStatus', date: done, ref, status: 'done' });
				}
			}
		}
	};

	const length = rnd.weighted({ short: 25, medium: 40, long: 25, maximum: 10 });
	const planned = { short: rnd.int(60, 300), medium: rnd.int(300, 700), long: rnd.int(700, 1000), maximum: 10_000 }[length];
	let end = addDays(opened, planned);
	const capped = end > lastAllowed;
	if (capped) end = lastAllowed;
	counsel(opened, end);
	if (end <= until) {
		ops.push({ kind: 'close', date: end, closure: simulateClosure(rnd, end, capped) });
		const reopen = addDays(end, rnd.int(30, 200));
		if (rnd.chance(0.04) && reopen <= until && reopen < addDays(lastAllowed, -30)) {
			ops.push({ kind: 'reopen', date: reopen, reason: 'Person meldet sich mit neuen Anliegen' });
			let second = addDays(reopen, rnd.int(30, 300));
			const secondCapped = second > lastAllowed;
			if (secondCapped) second = lastAllowed;
			counsel(reopen, second);
			if (second <= until) ops.push({ kind: 'close', date: second, closure: simulateClosure(rnd, second, secondCapped) });
		}
	}
	// Stable order: by date, and on one day plans before contacts before referrals, the closure last.
	const rank: Record<SimOp['kind'], number> = { reopen: 0, plan: 1, contact: 2, referral: 3, referralStatus: 4, close: 5 };
	ops.sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind]);
	return { managerId, organisationId: target.organisationId, intake, ops: dropAfterClosure(ops) };
}

/** A referral answered on the closing day would come after it; nothing is documented while a case is closed. */
function dropAfterClosure(ops: SimOp[]): SimOp[] {
	let closed = false;
	return ops.filter((op) => {
		if (op.kind === 'close') return (closed = true);
		if (op.kind === 'reopen') return !(closed = false);
		return !closed;
	});
}

function birthDate(rnd: Random, on: string, minAge: number, maxAge: number): string {
	return addDays(addYears(on, -rnd.int(minAge, maxAge)), -rnd.int(0, 364));
}

function simulateIntake(rnd: Random, intakeDate: string, ags: string, recordedBy: string): Intake {
	const lastName = rnd.pick(lastNames);
	const household: HouseholdMember[] = [];
	const shape = rnd.weighted({ single: 38, couple: 14, family: 40, single_parent: 8 });
	if (shape === 'couple' || shape === 'family') {
		household.push({ firstName: rnd.pick(firstNames), lastName, birthDate: birthDate(rnd, intakeDate, 19, 60), relationship: 'spouse', germanLevel: rnd.weighted(adultGerman), occupation: rnd.weighted(adultOccupation) });
	}
	if (shape === 'family' || shape === 'single_parent') {
		const children = rnd.weighted({ 1: 25, 2: 30, 3: 25, 4: 12, 5: 8 });
		for (let i = 0; i < Number(children); i++) {
			const adultChild = rnd.chance(0.12);
			household.push({
				firstName: rnd.pick(firstNames),
				birthDate: adultChild ? birthDate(rnd, intakeDate, 18, 25) : addDays(intakeDate, -rnd.int(30, 18 * 365 - 1)),
				relationship: 'child',
				...(adultChild ? { germanLevel: rnd.weighted(adultGerman), occupation: rnd.weighted(adultOccupation) } : { occupation: rnd.chance(0.6) ? 'school' : 'none' }),
			});
		}
	}
	const status = rnd.weighted(residence);
	return {
		intakeDate,
		municipality: ags,
		accommodation: rnd.chance(0.85) ? 'follow_up_housing' : 'other',
		person: { firstName: rnd.pick(firstNames), lastName, birthDate: birthDate(rnd, intakeDate, 18, 65), gender: rnd.pick(['female', 'male'] as const), germanLevel: rnd.weighted(adultGerman), occupation: rnd.weighted(adultOccupation) },
		household: household as Intake['household'],
		residence: {
			status,
			...(status === 'ukraine_temporary_protection' ? { ukraineEntryDate: addDays(intakeDate, -rnd.int(10, 200)) } : {}),
			...(status === 'other' ? { statusNote: 'Aufenthaltserlaubnis zum Familiennachzug' } : {}),
		},
		languages: [rnd.pick(['Arabisch', 'Ukrainisch', 'Dari', 'Farsi', 'Türkisch', 'Kurdisch', 'Tigrinya', 'Somali', 'Russisch'])],
		consent: { given: true, purposes: ['counselling', 'statistics'], date: intakeDate, recordedBy },
	};
}

function simulatePlan(rnd: Random, planDate: string): IntegrationPlan {
	const goals = rnd.some(domains, 3).map((domain) => ({ domain, goal: `Ziel im Handlungsfeld ${domain}`, status: rnd.pick(['open', 'in_progress', 'achieved'] as const) }));
	return { planDate, reviewDate: addDays(planDate, 180), goals: goals as IntegrationPlan['goals'] };
}

function simulateContact(rnd: Random, date: string): Contact {
	return { date, channel: rnd.weighted(channels), minutes: rnd.pick([10, 15, 20, 30, 45, 60, 90]), topics: rnd.some(topics, 3) as Contact['topics'] };
}

function simulateClosure(rnd: Random, date: string, capped: boolean): Closure {
	const reason = capped ? 'maximum_duration' : rnd.weighted(reasons);
	const good = reason === 'self_reliant';
	return {
		date,
		reason,
		...(reason === 'moved_away' ? { movedTo: 'anderer Landkreis' } : {}),
		...(reason === 'other' ? { reasonNote: 'Familiäre Gründe' } : {}),
		outcomes: {
			ownTenancy: rnd.chance(good ? 0.75 : 0.4),
			germanLevel: rnd.weighted(adultGerman),
			employmentSocialInsurance: rnd.chance(good ? 0.45 : 0.15),
			trainingInternshipStudy: rnd.chance(good ? 0.15 : 0.05),
		},
	};
}
