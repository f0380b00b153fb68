import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { CaseSearch } from '../../../../../src/index';
import { caseOutput, showFor, type OperationContext } from '../operation';

const show = showFor('case', 'search');

export const description: INodeProperties[] = [
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Intake', value: 'intake' },
					{ name: 'Active', value: 'active' },
					{ name: 'Closed', value: 'closed' },
				],
				default: 'active',
			},
			{ displayName: 'Manager ID', name: 'managerId', type: 'string', default: '' },
			{ displayName: 'Municipality (AGS)', name: 'municipality', type: 'string', default: '' },
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Part of the last or first name',
			},
		],
	},
];

/** One output item per case found within the actor's scope. */
export async function execute(
	this: IExecuteFunctions,
	{ core, actor, itemIndex }: OperationContext,
) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as CaseSearch;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const search: CaseSearch = { limit };
	for (const key of ['status', 'managerId', 'municipality', 'name'] as const) {
		if (filters[key]) (search as Record<string, unknown>)[key] = filters[key];
	}
	const result = await core.searchCases(actor, search);
	return result.cases.map((found) => ({ ...caseOutput(found), total: result.total }));
}
