/** Stable error codes. The message is German and meant for managers and admins; the code is for machines. */
export type ErrorCode =
	| 'VALIDATION_FAILED'
	| 'NOT_FOUND'
	| 'FORBIDDEN'
	| 'CONFLICT'
	| 'CASE_CLOSED'
	| 'ILLEGAL_TRANSITION'
	| 'DURATION_EXCEEDED'
	| 'JUSTIFICATION_REQUIRED'
	| 'NOT_IN_PROGRAMME'
	| 'UNKNOWN_MUNICIPALITY'
	| 'UNKNOWN_SERVICE'
	| 'UNKNOWN_STAFF'
	| 'NO_MANAGER_AVAILABLE'
	| 'SUBMISSION_REUSED'
	| 'PROFILE_INVALID'
	| 'STORE_UNAVAILABLE';

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

	constructor(code: ErrorCode, message: string, options: { fieldErrors?: FieldError[]; details?: Record<string, unknown> } = {}) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
		this.fieldErrors = options.fieldErrors ?? [];
		this.details = options.details ?? {};
	}

	toJSON() {
		return { code: this.code, message: this.message, fieldErrors: this.fieldErrors, details: this.details };
	}
}

export function isDomainError(error: unknown): error is DomainError {
	return error instanceof DomainError;
}
