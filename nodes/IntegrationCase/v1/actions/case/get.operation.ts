import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField } from '../fields';
import { caseOutput, showFor, stringParameter, type OperationContext } from '../operation';

export const description: INodeProperties[] = [caseIdField(showFor('case', 'get'))];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex }: OperationContext,
) {
	return caseOutput(await core.getCase(actor, stringParameter(this, 'caseId', itemIndex)));
}
