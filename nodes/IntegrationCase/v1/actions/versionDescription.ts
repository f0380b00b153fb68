import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import {
	actingAsProperty,
	actorProperty,
	districtProfileProperties,
	systemNameProperty,
} from '../../../shared/district-parameters';
import * as caseResource from './case';
import * as closure from './closure';
import * as contact from './contact';
import * as plan from './plan';
import * as referral from './referral';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Integration Case',
	name: 'integrationCase',
	icon: { light: 'file:integrationCase.svg', dark: 'file:integrationCase.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description:
		'Case work in Integrationsmanagement: intake, integration plan, counselling contacts, referrals, closure',
	defaults: { name: 'Integration Case' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	usableAsTool: true,
	credentials: [
		{
			name: 'integrationCaseStoreApi',
			required: true,
			testedBy: 'integrationCaseStoreConnectionTest',
		},
	],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Case', value: 'case' },
				{ name: 'Closure', value: 'closure' },
				{ name: 'Contact', value: 'contact' },
				{ name: 'Integration Plan', value: 'plan' },
				{ name: 'Referral', value: 'referral' },
			],
			default: 'case',
		},
		...districtProfileProperties,
		actingAsProperty,
		{ ...actorProperty, displayOptions: { show: { actingAs: ['staff'] } } },
		systemNameProperty,
		...caseResource.description,
		...plan.description,
		...contact.description,
		...referral.description,
		...closure.description,
	],
};
