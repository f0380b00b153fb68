import type { ErrorObject } from 'ajv';
import localizeDe from 'ajv-i18n/localize/de';
import type { FieldError } from '../errors';
import { enumLabel, labelFor, nodeAt } from './schema-labels';

/**
 * Turns ajv errors into German messages a manager understands: one per field, with the field's label.
 * Our own wording where ajv's is technical; ajv-i18n's German for everything else.
 */
export function toFieldErrors(rootFile: string, errors: ErrorObject[]): FieldError[] {
	const localized = errors.map((e) => ({ ...e }));
	localizeDe(localized);
	const result: FieldError[] = [];
	const seen = new Set<string>();
	for (const error of localized) {
		// `if/then` and `allOf` only repeat what the nested error already says.
		if (error.keyword === 'if' || error.keyword === 'allOf') continue;
		// Items that fail inside `contains` are not errors by themselves; the `contains` error speaks for them.
		if (error.schemaPath.includes('/contains/')) continue;
		const path = error.keyword === 'required' ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath;
		const message = ownMessage(rootFile, error, path) ?? error.message ?? 'ist ungültig';
		const key = `${path}|${message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		result.push({ path, field: labelFor(rootFile, path), message });
	}
	return result;
}

function ownMessage(rootFile: string, error: ErrorObject, path: string): string | undefined {
	const node = nodeAt(rootFile, path);
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'required':
			return 'Bitte ausfüllen.';
		case 'format':
			if (params.format === 'date') return 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).';
			if (params.format === 'email') return 'Bitte eine gültige E-Mail-Adresse angeben.';
			return undefined;
		case 'pattern':
			if (String(params.pattern).startsWith('^08')) return 'Bitte einen achtstelligen Gemeindeschlüssel aus Baden-Württemberg angeben (beginnt mit 08).';
			if (path.endsWith('/phone')) return 'Bitte eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) / - angeben.';
			return 'hat nicht das erwartete Format.';
		case 'enum': {
			const allowed = (params.allowedValues as string[]).map((v) => enumLabel(node, v));
			return `Bitte einen der vorgesehenen Werte wählen: ${allowed.join(', ')}.`;
		}
		case 'const':
			if (path.endsWith('/consent/given')) return 'Ohne Einwilligung der Person darf keine Fallakte angelegt werden.';
			return undefined;
		case 'contains':
			if (path.endsWith('/consent/purposes')) return 'Die Einwilligung muss mindestens die Beratung und Dokumentation umfassen.';
			return undefined;
		case 'minItems':
			return params.limit === 1 ? 'Bitte mindestens einen Eintrag angeben.' : `Bitte mindestens ${params.limit} Einträge angeben.`;
		case 'maxItems':
			return `Höchstens ${params.limit} Einträge sind möglich.`;
		case 'minLength':
			return params.limit === 1 ? 'Bitte ausfüllen.' : `Bitte mindestens ${params.limit} Zeichen eingeben.`;
		case 'maxLength':
			return `Höchstens ${params.limit} Zeichen sind möglich.`;
		case 'minimum':
			return `Der Wert muss mindestens ${params.limit} sein.`;
		case 'maximum':
			return `Der Wert darf höchstens ${params.limit} sein.`;
		case 'type':
			if (params.type === 'integer' || params.type === 'number') return 'Bitte eine Zahl angeben.';
			if (params.type === 'string') return 'Bitte einen Text angeben.';
			if (params.type === 'array') return 'Bitte eine Liste angeben.';
			return undefined;
		case 'additionalProperties':
			return `Das Feld „${String(params.additionalProperty)}“ ist hier nicht vorgesehen.`;
		case 'minProperties':
			return 'Bitte mindestens eine Angabe ändern.';
		case 'uniqueItems':
			return 'Jeder Eintrag darf nur einmal vorkommen.';
		default:
			return undefined;
	}
}
