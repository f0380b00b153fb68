import * as create from './create.operation';
import * as listOverdue from './list-overdue.operation';
import * as setStatus from './set-status.operation';
import { resourceProperties } from '../operation';

export { create, listOverdue, setStatus };

export const description = resourceProperties(
	'referral',
	'create',
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a referral',
			description: 'Refer the client to a specialised service',
		},
		{
			name: 'List Overdue',
			value: 'listOverdue',
			action: 'List overdue referrals',
			description: 'Open referrals without an answer for too long',
		},
		{
			name: 'Set Status',
			value: 'setStatus',
			action: 'Set the status of a referral',
			description: 'Record accepted, declined or done',
		},
	],
	{ create, setStatus, listOverdue },
);
