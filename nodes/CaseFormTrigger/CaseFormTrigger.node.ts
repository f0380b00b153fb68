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
	checkProxySecret,
	emissionOf,
	type EmissionOutput,
	handleFormRequest,
	type AuthConfig,
	type FormKind,
	handleWorkplaceRequest,
	pageKinds,
	type PageKind,
	type StaffClaim,
} from '../../src/index';
import { formProperty, outputProperty } from './properties';
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
			'Serves a German case form (intake, plan, contact, referral, feedback, change, closure, reopening, reassignment) or workplace page and starts the workflow with each accepted submission',
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
				name: 'districtIdentityProviderApi',
				required: true,
				displayOptions: { show: { authentication: ['personal'], singleSignOn: [true] } },
			},
			{
				name: 'caseFormTrustedProxyApi',
				required: true,
				testedBy: 'caseFormTrustedProxyTest',
				displayOptions: { show: { authentication: ['trustedHeader'] } },
			},
		],
		webhooks: [
			{
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: '={{ $parameter["path"] }}',
				// The URL is /webhook/<path>: all forms of a district in one folder share the sign-in.
				isFullPath: true,
				ndvHideUrl: false,
			},
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{ $parameter["path"] }}',
				isFullPath: true,
				ndvHideMethod: true,
			},
			{
				// The identity provider sends the browser back here after single sign-on (the redirect URI).
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: '={{ $parameter["path"] }}/anmeldung',
				isFullPath: true,
				ndvHideUrl: true,
			},
		],
		properties: [
			formProperty,
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: 'formulare/aufnahme',
				required: true,
				description:
					'Last part of the form URL. Put all forms of the district in one folder (formulare/…): the sign-in holds for that folder and its cookie reaches no other webhook.',
			},
			...districtProfileProperties,
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Personal Sign-In',
						value: 'personal',
						description:
							'Every staff member signs in with their own account (password set through an invitation), optionally with single sign-on',
					},
					{
						name: 'Trusted Header From SSO Proxy',
						value: 'trustedHeader',
						description:
							'The district reverse proxy names the person in a header and proves itself with a shared secret',
					},
				],
				default: 'personal',
				description:
					'How the form knows who fills it; anyone else gets the sign-in page or HTTP 401',
			},
			{
				displayName:
					'Nur wählen, wenn ein Anmelde-Proxy des Kreises vor n8n steht: er muss jede Anfrage anmelden, den Kopf mit der Kennung setzen und das Proxy-Geheimnis mitschicken. Ohne Proxy könnte sonst jede*r einen fremden Namen angeben.',
				name: 'trustedHeaderNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['trustedHeader'] } },
			},
			{
				displayName: 'Single Sign-On',
				name: 'singleSignOn',
				type: 'boolean',
				default: false,
				displayOptions: { show: { authentication: ['personal'] } },
				description:
					"Whether the sign-in page also offers the district's identity provider (OpenID Connect). Register this form's URL with /anmeldung appended as redirect URI.",
			},
			{
				displayName: 'Save to Case Store',
				name: 'save',
				type: 'boolean',
				default: true,
				description:
					'Whether the trigger stores the submission through the case core before confirming it to the manager. Off: it only validates and hands the data to the workflow.',
			},
			outputProperty,
		],
	};

	methods = {
		credentialTest: {
			...credentialTest,
			async caseFormTrustedProxyTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const result = checkProxySecret(String(credential.data?.secret ?? ''));
				return { status: result.ok ? 'OK' : 'Error', message: result.message };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		try {
			const auth = await authConfig(this);
			const kind = this.getNodeParameter('form') as FormKind | PageKind;
			const save = this.getNodeParameter('save', true) as boolean;
			const request = {
				method: req.method,
				query: req.query as Record<string, unknown>,
				headers: req.headers,
				body: req.body,
				path: req.path,
				address: req.ip,
				secure: req.secure,
			};
			const formPath = this.getNodeParameter('path') as string;
			const ssoCallback = req.path.endsWith(`/${formPath.replace(/^\/+|\/+$/g, '')}/anmeldung`);
			const formUrl = this.getNodeWebhookUrl('setup');
			const { response, emission } = await withCore(this, async (core) =>
				isPageKind(kind)
					? {
							response: await handleWorkplaceRequest(
								{ core, kind, auth, formPath, formUrl },
								request,
							),
							emission: undefined,
						}
					: handleFormRequest(
							{ core, kind, auth, save, formPath, formUrl },
							{ ...request, ssoCallback },
						),
			);
			res.status(response.status).set(response.headers).send(response.body);
			if (!emission) return { noWebhookResponse: true };
			const output = this.getNodeParameter('output', 'full') as EmissionOutput;
			const json = itemJson(emissionOf(emission, output));
			return { noWebhookResponse: true, workflowData: [[{ json }]] };
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

const isPageKind = (kind: string): kind is PageKind =>
	(pageKinds as readonly string[]).includes(kind);

/** The sign-in the node is set to, with its credential. */
async function authConfig(fns: IWebhookFunctions): Promise<AuthConfig> {
	const mode = fns.getNodeParameter('authentication', 'personal') as AuthConfig['mode'];
	if (mode === 'trustedHeader') {
		const proxy = await fns.getCredentials('caseFormTrustedProxyApi');
		return {
			mode,
			userHeader: String(proxy.userHeader ?? 'X-Remote-User'),
			secretHeader: String(proxy.verificationHeader ?? 'X-Proxy-Secret'),
			secret: String(proxy.secret ?? ''),
		};
	}
	if (!fns.getNodeParameter('singleSignOn', false)) return { mode: 'personal' };
	const idp = await fns.getCredentials('districtIdentityProviderApi');
	const formUrl = fns.getNodeWebhookUrl('setup');
	if (!formUrl) throw new Error('no URL for the single sign-on callback');
	const redirectUri = `${formUrl}/anmeldung`;
	return {
		mode: 'personal',
		oidc: {
			issuer: String(idp.issuer ?? ''),
			clientId: String(idp.clientId ?? ''),
			clientSecret: String(idp.clientSecret ?? '') || undefined,
			scopes: String(idp.scopes ?? '') || undefined,
			staffClaim: String(idp.staffClaim ?? 'email') as StaffClaim,
			allowedEmailDomain: String(idp.allowedEmailDomain ?? '') || undefined,
			redirectUri,
		},
	};
}
