import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField } from '../fields';
import { caseOutput, showFor, type OperationContext } from '../operation';

export const description: INodeProperties[] = [caseIdField(showFor('case', 'get'))];

export async function execute(this: IExecuteFunctions, { core, actor, text }: OperationContext) {
	return caseOutput(await core.getCase(actor, text('caseId')));
}
