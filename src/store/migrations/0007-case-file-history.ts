import { sql, type Kysely, type Migration } from 'kysely';
import type { Backend } from './backend';
import {
	historyIntervals,
	type HistoryEntry,
	type HistoryPerson,
	type HistoryDelta,
} from '../../lifecycle/case-history';
import { historyRows } from '../history-rows';

/** The change log of the values a report counts, and the intervals derived from it. */
async function createTables(db: Kysely<any>, backend: Backend): Promise<void> {
	const table =
		backend === 'postgres'
			? db.schema
					.createTable('case_file_changes')
					.addColumn('id', 'bigserial', (c) => c.primaryKey())
			: db.schema
					.createTable('case_file_changes')
					.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
	await table
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('intake', 'change', 'update', 'reassign')`),
		)
		.addColumn('valid_from', 'text', (c) => c.notNull())
		.addColumn('change_json', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('case_file_changes_case')
		.on('case_file_changes')
		.columns(['case_id', 'id'])
		.execute();
	await db.schema
		.createTable('case_history')
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('valid_from', 'text', (c) => c.notNull())
		.addColumn('valid_until', 'text')
		.addColumn('manager_id', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('municipality_ags', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('case_history_pk', ['case_id', 'valid_from'])
		.execute();
	await db.schema
		.createTable('case_history_persons')
		.addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
		.addColumn('valid_from', 'text', (c) => c.notNull())
		.addColumn('valid_until', 'text')
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('birth_date', 'text', (c) => c.notNull())
		.addColumn('relationship', 'text')
		.addColumn('german_level', 'text')
		.addColumn('occupation', 'text')
		.addPrimaryKeyConstraint('case_history_persons_pk', ['case_id', 'valid_from', 'position'])
		.execute();
}

interface CaseToFill {
	id: string;
	opened_on: string;
	manager_id: string;
	organisation_id: string;
	municipality_ags: string;
	created_at: string;
	created_by: string;
}

interface EventRow {
	case_id: string;
	type: string;
	created_at: string;
	payload_json: string;
}

/**
 * The history of a case from before this migration: the intake (its manager from the `case.created` event, else the
 * current one; the household as it is now, the only record of it) and every reassignment from its `case.reassigned`
 * event, effective on the day it was recorded.
 */
function entriesOf(c: CaseToFill, persons: HistoryPerson[], events: EventRow[]) {
	const created = events.find((e) => e.type === 'case.created');
	const start = created
		? (JSON.parse(created.payload_json) as { managerId?: string; organisationId?: string })
		: {};
	const intake: HistoryDelta = {
		managerId: start.managerId ?? c.manager_id,
		organisationId: start.organisationId ?? c.organisation_id,
		municipality: c.municipality_ags,
		persons,
	};
	const entries = [
		{ kind: 'intake', validFrom: c.opened_on, delta: intake, at: c.created_at, by: c.created_by },
	];
	for (const e of events.filter((x) => x.type === 'case.reassigned')) {
		const moved = JSON.parse(e.payload_json) as { to: string; organisationId: string };
		const day = e.created_at.slice(0, 10);
		entries.push({
			kind: 'reassign',
			validFrom: day < c.opened_on ? c.opened_on : day,
			delta: { managerId: moved.to, organisationId: moved.organisationId },
			at: e.created_at,
			by: 'migration',
		});
	}
	return entries;
}

/** Fills the history of one page of existing cases. */
async function fillPage(db: Kysely<any>, cases: CaseToFill[]): Promise<void> {
	const ids = cases.map((c) => c.id);
	const personRows = await db
		.selectFrom('case_persons')
		.selectAll()
		.where('case_id', 'in', ids)
		.orderBy('position')
		.execute();
	const events = (await db
		.selectFrom('case_events')
		.select(['case_id', 'type', 'created_at', 'payload_json'])
		.where('case_id', 'in', ids)
		.where('type', 'in', ['case.created', 'case.reassigned'])
		.orderBy('seq')
		.execute()) as EventRow[];
	for (const c of cases) {
		const persons: HistoryPerson[] = personRows
			.filter((p) => p.case_id === c.id)
			.map((p) => ({
				key: Number(p.position),
				role: p.role,
				birthDate: p.birth_date,
				relationship: p.relationship,
				germanLevel: p.german_level,
				occupation: p.occupation,
			}));
		const entries = entriesOf(
			c,
			persons,
			events.filter((e) => e.case_id === c.id),
		);
		for (const e of entries) {
			await db
				.insertInto('case_file_changes')
				.values({
					case_id: c.id,
					kind: e.kind,
					valid_from: e.validFrom,
					change_json: JSON.stringify(e.delta),
					note: null,
					recorded_at: e.at,
					recorded_by: e.by,
				})
				.execute();
		}
		const logged: HistoryEntry[] = entries.map((e, i) => ({ ...e, id: i }));
		const rows = historyRows(c.id, historyIntervals(logged));
		await db.insertInto('case_history').values(rows.places).execute();
		if (rows.persons.length)
			await db.insertInto('case_history_persons').values(rows.persons).execute();
	}
}

/**
 * Dated history of the values a report counts (issue 11 point 4, issue 13 point 2): the change log
 * `case_file_changes` and the intervals `case_history` / `case_history_persons` the report reads. Existing cases
 * get their intake as the first entry (dated the intake day) and their reassignments from the case events.
 */
export function caseFileHistory(backend: Backend): Migration {
	return {
		async up(db: Kysely<any>) {
			await createTables(db, backend);
			let after = '';
			for (;;) {
				const page = (await db
					.selectFrom('cases')
					.select([
						'id',
						'opened_on',
						'manager_id',
						'organisation_id',
						'municipality_ags',
						'created_at',
						'created_by',
					])
					.where('id', '>', after)
					.orderBy('id')
					.limit(500)
					.execute()) as CaseToFill[];
				if (page.length === 0) break;
				await fillPage(db, page);
				after = page[page.length - 1].id;
			}
		},
		async down(db: Kysely<any>) {
			for (const table of ['case_history_persons', 'case_history', 'case_file_changes'])
				await db.schema.dropTable(table).ifExists().execute();
		},
	};
}
