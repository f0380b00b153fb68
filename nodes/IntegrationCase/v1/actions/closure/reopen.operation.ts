import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { dateField, caseIdField, expectedVersionField, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

const show = { resource: ['closure'], operation: ['reopen'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	dateField(show),
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', required: true, displayOptions: { show } },
	submissionIdField(show),
	expectedVersionField(show, false),
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const reopening = { date: stringParameter(this, 'date', itemIndex), reason: stringParameter(this, 'reason', itemIndex) };
	const reopened = await core.reopenCase(actor, stringParameter(this, 'caseId', itemIndex), reopening, writeOptions(this, itemIndex, true));
	return { caseId: reopened.id, ...reopened } as unknown as IDataObject;
}
