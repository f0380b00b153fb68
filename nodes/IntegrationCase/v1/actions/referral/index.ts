import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as listOverdue from './list-overdue.operation';
import * as setStatus from './set-status.operation';

export { create, listOverdue, setStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['referral'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a referral', description: 'Refer the client to a specialised service' },
			{ name: 'List Overdue', value: 'listOverdue', action: 'List overdue referrals', description: 'Open referrals without an answer for too long' },
			{ name: 'Set Status', value: 'setStatus', action: 'Set the status of a referral', description: 'Record accepted, declined or done' },
		],
		default: 'create',
	},
	...create.description,
	...setStatus.description,
	...listOverdue.description,
];
