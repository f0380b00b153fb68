import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * Where the case store lives: an SQLite file (embedded default) or a PostgreSQL database (production).
 * Tested by the Integration Case node's `integrationCaseStoreConnectionTest`, which really connects.
 */
export class IntegrationCaseStoreApi implements ICredentialType {
	name = 'integrationCaseStoreApi';

	displayName = 'Integration Case Store';

	icon: Icon = {
		light: 'file:integrationCaseStore.svg',
		dark: 'file:integrationCaseStore.dark.svg',
	};

	documentationUrl =
		'https://github.com/integrationsmanagement-bw/n8n-nodes-integrationsmanagement#credential-integration-case-store';

	properties: INodeProperties[] = [
		{
			displayName: 'Database',
			name: 'backend',
			type: 'options',
			options: [
				{ name: 'SQLite File (Embedded)', value: 'sqlite' },
				{ name: 'PostgreSQL', value: 'postgres' },
			],
			default: 'sqlite',
		},
		{
			displayName: 'SQLite File',
			name: 'sqliteFile',
			type: 'string',
			default: 'integrationsmanagement.sqlite',
			description:
				'Path of the SQLite file. A relative path is resolved in the n8n user folder (~/.n8n). Created on first use.',
			displayOptions: { show: { backend: ['sqlite'] } },
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Database Name',
			name: 'database',
			type: 'string',
			default: 'integrationsmanagement',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Schema',
			name: 'schema',
			type: 'string',
			default: 'integrationsmanagement',
			description: 'PostgreSQL schema for the case tables; created on first use',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'options',
			options: [
				{ name: 'Disable', value: 'disable' },
				{ name: 'Require', value: 'require' },
				{ name: 'Verify Full', value: 'verify-full' },
			],
			default: 'disable',
			displayOptions: { show: { backend: ['postgres'] } },
		},
	];
}
