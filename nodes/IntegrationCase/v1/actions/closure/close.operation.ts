import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, dataField, expectedVersionField, jsonParameter, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

const show = { resource: ['closure'], operation: ['close'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	dataField(show, 'closure', 'Closure', 'Reason and outcomes as JSON, validated against closure.schema.json'),
	submissionIdField(show),
	expectedVersionField(show, false),
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const closure = jsonParameter(this, 'closure', 'Closure', itemIndex);
	const closed = await core.closeCase(actor, stringParameter(this, 'caseId', itemIndex), closure, writeOptions(this, itemIndex, true));
	return { caseId: closed.id, ...closed } as unknown as IDataObject;
}
