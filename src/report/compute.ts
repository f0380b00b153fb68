import type { Kysely } from 'kysely';
import type { CountSource, ReportDefinition } from '../generated/types';
import type { Database } from '../store/database';
import { isCount } from './definitions';
import { breakdownValues } from './labels';
import { all, always } from './conditions';
import { breakdownCondition, indicatorCondition, sourceQuery, type CellRow, type Column, type ColumnLayout, type QueryScope } from './sources';

/** What the source queries have in common (their column types differ only in the source tag). */
interface UnionQuery {
	unionAll(other: UnionQuery): UnionQuery;
	execute(): Promise<unknown[]>;
}

/** Figures of one manager in one municipality (the finest grain); keys are row keys (`contacts`, `contacts_by_channel.phone`). */
export interface Cell {
	managerId: string;
	organisationId: string;
	municipality: string;
	values: Record<string, number>;
}

/** The count columns of a definition, grouped by what they count (one SQL query per source). */
export function columnsBySource(definition: ReportDefinition, scope: QueryScope): Map<CountSource, Column[]> {
	const bySource = new Map<CountSource, Column[]>();
	for (const indicator of definition.indicators.filter(isCount)) {
		const columns = bySource.get(indicator.count) ?? [];
		const condition = indicatorCondition(indicator, scope);
		columns.push({ key: indicator.id, condition });
		if (indicator.breakdown) {
			for (const { value } of breakdownValues(indicator.breakdown)) {
				const split = breakdownCondition(indicator.count, indicator.breakdown, value, scope);
				columns.push({ key: `${indicator.id}.${value}`, condition: condition === always ? split : all([condition, split]) });
			}
		}
		bySource.set(indicator.count, columns);
	}
	return bySource;
}

/**
 * Runs the report as one statement: one grouped query per source, combined with `union all`. A single statement
 * sees one consistent snapshot of the data on both backends (no figure of a report can contradict another) and
 * needs one round trip.
 */
export async function computeCells(db: Kysely<Database>, definition: ReportDefinition, scope: QueryScope): Promise<Cell[]> {
	const bySource = columnsBySource(definition, scope);
	const layout: ColumnLayout = { keys: [...bySource.values()].flatMap((columns) => columns.map((c) => c.key)) };
	const [first, ...rest] = [...bySource].map(([source, columns]) => sourceQuery(db, source, columns, scope, layout) as unknown as UnionQuery);
	if (!first) return [];
	const rows = (await rest.reduce((query, branch) => query.unionAll(branch), first).execute()) as CellRow[];
	const cells = new Map<string, Cell>();
	for (const row of rows) {
		const id = `${row.manager_id}\u0000${row.organisation_id}\u0000${row.municipality_ags}`;
		let cell = cells.get(id);
		if (!cell) cells.set(id, (cell = { managerId: row.manager_id, organisationId: row.organisation_id, municipality: row.municipality_ags, values: {} }));
		const own = new Set((bySource.get(row.source as CountSource) ?? []).map((c) => c.key));
		layout.keys.forEach((key, i) => {
			if (own.has(key)) cell.values[key] = Number(row[`v${i}`] ?? 0);
		});
	}
	return [...cells.values()];
}
