import type { Kysely, Migration } from 'kysely';

/** What each Case Event Trigger has already emitted: an event key is emitted once per trigger, ever. */
export const triggerEmissions: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('trigger_emissions')
			.addColumn('trigger_id', 'text', (c) => c.notNull())
			.addColumn('event_key', 'text', (c) => c.notNull())
			.addColumn('emitted_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('trigger_emissions_pk', ['trigger_id', 'event_key'])
			.execute();
		await db.schema
			.createIndex('case_events_created')
			.on('case_events')
			.columns(['created_at'])
			.execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropIndex('case_events_created').ifExists().execute();
		await db.schema.dropTable('trigger_emissions').ifExists().execute();
	},
};
