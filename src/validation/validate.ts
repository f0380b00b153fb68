import { DomainError, type FieldError } from '../errors';
import * as generated from '../generated/validators.cjs';
import type { StandaloneValidator } from '../generated/validators.cjs';
import type * as T from '../generated/types';
import { toFieldErrors } from './messages';
import { plainDataErrors } from './plain-data';
import { inputKindSchemas, type InputKind } from './input-kinds';

/** What each kind of input is, which schema describes it, what it is called in German, and its generated validator. */
export const inputKinds = Object.fromEntries(
	(Object.keys(inputKindSchemas) as InputKind[]).map((kind) => [
		kind,
		{ ...inputKindSchemas[kind], validate: generated[kind] },
	]),
) as { [K in InputKind]: (typeof inputKindSchemas)[K] & { validate: (typeof generated)[K] } };

export type { InputKind };
export type InputType<K extends InputKind> =
	(typeof inputKinds)[K]['validate'] extends StandaloneValidator<infer D> ? D : never;

export type { T };

/**
 * Validates `data` against its schema; throws a DomainError with German messages per field. Only plain JSON data
 * gets to the schema (no prototype keys, no inherited values, no getters), so what passes is exactly what is stored.
 */
export function validateInput<K extends InputKind>(kind: K, data: unknown): InputType<K> {
	const { file, label, validate } = inputKinds[kind];
	const unsafe = plainDataErrors(file, data);
	if (unsafe.length) throw refusal(label, unsafe);
	const check = validate as StandaloneValidator<InputType<K>>;
	if (check(data)) return data;
	throw refusal(label, toFieldErrors(file, check.errors ?? [], data));
}

function refusal(label: string, fieldErrors: FieldError[]): DomainError {
	const summary = fieldErrors
		.slice(0, 5)
		.map((e) => `${e.field}: ${e.message}`)
		.join(' ');
	const more = fieldErrors.length > 5 ? ` (und ${fieldErrors.length - 5} weitere)` : '';
	return new DomainError(
		'VALIDATION_FAILED',
		`${label} unvollständig oder fehlerhaft. ${summary}${more}`,
		{ fieldErrors },
	);
}

/** Same as validateInput but returns the errors instead of throwing (for forms). */
export function checkInput(kind: InputKind, data: unknown) {
	try {
		validateInput(kind, data);
		return [];
	} catch (error) {
		if (error instanceof DomainError) return error.fieldErrors;
		throw error;
	}
}
