import {
	historyIntervals,
	type HistoryDelta,
	type HistoryEntry,
	type HistoryPerson,
	type HistoryState,
	type PersonChange,
	currentState,
	memberKeys,
	personsOf,
	usedKeys,
} from '../lifecycle/case-history';
import type { Intake } from '../generated/types';
import type { CaseFileChangeKind } from '../store/database';
import { historyRows } from '../store/history-rows';
import type { Tx } from './context';

/** One change of the values with history, as a core operation records it. */
export interface RecordedChange {
	kind: CaseFileChangeKind;
	validFrom: string;
	delta: HistoryDelta;
	note?: string;
}

/** The change log of a case in the order it was recorded. */
export async function loadHistory(trx: Tx, caseId: string): Promise<HistoryEntry[]> {
	const rows = await trx
		.selectFrom('case_file_changes')
		.select(['id', 'valid_from', 'change_json'])
		.where('case_id', '=', caseId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		validFrom: r.valid_from,
		delta: JSON.parse(r.change_json) as HistoryDelta,
	}));
}

/**
 * Records a change in the log and derives the case's intervals anew from the whole log (a change for an earlier day
 * takes its place in between); refuses, in German, a change that does not fit the history. Returns what holds now.
 */
export async function recordChange(
	trx: Tx,
	caseId: string,
	change: RecordedChange,
	at: string,
	by: string,
): Promise<HistoryState> {
	await trx
		.insertInto('case_file_changes')
		.values({
			case_id: caseId,
			kind: change.kind,
			valid_from: change.validFrom,
			change_json: JSON.stringify(change.delta),
			note: change.note ?? null,
			recorded_at: at,
			recorded_by: by,
		})
		.execute();
	const intervals = historyIntervals(await loadHistory(trx, caseId));
	const rows = historyRows(caseId, intervals);
	await trx.deleteFrom('case_history_persons').where('case_id', '=', caseId).execute();
	await trx.deleteFrom('case_history').where('case_id', '=', caseId).execute();
	await trx.insertInto('case_history').values(rows.places).execute();
	if (rows.persons.length)
		await trx.insertInto('case_history_persons').values(rows.persons).execute();
	return intervals[intervals.length - 1].state;
}

/** What a person's values differ in (`undefined`: nothing). */
function personChange(next: HistoryPerson, was: HistoryPerson): PersonChange | undefined {
	const fields = ['germanLevel', 'occupation', 'birthDate', 'relationship'] as const;
	const changed = fields.filter((f) => next[f] !== was[f]);
	if (!changed.length) return undefined;
	return { key: was.key, ...Object.fromEntries(changed.map((f) => [f, next[f]])) };
}

/**
 * An update of the master data as an entry of the history, effective on the day it is recorded: only the values it
 * changes (a change entered later for an earlier day keeps its effect on the others); a household of another size
 * as a whole (members matched by position).
 */
export async function updateEntry(trx: Tx, caseId: string, next: Intake) {
	const history = await loadHistory(trx, caseId);
	const before = currentState(history);
	const persons = personsOf(next, memberKeys(before), usedKeys(history));
	const delta: HistoryDelta = {};
	if (next.municipality !== before.municipality) delta.municipality = next.municipality;
	if (persons.length !== before.persons.length) delta.persons = persons;
	else {
		const set = persons.flatMap((p, i) => personChange(p, before.persons[i]) ?? []);
		if (set.length) delta.set = set;
	}
	return Object.keys(delta).length ? delta : undefined;
}
