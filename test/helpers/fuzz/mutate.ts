import fc from 'fast-check';
import { nodeAt } from '../../../src/validation/schema-labels';

/**
 * Schema-guided mutations of a valid input, each of which makes it invalid for certain: the fuzz test knows without a
 * second validator that every mutant must be refused. `http` leaves out what the form normaliser legitimately repairs
 * (blank optional texts are "not given", select boxes may be objects, null is "not given").
 */
type SchemaNode = Record<string, unknown>;
type Path = (string | number)[];

interface Site {
	path: Path;
	value: unknown;
	node: SchemaNode;
	/** The key is required by its parent object. */
	required: boolean;
}

export const mutationKinds = [
	'removeRequired',
	'unknownKey',
	'prototypeMove',
	'controlCharacter',
	'blankText',
	'wrongType',
	'implausibleDate',
	'tooLong',
	'numberOutOfRange',
	'unknownEnumValue',
	'listBounds',
] as const;

export type MutationKind = (typeof mutationKinds)[number];

/** What fast-check draws: which mutation, where and which variant (plain numbers, so that failures shrink well). */
export interface MutationChoice {
	kind: MutationKind;
	site: number;
	variant: number;
	offset: number;
}

export const mutationChoice: fc.Arbitrary<MutationChoice> = fc.record({
	kind: fc.constantFrom(...mutationKinds),
	site: fc.nat({ max: 10_000 }),
	variant: fc.nat({ max: 100 }),
	offset: fc.nat({ max: 1_000 }),
});

const CONTROL = [
	'\u0000',
	'\u0001',
	'\u0007',
	'\u0008',
	'\u000b',
	'\u000c',
	'\u001b',
	'\u001f',
	'\u007f',
	'\u0080',
	'\u0085',
	'\u009f',
];
const BLANK = [' ', '   ', '\t', ' \n ', '\u00a0', '\u2003\u3000'];
const UNKNOWN_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'zusatzfeld',
	'x\u0000y',
	'Vorname',
	'toString',
	'hasOwnProperty',
];
const DATES = [
	'0001-01-01',
	'1899-12-31',
	'9999-12-31',
	'2100-01-01',
	'2025-02-30',
	'2025-13-01',
	'20250303',
	'2025-3-3',
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isFreeText = (node: SchemaNode) =>
	typeof node.pattern === 'string' && node.pattern.startsWith('^(?!\\s*$)');

/** Every value of the input with the schema node that describes it. */
function sitesOf(file: string, data: unknown): Site[] {
	const sites: Site[] = [];
	const walk = (value: unknown, path: Path, required: boolean) => {
		const node = nodeAt(file, path.length ? `/${path.join('/')}` : '');
		if (!node) return;
		sites.push({ path, value, node, required });
		const needed = new Set((node.required as string[] | undefined) ?? []);
		if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], false));
		else if (isObject(value))
			for (const [key, item] of Object.entries(value)) walk(item, [...path, key], needed.has(key));
	};
	walk(data, [], true);
	return sites;
}

function wrongTypes({ node, value, path }: Site, http: boolean): unknown[] {
	const type = node.type ?? (Array.isArray(value) ? 'array' : typeof value);
	const common = http ? [] : [null];
	// Over HTTP an empty object in a list is Form.io's blank grid row and dropped.
	const emptyObject = http && typeof path[path.length - 1] === 'number' ? [] : [{}];
	if (type === 'string') return [...common, 42, true, ...emptyObject, ['x']];
	if (type === 'integer' || type === 'number')
		return [...common, 'viele', true, ...emptyObject, []];
	if (type === 'boolean') return [...common, 'ja', 1, ...emptyObject];
	if (type === 'array') return [...common, 'x', 7, ...(http ? [] : [{}])];
	return [...common, 'x', 7, []];
}

/** The mutated value at a site, or undefined when this kind of mutation does not apply there. */
function mutatedValue(
	kind: MutationKind,
	site: Site,
	choice: MutationChoice,
	http: boolean,
): { value: unknown } | undefined {
	const { node, value } = site;
	const text = typeof value === 'string' ? value : undefined;
	switch (kind) {
		case 'controlCharacter': {
			if (text === undefined) return undefined;
			const at = text.length < 2 ? text.length : 1 + (choice.offset % (text.length - 1));
			return { value: `${text.slice(0, at)}${pick(CONTROL, choice.variant)}${text.slice(at)}` };
		}
		case 'blankText':
			return text !== undefined && isFreeText(node) && (!http || site.required)
				? { value: pick(BLANK, choice.variant) }
				: undefined;
		case 'wrongType':
			return site.path.length ? { value: pick(wrongTypes(site, http), choice.variant) } : undefined;
		case 'implausibleDate':
			return node.format === 'date' ? { value: pick(DATES, choice.variant) } : undefined;
		case 'tooLong':
			return text !== undefined && typeof node.maxLength === 'number'
				? { value: 'x'.repeat(node.maxLength + 1) }
				: undefined;
		case 'numberOutOfRange':
			return typeof value === 'number' ? outOfRange(node, choice.variant) : undefined;
		case 'unknownEnumValue':
			return Array.isArray(node.enum) ? { value: 'unbekannt' } : undefined;
		case 'listBounds':
			return Array.isArray(value) ? outOfBounds(node, value, choice.variant) : undefined;
		default:
			return undefined;
	}
}

function outOfRange(node: SchemaNode, variant: number): { value: unknown } | undefined {
	const candidates: number[] = [];
	if (typeof node.minimum === 'number') candidates.push(node.minimum - 1);
	if (typeof node.exclusiveMinimum === 'number') candidates.push(node.exclusiveMinimum);
	if (typeof node.maximum === 'number') candidates.push(node.maximum + 1);
	if (node.type === 'integer') candidates.push(1.5);
	return candidates.length ? { value: pick(candidates, variant) } : undefined;
}

function outOfBounds(
	node: SchemaNode,
	list: unknown[],
	variant: number,
): { value: unknown } | undefined {
	const candidates: unknown[][] = [];
	if (typeof node.minItems === 'number' && node.minItems > 0) candidates.push([]);
	if (typeof node.maxItems === 'number' && list.length)
		candidates.push(Array.from({ length: node.maxItems + 1 }, () => structuredClone(list[0])));
	if (node.uniqueItems === true && list.length)
		candidates.push([...list, structuredClone(list[0])]);
	return candidates.length ? { value: pick(candidates, variant) } : undefined;
}

function setAt(data: unknown, path: Path, value: unknown): void {
	const parent = path
		.slice(0, -1)
		.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], data) as Record<
		string | number,
		unknown
	>;
	Object.defineProperty(parent, path[path.length - 1], {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

function structural(kind: MutationKind, sites: Site[], choice: MutationChoice): string | undefined {
	if (kind === 'removeRequired') {
		const objects = sites.filter(
			(s) =>
				isObject(s.value) &&
				((s.node.required as string[] | undefined) ?? []).some((k) => k in (s.value as object)),
		);
		if (!objects.length) return undefined;
		const site = pick(objects, choice.site);
		const key = pick(
			(site.node.required as string[]).filter((k) => k in (site.value as object)),
			choice.variant,
		);
		delete (site.value as Record<string, unknown>)[key];
		return `ohne Pflichtfeld /${[...site.path, key].join('/')}`;
	}
	if (kind === 'unknownKey' || kind === 'prototypeMove') {
		const objects = sites.filter((s) => isObject(s.value) && s.node.additionalProperties === false);
		const site = kind === 'prototypeMove' ? sites[0] : pick(objects, choice.site);
		const target = site.value as Record<string, unknown>;
		const key = kind === 'prototypeMove' ? '__proto__' : pick(UNKNOWN_KEYS, choice.variant);
		const moved =
			kind === 'prototypeMove'
				? ((site.node.required as string[] | undefined) ?? [])
						.filter((k) => k in target)
						.slice(0, 1 + (choice.variant % 2))
				: [];
		const smuggled = moved.length
			? Object.fromEntries(moved.map((k) => [k, target[k]]))
			: pick(['x', 1, {}, null], choice.offset);
		for (const k of moved) delete target[k];
		// An own key, also for "__proto__" (as JSON.parse makes it), never the prototype.
		Object.defineProperty(target, key, {
			value: smuggled,
			enumerable: true,
			writable: true,
			configurable: true,
		});
		return `Feld „${JSON.stringify(key)}“ in /${site.path.join('/')}${moved.length ? ` (verschoben: ${moved.join(', ')})` : ''}`;
	}
	return undefined;
}

/**
 * Applies the chosen mutation to a copy of `base`; a kind that finds no site falls back to an unknown key at the
 * top (every schema refuses unknown keys). Returns the mutant and a description for the failure report.
 */
export function mutate(
	file: string,
	base: unknown,
	choice: MutationChoice,
	http: boolean,
): { data: unknown; description: string } {
	const data = structuredClone(base);
	const sites = sitesOf(file, data);
	const described = structural(choice.kind, sites, choice);
	if (described) return { data, description: `${choice.kind}: ${described}` };
	const candidates = sites.flatMap((site) => {
		const mutated = mutatedValue(choice.kind, site, choice, http);
		return mutated ? [{ site, value: mutated.value }] : [];
	});
	if (!candidates.length) return mutate(file, base, { ...choice, kind: 'unknownKey' }, http);
	const { site, value } = pick(candidates, choice.site);
	setAt(data, site.path, value);
	return {
		data,
		description: `${choice.kind}: /${site.path.join('/')} = ${JSON.stringify(value)?.slice(0, 120)}`,
	};
}
