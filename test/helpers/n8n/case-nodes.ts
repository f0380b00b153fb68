import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { IntegrationCaseStoreApi } from '../../../credentials/IntegrationCaseStoreApi.credentials';
import { CaseEventTrigger } from '../../../nodes/CaseEventTrigger/CaseEventTrigger.node';
import { IntegrationCase } from '../../../nodes/IntegrationCase/IntegrationCase.node';
import type { BackendName } from '../stores';
import { postgresUrl } from '../stores';
import { CredentialsHelper } from './credentials-helper';
import { NodeTypes } from './node-types';
import { TestStart } from './start-node';

export const PKG = 'n8n-nodes-integrationsmanagement';

/** The package's real node classes and credential, registered like n8n's loader does. */
export function caseNodeTypes() {
	return new NodeTypes([new IntegrationCase(), new CaseEventTrigger(), new TestStart()]);
}

/** Credential data for a store: an SQLite file, or a PostgreSQL schema of the test database. */
export function storeCredential(
	backend: BackendName,
	target: { file?: string; schema?: string },
): ICredentialDataDecryptedObject {
	if (backend === 'SQLite') return { backend: 'sqlite', sqliteFile: target.file ?? '' };
	const url = new URL(postgresUrl);
	return {
		backend: 'postgres',
		host: url.hostname,
		port: Number(url.port || 5432),
		database: url.pathname.slice(1),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
		schema: target.schema ?? '',
		ssl: 'disable',
	};
}

export function credentialsWith(data: ICredentialDataDecryptedObject): CredentialsHelper {
	const helper = new CredentialsHelper([new IntegrationCaseStoreApi()]);
	helper.add('cred-1', 'integrationCaseStoreApi', data);
	return helper;
}

let position = 0;
/** A node of this package as it appears in workflow JSON. */
export function caseNode(
	name: string,
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
): INode {
	position += 220;
	return {
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: `${PKG}.integrationCase`,
		typeVersion: 1,
		position: [position, 0],
		parameters: {
			districtProfile: 'emmendingen',
			actor: "={{ $('Start').item.json.actor }}",
			...parameters,
		},
		credentials: { integrationCaseStoreApi: { id: 'cred-1', name: 'Fallspeicher' } },
		...extra,
	};
}

export function startNode(items: unknown[]): INode {
	return {
		id: 'node-start',
		name: 'Start',
		type: `${PKG}.testStart`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
}

/** Connects the nodes in a line. */
export function chain(nodes: INode[]) {
	const connections: Record<string, { main: { node: string; type: 'main'; index: number }[][] }> =
		{};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { nodes, connections };
}
