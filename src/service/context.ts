import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DistrictProfile } from '../generated/types';
import type { Database } from '../store/database';
import type { CaseStore } from '../store/open-store';

/** What every core operation needs: the store, the district profile and a clock. */
export interface CoreContext {
	store: CaseStore;
	profile: DistrictProfile;
	clock: Clock;
}

/** A database handle inside a running transaction. */
export type Tx = Kysely<Database>;

export interface WriteOptions {
	/** Client-supplied id of this submission: the same id twice gives back the first result. */
	submissionId?: string;
	/** The case version the client saw; a newer version in the store makes the write a conflict. */
	expectedVersion?: number;
	/** Called when the submission id was already processed and the first result is given back. */
	onReplay?: () => void;
}
