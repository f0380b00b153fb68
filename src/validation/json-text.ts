import { DomainError } from '../errors';

/** JSON parameters arrive as objects (expressions) or as text (typed in); bad JSON is a German error. */
export function parseJsonParameter(value: unknown, label: string): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value);
	} catch {
		throw new DomainError('VALIDATION_FAILED', `„${label}“ ist kein gültiges JSON.`);
	}
}
