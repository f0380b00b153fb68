/** How an operation ended, as the audit log records it. */
export type AuditOutcome =
	'ok' | 'replayed' | 'denied' | 'rejected' | 'conflict' | 'not_found' | 'failed';

/**
 * The one table of error codes: what each means for the audit log and for an HTTP answer.
 * The message of an error is German and meant for managers and admins; the code is for machines.
 */
const errorTable = {
	VALIDATION_FAILED: { outcome: 'rejected', http: 422 },
	NOT_FOUND: { outcome: 'not_found', http: 404 },
	FORBIDDEN: { outcome: 'denied', http: 403 },
	CONFLICT: { outcome: 'conflict', http: 409 },
	CASE_CLOSED: { outcome: 'rejected', http: 422 },
	ILLEGAL_TRANSITION: { outcome: 'rejected', http: 422 },
	DURATION_EXCEEDED: { outcome: 'rejected', http: 422 },
	JUSTIFICATION_REQUIRED: { outcome: 'rejected', http: 422 },
	NOT_IN_PROGRAMME: { outcome: 'rejected', http: 422 },
	UNKNOWN_MUNICIPALITY: { outcome: 'rejected', http: 422 },
	UNKNOWN_SERVICE: { outcome: 'rejected', http: 422 },
	UNKNOWN_STAFF: { outcome: 'rejected', http: 422 },
	NO_MANAGER_AVAILABLE: { outcome: 'rejected', http: 422 },
	SUBMISSION_REUSED: { outcome: 'rejected', http: 422 },
	PROFILE_INVALID: { outcome: 'rejected', http: 422 },
	STORE_UNAVAILABLE: { outcome: 'failed', http: 503 },
	IDENTITY_PROVIDER_FAILED: { outcome: 'failed', http: 502 },
	AUTH_FAILED: { outcome: 'denied', http: 401 },
	ACCOUNT_LOCKED: { outcome: 'denied', http: 429 },
	INVITATION_INVALID: { outcome: 'rejected', http: 410 },
} as const satisfies Record<string, { outcome: AuditOutcome; http: number }>;

/** Stable error codes (see the table above). */
export type ErrorCode = keyof typeof errorTable;

export interface FieldError {
	/** JSON pointer into the submitted data, e.g. `/person/firstName`. */
	path: string;
	/** German label of the field, e.g. `Vorname`. */
	field: string;
	/** German message for this field. */
	message: string;
}

export class DomainError extends Error {
	readonly code: ErrorCode;
	readonly fieldErrors: FieldError[];
	readonly details: Record<string, unknown>;

	constructor(
		code: ErrorCode,
		message: string,
		options: { fieldErrors?: FieldError[]; details?: Record<string, unknown> } = {},
	) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
		this.fieldErrors = options.fieldErrors ?? [];
		this.details = options.details ?? {};
	}

	toJSON() {
		return {
			code: this.code,
			message: this.message,
			fieldErrors: this.fieldErrors,
			details: this.details,
		};
	}
}

export function isDomainError(error: unknown): error is DomainError {
	return error instanceof DomainError;
}

/** The audit outcome of a failed operation: its code's entry, `failed` for anything unexpected. */
export function auditOutcomeOf(error: unknown): AuditOutcome {
	return error instanceof DomainError ? errorTable[error.code].outcome : 'failed';
}

/** The HTTP status for an error answer: its code's entry, 500 for anything unexpected. */
export function httpStatusOf(error: unknown): number {
	return error instanceof DomainError ? errorTable[error.code].http : 500;
}
