import type {
	IExecuteFunctions,
	INodeExecutionData,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { createCore, type Core } from '../../src/index';
import { resolveProfile } from './district-parameters';
import { errorItem, toNodeError } from './node-errors';
import { storeConfigFromCredential, type CaseStoreCredential } from './store-from-credential';
import { DEFAULT_IDLE_MS, StorePool, warnCloseFailed } from './store-pool';

/** The n8n contexts in which a node of this package reaches the core. */
export type NodeFunctions = IExecuteFunctions | IPollFunctions | IWebhookFunctions;

/** Runs `work` with the core of one item; the item's store stays open until `work` has finished. */
export type WithCore = <T>(itemIndex: number, work: (core: Core) => Promise<T>) => Promise<T>;

/** `IM_STORE_IDLE_MINUTES`: how long an unused store stays open (default 10 minutes). */
function idleMs(): number {
	const minutes = Number(process.env.IM_STORE_IDLE_MINUTES);
	return Number.isFinite(minutes) && minutes > 0 ? minutes * 60 * 1000 : DEFAULT_IDLE_MS;
}

/** The stores of this process, shared by all nodes. */
const stores = new StorePool({ idleMs: idleMs() });

/** Closes every store of this process (tests; and when the process runs out of work). */
export function closeAllStores(): Promise<void> {
	return stores.closeAll();
}

// Only when nothing is left to do: n8n's own signal handling and exit stay as they are.
process.on('beforeExit', () => {
	closeAllStores().catch(warnCloseFailed);
});

/** A parameter in any of the contexts: per item when executing, for the node in triggers and webhooks. */
export function nodeParameter(
	fns: NodeFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	return 'getInputData' in fns
		? fns.getNodeParameter(name, itemIndex, fallback)
		: fns.getNodeParameter(name, fallback);
}

/**
 * The one way from a node to the core: the node's "Integration Case Store" credential gives the store
 * (pooled, leased per use), the district profile parameters give the profile.
 */
export async function coresFor(fns: NodeFunctions): Promise<WithCore> {
	const credential = (await fns.getCredentials('integrationCaseStoreApi')) as CaseStoreCredential;
	const config = storeConfigFromCredential(credential);
	return (itemIndex, work) =>
		stores.use(config, (store) => {
			const profile = resolveProfile(
				String(nodeParameter(fns, 'districtProfile', itemIndex)),
				nodeParameter(fns, 'districtProfileJson', itemIndex, '{}'),
			);
			return work(createCore({ store, profile }));
		});
}

/** For triggers and webhooks: one use of the core. */
export async function withCore<T>(
	fns: IPollFunctions | IWebhookFunctions,
	work: (core: Core) => Promise<T>,
): Promise<T> {
	return (await coresFor(fns))(0, work);
}

/** Items one by one: each its own output or, with "Continue On Fail", its own error item. */
export async function forEachItem(
	fns: IExecuteFunctions,
	run: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	const count = fns.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			out.push(...(await run(itemIndex)));
		} catch (error) {
			if (!fns.continueOnFail()) throw toNodeError(fns.getNode(), error, itemIndex);
			out.push(errorItem(error, itemIndex));
		}
	}
	return [out];
}
