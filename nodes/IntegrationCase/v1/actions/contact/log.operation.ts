import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, dataField, jsonParameter, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

const show = { resource: ['contact'], operation: ['log'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	dataField(show, 'contact', 'Contact', 'The counselling contact as JSON, validated against contact.schema.json'),
	submissionIdField(show),
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const contact = jsonParameter(this, 'contact', 'Contact', itemIndex);
	return (await core.logContact(actor, stringParameter(this, 'caseId', itemIndex), contact, writeOptions(this, itemIndex))) as unknown as IDataObject;
}
