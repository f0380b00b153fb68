import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WebhookContext } from 'n8n-core';
import type { INode, IWebhookData, IWebhookResponseData } from 'n8n-workflow';
import { CaseFormTrustedProxyApi } from '../../credentials/CaseFormTrustedProxyApi.credentials';
import { IntegrationCaseStoreApi } from '../../credentials/IntegrationCaseStoreApi.credentials';
import { CaseFormTrigger } from '../../nodes/CaseFormTrigger/CaseFormTrigger.node';
import { closeAllStores } from '../../nodes/shared/transport';
import { createCore } from '../../src/core';
import { openStore, type CaseStore } from '../../src/store/open-store';
import { actorFor, emmendingen, validIntake } from '../helpers/fixtures';
import { CredentialsHelper } from '../helpers/n8n/credentials-helper';
import { NodeTypes } from '../helpers/n8n/node-types';
import { buildWorkflow } from '../helpers/n8n/run-workflow';
import { proxyHeaders, TEST_PROXY } from '../helpers/sign-in';
import { SystemActor } from '../../src/access/actor';

// The node's webhook() in n8n-core's real WebhookContext (as n8n's webhook service builds it for each request),
// with the store from the real credential. Only the express request/response objects are stand-ins.
const PKG = 'n8n-nodes-integrationsmanagement';
const trigger = new CaseFormTrigger();
const nodeTypes = new NodeTypes([trigger]);
const profile = emmendingen();

interface Answer {
	status: number;
	headers: Record<string, string | string[]>;
	body: string;
	result: IWebhookResponseData;
}

/** A stand-in for express's Response: what the node calls (status, set, send), recorded. */
function recordingResponse() {
	const answer = { status: 200, headers: {} as Record<string, string | string[]>, body: '' };
	const res = {
		status(code: number) {
			answer.status = code;
			return res;
		},
		set(headers: Record<string, string | string[]>) {
			Object.assign(answer.headers, headers);
			return res;
		},
		send(body: string | Buffer) {
			answer.body = String(body);
			return res;
		},
	};
	return { res, answer };
}

let dir: string;
let credentials: CredentialsHelper;
let store: CaseStore;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'im-form-node-'));
	credentials = new CredentialsHelper([
		new IntegrationCaseStoreApi(),
		new CaseFormTrustedProxyApi(),
	]);
	credentials.add('store-1', 'integrationCaseStoreApi', {
		backend: 'sqlite',
		sqliteFile: path.join(dir, 'cases.sqlite'),
	});
	credentials.add('proxy-1', 'caseFormTrustedProxyApi', {
		userHeader: TEST_PROXY.userHeader,
		verificationHeader: TEST_PROXY.secretHeader,
		secret: TEST_PROXY.secret,
	});
	store = await openStore({ backend: 'sqlite', file: path.join(dir, 'cases.sqlite') });
});

afterAll(async () => {
	await closeAllStores();
	await store.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

function triggerNode(parameters: INode['parameters']): INode {
	return {
		id: 'node-form',
		name: 'Aufnahme',
		type: `${PKG}.caseFormTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'b1f3c7a2-0000-4000-8000-000000000001',
		parameters: {
			form: 'intake',
			path: 'formulare/aufnahme',
			districtProfile: 'emmendingen',
			...parameters,
		},
		credentials: {
			integrationCaseStoreApi: { id: 'store-1', name: 'Fallspeicher' },
			caseFormTrustedProxyApi: { id: 'proxy-1', name: 'Anmelde-Proxy' },
		},
	};
}

async function call(
	node: INode,
	request: {
		method: 'GET' | 'POST';
		query?: Record<string, string>;
		headers?: Record<string, string>;
		body?: unknown;
	},
): Promise<Answer> {
	const workflow = buildWorkflow({ nodes: [node], connections: {} }, nodeTypes);
	const { res, answer } = recordingResponse();
	const req = {
		method: request.method,
		query: request.query ?? {},
		headers: request.headers ?? {},
		body: request.body ?? {},
		params: {},
		path: '/webhook/formulare/aufnahme',
		ip: '127.0.0.1',
		secure: false,
	};
	const description = trigger.description.webhooks!.find((w) => w.httpMethod === request.method)!;
	const additionalData = {
		credentialsHelper: credentials,
		httpRequest: req,
		httpResponse: res,
		webhookBaseUrl: 'http://localhost:5678/webhook',
	} as never;
	const webhookData = {
		httpMethod: request.method,
		node: node.name,
		path: 'formulare/aufnahme',
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	} as IWebhookData;
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await trigger.webhook.call(context);
	return { ...answer, result };
}

/** What n8n's body parser makes of the page's form-encoded POST (with the session's request token). */
const pagePost = (data: unknown, submissionId: string, csrf?: string) => ({
	payload: JSON.stringify({ data, submissionId }),
	...(csrf ? { csrf } : {}),
});

/** A staff member with an own password (invitation accepted): the session's cookie and request token. */
async function signedIn(staffId: string) {
	const core = createCore({ store, profile });
	const { token } = await core.signIn.invite(new SystemActor('test', 'Test'), staffId);
	const session = await core.signIn.acceptInvitation(token, 'Ein langer Satz zum Anmelden', {});
	return { cookie: `im_session=${session.sessionId}`, csrf: session.csrfToken };
}

describe('Case Form Trigger node (webhook in n8n-core’s WebhookContext)', () => {
	it('declares GET and POST on the same path and a German codex alias', () => {
		expect(trigger.description.webhooks?.map((w) => [w.httpMethod, w.path, w.isFullPath])).toEqual([
			['GET', '={{ $parameter["path"] }}', true],
			['POST', '={{ $parameter["path"] }}', true],
			['GET', '={{ $parameter["path"] }}/anmeldung', true],
		]);
		expect(trigger.description.properties.find((p) => p.name === 'authentication')?.default).toBe(
			'personal',
		);
		expect(
			JSON.parse(
				fs.readFileSync(
					path.join(__dirname, '../../nodes/CaseFormTrigger/CaseFormTrigger.node.json'),
					'utf8',
				),
			).node,
		).toBe(`${PKG}.caseFormTrigger`);
	});

	it('serves the page and its assets behind the proxy with its secret, and 401 without the secret', async () => {
		const node = triggerNode({ authentication: 'trustedHeader' });
		const page = await call(node, { method: 'GET', headers: proxyHeaders('em-caritas-01') });
		expect(page.status).toBe(200);
		expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
		expect(page.body).toContain('angemeldet: Timo Quast');
		expect(page.result).toEqual({ noWebhookResponse: true });
		const script = await call(node, { method: 'GET', query: { asset: 'formio.form.min.js' } });
		expect(script.status).toBe(200);
		expect(script.body.length).toBeGreaterThan(1_000_000);
		expect((await call(node, { method: 'GET' })).status).toBe(401);
		const forged = { 'x-remote-user': 'em-koordination' };
		expect((await call(node, { method: 'GET', headers: forged })).status).toBe(401);
	});

	it('shows the sign-in page (401) by default and the form with a session cookie', async () => {
		const node = triggerNode({});
		const signIn = await call(node, { method: 'GET' });
		expect(signIn.status).toBe(401);
		expect(signIn.body).toContain('Kennung oder dienstliche E-Mail-Adresse');
		const { cookie } = await signedIn('em-caritas-02');
		const page = await call(node, { method: 'GET', headers: { cookie } });
		expect(page.status).toBe(200);
		expect(page.body).toContain('case-form-boot');
	});

	it('stores an intake posted by the page and starts the workflow with data, actor and submission id', async () => {
		const node = triggerNode({});
		const { csrf } = await signedIn('em-caritas-01');
		const answer = await call(node, {
			method: 'POST',
			body: pagePost(validIntake(), 'node-sub-1', csrf),
		});
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body).message).toMatch(
			/^Die Aufnahme von Amina Haddad ist gespeichert/,
		);
		const item = answer.result.workflowData?.[0]?.[0]?.json as Record<string, any>;
		expect(item).toMatchObject({
			kind: 'intake',
			submissionId: 'node-sub-1',
			actor: actorFor(profile, 'em-caritas-01'),
			data: { person: { lastName: 'Haddad' } },
		});
		const core = createCore({ store, profile });
		expect(
			(await core.getCase(actorFor(profile, 'em-caritas-01'), item.caseId)).data.person.firstName,
		).toBe('Amina');
	});

	it('refuses a POST without the request token with 403 and starts nothing', async () => {
		const node = triggerNode({});
		const { cookie } = await signedIn('em-caritas-03');
		const answer = await call(node, {
			method: 'POST',
			headers: { cookie },
			body: pagePost(validIntake(), 'node-sub-2'),
		});
		expect(answer.status).toBe(403);
		expect(answer.result).toEqual({ noWebhookResponse: true });
	});

	it('answers invalid data with 422 and German field messages, starting nothing', async () => {
		const node = triggerNode({});
		const { csrf } = await signedIn('em-caritas-04');
		const answer = await call(node, {
			method: 'POST',
			body: pagePost({ ...validIntake(), languages: [] }, 'node-sub-3', csrf),
		});
		expect(answer.status).toBe(422);
		expect(JSON.parse(answer.body).errors).toEqual([
			{ path: 'languages', field: 'Sprachen', message: 'Bitte mindestens einen Eintrag angeben.' },
		]);
		expect(answer.result.workflowData).toBeUndefined();
	});

	it('checks the proxy secret in the credential dialog', async () => {
		const test = trigger.methods.credentialTest.caseFormTrustedProxyTest;
		const check = (secret: string) =>
			test.call({} as never, {
				id: 'x',
				name: 'x',
				type: 'caseFormTrustedProxyApi',
				data: { secret },
			});
		await expect(check('kurz')).resolves.toMatchObject({ status: 'Error' });
		await expect(check(TEST_PROXY.secret)).resolves.toMatchObject({ status: 'OK' });
	});
});
