import type { DistrictProfile } from '../../src/generated/types';
import { addDays } from '../../src/lifecycle/dates';
import type { Random } from './random';
import type { SimOp } from './simulate';
import { simulateClosure, simulateContact, simulatePlan } from './simulate-records';

/** One simulated case while its course is being drawn: the operations so far and the counters they need. */
export interface CaseCourse {
	rnd: Random;
	/** The simulated "today": nothing is documented after it. */
	until: string;
	/** The day before the third anniversary of the intake: the case is closed by then at the latest. */
	lastAllowed: string;
	services: DistrictProfile['services'];
	ops: SimOp[];
	plans: number;
	refs: number;
}

const days = (from: string, to: string) =>
	Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Counselling from `from` to the planned end (at most the last allowed day, then closed for maximum duration), closed
 * on that day unless it lies after `until`. Returns the closing day, if the case was closed.
 */
export function counselUntilClosure(
	course: CaseCourse,
	from: string,
	plannedEnd: string,
): string | undefined {
	const capped = plannedEnd > course.lastAllowed;
	const end = capped ? course.lastAllowed : plannedEnd;
	counsel(course, from, end);
	if (end > course.until) return undefined;
	course.ops.push({ kind: 'close', date: end, closure: simulateClosure(course.rnd, end, capped) });
	return end;
}

/** Now and then (4 %) a closed case is reopened and counselled once more, if there is time left for it. */
export function simulateReopening(course: CaseCourse, closedOn: string): void {
	const { rnd } = course;
	const reopen = addDays(closedOn, rnd.int(30, 200));
	if (!(rnd.chance(0.04) && reopen <= course.until && reopen < addDays(course.lastAllowed, -30)))
		return;
	course.ops.push({
		kind: 'reopen',
		date: reopen,
		reason: 'Person meldet sich mit neuen Anliegen',
	});
	counselUntilClosure(course, reopen, addDays(reopen, rnd.int(30, 300)));
}

/** Plans, contacts and referrals from `from` to `to` (not after `until`). */
function counsel(course: CaseCourse, from: string, to: string): void {
	const end = to < course.until ? to : course.until;
	simulatePlans(course, from, end);
	simulateContacts(course, from, end);
	const referrals = course.rnd.weighted({ 0: 35, 1: 35, 2: 20, 3: 10 });
	for (let i = 0; i < Number(referrals); i++) simulateReferral(course, from, end);
}

/** Most cases get a plan within weeks; it is continued every five to eight months. */
function simulatePlans(course: CaseCourse, from: string, end: string): void {
	const { rnd } = course;
	if (course.plans === 0 && !rnd.chance(0.85)) return;
	let planDate = addDays(from, course.plans === 0 ? rnd.int(3, 45) : rnd.int(7, 30));
	while (planDate <= end) {
		course.ops.push({
			kind: 'plan',
			date: planDate,
			continued: course.plans > 0,
			plan: simulatePlan(rnd, planDate),
		});
		course.plans++;
		planDate = addDays(planDate, rnd.int(150, 240));
	}
}

/** Contacts: frequent in the first three months, then rarer. */
function simulateContacts(course: CaseCourse, from: string, end: string): void {
	const { rnd } = course;
	let date = addDays(from, rnd.int(0, 7));
	while (date <= end) {
		course.ops.push({ kind: 'contact', date, contact: simulateContact(rnd, date) });
		const early = days(from, date) < 90;
		date = addDays(date, 1 + Math.floor(rnd.exponential(early ? 18 : 85)));
	}
}

/** A referral to one of the district's services; mostly answered, and then often done. */
function simulateReferral(course: CaseCourse, from: string, end: string): void {
	const { rnd } = course;
	const on = addDays(from, rnd.int(0, Math.max(0, days(from, end))));
	if (on > end) return;
	const ref = course.refs++;
	const service = rnd.pick(course.services);
	course.ops.push({
		kind: 'referral',
		date: on,
		ref,
		serviceId: service.id,
		reason: `Unterstützung: ${service.name}`.slice(0, 200),
	});
	if (!rnd.chance(0.7)) return;
	const answered = addDays(on, rnd.int(5, 30));
	const status = rnd.chance(0.85) ? 'accepted' : 'declined';
	if (answered > end) return;
	course.ops.push({ kind: 'referralStatus', date: answered, ref, status });
	const done = addDays(answered, rnd.int(20, 120));
	if (rnd.chance(0.6) && done <= end)
		course.ops.push({ kind: 'referralStatus', date: done, ref, status: 'done' });
}
