import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { createCore, type Core } from '../../../../src/core';
import { storeConfigFromCredential, storeFor, type CaseStoreCredential } from '../../../shared/store-from-credential';
import { resolveProfile } from '../../../shared/district-parameters';

/** Opens (or reuses) the store of the node's credential and builds the core for the item's district profile. */
export async function coreForItem(fns: IExecuteFunctions, itemIndex: number, credential: ICredentialDataDecryptedObject): Promise<Core> {
	const store = await storeFor(storeConfigFromCredential(credential as CaseStoreCredential));
	const profile = resolveProfile(fns.getNodeParameter('districtProfile', itemIndex) as string, fns.getNodeParameter('districtProfileJson', itemIndex, '{}'));
	return createCore({ store, profile });
}
