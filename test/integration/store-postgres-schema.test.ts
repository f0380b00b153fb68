import { freshStore, type TestStore } from '../helpers/stores';

// Several stores share one PostgreSQL database (one schema each: districts, parallel test runs). Opening one must not
// read the others: Kysely's own introspector scans every schema and fails when one is dropped at that moment.
describe('PostgreSQL store in a database shared with other schemas', () => {
	let ours: TestStore;
	let other: TestStore;
	beforeAll(async () => {
		other = await freshStore('PostgreSQL');
		ours = await freshStore('PostgreSQL');
	});
	afterAll(async () => {
		await ours?.dispose();
		await other?.dispose();
	});

	it('looks up its tables (the migrator asks) in its own schema only', async () => {
		const tables = await ours.store.db.introspection.getTables();
		expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([ours.target.schema]));
		expect(tables.map((t) => t.name)).toEqual(
			expect.arrayContaining(['cases', 'audit_log', 'kysely_migration']),
		);
		const cases = tables.find((t) => t.name === 'cases');
		expect(cases?.columns.find((c) => c.name === 'version')).toMatchObject({
			dataType: 'int4',
			isNullable: false,
		});
	});
});
