import { DomainError } from '../errors';
import { germanDate } from './dates';

/** A documented event cannot lie in the future. */
export function assertNotInFuture(date: string, today: string, field: string, label: string): void {
	if (date > today) {
		throw new DomainError('VALIDATION_FAILED', `${label}: Das Datum ${germanDate(date)} liegt in der Zukunft.`, {
			fieldErrors: [{ path: `/${field}`, field: label, message: `Das Datum ${germanDate(date)} liegt in der Zukunft.` }],
		});
	}
}

/** A documented event cannot lie before the event it depends on (e.g. a contact before the intake). */
export function assertNotBefore(date: string, earliest: string, field: string, label: string, earliestLabel: string): void {
	if (date < earliest) {
		const message = `Das Datum ${germanDate(date)} liegt vor ${earliestLabel} (${germanDate(earliest)}).`;
		throw new DomainError('VALIDATION_FAILED', `${label}: ${message}`, { fieldErrors: [{ path: `/${field}`, field: label, message }] });
	}
}
