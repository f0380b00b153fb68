import type { Kysely, Migration } from 'kysely';

/** Who made a submission: a submission id replays only for the person who made it. */
export const submissionActor: Migration = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('submissions').addColumn('actor_id', 'text').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('submissions').dropColumn('actor_id').execute();
	},
};
