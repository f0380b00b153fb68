import type { Kysely } from 'kysely';
import type { AuditOutcome, Database } from '../store/database';
import { printable } from '../text';

export interface AuditEntry {
	actor: { staffId: string; role: string; organisationId: string };
	action: string;
	caseId?: string | null;
	outcome: AuditOutcome;
	detail?: string | null;
	at: string;
}

/** Audit text as it can always be stored: control characters (a NUL breaks PostgreSQL) escaped, length bounded. */
const auditText = (text: string, max: number) => printable(text).slice(0, max);

/**
 * Appends one row to the audit log (the table refuses updates and deletes). Whatever the input was, the row can be
 * written: every text is made printable first, so that a refusal quoting a bad value is still audited.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: entry.at,
			actor_id: auditText(entry.actor.staffId, 200),
			actor_role: auditText(entry.actor.role, 200),
			actor_organisation: auditText(entry.actor.organisationId, 200),
			action: auditText(entry.action, 200),
			case_id:
				entry.caseId === undefined || entry.caseId === null
					? null
					: auditText(String(entry.caseId), 200),
			outcome: entry.outcome,
			detail: entry.detail ? auditText(entry.detail, 1000) : null,
		})
		.execute();
}
