import { sql, type Kysely } from 'kysely';
import type { CountSource, ReportDefinition } from '../generated/types';
import type { Backend } from '../store/migrations';
import type { Database } from '../store/database';
import { isCount } from './definitions';
import { breakdownValues } from './labels';
import { all, always } from './conditions';
import { breakdownCondition, indicatorCondition, sourceQuery, type Column, type QueryScope } from './sources';

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
 * Runs one grouped query per source inside one read-only snapshot, so all figures of a report describe the same
 * state of the data (repeatable read on PostgreSQL, a read transaction on SQLite that does not block writers).
 */
export async function computeCells(db: Kysely<Database>, backend: Backend, definition: ReportDefinition, scope: QueryScope): Promise<Cell[]> {
	const cells = new Map<string, Cell>();
	const bySource = columnsBySource(definition, scope);
	await db.connection().execute(async (conn) => {
		await sql.raw(backend === 'postgres' ? 'begin transaction isolation level repeatable read read only' : 'begin deferred').execute(conn);
		try {
			for (const [source, columns] of bySource) {
				const rows = await sourceQuery(conn, source, columns, scope).execute();
				for (const row of rows) {
					const id = `${row.manager_id}\u0000${row.organisation_id}\u0000${row.municipality_ags}`;
					let cell = cells.get(id);
					if (!cell) {
						cell = { managerId: row.manager_id, organisationId: row.organisation_id, municipality: row.municipality_ags, values: {} };
						cells.set(id, cell);
					}
					const values = row as unknown as Record<string, number | string | null>;
					columns.forEach((column, i) => (cell.values[column.key] = Number(values[`v${i}`] ?? 0)));
				}
			}
		} finally {
			await sql.raw('commit').execute(conn);
		}
	});
	return [...cells.values()];
}
