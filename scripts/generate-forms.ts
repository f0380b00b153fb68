// Form.io form definitions generated from the JSON Schemas (schemas/) and the layout hints
// (scripts/forms/layouts.ts). Output: forms/<kind>.json, committed; `npm run generate` writes them,
// `npm run generate -- --check` fails when they are stale.
//
// Rules (schema feature → Form.io component):
//   object                        → container (data nesting), its fields in rows (columns)
//   array of objects              → datagrid (one row per item; `initEmpty` unless minItems ≥ 1)
//   array of enum strings         → selectboxes (German labels from x-enumLabels)
//   array of strings              → textfield with `multiple`
//   string, format date           → datetime, date only, dd.MM.yyyy, German calendar
//   string, enum                  → select (html5) or radio, German labels from x-enumLabels
//   string, format email          → email
//   string, maxLength > 200       → textarea (also by hint)
//   string                        → textfield (minLength, maxLength, pattern)
//   integer / number              → number (minimum, maximum; integers without decimals)
//   boolean                       → checkbox (`const: true` → must be ticked)
//   required                      → validate.required
//   if {X: const V} then required → JSONLogic condition on X plus validate.required (no eval needed)
// Conditions are JSONLogic only (`conditional.json`): the page runs with Form.io's noeval switch.
import { FormBuilder } from './forms/form-builder';
import type { FormDefinition } from './forms/formio';
import { layouts, type FormKind, type FormLayout } from './forms/layouts';

/** The Form.io definition for one layout (exported for the generator's unit tests). */
export function buildForm(
	kind: string,
	layout: FormLayout | undefined = layouts[kind as FormKind],
): FormDefinition {
	if (!layout) throw new Error(`Kein Layout für „${kind}“.`);
	return new FormBuilder(kind, layout).build();
}

/** `{ 'forms/intake.json': '<json>\n', … }` for scripts/generate.ts. */
export function generateForms(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const kind of Object.keys(layouts))
		files[`forms/${kind}.json`] = `${JSON.stringify(buildForm(kind), null, '\t')}\n`;
	return files;
}
