import type { INodeProperties } from 'n8n-workflow';
import * as list from './list.operation';
import * as log from './log.operation';

export { list, log };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'List', value: 'list', action: 'List counselling contacts', description: 'List the contacts of a case' },
			{ name: 'Log', value: 'log', action: 'Log a counselling contact', description: 'Document one counselling contact' },
		],
		default: 'log',
	},
	...log.description,
	...list.description,
];
