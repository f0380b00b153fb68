import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WebhookContext } from 'n8n-core';
import type { INode, IWebhookData, IWebhookResponseData } from 'n8n-workflow';
import { CaseFormBasicAuth } from '../../credentials/CaseFormBasicAuth.credentials';
import { IntegrationCaseStoreApi } from '../../credentials/IntegrationCaseStoreApi.credentials';
import { CaseFormTrigger } from '../../nodes/CaseFormTrigger/CaseFormTrigger.node';
import { closeAllStores } from '../../nodes/shared/transport';
import { createCore } from '../../src/core';
import { openStore, type CaseStore } from '../../src/store/open-store';
import { actorFor, emmendingen, validIntake } from '../helpers/fixtures';
import { CredentialsHelper } from '../helpers/n8n/credentials-helper';
import { NodeTypes } from '../helpers/n8n/node-types';
import { buildWorkflow } from '../helpers/n8n/run-workflow';

// The node's webhook() in n8n-core's real WebhookContext (as n8n's webhook service builds it for each request),
// with the store from the real credential. Only the express request/response objects are stand-ins.
const PKG = 'n8n-nodes-integrationsmanagement';
const trigger = new CaseFormTrigger();
const nodeTypes = new NodeTypes([trigger]);
const profile = emmendingen();

interface Answer {
	status: number;
	headers: Record<string, string>;
	body: string;
	result: IWebhookResponseData;
}

/** A stand-in for express's Response: what the node calls (status, set, send), recorded. */
function recordingResponse() {
	const answer = { status: 200, headers: {} as Record<string, string>, body: '' };
	const res = {
		status(code: number) {
			answer.status = code;
			return res;
		},
		set(headers: Record<string, string>) {
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
	credentials = new CredentialsHelper([new IntegrationCaseStoreApi(), new CaseFormBasicAuth()]);
	credentials.add('store-1', 'integrationCaseStoreApi', {
		backend: 'sqlite',
		sqliteFile: path.join(dir, 'cases.sqlite'),
	});
	credentials.add('basic-1', 'caseFormBasicAuth', { password: 'lange-geheime-phrase' });
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
		parameters: { form: 'intake', path: 'aufnahme', districtProfile: 'emmendingen', ...parameters },
		credentials: {
			integrationCaseStoreApi: { id: 'store-1', name: 'Fallspeicher' },
			caseFormBasicAuth: { id: 'basic-1', name: 'Formular-Passwort' },
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
		path: 'aufnahme',
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

const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
/** What n8n's body parser makes of the page's form-encoded POST. */
const pagePost = (data: unknown, submissionId: string) => ({
	payload: JSON.stringify({ data, submissionId }),
});

describe('Case Form Trigger node (webhook in n8n-core’s WebhookContext)', () => {
	it('declares GET and POST on the same path and a German codex alias', () => {
		expect(trigger.description.webhooks?.map((w) => [w.httpMethod, w.path])).toEqual([
			['GET', '={{ $parameter["path"] }}'],
			['POST', '={{ $parameter["path"] }}'],
		]);
		expect(
			JSON.parse(
				fs.readFileSync(
					path.join(__dirname, '../../nodes/CaseFormTrigger/CaseFormTrigger.node.json'),
					'utf8',
				),
			).node,
		).toBe(`${PKG}.caseFormTrigger`);
	});

	it('serves the page and its assets with the trusted header, and 401 without it', async () => {
		const node = triggerNode({ authentication: 'trustedHeader', headerName: 'X-Remote-User' });
		const page = await call(node, { method: 'GET', headers: { 'x-remote-user': 'em-caritas-01' } });
		expect(page.status).toBe(200);
		expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
		expect(page.body).toContain('angemeldet: Timo Quast');
		expect(page.result).toEqual({ noWebhookResponse: true });
		const script = await call(node, { method: 'GET', query: { asset: 'formio.form.min.js' } });
		expect(script.status).toBe(200);
		expect(script.body.length).toBeGreaterThan(1_000_000);
		expect((await call(node, { method: 'GET' })).status).toBe(401);
	});

	it('stores an intake posted by the page and starts the workflow with data, actor and submission id', async () => {
		const node = triggerNode({ authentication: 'basicAuth' });
		const answer = await call(node, {
			method: 'POST',
			headers: { authorization: basic('em-caritas-01', 'lange-geheime-phrase') },
			body: pagePost(validIntake(), 'node-sub-1'),
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

	it('refuses a wrong password with 401 and starts nothing', async () => {
		const node = triggerNode({ authentication: 'basicAuth' });
		const answer = await call(node, {
			method: 'POST',
			headers: { authorization: basic('em-caritas-01', 'falsch') },
			body: pagePost(validIntake(), 'node-sub-2'),
		});
		expect(answer.status).toBe(401);
		expect(answer.headers['WWW-Authenticate']).toMatch(/^Basic/);
		expect(answer.result).toEqual({ noWebhookResponse: true });
	});

	it('answers invalid data with 422 and German field messages, starting nothing', async () => {
		const node = triggerNode({ authentication: 'none', staffId: 'em-caritas-01' });
		const answer = await call(node, {
			method: 'POST',
			body: pagePost({ ...validIntake(), languages: [] }, 'node-sub-3'),
		});
		expect(answer.status).toBe(422);
		expect(JSON.parse(answer.body).errors).toEqual([
			{ path: 'languages', field: 'Sprachen', message: 'Bitte mindestens einen Eintrag angeben.' },
		]);
		expect(answer.result.workflowData).toBeUndefined();
	});

	it('checks the form password in the credential dialog', async () => {
		const test = trigger.methods.credentialTest.caseFormBasicAuthTest;
		await expect(
			test.call({} as never, {
				id: 'x',
				name: 'x',
				type: 'caseFormBasicAuth',
				data: { password: 'kurz' },
			}),
		).resolves.toMatchObject({ status: 'Error' });
		await expect(
			test.call({} as never, {
				id: 'x',
				name: 'x',
				type: 'caseFormBasicAuth',
				data: { password: 'lange-geheime-phrase' },
			}),
		).resolves.toMatchObject({ status: 'OK' });
	});
});
