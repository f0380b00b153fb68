import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, dataField, jsonParameter, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

const show = { resource: ['referral'], operation: ['create'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	dataField(show, 'referral', 'Referral', 'The referral as JSON, validated against referral.schema.json; the service must be in the district\'s directory'),
	submissionIdField(show),
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const referral = jsonParameter(this, 'referral', 'Referral', itemIndex);
	return (await core.createReferral(actor, stringParameter(this, 'caseId', itemIndex), referral, writeOptions(this, itemIndex))) as unknown as IDataObject;
}
