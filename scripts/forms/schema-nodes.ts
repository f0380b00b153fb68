// Reading the JSON Schemas for the form generator: enum labels, conditional requirements.
import { enumLabel } from '../../src/validation/schema-labels';
import type { SchemaNode } from '../schema-files';
import type { OptionValue } from './formio';

/** The options of an enum, with their German labels from x-enumLabels. */
export function enumValues(node: SchemaNode): OptionValue[] {
	return (node.enum ?? []).map((value) => ({ label: enumLabel(node, value), value }));
}

/** A field asked (and required) only when another field of the same object has a given value. */
export interface ConditionalRequirement {
	field: string;
	equals: unknown;
}

/** Conditions from `allOf: [{if: {properties: {X: {const: V}}}, then: {required: [Y]}}]`: Y is asked (and required) only when X = V. */
export function conditionalRequirements(
	objectNode: SchemaNode,
): Map<string, ConditionalRequirement> {
	const result = new Map<string, ConditionalRequirement>();
	for (const rule of objectNode.allOf ?? []) {
		const ifProps = rule.if?.properties;
		const thenRequired = rule.then?.required;
		if (!ifProps || !thenRequired) continue;
		const entries = Object.entries(ifProps);
		if (entries.length !== 1 || !('const' in entries[0][1])) {
			throw new Error(
				`Bedingung nicht unterstützt (nur "if: {Feld: {const: Wert}}"): ${JSON.stringify(rule.if)}`,
			);
		}
		const [field, { const: equals }] = entries[0];
		for (const key of thenRequired) result.set(key, { field, equals });
	}
	return result;
}
