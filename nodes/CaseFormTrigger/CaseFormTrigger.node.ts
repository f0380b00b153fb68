import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	checkFormPassword,
	handleFormRequest,
	type AuthConfig,
	type FormKind,
} from '../../src/index';
import { districtProfileProperties } from '../shared/district-parameters';
import * as credentialTest from '../shared/credential-test';
import { itemJson } from '../shared/items';
import { withCore } from '../shared/transport';

/**
 * Serves one generated Form.io form (GET: the page and its assets, no CDN) and takes its submissions
 * (POST: normalised, validated with the schemas, stored through the core, answered in German).
 * Everything but reading n8n's request and parameters lives in src/forms/ (handleFormRequest).
 */
// n8n serves this webhook itself; there is no third-party service to register it with (like n8n's own Form Trigger).
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class CaseFormTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Case Form Trigger',
		name: 'caseFormTrigger',
		icon: { light: 'file:caseFormTrigger.svg', dark: 'file:caseFormTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["form"] }}',
		description:
			'Serves a German case form (intake, plan, contact, referral, closure) and starts the workflow with each accepted submission',
		defaults: { name: 'Case Form Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'integrationCaseStoreApi',
				required: true,
				testedBy: 'integrationCaseStoreConnectionTest',
			},
			{
				name: 'caseFormBasicAuth',
				required: true,
				testedBy: 'caseFormBasicAuthTest',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
		],
		webhooks: [
			{
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: '={{ $parameter["path"] }}',
				ndvHideUrl: false,
			},
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{ $parameter["path"] }}',
				ndvHideMethod: true,
			},
		],
		properties: [
			{
				displayName: 'Form',
				name: 'form',
				type: 'options',
				options: [
					{ name: 'Closure (Beendigung)', value: 'closure' },
					{ name: 'Contact (Beratungskontakt)', value: 'contact' },
					{ name: 'Intake (Aufnahme)', value: 'intake' },
					{ name: 'Integration Plan (Integrationsplan)', value: 'plan' },
					{ name: 'Referral (Weitervermittlung)', value: 'referral' },
				],
				default: 'intake',
				description:
					'Which generated form to serve. All but the intake are opened for a case: add ?case=<case ID> to the URL.',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'aufnahme',
				required: true,
				description: 'Last part of the form URL',
			},
			...districtProfileProperties,
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'None (Acts as One Staff Member)', value: 'none' },
					{ name: 'Basic Auth (Staff ID or E-Mail + Password)', value: 'basicAuth' },
					{ name: 'Trusted Header From SSO Proxy', value: 'trustedHeader' },
				],
				default: 'trustedHeader',
				description:
					'How the form knows who fills it; the login is mapped to a staff member of the district profile, anything else gets HTTP 401',
			},
			{
				displayName: 'Staff ID',
				name: 'staffId',
				type: 'string',
				default: '',
				required: true,
				displayOptions: { show: { authentication: ['none'] } },
				description:
					'The staff member (ID in the district profile) the form acts as, for a single-user setup',
			},
			{
				displayName: 'Header Name',
				name: 'headerName',
				type: 'string',
				default: 'X-Remote-User',
				required: true,
				displayOptions: { show: { authentication: ['trustedHeader'] } },
				description:
					'Header in which the reverse proxy passes the staff ID or e-mail. The proxy must remove this header from client requests.',
			},
			{
				displayName: 'Save to Case Store',
				name: 'save',
				type: 'boolean',
				default: true,
				description:
					'Whether the trigger stores the submission through the case core before confirming it to the manager. Off: it only validates and hands the data to the workflow.',
			},
		],
	};

	methods = {
		credentialTest: {
			...credentialTest,
			async caseFormBasicAuthTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const result = checkFormPassword(String(credential.data?.password ?? ''));
				return { status: result.ok ? 'OK' : 'Error', message: result.message };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		try {
			const mode = this.getNodeParameter('authentication') as AuthConfig['mode'];
			let auth: AuthConfig;
			if (mode === 'basicAuth') {
				const basic = await this.getCredentials('caseFormBasicAuth');
				auth = {
					mode,
					password: String(basic.password ?? ''),
					realm: String(basic.realm ?? '') || undefined,
				};
			} else if (mode === 'trustedHeader') {
				auth = { mode, headerName: this.getNodeParameter('headerName') as string };
			} else {
				auth = { mode: 'none', staffId: this.getNodeParameter('staffId') as string };
			}
			const kind = this.getNodeParameter('form') as FormKind;
			const save = this.getNodeParameter('save', true) as boolean;
			const request = {
				method: req.method,
				query: req.query as Record<string, unknown>,
				headers: req.headers,
				body: req.body,
			};
			const { response, emission } = await withCore(this, (core) =>
				handleFormRequest({ core, kind, auth, save }, request),
			);
			res.status(response.status).set(response.headers).send(response.body);
			if (!emission) return { noWebhookResponse: true };
			return { noWebhookResponse: true, workflowData: [[{ json: itemJson(emission) }]] };
		} catch (error) {
			// Configuration or store problems: the manager gets a German page, the details go to n8n's log.
			this.logger.error(`Case Form Trigger: ${(error as Error).message}`);
			res
				.status(500)
				.set({ 'Content-Type': 'text/plain; charset=utf-8' })
				.send(
					'Das Formular ist zurzeit nicht verfügbar. Bitte später erneut versuchen oder die Administration informieren.',
				);
			return { noWebhookResponse: true };
		}
	}
}
