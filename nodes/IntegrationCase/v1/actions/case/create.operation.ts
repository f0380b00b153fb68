import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { dataField, submissionIdField } from '../fields';
import {
	caseOutput,
	jsonParameter,
	showFor,
	stringParameter,
	writeOptions,
	type OperationContext,
} from '../operation';

const show = showFor('case', 'create');

export const description: INodeProperties[] = [
	dataField(
		show,
		'intake',
		'Intake',
		'The intake (Aufnahme) as JSON, validated against intake.schema.json',
	),
	submissionIdField(show),
	{
		displayName: 'Manager ID',
		name: 'managerId',
		type: 'string',
		default: '',
		description:
			"Assign to this manager; empty = the responsible organisation's manager with the fewest open cases",
		displayOptions: { show },
	},
];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex }: OperationContext,
) {
	const intake = jsonParameter(this, 'intake', 'Intake', itemIndex);
	const managerId = stringParameter(this, 'managerId', itemIndex) || undefined;
	const created = await core.createCase(
		actor,
		{ intake, managerId },
		writeOptions(this, itemIndex),
	);
	return { ...caseOutput(created.case), routing: created.routing };
}
