import type { Generated } from 'kysely';
import type { CasePersonTable } from './database';

export type CaseFileChangeKind = 'intake' | 'change' | 'update' | 'reassign';

/**
 * Every recorded change of the values a report counts, with the day it took effect (`valid_from`): the intake (the
 * first entry), dated changes of the case file, updates of the master data and reassignments. `change_json` is a
 * `HistoryDelta` (src/lifecycle/case-history.ts). The source of `case_history` and `case_history_persons`.
 */
export interface CaseFileChangeTable {
	id: Generated<number>;
	case_id: string;
	kind: CaseFileChangeKind;
	valid_from: string;
	change_json: string;
	note: string | null;
	recorded_at: string;
	recorded_by: string;
}

/** Where a case stood from `valid_from` up to the day before `valid_until` (null: up to now); derived from the changes. */
export interface CaseHistoryTable {
	case_id: string;
	valid_from: string;
	valid_until: string | null;
	manager_id: string;
	organisation_id: string;
	municipality_ags: string;
}

/** The household of a case in the same intervals; `position` is the person's key (0: the counselled person). */
export interface CaseHistoryPersonTable extends CasePersonTable {
	valid_from: string;
	valid_until: string | null;
}
