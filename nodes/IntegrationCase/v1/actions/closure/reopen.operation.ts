import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, dateField, expectedVersionField, submissionIdField } from '../fields';
import {
	caseOutput,
	showFor,
	stringParameter,
	writeOptions,
	type OperationContext,
} from '../operation';

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
	{ core, actor, itemIndex }: OperationContext,
) {
	const reopening = {
		date: stringParameter(this, 'date', itemIndex),
		reason: stringParameter(this, 'reason', itemIndex),
	};
	return caseOutput(
		await core.reopenCase(
			actor,
			stringParameter(this, 'caseId', itemIndex),
			reopening,
			writeOptions(this, itemIndex, true),
		),
	);
}
