import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, expectedVersionField, submissionIdField } from '../fields';
import { caseOutput, showFor, type OperationContext } from '../operation';

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
	{ core, actor, text, writeOptions }: OperationContext,
) {
	const managerId = text('managerId');
	return caseOutput(
		await core.reassignCase(actor, text('caseId'), { managerId }, writeOptions(true)),
	);
}
