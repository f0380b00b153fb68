import type { MigrationProvider } from 'kysely';
import type { Backend } from './backend';
import { initial } from './0001-initial';
import { triggerEmissions } from './0002-trigger-emissions';
import { submissionActor } from './0003-submission-actor';
import { oidcLoginTransactions } from './0004-oidc-login-transactions';
import { staffAccounts } from './0005-staff-accounts';
import { caseNumbers } from './0006-case-numbers';
import { caseFileHistory } from './0007-case-file-history';

export type { Backend } from './backend';

/** The migrations in order; each file is one step, named after what it adds. */
export function migrationProvider(backend: Backend): MigrationProvider {
	return {
		getMigrations: async () => ({
			'0001_initial': initial(backend),
			'0002_trigger_emissions': triggerEmissions,
			'0003_submission_actor': submissionActor,
			'0004_oidc_login_transactions': oidcLoginTransactions,
			'0005_staff_accounts': staffAccounts,
			'0006_case_numbers': caseNumbers(backend),
			'0007_case_file_history': caseFileHistory(backend),
		}),
	};
}
