import {
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';
import { DomainError } from '../../src/index';
import { itemJson } from './items';

/** The German message as the error, the stable code and the field errors as its context and description. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof DomainError) {
		const fields = error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('\n');
		const nodeError = new NodeOperationError(node, error.message, {
			itemIndex,
			description: `Fehlercode ${error.code}${fields ? `\n${fields}` : ''}`,
		});
		nodeError.context.code = error.code;
		nodeError.context.fieldErrors = error.fieldErrors;
		return nodeError;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** With "Continue On Fail" the item carries the error instead of stopping the workflow. */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: IDataObject =
		error instanceof DomainError
			? { error: error.message, code: error.code, fieldErrors: error.fieldErrors.map(itemJson) }
			: {
					error: (error as Error).message,
					code: (error as { context?: { code?: string } }).context?.code ?? 'UNEXPECTED',
				};
	return { json, pairedItem: { item: itemIndex } };
}
