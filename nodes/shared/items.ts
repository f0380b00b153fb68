import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** A core record as the JSON of an n8n item: records are plain data, so a shallow copy of their fields. */
export function itemJson(record: object): IDataObject {
	return Object.fromEntries(Object.entries(record));
}

/** One output item per record, paired with the input item. */
export function itemsOf(
	result: object | readonly object[],
	itemIndex: number,
): INodeExecutionData[] {
	const records: readonly object[] = Array.isArray(result) ? result : [result];
	return records.map((record) => ({ json: itemJson(record), pairedItem: { item: itemIndex } }));
}
