import { assertCaseAccess } from '../access/policy';
import type { CaseStatus } from '../store/database';
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
}

/** What the case page shows: the case, its plan with every version, contacts, referrals and status changes. */
export interface CaseFile {
	case: CaseRecord;
	plan: PlanView | null;
	contacts: ContactRecord[];
	referrals: ReferralRecord[];
	statusChanges: StatusChange[];
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
