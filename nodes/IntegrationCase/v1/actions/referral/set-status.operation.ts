import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { dateField, submissionIdField } from '../fields';
import { showFor, type OperationContext } from '../operation';

const show = showFor('referral', 'setStatus');
const asFields = { ...show, answerInput: ['fields'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Answer Input',
		name: 'answerInput',
		type: 'options',
		options: [
			{
				name: 'Fields',
				value: 'fields',
				description: 'Referral ID, status, date and note as separate fields',
			},
			{
				name: 'JSON Answer',
				value: 'json',
				description:
					'One object { referralId, status, date, note } (e.g. the body of a JSON interface), checked as a whole: other keys are refused',
			},
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Answer (JSON)',
		name: 'answer',
		type: 'json',
		default: '={{ $json.data }}',
		required: true,
		description:
			'Status may be given as value (accepted, declined, done) or German label (angenommen, abgelehnt, abgeschlossen)',
		displayOptions: { show: { ...show, answerInput: ['json'] } },
	},
	{
		displayName: 'Referral ID',
		name: 'referralId',
		type: 'string',
		default: '={{ $json.referralId ?? $json.id }}',
		required: true,
		displayOptions: { show: asFields },
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
		displayOptions: { show: asFields },
	},
	dateField(asFields),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		displayOptions: { show: asFields },
	},
	submissionIdField(show),
];

export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex, text, json, writeOptions }: OperationContext,
) {
	if (this.getNodeParameter('answerInput', itemIndex, 'fields') === 'json') {
		return await core.answerReferral(actor, json('answer', 'Rückmeldung'), writeOptions());
	}
	// The values as they are (an object stays an object): the core's schema check refuses wrong types in German.
	const value = (name: string) => this.getNodeParameter(name, itemIndex, undefined) as unknown;
	const note = value('note');
	const change = {
		status: value('status'),
		date: value('date'),
		...(note === '' || note === undefined ? {} : { note }),
	};
	return await core.setReferralStatus(actor, text('referralId'), change, writeOptions());
}
