import { sql, type Kysely } from 'kysely';
import type { Backend } from '../store/migrations';
import type { Breakdown, CountSource, ReportDefinition } from '../generated/types';
import type { Database } from '../store/database';
import { isCount } from './definitions';
import { breakdownRows } from './labels';
import { all, always } from './conditions';
import {
	breakdownCondition,
	indicatorCondition,
	sourceQuery,
	type CellRow,
	type Column,
	type ColumnLayout,
	type QueryScope,
} from './sources';

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

/** The cell of a row's manager, organisation and municipality in `cells`, added (without values) when new. */
export function cellOf(
	cells: Map<string, Cell>,
	row: { manager_id: string; organisation_id: string; municipality_ags: string },
): Cell {
	const id = `${row.manager_id}\u0000${row.organisation_id}\u0000${row.municipality_ags}`;
	let cell = cells.get(id);
	if (!cell) {
		cell = {
			managerId: row.manager_id,
			organisationId: row.organisation_id,
			municipality: row.municipality_ags,
			values: {},
		};
		cells.set(id, cell);
	}
	return cell;
}

/** The count columns of a definition, grouped by what they count (one SQL query per source). */
export function columnsBySource(
	definition: ReportDefinition,
	scope: QueryScope,
): Map<CountSource, Column[]> {
	const bySource = new Map<CountSource, Column[]>();
	for (const indicator of definition.indicators.filter(isCount)) {
		const columns = bySource.get(indicator.count) ?? [];
		const condition = indicatorCondition(indicator, scope);
		columns.push({ key: indicator.id, condition });
		for (const { key, value } of breakdownRows(indicator)) {
			const split = breakdownCondition(
				indicator.count,
				indicator.breakdown as Breakdown,
				value,
				scope,
			);
			columns.push({ key, condition: condition === always ? split : all([condition, split]) });
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
export async function computeCells(
	db: Kysely<Database>,
	backend: Backend,
	definition: ReportDefinition,
	scope: QueryScope,
): Promise<Cell[]> {
	const bySource = columnsBySource(definition, scope);
	const layout: ColumnLayout = {
		width: Math.max(0, ...[...bySource.values()].map((columns) => columns.length)),
	};
	const branches = (conn: Kysely<Database>) =>
		[...bySource].map(
			([source, columns]) =>
				sourceQuery(conn, source, columns, scope, layout) as unknown as UnionQuery,
		);
	if (bySource.size === 0) return [];
	const rows = (await withoutJit(db, backend, (conn) => {
		const [head, ...tail] = branches(conn);
		return tail.reduce((query, branch) => query.unionAll(branch), head).execute();
	})) as CellRow[];
	const cells = new Map<string, Cell>();
	for (const row of rows) {
		const cell = cellOf(cells, row);
		(bySource.get(row.source as CountSource) ?? []).forEach(
			(column, i) => (cell.values[column.key] = Number(row[`v${i}`] ?? 0)),
		);
	}
	return [...cells.values()];
}

/**
 * Runs a report statement on PostgreSQL with JIT compilation switched off for it (`set local`, this transaction only):
 * the statement has hundreds of conditional counts, and compiling them costs PostgreSQL seconds for a query that runs
 * in about one (measured in bench/report-bench.ts). Read-only; SQLite runs it as it is.
 */
export async function withoutJit<T>(
	db: Kysely<Database>,
	backend: Backend,
	run: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
	if (backend !== 'postgres') return run(db);
	return db.connection().execute(async (conn) => {
		await sql`begin transaction read only`.execute(conn);
		try {
			await sql`set local jit = off`.execute(conn);
			return await run(conn);
		} finally {
			await sql`commit`.execute(conn);
		}
	});
}
