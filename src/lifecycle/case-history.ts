import { DomainError } from '../errors';
import type { HouseholdMember, Intake } from '../generated/types';
import { germanDate } from './dates';

/**
 * The dated history of a case file: the values a report counts (manager, organisation, municipality, the household
 * with German level and occupation of each person) as they held from day to day. Each recorded change is an entry
 * with the day it took effect; the history is the entries applied in the order of that day (ties: in the order they
 * were recorded), so a change entered later for an earlier day takes its place in between.
 */

/** A person of the household as the history keeps it, under a key that never changes (0: the counselled person). */
export interface HistoryPerson {
	key: number;
	role: 'client' | 'member';
	birthDate: string;
	relationship: string | null;
	germanLevel: string | null;
	occupation: string | null;
}

/** The values that held on a day. `persons` are sorted by key (members in the order they joined). */
export interface HistoryState {
	managerId: string;
	organisationId: string;
	municipality: string;
	persons: HistoryPerson[];
}

/** A change of one person's values (only the named fields change). */
export interface PersonChange {
	key: number;
	germanLevel?: string | null;
	occupation?: string | null;
	birthDate?: string;
	relationship?: string | null;
}

/** What one entry changes; the intake names everything. */
export interface HistoryDelta {
	managerId?: string;
	organisationId?: string;
	municipality?: string;
	/** The whole household from this day on. */
	persons?: HistoryPerson[];
	set?: PersonChange[];
	joined?: HistoryPerson[];
	left?: number[];
}

export interface HistoryEntry {
	id: number;
	validFrom: string;
	delta: HistoryDelta;
}

/** The values that held from `validFrom` up to the day before `validUntil` (null: up to now). */
export interface HistoryInterval {
	validFrom: string;
	validUntil: string | null;
	state: HistoryState;
}

function outOfHousehold(on: string): DomainError {
	const message = `Die Veränderung passt nicht zum Verlauf der Fallakte: eine Person, die sie betrifft, gehört am ${germanDate(on)} nicht zum Haushalt.`;
	return new DomainError('VALIDATION_FAILED', `Gültig ab: ${message}`, {
		fieldErrors: [{ path: '/validFrom', field: 'Gültig ab', message }],
	});
}

function applyDelta(state: HistoryState | undefined, entry: HistoryEntry): HistoryState {
	const { delta, validFrom } = entry;
	const base = state ?? {
		managerId: delta.managerId ?? '',
		organisationId: delta.organisationId ?? '',
		municipality: delta.municipality ?? '',
		persons: [],
	};
	let persons = delta.persons ? delta.persons.map((p) => ({ ...p })) : [...base.persons];
	for (const change of delta.set ?? []) {
		const i = persons.findIndex((p) => p.key === change.key);
		if (i < 0) throw outOfHousehold(validFrom);
		persons[i] = { ...persons[i], ...change };
	}
	for (const key of delta.left ?? []) {
		if (!persons.some((p) => p.key === key && p.role === 'member')) throw outOfHousehold(validFrom);
		persons = persons.filter((p) => p.key !== key);
	}
	for (const person of delta.joined ?? []) {
		if (persons.some((p) => p.key === person.key)) throw outOfHousehold(validFrom);
		persons.push({ ...person });
	}
	return {
		managerId: delta.managerId ?? base.managerId,
		organisationId: delta.organisationId ?? base.organisationId,
		municipality: delta.municipality ?? base.municipality,
		persons: persons.sort((a, b) => a.key - b.key),
	};
}

/** The entries applied in the order of the day they took effect: one interval per day on which something changed. */
export function historyIntervals(entries: readonly HistoryEntry[]): HistoryInterval[] {
	const sorted = [...entries].sort((a, b) =>
		a.validFrom === b.validFrom ? a.id - b.id : a.validFrom < b.validFrom ? -1 : 1,
	);
	const intervals: HistoryInterval[] = [];
	let state: HistoryState | undefined;
	for (const entry of sorted) {
		state = applyDelta(state, entry);
		const last = intervals[intervals.length - 1];
		if (last && last.validFrom === entry.validFrom) {
			last.state = state;
			continue;
		}
		if (last) last.validUntil = entry.validFrom;
		intervals.push({ validFrom: entry.validFrom, validUntil: null, state });
	}
	return intervals;
}

/** The values that hold now (the last interval). */
export function currentState(entries: readonly HistoryEntry[]): HistoryState {
	const intervals = historyIntervals(entries);
	const last = intervals[intervals.length - 1];
	if (!last) throw new Error('case file without history');
	return last.state;
}

function memberPerson(member: HouseholdMember, key: number): HistoryPerson {
	return {
		key,
		role: 'member',
		birthDate: member.birthDate,
		relationship: member.relationship,
		germanLevel: member.germanLevel ?? null,
		occupation: member.occupation ?? null,
	};
}

/** Household members joining: each with a key not used before in the case's history. */
export function newcomers(
	members: readonly HouseholdMember[],
	used: Iterable<number>,
): HistoryPerson[] {
	let next = Math.max(0, ...used) + 1;
	return members.map((m) => memberPerson(m, next++));
}

/**
 * The persons of a case file's data: members keep the keys of `keys` by position, further ones get keys not in
 * `used` (by default the given keys).
 */
export function personsOf(
	data: Intake,
	keys: readonly number[] = [],
	used: Iterable<number> = keys,
): HistoryPerson[] {
	const household = data.household ?? [];
	const extra = newcomers(household.slice(keys.length), used);
	return [
		{
			key: 0,
			role: 'client',
			birthDate: data.person.birthDate,
			relationship: null,
			germanLevel: data.person.germanLevel,
			occupation: data.person.occupation ?? null,
		},
		...household.slice(0, keys.length).map((m, i) => memberPerson(m, keys[i])),
		...extra,
	];
}

/** Every person key the history has ever used (a key is never given twice, also after someone left). */
export function usedKeys(entries: readonly HistoryEntry[]): Set<number> {
	const keys = new Set<number>([0]);
	for (const { delta } of entries)
		for (const p of [...(delta.persons ?? []), ...(delta.joined ?? [])]) keys.add(p.key);
	return keys;
}

/** The first entry of every history: the intake's values and the manager it was routed to. */
export function intakeDelta(
	data: Intake,
	place: { managerId: string; organisationId: string },
): HistoryDelta {
	return {
		managerId: place.managerId,
		organisationId: place.organisationId,
		municipality: data.municipality,
		persons: personsOf(data),
	};
}

/** The keys of the household members that hold now, in the order of the case file's household list. */
export function memberKeys(state: HistoryState): number[] {
	return state.persons.filter((p) => p.role === 'member').map((p) => p.key);
}
