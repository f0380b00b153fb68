import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { caseIdField, dataField, expectedVersionField, jsonParameter, stringParameter, submissionIdField, writeOptions, type OperationContext } from '../operation';

/** Create and continue take the same fields; only the core call differs. */
export function planWriteDescription(operation: 'create' | 'continue'): INodeProperties[] {
	const show = { resource: ['plan'], operation: [operation] };
	return [
		caseIdField(show),
		dataField(show, 'plan', 'Plan', 'The integration plan as JSON, validated against plan.schema.json'),
		submissionIdField(show),
		expectedVersionField(show, false),
	];
}

export async function writePlan(fns: IExecuteFunctions, { core, actor, itemIndex }: OperationContext, operation: 'create' | 'continue'): Promise<IDataObject> {
	const plan = jsonParameter(fns, 'plan', 'Plan', itemIndex);
	const caseId = stringParameter(fns, 'caseId', itemIndex);
	const write = operation === 'create' ? core.createPlan : core.continuePlan;
	const record = await write(actor, caseId, plan, writeOptions(fns, itemIndex, true));
	return record as unknown as IDataObject;
}
