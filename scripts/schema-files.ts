// The JSON Schemas (draft-07) in schemas/ are the one source of truth.
// This module reads them (through the reader the core uses) and names the TypeScript type and validator each one produces.
import * as fs from 'node:fs';
import * as schemaReader from '../src/validation/schema-labels';
import { inputKindSchemas } from '../src/validation/input-kinds';

/** A JSON Schema node as schemas/ write them: draft-07 keywords plus `x-typeName` and `x-enumLabels`. */
export interface SchemaNode {
	$id?: string;
	$ref?: string;
	title?: string;
	description?: string;
	type?: string;
	format?: string;
	enum?: string[];
	const?: unknown;
	default?: unknown;
	properties?: Record<string, SchemaNode>;
	required?: string[];
	allOf?: SchemaNode[];
	if?: SchemaNode;
	then?: SchemaNode;
	items?: SchemaNode;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	minimum?: number;
	maximum?: number;
	minItems?: number;
	maxItems?: number;
	'x-typeName'?: string;
	'x-enumLabels'?: Record<string, string>;
	[keyword: string]: unknown;
}

/** Schemas that are validated on their own (a validator is exported for each): the core's one list of input kinds. */
export const rootSchemas = Object.fromEntries(
	Object.entries(inputKindSchemas).map(([kind, { file }]) => [kind, file]),
) as {
	[K in keyof typeof inputKindSchemas]: (typeof inputKindSchemas)[K]['file'];
};

/** One schema by file name (its `$id`), read once. */
export function loadSchema(file: string): SchemaNode {
	return schemaReader.loadSchema(file) as SchemaNode;
}

/** Follows $ref (also across files); keywords next to $ref win. Returns the node and the file it was found in. */
export function deref(node: SchemaNode, file: string): { node: SchemaNode; file: string } {
	const found = schemaReader.deref(node, file);
	return { node: found.node as SchemaNode, file: found.file };
}

/** Every schema in schemas/, sorted by file name. */
export function loadSchemas(): SchemaNode[] {
	return fs
		.readdirSync(schemaReader.schemaDir)
		.filter((f) => f.endsWith('.schema.json'))
		.sort()
		.map(loadSchema);
}
