import type { ErrorObject } from 'ajv';
import localizeDe from 'ajv-i18n/localize/de';
import type { FieldError } from '../errors';
import { forbiddenControl, printable } from '../text';
import { deref, enumLabel, labelFor, nodeAt } from './schema-labels';

/**
 * Turns ajv errors into German messages a manager understands: one per field, with the field's label.
 * Our own wording where ajv's is technical; ajv-i18n's German for everything else.
 */
export function toFieldErrors(
	rootFile: string,
	errors: ErrorObject[],
	data?: unknown,
): FieldError[] {
	const localized = errors.map((e) => ({ ...e }));
	localizeDe(localized);
	const result: FieldError[] = [];
	const seen = new Set<string>();
	for (const error of localized) {
		// `if/then` and `allOf` only repeat what the nested error already says.
		if (error.keyword === 'if' || error.keyword === 'allOf') continue;
		// Items that fail inside `contains` are not errors by themselves; the `contains` error speaks for them.
		if (error.schemaPath.includes('/contains/')) continue;
		const path =
			error.keyword === 'required'
				? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
				: error.instancePath;
		const message = ownMessage(rootFile, error, path, data) ?? error.message ?? 'ist ungültig';
		const key = `${path}|${message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		result.push({ path, field: labelFor(rootFile, path), message });
	}
	return result;
}

/** The value at a JSON pointer of ajv (`/household/0/firstName`, `~1` and `~0` escaped). */
function valueAt(data: unknown, pointer: string): unknown {
	let value = data;
	for (const segment of pointer.split('/').slice(1)) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
	}
	return value;
}

/** Why a text does not match its pattern, when the reason is blank text or a control character. */
function textMessage(text: unknown): string | undefined {
	if (typeof text !== 'string') return undefined;
	if (text.trim() === '') return 'Bitte ausfüllen – nur Leerzeichen genügen nicht.';
	const control = forbiddenControl(text, true);
	if (control)
		return `Enthält ein unzulässiges Steuerzeichen (${control}). Bitte ohne Steuerzeichen eingeben.`;
	if (forbiddenControl(text, false))
		return 'Bitte in einer Zeile eingeben, ohne Zeilenumbruch und Tabulator.';
	return undefined;
}

function patternMessage(pattern: string, path: string, value: unknown): string {
	const text = textMessage(value);
	if (text) return text;
	if (pattern.startsWith('^08'))
		return 'Bitte einen achtstelligen Gemeindeschlüssel aus Baden-Württemberg angeben (beginnt mit 08).';
	if (path.endsWith('/phone'))
		return 'Bitte eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) / - angeben.';
	return 'hat nicht das erwartete Format.';
}

const typeMessages: Record<string, string> = {
	integer: 'Bitte eine Zahl angeben.',
	number: 'Bitte eine Zahl angeben.',
	string: 'Bitte einen Text angeben.',
	array: 'Bitte eine Liste angeben.',
	boolean: 'Bitte Ja oder Nein angeben (true/false).',
	object: 'Bitte die Angaben als Gruppe von Feldern (Objekt) angeben.',
};

/** `oneOf` (the kinds of an indicator): names the kinds by their titles. */
function oneOfMessage(rootFile: string, node: Record<string, unknown> | undefined): string {
	const kinds = ((node?.oneOf ?? []) as Record<string, unknown>[])
		.map((branch) => deref(branch, rootFile).node.title)
		.filter((t): t is string => typeof t === 'string');
	return kinds.length
		? `Die Angaben passen zu keiner der vorgesehenen Arten (${kinds.join(', ')}).`
		: 'Die Angaben passen zu keiner der vorgesehenen Arten.';
}

interface MessageContext {
	rootFile: string;
	path: string;
	data: unknown;
	params: Record<string, unknown>;
	node: Record<string, unknown> | undefined;
}

const entries = (n: unknown, one: string, many: (n: unknown) => string) =>
	n === 1 ? one : many(n);

/** Our own German wording per ajv keyword (ajv-i18n words the rest). */
const keywordMessages: Record<string, (c: MessageContext) => string | undefined> = {
	required: () => 'Bitte ausfüllen.',
	format: ({ params }) =>
		params.format === 'date'
			? 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).'
			: params.format === 'email'
				? 'Bitte eine gültige E-Mail-Adresse angeben.'
				: undefined,
	pattern: ({ params, path, data }) =>
		patternMessage(String(params.pattern), path, valueAt(data, path)),
	enum: ({ params, node }) =>
		`Bitte einen der vorgesehenen Werte wählen: ${(params.allowedValues as string[]).map((v) => enumLabel(node, v)).join(', ')}.`,
	const: ({ path }) =>
		path.endsWith('/consent/given')
			? 'Ohne Einwilligung der Person darf keine Fallakte angelegt werden.'
			: 'Dieser Wert ist hier nicht möglich.',
	contains: ({ path }) =>
		path.endsWith('/consent/purposes')
			? 'Die Einwilligung muss mindestens die Beratung und Dokumentation umfassen.'
			: 'Ein vorgeschriebener Eintrag fehlt in der Liste.',
	oneOf: ({ rootFile, node }) => oneOfMessage(rootFile, node),
	not: () => 'Diese Kombination von Angaben ist hier nicht möglich.',
	propertyNames: ({ params }) =>
		`Das Feld „${printable(String(params.propertyName))}“ ist hier nicht vorgesehen.`,
	minItems: ({ params }) =>
		entries(
			params.limit,
			'Bitte mindestens einen Eintrag angeben.',
			(n) => `Bitte mindestens ${n} Einträge angeben.`,
		),
	maxItems: ({ params }) => `Höchstens ${params.limit} Einträge sind möglich.`,
	minLength: ({ params }) =>
		entries(params.limit, 'Bitte ausfüllen.', (n) => `Bitte mindestens ${n} Zeichen eingeben.`),
	maxLength: ({ params }) => `Höchstens ${params.limit} Zeichen sind möglich.`,
	minimum: ({ params }) => `Der Wert muss mindestens ${params.limit} sein.`,
	maximum: ({ params }) => `Der Wert darf höchstens ${params.limit} sein.`,
	exclusiveMinimum: ({ params }) => `Der Wert muss größer als ${params.limit} sein.`,
	type: ({ params }) => typeMessages[String(params.type)],
	additionalProperties: ({ params }) =>
		`Das Feld „${printable(String(params.additionalProperty))}“ ist hier nicht vorgesehen.`,
	minProperties: () => 'Bitte mindestens eine Angabe ändern.',
	uniqueItems: () => 'Jeder Eintrag darf nur einmal vorkommen.',
};

function ownMessage(
	rootFile: string,
	error: ErrorObject,
	path: string,
	data: unknown,
): string | undefined {
	const params = error.params as Record<string, unknown>;
	return keywordMessages[error.keyword]?.({
		rootFile,
		path,
		data,
		params,
		node: nodeAt(rootFile, path),
	});
}
