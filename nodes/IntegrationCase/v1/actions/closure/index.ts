import type { INodeProperties } from 'n8n-workflow';
import * as close from './close.operation';
import * as reopen from './reopen.operation';

export { close, reopen };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['closure'] } },
		options: [
			{ name: 'Close', value: 'close', action: 'Close a case', description: 'End the counselling with a reason and outcomes' },
			{ name: 'Reopen', value: 'reopen', action: 'Reopen a case', description: 'Reopen a closed case' },
		],
		default: 'close',
	},
	...close.description,
	...reopen.description,
];
