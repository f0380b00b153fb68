import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorItem, toNodeError } from '../../../shared/node-errors';
import { parseJsonParameter } from '../../../shared/district-parameters';
import { coreForItem } from '../transport';
import * as caseResource from './case';
import * as closure from './closure';
import * as contact from './contact';
import * as plan from './plan';
import * as referral from './referral';
import type { OperationModule } from './operation';

const resources: Record<string, Record<string, OperationModule>> = {
	case: { create: caseResource.create, get: caseResource.get, search: caseResource.search, update: caseResource.update, reassign: caseResource.reassign },
	plan: { create: plan.create, continue: plan.continue, get: plan.get },
	contact: { log: contact.log, list: contact.list },
	referral: { create: referral.create, setStatus: referral.setStatus, listOverdue: referral.listOverdue },
	closure: { close: closure.close, reopen: closure.reopen },
};

/** Items one by one: each gets its own transaction in the core, its own result or error, and paired-item info. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const credential = await this.getCredentials('integrationCaseStoreApi');
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const module = resources[resource]?.[operation];
			if (!module) throw new Error(`Unknown operation ${resource}.${operation}`);
			const core = await coreForItem(this, itemIndex, credential);
			const actor = parseJsonParameter(this.getNodeParameter('actor', itemIndex), 'Actor');
			const result = await module.execute.call(this, { core, actor, itemIndex });
			const results: IDataObject[] = Array.isArray(result) ? result : [result];
			for (const json of results) returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push(errorItem(error, itemIndex));
				continue;
			}
			throw toNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [returnData];
}
