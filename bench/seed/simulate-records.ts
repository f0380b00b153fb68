import type { Closure, Contact, IntegrationPlan } from '../../src/generated/types';
import { addDays } from '../../src/lifecycle/dates';
import { adultGerman, channels, domains, reasons, topics } from './simulate-distributions';
import type { Random } from './random';

/** An integration plan with up to three goals, reviewed after half a year. */
export function simulatePlan(rnd: Random, planDate: string): IntegrationPlan {
	const goals = rnd.some(domains, 3).map((domain) => ({
		domain,
		goal: `Ziel im Handlungsfeld ${domain}`,
		status: rnd.pick(['open', 'in_progress', 'achieved'] as const),
	}));
	return { planDate, reviewDate: addDays(planDate, 180), goals: goals as IntegrationPlan['goals'] };
}

export function simulateContact(rnd: Random, date: string): Contact {
	return {
		date,
		channel: rnd.weighted(channels),
		minutes: rnd.pick([10, 15, 20, 30, 45, 60, 90]),
		topics: rnd.some(topics, 3) as Contact['topics'],
	};
}

/** A closure; `capped` when the case reached its maximum duration. Self-reliant clients more often reach the outcomes. */
export function simulateClosure(rnd: Random, date: string, capped: boolean): Closure {
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
