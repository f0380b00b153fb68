// Builds one Form.io form definition from a schema and its layout (see generate-forms.ts for the rules).
import { deref, loadSchema, type SchemaNode } from '../schema-files';
import {
	baseComponent,
	condition,
	listField,
	requiredRule,
	scalarField,
	type BuiltField,
} from './field-components';
import type { ComponentBase, FormComponent, FormDefinition, FormSource } from './formio';
import type { FieldHint, FormLayout, LayoutRow, WizardLayout } from './layouts';
import { conditionalRequirements } from './schema-nodes';
import { submitButton, type FieldPlace, type ObjectPlace } from './form-places';

/** One field to build: its base component, its (dereferenced) schema node and file, its layout hint and place. */
interface FieldSpec {
	base: ComponentBase;
	node: SchemaNode;
	file: string;
	hint: FieldHint;
	place: FieldPlace;
}

export class FormBuilder {
	private readonly fieldHints: Record<string, FieldHint>;
	private readonly usedHints = new Set<string>();
	private rowCounter = 0;

	constructor(
		private readonly kind: string,
		private readonly layout: FormLayout,
	) {
		this.fieldHints = layout.fields ?? {};
	}

	build(): FormDefinition {
		const { layout } = this;
		const schema = loadSchema(layout.schema);
		const root = deref(schema, layout.schema).node;
		const place: ObjectPlace = {
			scope: 'data',
			prefix: '',
			hintPrefix: '',
			extras: this.extraComponents(),
		};
		const components =
			layout.display === 'wizard'
				? this.pages(layout, root, place)
				: [...this.objectFields(root, layout.schema, layout.rows, place), submitButton()];
		if (layout.context)
			components.unshift({
				type: 'hidden',
				key: layout.context,
				label: 'Fall',
				input: true,
				tableView: false,
			});
		const unused = Object.keys(this.fieldHints).filter((p) => !this.usedHints.has(p));
		if (unused.length)
			throw new Error(`${this.kind}: Layout-Hinweise ohne Feld: ${unused.join(', ')}`);
		return {
			name: this.kind,
			title: schema.title,
			display: layout.display,
			type: 'form',
			'x-source': this.source(),
			components,
		};
	}

	private source(): FormSource {
		const { schema, context, extras = [] } = this.layout;
		return {
			schema,
			...(context ? { context } : {}),
			extras: extras.map(({ key, schema: s, property }) => ({ key, schema: s, property })),
		};
	}

	/** A wizard: the rows of all pages are built in page order, then handed out to the pages (panels). */
	private pages(layout: WizardLayout, root: SchemaNode, place: ObjectPlace): FormComponent[] {
		const all = this.objectFields(
			root,
			layout.schema,
			layout.pages.flatMap((p) => p.rows),
			place,
		);
		let index = 0;
		return layout.pages.map((page) => {
			const count = page.rows.length;
			const panel: FormComponent = {
				type: 'panel',
				key: page.key,
				title: page.title,
				label: page.title,
				input: false,
				tableView: false,
				components: all.slice(index, index + count),
			};
			index += count;
			return panel;
		});
	}

	private hint(dataPath: string): FieldHint {
		const h = this.fieldHints[dataPath];
		if (h) this.usedHints.add(dataPath);
		return h ?? {};
	}

	/** Components for an object's properties, arranged in rows (every property exactly once). */
	private objectFields(
		objectNode: SchemaNode,
		file: string,
		rows: LayoutRow[] | undefined,
		place: ObjectPlace,
	): FormComponent[] {
		const { scope, prefix, hintPrefix, extras = {} } = place;
		const props = objectNode.properties ?? {};
		const required = new Set(objectNode.required ?? []);
		const conditionalRequired = conditionalRequirements(objectNode);
		const placed = new Set<string>();
		const build = (key: string): FormComponent => {
			const extra = extras[key];
			if (extra) {
				placed.add(key);
				return extra();
			}
			if (!props[key])
				throw new Error(
					`${this.kind}: Layout nennt „${hintPrefix}${key}“, das Schema kennt es nicht.`,
				);
			if (placed.has(key))
				throw new Error(`${this.kind}: „${hintPrefix}${key}“ steht zweimal im Layout.`);
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
		const components = (rows ?? Object.keys(props)).map((row) =>
			Array.isArray(row) ? this.columns(row, build) : build(row),
		);
		const missing = Object.keys(props).filter((key) => !placed.has(key));
		if (missing.length)
			throw new Error(
				`${this.kind}: Im Layout fehlen Felder des Schemas: ${missing.map((k) => hintPrefix + k).join(', ')}`,
			);
		return components;
	}

	/** Fields that share a row: columns of equal width. */
	private columns(row: string[], build: (key: string) => FormComponent): FormComponent {
		const size = Math.floor(12 / row.length);
		return {
			type: 'columns',
			key: `${this.kind}Row${++this.rowCounter}`,
			input: false,
			tableView: false,
			columns: row.map((key) => ({
				components: [build(key)],
				width: size,
				size: 'md',
				offset: 0,
				push: 0,
				pull: 0,
			})),
		};
	}

	private field(key: string, rawNode: SchemaNode, file: string, place: FieldPlace): FormComponent {
		const { node, file: nodeFile } = deref(rawNode, file);
		const hint = this.hint(place.hintPath);
		const { component, validate } = this.typedField({
			base: baseComponent(key, node, rawNode),
			node,
			file: nodeFile,
			hint,
			place,
		});
		if (hint.showWhen)
			component.conditional = condition('data', hint.showWhen.path, hint.showWhen.equals);
		if (component.type !== 'container' && Object.keys(validate).length)
			component.validate = validate;
		return component;
	}

	private typedField(field: FieldSpec): BuiltField {
		const { base, node, file, hint, place } = field;
		if (node.type === 'object') {
			const components = this.objectFields(node, file, hint.rowLayout, {
				scope: place.scope,
				prefix: `${place.pathInScope}.`,
				hintPrefix: `${place.hintPath}.`,
			});
			return {
				component: { ...base, type: 'container', hideLabel: false, tableView: false, components },
				validate: {},
			};
		}
		if (node.type === 'array') return this.arrayField(field);
		const built = scalarField(base, node, hint, place.required);
		if (!built)
			throw new Error(
				`${this.kind}: Feld „${place.hintPath}“ hat einen nicht unterstützten Typ ${JSON.stringify(node.type)}.`,
			);
		return built;
	}

	private arrayField(field: FieldSpec): BuiltField {
		const { base, node, file, hint, place } = field;
		const { node: items, file: itemsFile } = deref(node.items ?? {}, file);
		if (items.type === 'object') return this.gridField(field, items, itemsFile);
		const built = listField(base, node, items, hint, place.required);
		if (!built)
			throw new Error(
				`${this.kind}: Liste „${place.hintPath}“ mit Einträgen vom Typ ${JSON.stringify(items.type)} wird nicht unterstützt.`,
			);
		return built;
	}

	/** A list of objects: a datagrid, one row per item (`initEmpty` unless minItems ≥ 1), in a fieldset when laid out in rows. */
	private gridField(
		{ base, node, hint, place }: FieldSpec,
		items: SchemaNode,
		itemsFile: string,
	): BuiltField {
		const rowComponents = this.objectFields(items, itemsFile, hint.rowLayout, {
			scope: 'row',
			prefix: '',
			hintPrefix: `${place.hintPath}.`,
		});
		const component: FormComponent = {
			...base,
			type: 'datagrid',
			tableView: false,
			initEmpty: !((node.minItems ?? 0) >= 1),
			addAnother: 'Weitere hinzufügen',
			components: hint.rowLayout
				? [
						{
							type: 'fieldset',
							key: `${base.key}Item`,
							label: items.title || base.label,
							input: false,
							tableView: false,
							components: rowComponents,
						},
					]
				: rowComponents,
		};
		const validate = requiredRule(place.required && Boolean(node.minItems));
		if (node.minItems) validate.minLength = node.minItems;
		if (node.maxItems) validate.maxLength = node.maxItems;
		return { component, validate };
	}

	/** The fields of other schemas (layout `extras`), each shown only under its condition. */
	private extraComponents(): Record<string, () => FormComponent> {
		const extras = this.layout.extras ?? [];
		return Object.fromEntries(
			extras.map((extra) => [
				extra.key,
				() => {
					const property = loadSchema(extra.schema).properties?.[extra.property];
					if (!property)
						throw new Error(`${this.kind}: ${extra.schema} hat kein Feld „${extra.property}“.`);
					const component = this.field(extra.key, property, extra.schema, {
						scope: 'data',
						pathInScope: extra.key,
						hintPath: extra.key,
						required: false,
					});
					component.conditional = condition('data', extra.showWhen.path, extra.showWhen.equals);
					return component;
				},
			]),
		);
	}
}
