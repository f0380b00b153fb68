'use strict';
// Form.io form definitions generated from the JSON Schemas (schemas/) and the layout hints
// (scripts/form-layouts.js). Output: forms/<kind>.json, committed; `npm run generate` writes them,
// `node scripts/generate.js --check` fails when they are stale.
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
const fs = require('node:fs');
const path = require('node:path');
const { schemaDir } = require('./schema-files');
const { layouts } = require('./form-layouts');

const cache = new Map();
function loadSchema(file) {
	if (!cache.has(file)) cache.set(file, JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')));
	return cache.get(file);
}

/** Follows $ref (also across files); keywords next to $ref win. Returns the node, its file and its own keywords. */
function deref(node, file) {
	let current = node;
	let currentFile = file;
	const own = node;
	for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
		const { $ref, ...siblings } = current;
		const [refFile, pointer = ''] = $ref.split('#');
		currentFile = refFile || currentFile;
		let target = loadSchema(currentFile);
		for (const part of pointer.split('/').filter(Boolean)) target = target[part];
		current = { ...target, ...siblings };
	}
	return { node: current, file: currentFile, own };
}

function enumValues(node) {
	const labels = node['x-enumLabels'] || {};
	return node.enum.map((value) => ({ label: labels[value] || value, value }));
}

/** `data.person.firstName`, or `row.firstName` inside a grid row. */
function logicVar(scope, pathInScope) {
	return { var: `${scope}.${pathInScope}` };
}

/** Conditions from `allOf: [{if: {properties: {X: {const: V}}}, then: {required: [Y]}}]`: Y is asked (and required) only when X = V. */
function conditionalRequirements(objectNode) {
	const result = new Map();
	for (const rule of objectNode.allOf || []) {
		const ifProps = rule.if && rule.if.properties;
		const thenRequired = rule.then && rule.then.required;
		if (!ifProps || !thenRequired) continue;
		const entries = Object.entries(ifProps);
		if (entries.length !== 1 || !('const' in entries[0][1])) {
			throw new Error(`Bedingung nicht unterstützt (nur "if: {Feld: {const: Wert}}"): ${JSON.stringify(rule.if)}`);
		}
		const [field, { const: value }] = entries[0];
		for (const key of thenRequired) result.set(key, { field, equals: value });
	}
	return result;
}

function condition(scope, pathInScope, equals) {
	return { show: true, json: { '===': [logicVar(scope, pathInScope), equals] } };
}

class FormBuilder {
	constructor(kind, layout) {
		this.kind = kind;
		this.layout = layout;
		this.fieldHints = layout.fields || {};
		this.usedHints = new Set();
		this.rowCounter = 0;
	}

	hint(dataPath) {
		const h = this.fieldHints[dataPath];
		if (h) this.usedHints.add(dataPath);
		return h || {};
	}

	/** Components for an object's properties, arranged in rows. `scope` is 'data' or 'row'; `prefix` the path inside it. */
	objectFields(objectNode, file, rows, { scope, prefix, hintPrefix, extras = {} }) {
		const props = objectNode.properties || {};
		const required = new Set(objectNode.required || []);
		const conditionalRequired = conditionalRequirements(objectNode);
		const placed = new Set();
		const build = (key) => {
			if (extras[key]) {
				placed.add(key);
				return extras[key]();
			}
			if (!props[key]) throw new Error(`${this.kind}: Layout nennt „${hintPrefix}${key}“, das Schema kennt es nicht.`);
			if (placed.has(key)) throw new Error(`${this.kind}: „${hintPrefix}${key}“ steht zweimal im Layout.`);
			placed.add(key);
			const cond = conditionalRequired.get(key);
			const component = this.field(key, props[key], file, {
				scope,
				pathInScope: prefix + key,
				hintPath: hintPrefix + key,
				required: required.has(key) || Boolean(cond),
			});
			if (cond) component.conditional = condition(scope, prefix + cond.field, cond.equals);
			return component;
		};
		const components = (rows || Object.keys(props)).map((row) => {
			if (!Array.isArray(row)) return build(row);
			const id = `${this.kind}Row${++this.rowCounter}`;
			const size = Math.floor(12 / row.length);
			return {
				type: 'columns',
				key: id,
				input: false,
				tableView: false,
				columns: row.map((key) => ({ components: [build(key)], width: size, size: 'md', offset: 0, push: 0, pull: 0 })),
			};
		});
		const missing = Object.keys(props).filter((key) => !placed.has(key));
		if (missing.length) throw new Error(`${this.kind}: Im Layout fehlen Felder des Schemas: ${missing.map((k) => hintPrefix + k).join(', ')}`);
		return components;
	}

	field(key, rawNode, file, { scope, pathInScope, hintPath, required }) {
		const { node, file: nodeFile, own } = deref(rawNode, file);
		const h = this.hint(hintPath);
		const label = node.title || key;
		const base = { key, label, input: true, tableView: true };
		// A description belongs to the property, or to a named object/array definition; the date format
		// note of the shared `date` definition is not shown next to a date picker.
		const description = own.description || (node.type === 'object' || node.type === 'array' ? node.description : undefined);
		if (description) base.description = description;
		const validate = {};
		if (required) validate.required = true;
		let component;
		if (node.type === 'object') {
			component = {
				...base,
				type: 'container',
				hideLabel: false,
				tableView: false,
				components: this.objectFields(node, nodeFile, h.rowLayout, { scope, prefix: `${pathInScope}.`, hintPrefix: `${hintPath}.` }),
			};
			delete component.validate;
		} else if (node.type === 'array') {
			component = this.arrayField(base, node, nodeFile, h, validate, hintPath);
		} else if (node.type === 'string' && node.format === 'date') {
			component = {
				...base,
				type: 'datetime',
				format: 'dd.MM.yyyy',
				enableTime: false,
				enableDate: true,
				allowInput: true,
				displayInTimezone: 'viewer',
				datePicker: { disableWeekends: false, disableWeekdays: false },
				widget: { type: 'calendar', displayInTimezone: 'viewer', locale: 'de', useLocaleSettings: false, allowInput: true, mode: 'single', enableTime: false, noCalendar: false, format: 'dd.MM.yyyy' },
			};
		} else if (node.type === 'string' && (node.enum || h.options)) {
			const values = node.enum ? enumValues(node) : [];
			component =
				h.widget === 'radio'
					? { ...base, type: 'radio', inline: true, values }
					: { ...base, type: 'select', widget: 'html5', dataSrc: 'values', placeholder: 'Bitte wählen …', data: { values } };
			if (h.options) component.properties = { profileOptions: h.options, ...(h.defaultActor ? { defaultActor: 'true' } : {}) };
			if (node.default !== undefined) component.defaultValue = node.default;
		} else if (node.type === 'string') {
			const long = h.widget === 'textarea' || (node.maxLength || 0) > 200;
			component = { ...base, type: node.format === 'email' ? 'email' : long ? 'textarea' : 'textfield' };
			if (long) component.rows = h.rows || 3;
			if (node.minLength > 1) validate.minLength = node.minLength;
			if (node.maxLength) validate.maxLength = node.maxLength;
			if (node.pattern) validate.pattern = node.pattern;
		} else if (node.type === 'integer' || node.type === 'number') {
			component = { ...base, type: 'number', delimiter: false, requireDecimal: false };
			if (node.type === 'integer') component.decimalLimit = 0;
			if (node.minimum !== undefined) validate.min = node.minimum;
			if (node.maximum !== undefined) validate.max = node.maximum;
		} else if (node.type === 'boolean') {
			component = { ...base, type: 'checkbox', defaultValue: false };
			// `const: true` (consent): the box must be ticked; otherwise false is a valid answer.
			if (node.const !== true) delete validate.required;
		} else {
			throw new Error(`${this.kind}: Feld „${hintPath}“ hat einen nicht unterstützten Typ ${JSON.stringify(node.type)}.`);
		}
		if (h.showWhen) component.conditional = condition('data', h.showWhen.path, h.showWhen.equals);
		if (component.type !== 'container' && Object.keys(validate).length) component.validate = { ...(component.validate || {}), ...validate };
		return component;
	}

	arrayField(base, node, file, h, validate, hintPath) {
		const { node: items, file: itemsFile } = deref(node.items, file);
		if (items.type === 'object') {
			const rowComponents = this.objectFields(items, itemsFile, h.rowLayout, { scope: 'row', prefix: '', hintPrefix: `${hintPath}.` });
			const grid = {
				...base,
				type: 'datagrid',
				tableView: false,
				initEmpty: !(node.minItems >= 1),
				addAnother: 'Weitere hinzufügen',
				components: h.rowLayout
					? [{ type: 'fieldset', key: `${base.key}Item`, label: items.title || base.label, input: false, tableView: false, components: rowComponents }]
					: rowComponents,
			};
			if (node.minItems) validate.minLength = node.minItems;
			if (node.maxItems) validate.maxLength = node.maxItems;
			if (!node.minItems) delete validate.required;
			return grid;
		}
		if (items.type === 'string' && items.enum) {
			const component = { ...base, type: 'selectboxes', inputType: 'checkbox', values: enumValues(items), optionsLabelPosition: 'right' };
			if (h.widget === 'selectboxes-inline') component.inline = true;
			if (node.minItems) validate.minSelectedCount = node.minItems;
			return component;
		}
		if (items.type === 'string') {
			const component = { ...base, type: 'textfield', multiple: true, addAnother: 'Weitere hinzufügen' };
			if (items.maxLength) validate.maxLength = items.maxLength;
			if (!node.minItems) delete validate.required;
			return component;
		}
		throw new Error(`${this.kind}: Liste „${hintPath}“ mit Einträgen vom Typ ${JSON.stringify(items.type)} wird nicht unterstützt.`);
	}

	extraComponents() {
		const result = {};
		for (const extra of this.layout.extras || []) {
			result[extra.key] = () => {
				const schema = loadSchema(extra.schema);
				const component = this.field(extra.key, schema.properties[extra.property], extra.schema, {
					scope: 'data',
					pathInScope: extra.key,
					hintPath: extra.key,
					required: false,
				});
				component.conditional = condition('data', extra.showWhen.path, extra.showWhen.equals);
				return component;
			};
		}
		return result;
	}

	build() {
		const schema = loadSchema(this.layout.schema);
		const root = deref(schema, this.layout.schema).node;
		const extras = this.extraComponents();
		let components;
		if (this.layout.display === 'wizard') {
			const all = this.objectFields(root, this.layout.schema, this.layout.pages.flatMap((p) => p.rows), { scope: 'data', prefix: '', hintPrefix: '', extras });
			// objectFields built the rows in page order; hand them out to the pages again.
			let index = 0;
			components = this.layout.pages.map((page) => {
				const count = page.rows.length;
				const panel = { type: 'panel', key: page.key, title: page.title, label: page.title, input: false, tableView: false, components: all.slice(index, index + count) };
				index += count;
				return panel;
			});
		} else {
			components = this.objectFields(root, this.layout.schema, this.layout.rows, { scope: 'data', prefix: '', hintPrefix: '', extras });
			components.push({ type: 'button', key: 'submit', label: 'Speichern', action: 'submit', theme: 'primary', input: true, tableView: false, disableOnInvalid: false });
		}
		if (this.layout.context) components.unshift({ type: 'hidden', key: this.layout.context, label: 'Fall', input: true, tableView: false });
		const unused = Object.keys(this.fieldHints).filter((p) => !this.usedHints.has(p));
		if (unused.length) throw new Error(`${this.kind}: Layout-Hinweise ohne Feld: ${unused.join(', ')}`);
		return {
			name: this.kind,
			title: schema.title,
			display: this.layout.display,
			type: 'form',
			'x-source': {
				schema: this.layout.schema,
				...(this.layout.context ? { context: this.layout.context } : {}),
				extras: (this.layout.extras || []).map(({ key, schema: s, property }) => ({ key, schema: s, property })),
			},
			components,
		};
	}
}

/** The Form.io definition for one layout (exported for the generator's unit tests). */
function buildForm(kind, layout = layouts[kind]) {
	if (!layout) throw new Error(`Kein Layout für „${kind}“.`);
	return new FormBuilder(kind, layout).build();
}

/** `{ 'forms/intake.json': '<json>\n', … }` for scripts/generate.js. */
function generateForms() {
	const files = {};
	for (const kind of Object.keys(layouts)) files[`forms/${kind}.json`] = `${JSON.stringify(buildForm(kind), null, '\t')}\n`;
	return files;
}

module.exports = { buildForm, generateForms, layouts };
