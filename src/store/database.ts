import type { AuditOutcome } from '../errors';
import type { Generated } from 'kysely';
import type {
	CaseFileChangeTable,
	CaseHistoryPersonTable,
	CaseHistoryTable,
} from './history-tables';

export type * from './history-tables';

/**
 * Table types of the case store. Dates are ISO `YYYY-MM-DD` text and timestamps ISO-8601 text on both
 * backends, so comparisons and reports give identical results on SQLite and PostgreSQL. Flags are 0/1.
 */
export interface Database {
	cases: CaseTable;
	case_persons: CasePersonTable;
	plans: PlanTable;
	contacts: ContactTable;
	contact_topics: ContactTopicTable;
	referrals: ReferralTable;
	referral_events: ReferralEventTable;
	closures: ClosureTable;
	status_history: StatusHistoryTable;
	case_file_changes: CaseFileChangeTable;
	case_history: CaseHistoryTable;
	case_history_persons: CaseHistoryPersonTable;
	submissions: SubmissionTable;
	case_events: CaseEventTable;
	audit_log: AuditLogTable;
	trigger_emissions: TriggerEmissionTable;
	oidc_login_transactions: OidcLoginTransactionTable;
	staff_accounts: StaffAccountTable;
	staff_invitations: StaffInvitationTable;
	staff_sessions: StaffSessionTable;
	login_throttle: LoginThrottleTable;
	case_number_counters: CaseNumberCounterTable;
}

/** The last case number given per district and year; raised in the transaction that inserts the case. */
export interface CaseNumberCounterTable {
	district_id: string;
	year: number;
	last_seq: number;
}

/** A staff member's own password (memory-hard hash, `scrypt$N$r$p$salt$hash`). */
export interface StaffAccountTable {
	district_id: string;
	staff_id: string;
	password_hash: string;
	password_set_at: string;
	created_at: string;
}

/** A one-time link to set one's password; only the SHA-256 (hex) of the token is kept. */
export interface StaffInvitationTable {
	token_hash: string;
	district_id: string;
	staff_id: string;
	created_by: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	revoked_at: string | null;
}

export type SessionVia = 'password' | 'invitation' | 'oidc' | 'proxy';

/** A signed-in browser; only the SHA-256 (hex) of the session id is kept, the CSRF token as it is. */
export interface StaffSessionTable {
	id_hash: string;
	district_id: string;
	staff_id: string;
	via: SessionVia;
	request_token_hash: string;
	created_at: string;
	last_seen_at: string;
	/** Absolute end: creation plus the profile's `sessionMaxHours`. */
	expires_at: string;
	ended_at: string | null;
	/** `logout`, `deactivated`, `password_changed`. */
	end_reason: string | null;
	client_address: string | null;
}

/** Failed sign-ins per subject (`staff:<id>` or `address:<ip>`) and the lock they caused. */
export interface LoginThrottleTable {
	district_id: string;
	subject: string;
	failures: number;
	locked_until: string | null;
	last_failure_at: string;
}

/** A login at the district's identity provider that has begun (OpenID Connect, authorization code + PKCE); used once. */
export interface OidcLoginTransactionTable {
	/** The `state` parameter sent to the provider: the key under which the callback finds this row. */
	state: string;
	district_id: string;
	issuer: string;
	client_id: string;
	/** SHA-256 of the random value kept in a short-lived cookie of the browser that began the login. */
	browser_binding_hash: string;
	nonce: string;
	/** PKCE code verifier; emptied when the row is used. */
	code_verifier: string;
	/** Path of the page to show after the login. */
	return_to: string | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface TriggerEmissionTable {
	trigger_id: string;
	event_key: string;
	emitted_at: string;
}

export type CaseStatus = 'intake' | 'active' | 'closed';

export interface CaseTable {
	id: string;
	district_id: string;
	organisation_id: string;
	manager_id: string;
	municipality_ags: string;
	status: CaseStatus;
	version: number;
	/** Start of counselling (intake date); the 3/4-year limit counts from here, also after a reopening. */
	opened_on: string;
	/** Year of the intake date: with `case_seq` the readable number (`EM-2026-00042`, prefix from the profile). */
	case_year: number;
	/** Sequence per district and year, from 1 without gaps (unique with district and year). */
	case_seq: number;
	closed_on: string | null;
	/** Lower-case `lastname firstname` of the counselled person, for search. */
	search_name: string;
	persons_count: number;
	minors_count: number;
	extension_reason: string | null;
	extension_on: string | null;
	/** Current master data (the intake as amended by updates), JSON. */
	data_json: string;
	created_at: string;
	created_by: string;
	updated_at: string;
}

export interface CasePersonTable {
	case_id: string;
	position: number;
	role: 'client' | 'member';
	birth_date: string;
	relationship: string | null;
	german_level: string | null;
	occupation: string | null;
}

export interface PlanTable {
	id: string;
	case_id: string;
	version: number;
	kind: 'created' | 'continued';
	plan_date: string;
	review_date: string;
	data_json: string;
	created_at: string;
	created_by: string;
}

export interface ContactTable {
	id: string;
	case_id: string;
	contact_date: string;
	channel: string;
	minutes: number;
	note: string | null;
	created_at: string;
	created_by: string;
}

export interface ContactTopicTable {
	contact_id: string;
	topic: string;
}

export type ReferralState = 'open' | 'accepted' | 'declined' | 'done';

export interface ReferralTable {
	id: string;
	case_id: string;
	service_id: string;
	reason: string;
	note: string | null;
	referred_on: string;
	status: ReferralState;
	status_on: string;
	created_at: string;
	created_by: string;
	updated_at: string;
}

export interface ReferralEventTable {
	id: Generated<number>;
	referral_id: string;
	status: ReferralState;
	event_on: string;
	note: string | null;
	created_at: string;
	created_by: string;
}

export interface ClosureTable {
	id: string;
	case_id: string;
	closed_on: string;
	reason: string;
	reason_note: string | null;
	moved_to: string | null;
	own_tenancy: number;
	german_level: string | null;
	employment_social_insurance: number;
	training_internship_study: number;
	data_json: string;
	reopened_on: string | null;
	reopen_reason: string | null;
	created_at: string;
	created_by: string;
}

export interface StatusHistoryTable {
	id: Generated<number>;
	case_id: string;
	from_status: CaseStatus | null;
	to_status: CaseStatus;
	changed_on: string;
	created_at: string;
	created_by: string;
}

export interface SubmissionTable {
	submission_id: string;
	/** Who made the submission (null for rows from before migration 0003): only they may replay it. */
	actor_id: string | null;
	operation: string;
	case_id: string | null;
	result_json: string;
	created_at: string;
}

/** Outbox of everything that happened to a case, in commit order per case (for triggers). */
export interface CaseEventTable {
	seq: Generated<number>;
	case_id: string;
	type: string;
	created_at: string;
	payload_json: string;
}

export type { AuditOutcome };

export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	actor_id: string;
	actor_role: string;
	actor_organisation: string;
	action: string;
	case_id: string | null;
	outcome: AuditOutcome;
	detail: string | null;
}

/** The tables that hold a case's data, parents before children (the order bulk inserts need). */
export const caseDataTables = [
	'cases',
	'case_persons',
	'status_history',
	'case_file_changes',
	'case_history',
	'case_history_persons',
	'plans',
	'contacts',
	'contact_topics',
	'referrals',
	'referral_events',
	'closures',
] as const satisfies readonly (keyof Database)[];
