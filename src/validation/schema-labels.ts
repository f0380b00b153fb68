import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads the JSON Schemas shipped in `schemas/` (next to `src/` and, after the build, `dist/src/`). */
export const schemaDir = [
	path.join(__dirname, '..', '..', 'schemas'),
	path.join(__dirname, '..', '..', '..', 'schemas'),
].find((dir) => fs.existsSync(path.join(dir, 'intake.schema.json'))) as string;

type SchemaNode = Record<string, unknown>;

const cache = new Map<string, SchemaNode>();

export function loadSchema(file: string): SchemaNode {
	let schema = cache.get(file);
	if (!schema) {
		schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')) as SchemaNode;
		cache.set(file, schema);
	}
	return schema;
}

/** Follows `$ref` (also across files); returns the node and the file it lives in. */
export function deref(node: SchemaNode, file: string): { node: SchemaNode; file: string } {
	let current = node;
	let currentFile = file;
	for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
		const { $ref, ...siblings } = current;
		const [refFile, pointer = ''] = ($ref as string).split('#');
		currentFile = refFile || currentFile;
		let target: unknown = loadSchema(currentFile);
		for (const part of pointer.split('/').filter(Boolean)) target = (target as SchemaNode)[part];
		// Keywords next to $ref (title, description) win over the referenced definition's.
		current = { ...(target as SchemaNode), ...siblings };
	}
	return { node: current, file: currentFile };
}

/** The schema node at a JSON pointer into the data (`/household/0/firstName`), if the schema describes it. */
export function nodeAt(rootFile: string, instancePath: string): SchemaNode | undefined {
	let { node, file } = deref(loadSchema(rootFile), rootFile);
	for (const segment of instancePath.split('/').filter(Boolean)) {
		const next = /^\d+$/.test(segment)
			? (node.items as SchemaNode | undefined)
			: (node.properties as Record<string, SchemaNode> | undefined)?.[segment];
		if (!next) return undefined;
		({ node, file } = deref(next, file));
	}
	return node;
}

/** German label for a data path, e.g. `Haushaltsmitglieder Nr. 2 – Geburtsdatum`. */
export function labelFor(rootFile: string, instancePath: string): string {
	const segments = instancePath.split('/').filter(Boolean);
	const parts: string[] = [];
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if (/^\d+$/.test(segment)) {
			if (parts.length) parts[parts.length - 1] += ` Nr. ${Number(segment) + 1}`;
			continue;
		}
		const node = nodeAt(rootFile, '/' + segments.slice(0, i + 1).join('/'));
		const title = typeof node?.title === 'string' ? node.title : segment;
		parts.push(title);
	}
	return parts.length ? parts.join(' – ') : String(loadSchema(rootFile).title ?? 'Eingabe');
}

/** German label of an enum value (`x-enumLabels`), falling back to the value itself. */
export function enumLabel(node: SchemaNode | undefined, value: string): string {
	const labels = node?.['x-enumLabels'] as Record<string, string> | undefined;
	return labels?.[value] ?? value;
}

/**
 * The enum value a German label names (`angenommen` → `accepted`, any case); anything else is returned unchanged
 * for the validator to judge. Lets machine interfaces take the words their German messages use.
 */
export function enumValueForLabel(node: SchemaNode | undefined, text: unknown): unknown {
	if (typeof text !== 'string') return text;
	const labels = (node?.['x-enumLabels'] ?? {}) as Record<string, string>;
	const wanted = text.trim().toLowerCase();
	const found = Object.entries(labels).find(([, label]) => label.toLowerCase() === wanted);
	return found ? found[0] : text;
}
