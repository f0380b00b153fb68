import type { CaseStore } from '../../src/store/open-store';
import type { Database } from '../../src/store/database';
import { DomainError } from '../../src/errors';

/** Every table that holds case data (everything but the audit log and the trigger bookkeeping). */
export const dataTables = [
	'cases',
	'case_persons',
	'plans',
	'contacts',
	'contact_topics',
	'referrals',
	'referral_events',
	'closures',
	'status_history',
	'submissions',
	'case_events',
] as const satisfies readonly (keyof Database)[];

export type RowCounts = Record<(typeof dataTables)[number] | 'audit_log', number>;

/** Row counts of the data tables and of the audit log. */
export async function rowCounts(store: CaseStore): Promise<RowCounts> {
	const counts = {} as RowCounts;
	for (const table of [...dataTables, 'audit_log'] as const) {
		const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** The data tables unchanged and exactly one audit row more: what a refused core operation may leave behind. */
export function refusalFootprint(before: RowCounts, after: RowCounts): string[] {
	const changes = dataTables.filter((t) => after[t] !== before[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
	if (after.audit_log !== before.audit_log + 1) changes.push(`audit_log: ${before.audit_log} → ${after.audit_log} (erwartet +1)`);
	return changes;
}

const ENGLISH = /\b(the|must|should|invalid|error|failed|cannot|unexpected|undefined|violates|constraint|syntax|duplicate|property|properties|expected|received|allowed|terminating|connection)\b/i;
const GERMAN = /[äöüßÄÖÜ„“]|\b(der|die|das|ist|nicht|bitte|oder|und|ein|eine|kein|keine|wurde|liegt|für|vor|nach|mit|zu)\b/i;

/** A message a German reader understands: German words, no English technical wording, no raw control characters. */
export function isGermanMessage(message: unknown): boolean {
	return typeof message === 'string' && message.length > 0 && GERMAN.test(message) && !ENGLISH.test(message) && !/[\u0000-\u001f\u007f-\u009f]/.test(message);
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
