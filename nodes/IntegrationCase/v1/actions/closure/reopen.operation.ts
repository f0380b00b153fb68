import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, dateField, expectedVersionField, submissionIdField } from '../fields';
import { caseOutput, showFor, type OperationContext } from '../operation';

const show = showFor('closure', 'reopen');

export const description: INodeProperties[] = [
	caseIdField(show),
	dateField(show),
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	submissionIdField(show),
	expectedVersionField(show, false),
];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, text, writeOptions }: OperationContext,
) {
	const reopening = { date: text('date'), reason: text('reason') };
	return caseOutput(await core.reopenCase(actor, text('caseId'), reopening, writeOptions(true)));
}
