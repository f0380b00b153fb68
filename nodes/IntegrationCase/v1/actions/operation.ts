import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

type Show = IDisplayOptions['show'];
import type { Core } from '../../../../src/core';
import type { WriteOptions } from '../../../../src/service/context';
import { parseJsonParameter } from '../../../shared/district-parameters';

/** What one operation gets for one item. */
export interface OperationContext {
	core: Core;
	actor: unknown;
	itemIndex: number;
}

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, ctx: OperationContext): Promise<IDataObject | IDataObject[]>;
}

/** Reads a JSON parameter (object from an expression, or typed-in text). */
export function jsonParameter(fns: IExecuteFunctions, name: string, label: string, itemIndex: number): unknown {
	return parseJsonParameter(fns.getNodeParameter(name, itemIndex), label);
}

export function stringParameter(fns: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = fns.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Submission id and expected version, both optional. */
export function writeOptions(fns: IExecuteFunctions, itemIndex: number, withVersion = false): WriteOptions {
	const submissionId = stringParameter(fns, 'submissionId', itemIndex);
	const options: WriteOptions = submissionId ? { submissionId } : {};
	if (withVersion) {
		const version = fns.getNodeParameter('expectedVersion', itemIndex, 0) as number;
		if (version) options.expectedVersion = Number(version);
	}
	return options;
}

/** The case id parameter, usually `{{ $json.caseId }}` or `{{ $json.case.id }}` of the previous node. */
export const caseIdField = (show: Show): INodeProperties => ({
	displayName: 'Case ID',
	name: 'caseId',
	type: 'string',
	default: '={{ $json.caseId ?? $json.case?.id ?? $json.id }}',
	required: true,
	displayOptions: { show },
});

export const submissionIdField = (show: Show): INodeProperties => ({
	displayName: 'Submission ID',
	name: 'submissionId',
	type: 'string',
	default: '={{ $json.submissionId ?? "" }}',
	description: 'Client-supplied id of this submission; the same id twice returns the first result instead of writing twice',
	displayOptions: { show },
});

export const expectedVersionField = (show: Show, required: boolean): INodeProperties => ({
	displayName: 'Expected Version',
	name: 'expectedVersion',
	type: 'number',
	default: required ? '={{ $json.version }}' : 0,
	required,
	description: required
		? 'Version of the case the change is based on; a newer version in the store is a conflict'
		: 'Version of the case the change is based on (0 = do not check)',
	displayOptions: { show },
});

export const dataField = (show: Show, name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'json',
	default: '={{ $json.data }}',
	required: true,
	description,
	displayOptions: { show },
});

/** A calendar date typed as text; default today. */
export const dateField = (show: Show): INodeProperties => ({
	displayName: 'Date (YYYY-MM-DD)',
	name: 'date',
	type: 'string',
	default: '={{ $today.toFormat("yyyy-MM-dd") }}',
	required: true,
	displayOptions: { show },
});
