import { assertCaseAccess } from '../access/policy';
import type { CaseFileChangeKind, CaseStatus } from '../store/database';
import type { HistoryDelta } from '../lifecycle/case-history';
import { loadCase, toCaseRecord, type CaseRecord } from './case-rows';
import { readContacts, type ContactRecord } from './contacts';
import type { CoreContext, Db } from './context';
import { runOperation } from './operation';
import { readPlanView, type PlanView } from './plans';
import { readReferrals } from './referral-lists';
import type { ReferralRecord } from './referral-record';

/** One change of the case's status, as the case page's timeline shows it. */
export interface StatusChange {
	from: CaseStatus | null;
	to: CaseStatus;
	on: string;
	by: string;
	/** When it was recorded (orders changes of the same day). */
	at: string;
}

/** One recorded change of the case file's values (dated change, correction, reassignment; not the intake itself). */
export interface FileChange {
	kind: CaseFileChangeKind;
	validFrom: string;
	delta: HistoryDelta;
	by: string;
	at: string;
}

/** What the case page shows: the case, its plan with every version, contacts, referrals and status changes. */
export interface CaseFile {
	case: CaseRecord;
	plan: PlanView | null;
	contacts: ContactRecord[];
	referrals: ReferralRecord[];
	statusChanges: StatusChange[];
	fileChanges: FileChange[];
}

async function readStatusChanges(db: Db, caseId: string): Promise<StatusChange[]> {
	const rows = await db
		.selectFrom('status_history')
		.selectAll()
		.where('case_id', '=', caseId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		from: r.from_status,
		to: r.to_status,
		on: r.changed_on,
		by: r.created_by,
		at: r.created_at,
	}));
}

async function readFileChanges(db: Db, caseId: string): Promise<FileChange[]> {
	const rows = await db
		.selectFrom('case_file_changes')
		.select(['kind', 'valid_from', 'change_json', 'recorded_at', 'recorded_by'])
		.where('case_id', '=', caseId)
		.where('kind', '!=', 'intake')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		kind: r.kind,
		validFrom: r.valid_from,
		delta: JSON.parse(r.change_json) as HistoryDelta,
		by: r.recorded_by,
		at: r.recorded_at,
	}));
}

/** Reads the case file in one operation (one audit row `case.read`), with the actor's read rights. */
export function getCaseFile(ctx: CoreContext, actor: unknown, caseId: string): Promise<CaseFile> {
	return runOperation(ctx, actor, { action: 'case.read', caseId }, async (trx, who, id) => {
		const row = await loadCase(ctx, trx, id);
		assertCaseAccess(who, 'read', row);
		const plan = await readPlanView(ctx, trx, row);
		const result: CaseFile = {
			case: toCaseRecord(ctx, row),
			plan,
			contacts: await readContacts(ctx, trx, row),
			referrals: await readReferrals(ctx, trx, row),
			statusChanges: await readStatusChanges(trx, row.id),
			fileChanges: await readFileChanges(trx, row.id),
		};
		return {
			result,
			caseId: row.id,
			detail: plan
				? `mit Integrationsplan Fassung ${plan.current.version}`
				: 'ohne Integrationsplan',
		};
	});
}

/**
 * The referrals of a case with their number on the case page (1 for the first referral of the case): forms and
 * links name a referral by it (`rueckmeldung?case=EM-2026-00042&vermittlung=2`), never by its internal id.
 */
export function numberedReferrals(file: Pick<CaseFile, 'referrals'>) {
	const count = file.referrals.length;
	// The case file lists them newest first.
	return file.referrals.map((referral, i) => ({ number: count - i, referral }));
}
