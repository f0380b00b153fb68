import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, stringParameter, type OperationContext } from '../operation';

const show = { resource: ['plan'], operation: ['get'] };

export const description: INodeProperties[] = [
	caseIdField(show),
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		default: 0,
		description: 'Plan version to read; 0 = the current one',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const version = Number(this.getNodeParameter('version', itemIndex, 0)) || undefined;
	return (await core.getPlan(actor, stringParameter(this, 'caseId', itemIndex), version)) as unknown as IDataObject;
}
