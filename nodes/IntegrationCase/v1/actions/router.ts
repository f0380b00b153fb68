import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { interfaceActor, parseJsonParameter } from '../../../../src/index';
import { itemsOf } from '../../../shared/items';
import { coresFor, forEachItem } from '../../../shared/transport';
import * as caseResource from './case';
import * as closure from './closure';
import * as contact from './contact';
import * as plan from './plan';
import * as referral from './referral';
import type { IntegrationCaseType } from './node.type';
import { itemContext, type Operation } from './operation';

/** The module of one resource and operation, switched on the typed pair. */
function operationOf(entity: IntegrationCaseType): Operation | undefined {
	switch (entity.resource) {
		case 'case':
			return caseResource[entity.operation];
		case 'closure':
			return closure[entity.operation];
		case 'contact':
			return contact[entity.operation];
		case 'plan':
			return plan[entity.operation];
		case 'referral':
			return referral[entity.operation];
		default:
			return undefined;
	}
}

/** Items one by one: each gets its own transaction in the core, its own result or error, and paired-item info. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const withCore = await coresFor(this);
	return await forEachItem(this, async (itemIndex) => {
		const resource = this.getNodeParameter<IntegrationCaseType>('resource', itemIndex);
		const entity = {
			resource,
			operation: this.getNodeParameter('operation', itemIndex),
		} as IntegrationCaseType;
		const operation = operationOf(entity);
		if (!operation) throw new Error(`Unknown operation ${entity.resource}.${entity.operation}`);
		const result = await withCore(itemIndex, async (core) => {
			const actor =
				this.getNodeParameter('actingAs', itemIndex, 'staff') === 'connectedSystem'
					? interfaceActor(this.getNodeParameter('systemName', itemIndex) as string)
					: parseJsonParameter(this.getNodeParameter('actor', itemIndex), 'Actor');
			return await operation.execute.call(this, itemContext(this, core, actor, itemIndex));
		});
		return itemsOf(result, itemIndex);
	});
}
