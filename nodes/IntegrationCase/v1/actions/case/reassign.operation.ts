import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, expectedVersionField, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

const show = { resource: ['case'], operation: ['reassign'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	expectedVersionField(show, true),
	{
		displayName: 'New Manager ID',
		name: 'managerId',
		type: 'string',
		default: '',
		required: true,
		description: 'Staff ID of the manager who takes over (managers: within their organisation; coordinator: anywhere in the district)',
		displayOptions: { show },
	},
	submissionIdField(show),
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const managerId = stringParameter(this, 'managerId', itemIndex);
	const updated = await core.reassignCase(actor, stringParameter(this, 'caseId', itemIndex), { managerId }, writeOptions(this, itemIndex, true));
	return { caseId: updated.id, ...updated } as unknown as IDataObject;
}
