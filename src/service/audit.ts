import type { Kysely } from 'kysely';
import type { AuditOutcome, Database } from '../store/database';

export interface AuditEntry {
	actor: { staffId: string; role: string; organisationId: string };
	action: string;
	caseId?: string | null;
	outcome: AuditOutcome;
	detail?: string | null;
	at: string;
}

/** Appends one row to the audit log (the table refuses updates and deletes). */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: entry.at,
			actor_id: entry.actor.staffId,
			actor_role: entry.actor.role,
			actor_organisation: entry.actor.organisationId,
			action: entry.action,
			case_id: entry.caseId ?? null,
			outcome: entry.outcome,
			detail: entry.detail ? entry.detail.slice(0, 1000) : null,
		})
		.execute();
}
