import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

/**
 * Test start node: emits the items given in its `items` parameter, like a form submission would.
 * (n8n-nodes-base's Manual Trigger is not a dependency of this package.)
 */
export class TestStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Start',
		name: 'testStart',
		group: ['trigger'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const raw = this.getNodeParameter('items') as unknown;
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		const emit = () => this.emit([this.helpers.returnJsonArray(items as never)]);
		return { manualTriggerFunction: async () => emit() };
	}
}
