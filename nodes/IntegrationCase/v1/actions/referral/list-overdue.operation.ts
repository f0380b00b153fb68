import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { showFor, type OperationContext } from '../operation';

const show = showFor('referral', 'listOverdue');

export const description: INodeProperties[] = [
	{
		displayName: 'As Of (YYYY-MM-DD)',
		name: 'asOf',
		type: 'string',
		default: '',
		description: 'Reference day; empty = today',
		displayOptions: { show },
	},
];

/** One output item per overdue referral within the actor's scope. */
export async function execute(this: IExecuteFunctions, { core, actor, text }: OperationContext) {
	const asOf = text('asOf') || undefined;
	return await core.listOverdueReferrals(actor, asOf);
}
