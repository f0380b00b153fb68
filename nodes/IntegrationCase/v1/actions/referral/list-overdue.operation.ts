import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { stringParameter, type OperationContext } from '../operation';

const show = { resource: ['referral'], operation: ['listOverdue'] };

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
export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject[]> {
	const asOf = stringParameter(this, 'asOf', itemIndex) || undefined;
	return (await core.listOverdueReferrals(actor, asOf)) as unknown as IDataObject[];
}
