import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField } from '../fields';
import { showFor, type OperationContext } from '../operation';

const show = showFor('contact', 'list');

export const description: INodeProperties[] = [
	caseIdField(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'From (YYYY-MM-DD)', name: 'from', type: 'string', default: '' },
			{ displayName: 'To (YYYY-MM-DD)', name: 'to', type: 'string', default: '' },
		],
	},
];

/** One output item per contact, newest first. */
export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex, text }: OperationContext,
) {
	const options = this.getNodeParameter('options', itemIndex, {}) as { from?: string; to?: string };
	const range = { from: options.from || undefined, to: options.to || undefined };
	return await core.listContacts(actor, text('caseId'), range);
}
