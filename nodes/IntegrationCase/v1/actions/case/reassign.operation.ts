import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, expectedVersionField, submissionIdField } from '../fields';
import {
	caseOutput,
	showFor,
	stringParameter,
	writeOptions,
	type OperationContext,
} from '../operation';

const show = showFor('case', 'reassign');

export const description: INodeProperties[] = [
	caseIdField(show),
	expectedVersionField(show, true),
	{
		displayName: 'New Manager ID',
		name: 'managerId',
		type: 'string',
		default: '',
		required: true,
		description:
			'Staff ID of the manager who takes over (managers: within their organisation; coordinator: anywhere in the district)',
		displayOptions: { show },
	},
	submissionIdField(show),
];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex }: OperationContext,
) {
	const managerId = stringParameter(this, 'managerId', itemIndex);
	return caseOutput(
		await core.reassignCase(
			actor,
			stringParameter(this, 'caseId', itemIndex),
			{ managerId },
			writeOptions(this, itemIndex, true),
		),
	);
}
