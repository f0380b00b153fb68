import { deref, loadSchema } from '../validation/schema-labels';
import type { FormSource } from './form-definitions';

type SchemaNode = Record<string, unknown>;

/** What a Form.io submission becomes before validation: the schema-shaped data, the extra parts, the case context. */
export interface NormalisedSubmission {
	data: Record<string, unknown>;
	extras: Record<string, unknown>;
	context: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns what Form.io posts into what the schemas describe, guided by the schema (never by guessing):
 * - the submission envelope `{data: …}` and the `submit` button key are dropped;
 * - empty strings, whitespace-only text and `null` count as "not given" (the schema then says whether that is allowed);
 * - text is trimmed;
 * - a date-only field gets `YYYY-MM-DD` from Form.io's `1990-03-15T00:00:00+01:00` (or a typed `15.03.1990`);
 * - select boxes `{a: true, b: false}` become the list of ticked values in the schema's order;
 * - a number typed as text (`"45"`, `"1,5"`) becomes a number;
 * - grid rows that are entirely empty (Form.io's blank row) are dropped, as are empty entries of a multiple text field;
 * - a group of optional fields left entirely empty is not given.
 * Everything else is passed through unchanged, so the validators still see (and name) unknown or wrong values.
 */
export function normaliseSubmission(source: FormSource, body: unknown): NormalisedSubmission {
	const envelope = isPlainObject(body) && isPlainObject(body.data) ? body.data : body;
	const raw: Record<string, unknown> = isPlainObject(envelope) ? { ...envelope } : {};
	delete raw.submit;
	const context = source.context ? raw[source.context] : undefined;
	if (source.context) delete raw[source.context];
	const extras: Record<string, unknown> = {};
	for (const extra of source.extras) {
		const value = raw[extra.key];
		delete raw[extra.key];
		const node = (loadSchema(extra.schema).properties as Record<string, SchemaNode>)[
			extra.property
		];
		const normalised = normaliseValue(value, node, extra.schema);
		if (normalised !== undefined) extras[extra.key] = normalised;
	}
	const data = normaliseValue(raw, loadSchema(source.schema), source.schema);
	return { data: isPlainObject(data) ? data : {}, extras, context };
}

/** `deref` merges objects on every call; schema nodes never change, so each is resolved once. */
const resolved = new WeakMap<SchemaNode, { node: SchemaNode; file: string }>();
function resolve(rawNode: SchemaNode, file: string) {
	let hit = resolved.get(rawNode);
	if (!hit) {
		hit = deref(rawNode, file);
		resolved.set(rawNode, hit);
	}
	return hit;
}

/** Normalises one value against its schema node; `undefined` means "not given". */
export function normaliseValue(
	value: unknown,
	rawNode: SchemaNode | undefined,
	file: string,
): unknown {
	if (value === null || value === undefined) return undefined;
	if (!rawNode) return value;
	const { node, file: nodeFile } = resolve(rawNode, file);
	if (typeof value === 'string') return normaliseText(value, node);
	if (node.type === 'object' && isPlainObject(value)) {
		const object = normaliseObject(value, node, nodeFile);
		// A group of optional fields left empty (Form.io posts `{}`) is not given; one with required fields stays,
		// so that the validator names each missing field.
		const optional = !Array.isArray(node.required) || node.required.length === 0;
		return optional && Object.keys(object).length === 0 ? undefined : object;
	}
	if (node.type === 'array') return normaliseArray(value, node, nodeFile);
	return value;
}

function normaliseText(value: string, node: SchemaNode): unknown {
	const text = value.trim();
	if (text === '') return undefined;
	if (node.type === 'string' && node.format === 'date') return dateOnly(text);
	if ((node.type === 'integer' || node.type === 'number') && /^-?\d+([.,]\d+)?$/.test(text))
		return Number(text.replace(',', '.'));
	if (node.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
	return node.type === 'string' ? text : value;
}

/** `1990-03-15T00:00:00+01:00` → `1990-03-15` (the calendar day the manager picked); `15.03.1990` → `1990-03-15`. */
export function dateOnly(text: string): string {
	const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(text);
	if (iso) return iso[1];
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	if (german) return `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}`;
	return text;
}

function normaliseObject(
	value: Record<string, unknown>,
	node: SchemaNode,
	file: string,
): Record<string, unknown> {
	const props = (node.properties ?? {}) as Record<string, SchemaNode>;
	const entries: [string, unknown][] = [];
	for (const [key, v] of Object.entries(value)) {
		// Unknown keys stay, so that the validator names them ("ist hier nicht vorgesehen"); only the schema's own
		// properties are looked up (`constructor`, `__proto__` are no field of any schema).
		const normalised = Object.hasOwn(props, key) ? normaliseValue(v, props[key], file) : v;
		if (normalised !== undefined) entries.push([key, normalised]);
	}
	// Defines own properties: a key `__proto__` stays a key (and is refused) instead of replacing the prototype.
	return Object.fromEntries(entries);
}

function normaliseArray(value: unknown, node: SchemaNode, file: string): unknown {
	const { node: items, file: itemsFile } = node.items
		? resolve(node.items as SchemaNode, file)
		: { node: {} as SchemaNode, file };
	if (isPlainObject(value) && Array.isArray(items.enum)) {
		// Select boxes: {counselling: true, referral: false} → ['counselling'], in the schema's order.
		const ticked = Object.entries(value)
			.filter(([, on]) => on === true || on === 'true')
			.map(([k]) => k);
		const order = items.enum as string[];
		return [
			...ticked
				.filter((k) => order.includes(k))
				.sort((a, b) => order.indexOf(a) - order.indexOf(b)),
			...ticked.filter((k) => !order.includes(k)),
		];
	}
	if (!Array.isArray(value)) return value;
	const result: unknown[] = [];
	for (const entry of value) {
		const normalised = normaliseValue(entry, items, itemsFile);
		if (normalised === undefined) continue;
		if (isPlainObject(normalised) && Object.keys(normalised).length === 0) continue;
		result.push(normalised);
	}
	return result;
}
