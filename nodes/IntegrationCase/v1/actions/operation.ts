import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { parseJsonParameter, type Core, type WriteOptions } from '../../../../src/index';
import {
	caseIdField,
	dataField,
	expectedVersionField,
	submissionIdField,
	type Show,
} from './fields';
import type { IntegrationCaseMap, IntegrationCaseType, Resource } from './node.type';

/** What one operation gets for one item. */
export interface OperationContext {
	core: Core;
	actor: unknown;
	itemIndex: number;
}

/** One core record (one output item) or a list of them (one output item each). */
export type OperationResult = object | readonly object[];

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, ctx: OperationContext): Promise<OperationResult>;
}

/** The display condition of one operation's fields. */
export function showFor<R extends Resource>(resource: R, operation: IntegrationCaseMap[R]): Show {
	return { resource: [resource], operation: [operation] };
}

/** The Operation selector of a resource, followed by the fields of each of its operations. */
export function resourceProperties<R extends Resource>(
	resource: R,
	defaultOperation: IntegrationCaseMap[R],
	options: Array<INodePropertyOptions & { value: IntegrationCaseMap[R] }>,
	operations: Record<IntegrationCaseMap[R], Operation>,
): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	return [
		selector,
		...Object.values<Operation>(operations).flatMap((operation) => operation.description),
	];
}

/** Reads a JSON parameter (object from an expression, or typed-in text). */
export function jsonParameter(
	fns: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown {
	return parseJsonParameter(fns.getNodeParameter(name, itemIndex), label);
}

export function stringParameter(fns: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = fns.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Submission id and expected version, both optional. */
export function writeOptions(
	fns: IExecuteFunctions,
	itemIndex: number,
	withVersion = false,
): WriteOptions {
	const submissionId = stringParameter(fns, 'submissionId', itemIndex);
	const options: WriteOptions = submissionId ? { submissionId } : {};
	if (withVersion) {
		const version = fns.getNodeParameter('expectedVersion', itemIndex, 0) as number;
		if (version) options.expectedVersion = Number(version);
	}
	return options;
}

/** A case as output: its id also as `caseId`, which the next node's Case ID reads by default. */
export function caseOutput<T extends { id: string }>(record: T): T & { caseId: string } {
	return { caseId: record.id, ...record };
}

export type DocumentWrite = IntegrationCaseType & {
	/** The JSON document: parameter name, label, description. */
	document: [name: string, displayName: string, description: string];
	/** The case version the change is based on: required (asked right after the case), optional (asked last) or not asked. */
	expectedVersion?: 'required' | 'optional';
	write(
		core: Core,
		actor: unknown,
		caseId: string,
		document: unknown,
		options: WriteOptions,
	): Promise<object>;
};

/** A write of one JSON document on one case (update, plan, contact, referral, closure): its fields and its execution. */
export function documentWrite(spec: DocumentWrite): Operation {
	const show: Show = { resource: [spec.resource], operation: [spec.operation] };
	const [name, displayName, description] = spec.document;
	const version = spec.expectedVersion;
	return {
		description: [
			caseIdField(show),
			...(version === 'required' ? [expectedVersionField(show, true)] : []),
			dataField(show, name, displayName, description),
			submissionIdField(show),
			...(version === 'optional' ? [expectedVersionField(show, false)] : []),
		],
		async execute(
			this: IExecuteFunctions,
			{ core, actor, itemIndex }: OperationContext,
		): Promise<object> {
			const document = jsonParameter(this, name, displayName, itemIndex);
			return spec.write(
				core,
				actor,
				stringParameter(this, 'caseId', itemIndex),
				document,
				writeOptions(this, itemIndex, version !== undefined),
			);
		},
	};
}
