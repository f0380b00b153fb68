import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, stringParameter, type OperationContext } from '../operation';

const show = { resource: ['case'], operation: ['get'] };

export const description: INodeProperties[] = [caseIdField(show)];

export async function execute(this: IExecuteFunctions, { core, actor, itemIndex }: OperationContext): Promise<IDataObject> {
	const found = await core.getCase(actor, stringParameter(this, 'caseId', itemIndex));
	return { caseId: found.id, ...found } as unknown as IDataObject;
}
