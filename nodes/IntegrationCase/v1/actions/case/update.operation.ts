import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, expectedVersionField, jsonParameter, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

const show = { resource: ['case'], operation: ['update'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	expectedVersionField(show, true),
	{
		displayName: 'Changes',
		name: 'changes',
		type: 'json',
		default: '={{ $json.data }}',
		required: true,
		description: 'Fields to change, validated against case-update.schema.json (e.g. {"accommodation": "own_tenancy"})',
		displayOptions: { show },
	},
	submissionIdField(show),
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const changes = jsonParameter(this, 'changes', 'Changes', itemIndex);
	const updated = await core.updateCase(actor, stringParameter(this, 'caseId', itemIndex), changes, writeOptions(this, itemIndex, true));
	return { caseId: updated.id, ...updated } as unknown as IDataObject;
}
