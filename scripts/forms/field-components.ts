// Form.io components for the leaves of a schema (dates, choices, texts, numbers, check boxes, lists of
// choices or texts); objects and lists of objects are built by the FormBuilder (form-builder.ts).
import type { SchemaNode } from '../schema-files';
import { enumValues } from './schema-nodes';
import type { ComponentBase, Conditional, FormComponent, Validation } from './formio';
import type { FieldHint } from './layouts';

/** A component and the validation it gets (set last, after a condition). */
export interface BuiltField {
	component: FormComponent;
	validate: Validation;
}

/** Shown when the value at `scope.pathInScope` (`data.person.status`, or `row.status` inside a grid row) equals `equals`. */
export function condition(scope: string, pathInScope: string, equals: unknown): Conditional {
	return { show: true, json: { '===': [{ var: `${scope}.${pathInScope}` }, equals] } };
}

/** `validate.required` when asked; the type's own rules follow it. */
export function requiredRule(required: boolean): Validation {
	return required ? { required: true } : {};
}

/**
 * The keys every data component starts with, for the property `own` (as written) whose $ref leads to `node`;
 * a description belongs to the property or to a named object/array.
 */
export function baseComponent(key: string, node: SchemaNode, own: SchemaNode): ComponentBase {
	const base: ComponentBase = { key, label: node.title || key, input: true, tableView: true };
	// The date format note of the shared `date` definition is not shown next to a date picker.
	const description =
		own.description ||
		(node.type === 'object' || node.type === 'array' ? node.description : undefined);
	if (description) base.description = description;
	return base;
}

function dateComponent(base: ComponentBase): FormComponent {
	return {
		...base,
		type: 'datetime',
		format: 'dd.MM.yyyy',
		enableTime: false,
		enableDate: true,
		allowInput: true,
		displayInTimezone: 'viewer',
		datePicker: { disableWeekends: false, disableWeekdays: false },
		widget: {
			type: 'calendar',
			displayInTimezone: 'viewer',
			locale: 'de',
			useLocaleSettings: false,
			allowInput: true,
			mode: 'single',
			enableTime: false,
			noCalendar: false,
			format: 'dd.MM.yyyy',
		},
	};
}

/** An enum (or options from the district profile): select, or radio by hint. */
function choiceComponent(base: ComponentBase, node: SchemaNode, hint: FieldHint): FormComponent {
	const values = node.enum ? enumValues(node) : [];
	const component: FormComponent =
		hint.widget === 'radio'
			? { ...base, type: 'radio', inline: true, values }
			: {
					...base,
					type: 'select',
					widget: 'html5',
					dataSrc: 'values',
					placeholder: 'Bitte wählen …',
					data: { values },
				};
	if (hint.options)
		component.properties = {
			profileOptions: hint.options,
			...(hint.defaultActor ? { defaultActor: 'true' } : {}),
		};
	if (node.default !== undefined) component.defaultValue = node.default;
	return component;
}

function textComponent(
	base: ComponentBase,
	node: SchemaNode,
	hint: FieldHint,
	validate: Validation,
): FormComponent {
	const long = hint.widget === 'textarea' || (node.maxLength ?? 0) > 200;
	const component: FormComponent = {
		...base,
		type: node.format === 'email' ? 'email' : long ? 'textarea' : 'textfield',
	};
	if (long) component.rows = hint.rows || 3;
	if (node.minLength !== undefined && node.minLength > 1) validate.minLength = node.minLength;
	if (node.maxLength) validate.maxLength = node.maxLength;
	if (node.pattern) validate.pattern = node.pattern;
	return component;
}

function numberComponent(
	base: ComponentBase,
	node: SchemaNode,
	validate: Validation,
): FormComponent {
	const component: FormComponent = {
		...base,
		type: 'number',
		delimiter: false,
		requireDecimal: false,
	};
	if (node.type === 'integer') component.decimalLimit = 0;
	if (node.minimum !== undefined) validate.min = node.minimum;
	if (node.maximum !== undefined) validate.max = node.maximum;
	return component;
}

/** A string, number or boolean; undefined for any other type. */
export function scalarField(
	base: ComponentBase,
	node: SchemaNode,
	hint: FieldHint,
	required: boolean,
): BuiltField | undefined {
	const validate = requiredRule(required);
	if (node.type === 'string' && node.format === 'date')
		return { component: dateComponent(base), validate };
	// Choices filled when the page is served may stand for numbers too (a household member's number).
	if ((node.type === 'string' && node.enum) || hint.options)
		return { component: choiceComponent(base, node, hint), validate };
	if (node.type === 'string')
		return { component: textComponent(base, node, hint, validate), validate };
	if (node.type === 'integer' || node.type === 'number')
		return { component: numberComponent(base, node, validate), validate };
	if (node.type === 'boolean') {
		// `const: true` (consent): the box must be ticked; otherwise false is a valid answer.
		return {
			component: { ...base, type: 'checkbox', defaultValue: false },
			validate: requiredRule(required && node.const === true),
		};
	}
	return undefined;
}

/** A list of strings: selectboxes for an enum, otherwise a textfield with several values; undefined for other items. */
export function listField(
	base: ComponentBase,
	node: SchemaNode,
	items: SchemaNode,
	hint: FieldHint,
	required: boolean,
): BuiltField | undefined {
	if (hint.options) {
		// Several of the choices filled when the page is served (e.g. who left the household).
		const component = { ...choiceComponent(base, items, hint), multiple: true };
		return { component, validate: requiredRule(required) };
	}
	if (items.type === 'string' && items.enum) {
		const component: FormComponent = {
			...base,
			type: 'selectboxes',
			inputType: 'checkbox',
			values: enumValues(items),
			optionsLabelPosition: 'right',
		};
		if (hint.widget === 'selectboxes-inline') component.inline = true;
		const validate = requiredRule(required);
		if (node.minItems) validate.minSelectedCount = node.minItems;
		return { component, validate };
	}
	if (items.type === 'string') {
		const validate = requiredRule(required && Boolean(node.minItems));
		if (items.maxLength) validate.maxLength = items.maxLength;
		return {
			component: { ...base, type: 'textfield', multiple: true, addAnother: 'Weitere hinzufügen' },
			validate,
		};
	}
	return undefined;
}
