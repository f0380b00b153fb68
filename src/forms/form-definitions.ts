import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputKinds, type InputKind } from '../validation/validate';

/** The forms a manager fills; each is generated from one schema (scripts/generate-forms.ts → forms/). */
export const formKinds = [
	'intake',
	'plan',
	'contact',
	'referral',
	'referralFeedback',
	'caseFileChange',
	'closure',
	'reopen',
	'reassign',
] as const;
export type FormKind = (typeof formKinds)[number];

export function isFormKind(value: unknown): value is FormKind {
	return typeof value === 'string' && (formKinds as readonly string[]).includes(value);
}

/** German names of the forms, as a manager reads them: the German names of their input kinds. */
export const formTitles = Object.fromEntries(
	formKinds.map((kind) => [kind, inputKinds[kind].label]),
) as Record<FormKind, string>;

/** A Form.io component as far as this package reads it. */
export interface FormComponent {
	type: string;
	key: string;
	label?: string;
	input?: boolean;
	components?: FormComponent[];
	columns?: { components: FormComponent[] }[];
	data?: { values: { label: string; value: string }[] };
	properties?: Record<string, string>;
	defaultValue?: unknown;
	[other: string]: unknown;
}

export interface FormExtra {
	/** Key of the extra part in the form's data, e.g. `extensionJustification`. */
	key: string;
	/** Schema file and property that describe it. */
	schema: string;
	property: string;
}

/** Where a generated form comes from: its schema, the hidden case context and extra parts of other schemas. */
export interface FormSource {
	schema: string;
	context?: string;
	extras: FormExtra[];
}

export interface FormDefinition {
	name: FormKind;
	title: string;
	display: 'wizard' | 'form';
	type: 'form';
	'x-source': FormSource;
	components: FormComponent[];
}

/** `forms/` next to `src/` (and, after the build, `dist/forms` next to `dist/src`). */
export const formDir = [
	path.join(__dirname, '..', '..', 'forms'),
	path.join(__dirname, '..', '..', '..', 'forms'),
].find((dir) => fs.existsSync(path.join(dir, 'intake.json'))) as string;

const cache = new Map<FormKind, FormDefinition>();

/** The committed form definition (read once; callers get a deep copy they may change). */
export function loadForm(kind: FormKind): FormDefinition {
	let form = cache.get(kind);
	if (!form) {
		form = JSON.parse(
			fs.readFileSync(path.join(formDir, `${kind}.json`), 'utf8'),
		) as FormDefinition;
		cache.set(kind, form);
	}
	return structuredClone(form);
}

/** The validator kind (src/validation) for a schema file, e.g. `case-update.schema.json` → `caseUpdate`. */
export function inputKindOf(schemaFile: string): InputKind {
	const entry = Object.entries(inputKinds).find(([, v]) => v.file === schemaFile);
	if (!entry) throw new Error(`Kein Validator für ${schemaFile}`);
	return entry[0] as InputKind;
}

/** Calls `visit` for every component with its Form.io data path (`household`, `person.firstName`; grids without row index). */
export function walkComponents(
	components: FormComponent[],
	visit: (component: FormComponent, dataPath: string) => void,
	prefix = '',
): void {
	for (const c of components) {
		const isData = c.input === true && c.type !== 'button';
		const dataPath = isData ? `${prefix}${c.key}` : prefix.replace(/\.$/, '');
		if (isData) visit(c, dataPath);
		const childPrefix = isData ? `${dataPath}.` : prefix;
		if (c.components) walkComponents(c.components, visit, childPrefix);
		for (const column of c.columns ?? []) walkComponents(column.components, visit, childPrefix);
	}
}
