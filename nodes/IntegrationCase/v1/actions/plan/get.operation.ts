import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField } from '../fields';
import { showFor, type OperationContext } from '../operation';

const show = showFor('plan', 'get');

export const description: INodeProperties[] = [
	caseIdField(show),
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		default: 0,
		description: 'Plan version to read; 0 = the current one',
		displayOptions: { show },
	},
];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex, text }: OperationContext,
) {
	const version = Number(this.getNodeParameter('version', itemIndex, 0)) || undefined;
	return await core.getPlan(actor, text('caseId'), version);
}
