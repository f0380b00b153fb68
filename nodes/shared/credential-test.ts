import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { testStoreConnection, type CaseStoreCredential } from './store-from-credential';

/** Really connects to the configured store and reports a German message. */
export async function integrationCaseStoreConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const result = await testStoreConnection((credential.data ?? {}) as CaseStoreCredential);
	return { status: result.ok ? 'OK' : 'Error', message: result.message };
}
