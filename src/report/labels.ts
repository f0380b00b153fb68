import type { Breakdown } from '../generated/types';
import { deref, loadSchema } from '../validation/schema-labels';

type SchemaNode = Record<string, unknown>;

/** Where the values of each breakdown and their German labels are defined (the schemas are the one source). */
const breakdownSources: Record<Breakdown, { file: string; pointer: string[] }> = {
	channel: { file: 'contact.schema.json', pointer: ['properties', 'channel'] },
	topic: { file: 'common.schema.json', pointer: ['definitions', 'contactTopic'] },
	reason: { file: 'closure.schema.json', pointer: ['properties', 'reason'] },
	planKind: {
		file: 'report-definition.schema.json',
		pointer: ['definitions', 'filter', 'properties', 'planKind', 'items'],
	},
	serviceCategory: {
		file: 'district-profile.schema.json',
		pointer: ['properties', 'services', 'items', 'properties', 'category'],
	},
	germanLevel: { file: 'common.schema.json', pointer: ['definitions', 'germanLevel'] },
	occupation: { file: 'common.schema.json', pointer: ['definitions', 'occupation'] },
};

export interface BreakdownValue {
	value: string;
	label: string;
}

const cache = new Map<Breakdown, BreakdownValue[]>();

/** The values of a breakdown in schema order, each with its German label. */
export function breakdownValues(breakdown: Breakdown): BreakdownValue[] {
	let values = cache.get(breakdown);
	if (!values) {
		const { file, pointer } = breakdownSources[breakdown];
		let node = loadSchema(file);
		for (const key of pointer) node = node[key] as SchemaNode;
		const resolved = deref(node, file).node;
		const labels = (resolved['x-enumLabels'] ?? {}) as Record<string, string>;
		values = (resolved.enum as string[]).map((value) => ({ value, label: labels[value] ?? value }));
		cache.set(breakdown, values);
	}
	return values;
}

/** A breakdown line of a report: its row key (`<indicator>.<value>`), the value and its German label. */
export interface BreakdownRow extends BreakdownValue {
	key: string;
}

/** The breakdown lines of a count indicator (none without a breakdown): the one place a row key is composed. */
export function breakdownRows(indicator: { id: string; breakdown?: Breakdown }): BreakdownRow[] {
	if (!indicator.breakdown) return [];
	return breakdownValues(indicator.breakdown).map((v) => ({
		...v,
		key: `${indicator.id}.${v.value}`,
	}));
}

/** The German label of one value of a breakdown (the value itself when the schema has none). */
export function valueLabel(breakdown: Breakdown, value: string): string {
	return breakdownValues(breakdown).find((v) => v.value === value)?.label ?? value;
}
