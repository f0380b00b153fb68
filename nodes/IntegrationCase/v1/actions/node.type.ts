import type { AllEntities } from 'n8n-workflow';

/** Every resource of the node with its operations: the router and the resource descriptions are checked against it. */
export type IntegrationCaseMap = {
	case: 'create' | 'get' | 'reassign' | 'search' | 'update';
	closure: 'close' | 'reopen';
	contact: 'list' | 'log';
	plan: 'continue' | 'create' | 'get';
	referral: 'create' | 'listOverdue' | 'setStatus';
};

export type Resource = keyof IntegrationCaseMap;

/** One resource with one of its operations, e.g. `{ resource: 'plan', operation: 'continue' }`. */
export type IntegrationCaseType = AllEntities<IntegrationCaseMap>;
