import { sql } from 'kysely';
import type { CaseStore } from '../../src/store/open-store';
import { caseDataTables } from '../../src/store/database';
import { DomainError } from '../../src/errors';

/** Every table that holds case data (everything but the audit log and the trigger bookkeeping). */
export const dataTables = [...caseDataTables, 'submissions', 'case_events'] as const;

export type RowCounts = Record<(typeof dataTables)[number] | 'audit_log', number>;

/** Row counts of the data tables and of the audit log (one query: the fuzz test asks before and after every input). */
export async function rowCounts(store: CaseStore): Promise<RowCounts> {
	const tables = [...dataTables, 'audit_log'] as const;
	const row = await store.db
		.selectNoFrom(
			tables.map((table) =>
				sql<string | number>`(select count(*) from ${sql.table(table)})`.as(table),
			),
		)
		.executeTakeFirstOrThrow();
	return Object.fromEntries(tables.map((table) => [table, Number(row[table])])) as RowCounts;
}

/** The data tables unchanged and exactly one audit row more: what a refused core operation may leave behind. */
export function refusalFootprint(before: RowCounts, after: RowCounts): string[] {
	const changes = dataTables
		.filter((t) => after[t] !== before[t])
		.map((t) => `${t}: ${before[t]} → ${after[t]}`);
	if (after.audit_log !== before.audit_log + 1)
		changes.push(`audit_log: ${before.audit_log} → ${after.audit_log} (erwartet +1)`);
	return changes;
}

const ENGLISH =
	/\b(the|must|should|invalid|error|failed|cannot|unexpected|undefined|violates|constraint|syntax|duplicate|property|properties|expected|received|allowed|terminating|connection)\b/i;
const GERMAN =
	/[äöüßÄÖÜ„“]|\b(der|die|das|den|dem|des|ist|sind|sein|nicht|nur|bitte|oder|und|ein|eine|einen|einem|kein|keine|keiner|jeder|jede|wurde|liegt|für|vor|nach|mit|zu|darf|muss|hier|angeben|eingeben)\b/i;

/** A message a German reader understands: German words, no English technical wording, no raw control characters. */
export function isGermanMessage(message: unknown): boolean {
	return (
		typeof message === 'string' &&
		message.length > 0 &&
		GERMAN.test(message) &&
		!ENGLISH.test(message) &&
		!/[\u0000-\u001f\u007f-\u009f]/.test(message)
	);
}

/** The DomainError a promise rejects with; anything else (success, another error) is returned as a description. */
export async function refusalOf(promise: Promise<unknown>): Promise<DomainError | string> {
	try {
		await promise;
		return 'angenommen';
	} catch (error) {
		if (error instanceof DomainError) return error;
		return `kein DomainError: ${(error as Error)?.stack ?? String(error)}`;
	}
}
