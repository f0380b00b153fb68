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

/** What one operation gets for one item: the core, the actor and the item's parameters. */
export interface OperationContext {
	core: Core;
	actor: unknown;
	itemIndex: number;
	/** A text parameter of the item, trimmed ('' when empty). */
	text(name: string): string;
	/** A JSON parameter of the item (object from an expression, or typed-in text); `label` names it in errors. */
	json(name: string, label: string): unknown;
	/** The item's submission id and, `withVersion`, its expected version. */
	writeOptions(withVersion?: boolean): WriteOptions;
}

/** The context of one item, its parameters read through `fns`. */
export function itemContext(
	fns: IExecuteFunctions,
	core: Core,
	actor: unknown,
	itemIndex: number,
): OperationContext {
	return {
		core,
		actor,
		itemIndex,
		text: (name) => stringParameter(fns, name, itemIndex),
		json: (name, label) => jsonParameter(fns, name, label, itemIndex),
		writeOptions: (withVersion) => writeOptions(fns, itemIndex, withVersion),
	};
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
	/** The core call that writes the document; `asCase`: its result is the case (`caseOutput`). */
	write: DocumentCall;
	asCase?: boolean;
};

/** The core calls that write one document on one case: `(actor, caseId, document, options)`. */
type DocumentCall =
	'updateCase' | 'closeCase' | 'logContact' | 'createReferral' | 'createPlan' | 'continuePlan';

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
		async execute(this: IExecuteFunctions, item: OperationContext): Promise<object> {
			const document = item.json(name, displayName);
			const caseId = item.text('caseId');
			const options = item.writeOptions(version !== undefined);
			const result = await item.core[spec.write](item.actor, caseId, document, options);
			return spec.asCase ? caseOutput(result) : result;
		},
	};
}
