import { Container } from '@n8n/di';
import { Cipher } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * Keeps credentials encrypted with the instance key (as n8n's database does) and decrypts them with the
 * credential type's defaults applied. This is the one part of n8n we provide ourselves: in n8n it is
 * backed by its database.
 */
export class CredentialsHelper extends ICredentialsHelper {
	private readonly saved = new Map<string, { type: string; data: string }>();

	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		super();
		for (const t of types) this.types.set(t.name, t);
	}

	add(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		this.saved.set(id, { type, data: Container.get(Cipher).encrypt(data) });
	}

	async getDecrypted(
		_a: IWorkflowExecuteAdditionalData,
		credentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = credentials.id ? this.saved.get(credentials.id) : undefined;
		if (!entry || entry.type !== type)
			throw new UnexpectedError(`Credential ${credentials.id} of type ${type} not found`);
		const data = JSON.parse(
			Container.get(Cipher).decrypt(entry.data),
		) as ICredentialDataDecryptedObject;
		return (NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as never,
			true,
			false,
			null,
			null,
		) ?? data) as ICredentialDataDecryptedObject;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}

	getParentTypes(name: string): string[] {
		return this.types.get(name)?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		_c: ICredentialDataDecryptedObject,
		_t: string,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return request;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError('not used in tests');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}
