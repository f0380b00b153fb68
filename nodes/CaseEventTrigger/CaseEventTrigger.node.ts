import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import type { CaseEventType } from '../../src/index';
import { districtProfileProperties } from '../shared/district-parameters';
import { itemJson } from '../shared/items';
import { toNodeError } from '../shared/node-errors';
import * as credentialTest from '../shared/credential-test';
import { withCore } from '../shared/transport';

export class CaseEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Case Event Trigger',
		name: 'caseEventTrigger',
		icon: { light: 'file:caseEventTrigger.svg', dark: 'file:caseEventTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts a workflow when a case is created or closed, a plan review is due, a referral is overdue or the counselling limit approaches',
		defaults: { name: 'Case Event Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'integrationCaseStoreApi',
				required: true,
				testedBy: 'integrationCaseStoreConnectionTest',
			},
		],
		properties: [
			...districtProfileProperties,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Case Closed', value: 'caseClosed' },
					{
						name: 'Counselling Limit Approaching',
						value: 'limitApproaching',
						description: '3-year limit (or 4 years when extended) within the lead time',
					},
					{ name: 'New Case', value: 'caseCreated' },
					{ name: 'Plan Review Due', value: 'planReviewDue' },
					{ name: 'Referral Overdue', value: 'referralOverdue' },
				],
				default: ['caseCreated'],
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Limit Lead Time (Days)',
						name: 'limitLeadDays',
						type: 'number',
						default: 90,
						description:
							"How many days before the counselling limit the event fires (default: the district profile's setting)",
					},
					{
						displayName: 'Review Lead Time (Days)',
						name: 'reviewLeadDays',
						type: 'number',
						default: 7,
						description:
							"How many days before the review date the event fires (default: the district profile's setting)",
					},
				],
			},
		],
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		try {
			const types = this.getNodeParameter('events') as CaseEventType[];
			const options = this.getNodeParameter('options', {}) as {
				limitLeadDays?: number;
				reviewLeadDays?: number;
			};
			const staticData = this.getWorkflowStaticData('node') as IDataObject & {
				lastSeq?: number;
				baselineSeq?: number;
			};
			const manual = this.getMode() === 'manual';
			const { events, lastSeq, baselineSeq } = await withCore(this, (core) =>
				core.pollCaseEvents({
					triggerId: `${this.getWorkflow().id ?? 'workflow'}:${node.id ?? node.name}`,
					types,
					lastSeq: staticData.lastSeq,
					baselineSeq: staticData.baselineSeq,
					limitLeadDays: options.limitLeadDays,
					reviewLeadDays: options.reviewLeadDays,
					record: !manual,
				}),
			);
			if (!manual) {
				staticData.lastSeq = lastSeq;
				staticData.baselineSeq = baselineSeq;
			}
			if (events.length === 0) {
				if (manual)
					throw new NodeOperationError(node, 'Zurzeit gibt es kein passendes Ereignis.', {
						description:
							'Keine neuen Fälle, fälligen Überprüfungen oder überfälligen Weitervermittlungen.',
					});
				return null;
			}
			return [this.helpers.returnJsonArray(events.map(itemJson))];
		} catch (error) {
			throw toNodeError(node, error, 0);
		}
	}
}
