import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { dateField, submissionIdField } from '../fields';
import { showFor, stringParameter, writeOptions, type OperationContext } from '../operation';

const show = showFor('referral', 'setStatus');

export const description: INodeProperties[] = [
	{
		displayName: 'Referral ID',
		name: 'referralId',
		type: 'string',
		default: '={{ $json.referralId ?? $json.id }}',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Accepted', value: 'accepted' },
			{ name: 'Declined', value: 'declined' },
			{ name: 'Done', value: 'done' },
		],
		default: 'accepted',
		displayOptions: { show },
	},
	dateField(show),
	{ displayName: 'Note', name: 'note', type: 'string', default: '', displayOptions: { show } },
	submissionIdField(show),
];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex }: OperationContext,
) {
	const change: { status: string; date: string; note?: string } = {
		status: stringParameter(this, 'status', itemIndex),
		date: stringParameter(this, 'date', itemIndex),
	};
	const note = stringParameter(this, 'note', itemIndex);
	if (note) change.note = note;
	return await core.setReferralStatus(
		actor,
		stringParameter(this, 'referralId', itemIndex),
		change,
		writeOptions(this, itemIndex),
	);
}
