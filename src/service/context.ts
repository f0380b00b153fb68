import type { Kysely, Transaction } from 'kysely';
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

/** The store's database handle (outside a transaction). */
export type Db = Kysely<Database>;

/** A database handle inside a running transaction. */
export type Tx = Transaction<Database>;

export interface WriteOptions {
	/** Client-supplied id of this submission: the same id twice gives back the first result. */
	submissionId?: string;
	/** The case version the client saw; a newer version in the store makes the write a conflict. */
	expectedVersion?: number;
	/** Called when the submission id was already processed and the first result is given back. */
	onReplay?: () => void;
	/**
	 * A justification for counselling beyond 3 years (`{reason, date}`), recorded in the same transaction as the
	 * documentation it allows (plan, contact, referral): one write, one audit row, one version step.
	 */
	extensionJustification?: unknown;
}
