import { eligibleManagers } from '../../src/districts/routing';
import type {
	Closure,
	Contact,
	DistrictProfile,
	Intake,
	IntegrationPlan,
} from '../../src/generated/types';
import { addDays, addYears } from '../../src/lifecycle/dates';
import { Random } from './random';
import { counselUntilClosure, simulateReopening, type CaseCourse } from './simulate-counselling';
import { simulateIntake } from './simulate-intake';

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

/** Served municipalities of a profile with the managers who may take cases there. */
export function intakeTargets(profile: DistrictProfile) {
	return profile.municipalities
		.filter((m) => m.programme === 'served' && m.organisationId)
		.map((m) => ({
			ags: m.ags,
			organisationId: m.organisationId as string,
			managers: eligibleManagers(profile, m.organisationId as string, m.ags).map((s) => s.id),
		}))
		.filter((t) => t.managers.length > 0);
}

/** The `index`-th case of a district: the same (seed, index) always gives the same case. */
export function simulateCase(
	options: SimOptions,
	index: number,
	targets = intakeTargets(options.profile),
): SimCase {
	const rnd = new Random(options.seed * 1_000_003 + index * 7919 + 17);
	const target = rnd.pick(targets);
	const managerId = rnd.pick(target.managers);
	const opened = addDays(options.until, -rnd.int(0, 4 * 365));
	const intake = simulateIntake(rnd, opened, target.ags, managerId);
	const course: CaseCourse = {
		rnd,
		until: options.until,
		lastAllowed: addDays(addYears(opened, 3), -1),
		services: options.profile.services,
		ops: [],
		plans: 0,
		refs: 0,
	};
	const length = rnd.weighted({ short: 25, medium: 40, long: 25, maximum: 10 });
	const planned = {
		short: rnd.int(60, 300),
		medium: rnd.int(300, 700),
		long: rnd.int(700, 1000),
		maximum: 10_000,
	}[length];
	const closedOn = counselUntilClosure(course, opened, addDays(opened, planned));
	if (closedOn) simulateReopening(course, closedOn);
	return {
		managerId,
		organisationId: target.organisationId,
		intake,
		ops: dropAfterClosure(inDateOrder(course.ops)),
	};
}

/** Stable order: by date, and on one day plans before contacts before referrals, the closure last. */
function inDateOrder(ops: SimOp[]): SimOp[] {
	const rank: Record<SimOp['kind'], number> = {
		reopen: 0,
		plan: 1,
		contact: 2,
		referral: 3,
		referralStatus: 4,
		close: 5,
	};
	return ops.sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind]);
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
