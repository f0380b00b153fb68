import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest } from './methods';

// The icon comes with the base description of the versioned node (IntegrationCase.node.ts), which is
// where n8n resolves `file:` icon paths from, so this version's description has no literal of its own.
// eslint-disable-next-line @n8n/community-nodes/icon-validation
export class IntegrationCaseV1 implements INodeType {
	description: INodeTypeDescription;

	methods = { credentialTest };

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			...versionDescription,
		};
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
