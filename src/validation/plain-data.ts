import type { FieldError } from '../errors';
import { printable } from '../text';
import { labelFor } from './schema-labels';

/** Keys that would reach an object's prototype when assigned (`obj[key] = …`); no input may carry them. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype',
]);

const MAX_DEPTH = 32;

/**
 * A plain array or object: its prototype is `Array.prototype` / `Object.prototype` (of any realm: n8n and jest
 * hand over objects made in another context) or null, never an object that carries values of its own.
 */
function isPlain(value: object): boolean {
	const prototype: unknown = Object.getPrototypeOf(value);
	if (Array.isArray(value))
		return (
			Array.isArray(prototype) && Object.getPrototypeOf(Object.getPrototypeOf(prototype)) === null
		);
	return (
		prototype === null ||
		(Object.getPrototypeOf(prototype) === null &&
			Object.prototype.toString.call(value) === '[object Object]')
	);
}

/**
 * Where `data` is not plain JSON data: an object with another prototype than `Object.prototype` (its inherited
 * values would pass a `required` check but never be stored), a getter, a cycle, nesting deeper than anything the
 * schemas describe, or a key that reaches a prototype. Checked before the schema, so that the validators only
 * ever see own, plain values. Returns German field errors (empty: the data is plain).
 */
export function plainDataErrors(rootFile: string, data: unknown): FieldError[] {
	const errors: FieldError[] = [];
	const seen = new Set<object>();
	const fail = (parentPath: string, message: string): void => {
		errors.push({ path: parentPath, field: labelFor(rootFile, parentPath), message });
	};
	const walk = (value: unknown, path: string, depth: number): void => {
		if (typeof value !== 'object' || value === null || errors.length) return;
		if (seen.has(value)) return fail(path, 'Die Angaben verweisen auf sich selbst (Kreisbezug).');
		if (depth > MAX_DEPTH)
			return fail(path, `Die Angaben sind tiefer als ${MAX_DEPTH} Ebenen verschachtelt.`);
		if (!isPlain(value))
			return fail(
				path,
				'Bitte nur einfache Angaben (JSON: Text, Zahl, Ja/Nein, Liste, Objekt) übergeben.',
			);
		seen.add(value);
		for (const key of Object.keys(value)) {
			if (PROTOTYPE_KEYS.has(key)) return fail(path, `Das Feld „${key}“ ist nicht zulässig.`);
			const descriptor = Object.getOwnPropertyDescriptor(value, key);
			if (!descriptor || !('value' in descriptor))
				return fail(path, `Das Feld „${printable(key)}“ ist kein einfacher Wert.`);
			walk(descriptor.value, `${path}/${key}`, depth + 1);
		}
		seen.delete(value);
	};
	walk(data, '', 0);
	return errors;
}
