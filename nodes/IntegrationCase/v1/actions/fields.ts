import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export type Show = IDisplayOptions['show'];

/** The case id parameter, usually `{{ $json.caseId }}` or `{{ $json.case.id }}` of the previous node. */
export const caseIdField = (show: Show): INodeProperties => ({
	displayName: 'Case ID',
	name: 'caseId',
	type: 'string',
	default: '={{ $json.caseId ?? $json.case?.id ?? $json.id }}',
	description: 'The internal ID of the case or its readable case number, e.g. EM-2026-00042',
	required: true,
	displayOptions: { show },
});

export const submissionIdField = (show: Show): INodeProperties => ({
	displayName: 'Submission ID',
	name: 'submissionId',
	type: 'string',
	default: '={{ $json.submissionId ?? "" }}',
	description:
		'Client-supplied id of this submission; the same id twice returns the first result instead of writing twice',
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

export const dataField = (
	show: Show,
	name: string,
	displayName: string,
	description: string,
): INodeProperties => ({
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
