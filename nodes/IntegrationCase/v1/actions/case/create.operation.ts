import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { dataField, submissionIdField } from '../fields';
import { caseOutput, showFor, type OperationContext } from '../operation';

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
	{ core, actor, text, json, writeOptions }: OperationContext,
) {
	const intake = json('intake', 'Intake');
	const managerId = text('managerId') || undefined;
	const created = await core.createCase(actor, { intake, managerId }, writeOptions());
	return { ...caseOutput(created.case), routing: created.routing };
}
