import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { IntegrationCaseStoreApi } from '../../../credentials/IntegrationCaseStoreApi.credentials';
import { CaseEventTrigger } from '../../../nodes/CaseEventTrigger/CaseEventTrigger.node';
import { IntegrationCase } from '../../../nodes/IntegrationCase/IntegrationCase.node';
import type { BackendName } from '../stores';
import { postgresUrl } from '../stores';
import { CredentialsHelper } from './credentials-helper';
import { NodeTypes } from './node-types';
import { runWorkflow, type WorkflowJson } from './run-workflow';
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

/** The credentials a workflow run gets: the case store of a test's backend under the id the nodes name. */
export const storeCredentials = (
	backend: BackendName,
	target: { file?: string; schema?: string },
) => credentialsWith(storeCredential(backend, target));

/** Runs a workflow of this package's nodes on the case store of a test's backend. */
export const runCaseWorkflow = (
	workflow: WorkflowJson,
	backend: BackendName,
	target: { file?: string; schema?: string },
) => runWorkflow(workflow, caseNodeTypes(), storeCredentials(backend, target));

/** How a node names that credential (`credentials` of workflow JSON). */
export const storeCredentialRef = {
	integrationCaseStoreApi: { id: 'cred-1', name: 'Fallspeicher' },
};

/** A node of this package (`type` without the package prefix) as it appears in workflow JSON. */
export function packageNode(
	type: string,
	name: string,
	position: [number, number],
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
): INode {
	return {
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: `${PKG}.${type}`,
		typeVersion: 1,
		position,
		parameters,
		...extra,
	};
}

let position = 0;
/** A node of this package as it appears in workflow JSON. */
export function caseNode(
	name: string,
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
): INode {
	position += 220;
	const defaults = { districtProfile: 'emmendingen', actor: "={{ $('Start').item.json.actor }}" };
	return packageNode(
		'integrationCase',
		name,
		[position, 0],
		{ ...defaults, ...parameters },
		{ credentials: storeCredentialRef, ...extra },
	);
}

export function startNode(items: unknown[]): INode {
	return packageNode('testStart', 'Start', [0, 0], { items: JSON.stringify(items) });
}

/**
 * The start of a case workflow: the start node with its submissions (`{ actor, data, … }`) and the node that
 * creates a case from each one's `data`.
 */
export function intakeNodes(
	submissions: unknown[],
	parameters: INode['parameters'] = {},
	extra: Partial<INode> = {},
): INode[] {
	return [
		startNode(submissions),
		caseNode(
			'Create Case',
			{ resource: 'case', operation: 'create', intake: '={{ $json.data }}', ...parameters },
			extra,
		),
	];
}

/** Connects the nodes in a line. */
export function chain(nodes: INode[]) {
	const connections: Record<string, { main: { node: string; type: 'main'; index: number }[][] }> =
		{};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { nodes, connections };
}
