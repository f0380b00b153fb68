import { DomainError, type ErrorCode } from '../errors';

/**
 * A configuration that passed its schema but contradicts itself (a district profile, a report definition):
 * refused with every problem named, in German.
 */
export function assertConsistent(what: string, problems: string[], code: ErrorCode): void {
	if (problems.length === 0) return;
	throw new DomainError(code, `${what} ist widersprüchlich: ${problems.join(' ')}`, {
		details: { problems },
	});
}
