import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';
import { IntegrationCaseV1 } from './v1/IntegrationCaseV1.node';

/** Versioned from the start: a v2 can change parameters without breaking saved workflows. */
export class IntegrationCase extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Integration Case',
			name: 'integrationCase',
			icon: { light: 'file:integrationCase.svg', dark: 'file:integrationCase.dark.svg' },
			group: ['transform'],
			description:
				'Case work in Integrationsmanagement: intake, integration plan, counselling contacts, referrals, closure',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new IntegrationCaseV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
