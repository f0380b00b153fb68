import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as continuePlan from './continue.operation';
import * as get from './get.operation';

export { create, get };
export { continuePlan as continue };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plan'] } },
		options: [
			{ name: 'Continue', value: 'continue', action: 'Continue an integration plan', description: 'Continue (fortschreiben) the plan as a new version' },
			{ name: 'Create', value: 'create', action: 'Create an integration plan', description: 'Create the first integration plan of a case' },
			{ name: 'Get', value: 'get', action: 'Get an integration plan', description: 'Get the current or an earlier version' },
		],
		default: 'create',
	},
	...create.description,
	...continuePlan.description,
	...get.description,
];
