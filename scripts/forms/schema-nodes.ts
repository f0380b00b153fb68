// Reading the JSON Schemas for the form generator: references, enum labels, conditional requirements.
import { loadSchema, type SchemaNode } from '../schema-files';
import type { OptionValue } from './formio';

export interface Dereferenced {
	/** The node after following every $ref; keywords next to a $ref win over the target's. */
	node: SchemaNode;
	/** The schema file the node was found in. */
	file: string;
	/** The node as written, before following $ref (its own description). */
	own: SchemaNode;
}

/** Follows $ref (also across files); keywords next to $ref win. */
export function deref(node: SchemaNode, file: string): Dereferenced {
	let current = node;
	let currentFile = file;
	for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
		const { $ref, ...siblings } = current;
		const [refFile, pointer = ''] = $ref.split('#');
		currentFile = refFile || currentFile;
		let target: unknown = loadSchema(currentFile);
		for (const part of pointer.split('/').filter(Boolean)) target = (target as Record<string, unknown>)[part];
		current = { ...(target as SchemaNode), ...siblings };
	}
	return { node: current, file: currentFile, own: node };
}

/** The options of an enum, with their German labels from x-enumLabels. */
export function enumValues(node: SchemaNode): OptionValue[] {
	const labels = node['x-enumLabels'] ?? {};
	return (node.enum ?? []).map((value) => ({ label: labels[value] || value, value }));
}

/** A field asked (and required) only when another field of the same object has a given value. */
export interface ConditionalRequirement {
	field: string;
	equals: unknown;
}

/** Conditions from `allOf: [{if: {properties: {X: {const: V}}}, then: {required: [Y]}}]`: Y is asked (and required) only when X = V. */
export function conditionalRequirements(objectNode: SchemaNode): Map<string, ConditionalRequirement> {
	const result = new Map<string, ConditionalRequirement>();
	for (const rule of objectNode.allOf ?? []) {
		const ifProps = rule.if?.properties;
		const thenRequired = rule.then?.required;
		if (!ifProps || !thenRequired) continue;
		const entries = Object.entries(ifProps);
		if (entries.length !== 1 || !('const' in entries[0][1])) {
			throw new Error(`Bedingung nicht unterstützt (nur "if: {Feld: {const: Wert}}"): ${JSON.stringify(rule.if)}`);
		}
		const [field, { const: equals }] = entries[0];
		for (const key of thenRequired) result.set(key, { field, equals });
	}
	return result;
}
