import { sql, type Kysely, type Migration } from 'kysely';
import type { Backend } from './backend';

/**
 * Readable case numbers (`EM-2026-00042`): year of the intake date and a sequence per district and year on every
 * case (unique), and the counter per district and year that a new case takes its number from in the same
 * transaction as its insert. Existing cases are numbered per district and year in order of `created_at`, then `id`.
 */
export function caseNumbers(backend: Backend): Migration {
	return {
		async up(db: Kysely<any>) {
			await db.schema.alterTable('cases').addColumn('case_year', 'integer').execute();
			await db.schema.alterTable('cases').addColumn('case_seq', 'integer').execute();
			await sql`
				update cases set case_year = numbered.year, case_seq = numbered.seq
				from (
					select id, cast(substr(opened_on, 1, 4) as integer) as year,
						row_number() over (
							partition by district_id, substr(opened_on, 1, 4) order by created_at, id
						) as seq
					from cases
				) as numbered
				where numbered.id = cases.id
			`.execute(db);
			if (backend === 'postgres') {
				for (const column of ['case_year', 'case_seq'])
					await db.schema
						.alterTable('cases')
						.alterColumn(column, (c) => c.setNotNull())
						.execute();
			}
			await db.schema
				.createIndex('cases_case_number')
				.on('cases')
				.columns(['district_id', 'case_year', 'case_seq'])
				.unique()
				.execute();
			await db.schema
				.createTable('case_number_counters')
				.addColumn('district_id', 'text', (c) => c.notNull())
				.addColumn('year', 'integer', (c) => c.notNull())
				.addColumn('last_seq', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('case_number_counters_pk', ['district_id', 'year'])
				.execute();
			await sql`
				insert into case_number_counters (district_id, year, last_seq)
				select district_id, case_year, max(case_seq) from cases group by district_id, case_year
			`.execute(db);
		},
		async down(db: Kysely<any>) {
			await db.schema.dropTable('case_number_counters').ifExists().execute();
			await db.schema.dropIndex('cases_case_number').ifExists().execute();
			await db.schema.alterTable('cases').dropColumn('case_seq').execute();
			await db.schema.alterTable('cases').dropColumn('case_year').execute();
		},
	};
}
