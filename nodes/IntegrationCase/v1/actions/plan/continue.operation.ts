import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OperationContext } from '../operation';
import { planWriteDescription, writePlan } from './write';

export const description = planWriteDescription('continue');

export async function execute(this: IExecuteFunctions, ctx: OperationContext): Promise<IDataObject> {
	return writePlan(this, ctx, 'continue');
}
