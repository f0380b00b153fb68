'use strict';
// One district's n8n: user folder with this package linked, the case-store credential, the district's
// workflow templates imported (n8n CLI) and published (n8n REST API), the owner account, then running.
// Shared by `npm start` (scripts/start.js) and the end-to-end tests.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const rt = require('./runtime');
const { CASE_STORE_CREDENTIAL, SMTP_CREDENTIAL, FORM_LOGIN_CREDENTIAL, API_TOKEN_CREDENTIAL, workflowId } = require('../workflows/identifiers');

const DISTRICT_ALIASES = { ortenau: 'ortenaukreis', ortenaukreis: 'ortenaukreis', emmendingen: 'emmendingen', ludwigsburg: 'ludwigsburg', sigmaringen: 'sigmaringen', wehr: 'wehr' };
const CASE_STORE_FILE = 'integrationsmanagement.sqlite';

function resolveDistrict(name) {
	const id = DISTRICT_ALIASES[String(name ?? '').trim().toLowerCase()];
	if (!id) throw new Error(`Unbekannter Kreis „${name}“. Möglich: emmendingen, ortenau, ludwigsburg, sigmaringen, wehr.`);
	return id;
}

/**
 * The workflow templates of a district: workflows/<district>/*.json (generated and committed) plus the
 * quarterly funder report (workflows/funder-report-quarterly.json, one template for all districts) set up for
 * this district.
 */
function templatesFor(district, packageRoot = rt.PACKAGE_ROOT, { reportsDir } = {}) {
	const dir = path.join(packageRoot, 'workflows', district);
	const templates = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
	templates.push({ file: '07-foerderbericht.json', workflow: funderReportFor(district, packageRoot, reportsDir) });
	return templates;
}

/** The funder-report template for one district: its profile, its coordinator as actor, our credential, a reports folder. */
function funderReportFor(district, packageRoot, reportsDir = '/home/node/.n8n/berichte') {
	const file = path.join(packageRoot, 'workflows', 'funder-report-quarterly.json');
	const profile = JSON.parse(fs.readFileSync(path.join(packageRoot, 'districts', `${district}.json`), 'utf8'));
	const coordinator = profile.staff.find((s) => s.role === 'coordinator');
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
	workflow.id = workflowId(district, 'foerderbericht');
	workflow.name = `${profile.name}: Auswertung für den Zuwendungsgeber (vierteljährlich)`;
	delete workflow.active;
	delete workflow.tags;
	for (const node of workflow.nodes) {
		if (/\.funderReport$/.test(node.type)) {
			node.parameters.districtProfile = district;
			if (coordinator) node.parameters.actor = JSON.stringify({ staffId: coordinator.id, role: coordinator.role, organisationId: coordinator.organisationId });
			node.credentials = { ...node.credentials, integrationCaseStoreApi: CASE_STORE_CREDENTIAL };
		}
		if (node.type === 'n8n-nodes-base.readWriteFile' && typeof node.parameters.fileName === 'string') {
			node.parameters.fileName = node.parameters.fileName.replace(/\/home\/node\/\.n8n\/berichte\/?/, `${reportsDir.replace(/\/$/, '')}/`);
		}
		if (node.type === 'n8n-nodes-base.stickyNote' && typeof node.parameters.content === 'string') {
			node.parameters.content = node.parameters.content.replaceAll('/home/node/.n8n/berichte/', `${reportsDir.replace(/\/$/, '')}/`);
		}
	}
	return workflow;
}

/**
 * Whether n8n takes the Case Form Trigger's path as the full webhook path (`isFullPath`), read from the built node;
 * otherwise its production URL is `/webhook/<webhookId>/<path>` (n8n's rule for trigger nodes).
 */
function formTriggerFullPath(packageRoot) {
	try {
		const file = path.join(packageRoot, 'dist', 'nodes', 'CaseFormTrigger', 'CaseFormTrigger.node.js');
		const { CaseFormTrigger } = require(file);
		return (new CaseFormTrigger().description.webhooks ?? []).some((w) => w.isFullPath === true);
	} catch {
		return false;
	}
}

/**
 * The production webhooks of a workflow: n8n Webhook nodes (JSON APIs) and Case Form Triggers (GET: the form page).
 * `form` is the Case Form Trigger's form kind; all but the intake are opened with `?case=<case id>`.
 */
function webhooksOf(workflow, packageRoot = rt.PACKAGE_ROOT) {
	const hooks = [];
	for (const n of workflow.nodes) {
		if (n.type === 'n8n-nodes-base.webhook') {
			hooks.push({ node: n.name, path: n.parameters.path, urlPath: n.parameters.path, method: n.parameters.httpMethod ?? 'POST' });
		} else if (/\.caseFormTrigger$/.test(n.type)) {
			const urlPath = formTriggerFullPath(packageRoot) ? n.parameters.path : `${n.webhookId}/${n.parameters.path}`;
			hooks.push({ node: n.name, path: n.parameters.path, urlPath, method: 'GET', form: n.parameters.form ?? 'intake' });
		}
	}
	return hooks;
}

/** With SMTP configured, the e-mail nodes are switched on and use the SMTP credential. */
function withSmtp(workflow, smtp) {
	if (!smtp) return workflow;
	const copy = JSON.parse(JSON.stringify(workflow));
	for (const node of copy.nodes) {
		if (node.type !== 'n8n-nodes-base.emailSend') continue;
		delete node.disabled;
		node.notes = '';
		node.credentials = { smtp: SMTP_CREDENTIAL };
		if (smtp.from) node.parameters.fromEmail = smtp.from;
		if (smtp.to) node.parameters.toEmail = smtp.to;
	}
	return copy;
}

/** SMTP from the environment (off unless IM_SMTP_HOST is set). */
function smtpFromEnv(env = process.env) {
	if (!env.IM_SMTP_HOST) return undefined;
	return {
		host: env.IM_SMTP_HOST,
		port: Number(env.IM_SMTP_PORT || 587),
		user: env.IM_SMTP_USER || '',
		password: env.IM_SMTP_PASSWORD || '',
		secure: env.IM_SMTP_SECURE === 'true',
		from: env.IM_SMTP_FROM || undefined,
		to: env.IM_SMTP_TO || undefined,
	};
}

/**
 * Prepares (first time) and starts n8n for a district.
 * state (persisted in <userFolder>/im-setup.json): encryption key, owner login, which templates were imported.
 */
async function launchDistrict({ district, userFolder, port, owner, formPassword, apiToken, smtp, reimport = false, log = () => {}, packageRoot = rt.PACKAGE_ROOT, extraEnv = {} }) {
	const timings = {};
	const t = (key, since) => (timings[key] = Date.now() - since);
	fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	const stateFile = path.join(userFolder, 'im-setup.json');
	const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : {};
	if (state.district && state.district !== district) throw new Error(`${userFolder} gehört zu „${state.district}“, nicht zu „${district}“.`);
	state.district = district;
	state.encryptionKey ??= crypto.randomBytes(24).toString('hex');
	state.owner = {
		email: owner?.email ?? state.owner?.email ?? 'admin@integrationsmanagement.example',
		password: owner?.password ?? state.owner?.password ?? `Im-${crypto.randomBytes(6).toString('base64url')}-7`,
		firstName: 'Kreis',
		lastName: 'Administration',
	};
	// One password for the form pages (Basic Auth; the user name is a staff id or e-mail of the profile).
	state.formPassword = formPassword ?? state.formPassword ?? `Formular-${crypto.randomBytes(6).toString('base64url')}`;
	// Token of the JSON interface (referral feedback), sent as header X-IM-Token.
	state.apiToken = apiToken ?? state.apiToken ?? crypto.randomBytes(18).toString('base64url');
	fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });

	rt.linkPackage(userFolder, packageRoot);
	const brokerPort = await rt.freePort();
	// Files written by workflows (the funder report) go to <userFolder>/berichte, the only folder n8n may write.
	const reportsDir = path.join(userFolder, 'berichte');
	fs.mkdirSync(reportsDir, { recursive: true });
	const env = rt.n8nEnv({ userFolder, port, brokerPort, encryptionKey: state.encryptionKey, extra: { N8N_RESTRICT_FILE_ACCESS_TO: reportsDir, ...extraEnv } });
	const templates = templatesFor(district, packageRoot, { reportsDir });
	const firstSetup = !state.imported || reimport;

	if (firstSetup) {
		let since = Date.now();
		const importDir = path.join(userFolder, 'import');
		fs.rmSync(importDir, { recursive: true, force: true });
		fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
		const credentials = [{ ...CASE_STORE_CREDENTIAL, type: 'integrationCaseStoreApi', data: { backend: 'sqlite', sqliteFile: CASE_STORE_FILE } }];
		credentials.push({ ...FORM_LOGIN_CREDENTIAL, type: 'caseFormBasicAuth', data: { password: state.formPassword, realm: `Integrationsmanagement ${district}` } });
		credentials.push({ ...API_TOKEN_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'X-IM-Token', value: state.apiToken } });
		if (smtp) {
			credentials.push({ ...SMTP_CREDENTIAL, type: 'smtp', data: { host: smtp.host, port: smtp.port, user: smtp.user, password: smtp.password, secure: smtp.secure } });
		}
		fs.writeFileSync(path.join(importDir, 'credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
		for (const { file, workflow } of templates) fs.writeFileSync(path.join(importDir, 'workflows', file), JSON.stringify(withSmtp(workflow, smtp)));
		rt.runCli(env, ['import:credentials', `--input=${path.join(importDir, 'credentials.json')}`], { log });
		rt.runCli(env, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`], { log });
		fs.rmSync(path.join(importDir, 'credentials.json'));
		t('importMs', since);
	}

	let since = Date.now();
	const n8n = await rt.startN8n({ env, logFile: path.join(userFolder, 'n8n.log') });
	t('startMs', since);
	try {
		since = Date.now();
		const client = new rt.N8nClient(n8n.baseUrl);
		await client.setupOwnerAndLogin(state.owner);
		if (firstSetup) {
			for (const { workflow } of templates) await client.publishWorkflow(workflow.id);
			state.imported = { at: new Date().toISOString(), workflows: templates.map((x) => x.file) };
			fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
		}
		t('ownerAndPublishMs', since);
		const base = n8n.baseUrl;
		return {
			n8n,
			client,
			district,
			baseUrl: base,
			editorUrl: `${base}/`,
			owner: state.owner,
			formPassword: state.formPassword,
			apiToken: state.apiToken,
			storeFile: path.join(userFolder, '.n8n', CASE_STORE_FILE),
			reportsDir,
			userFolder,
			timings,
			workflows: templates.map(({ workflow }) => ({
				id: workflow.id,
				name: workflow.name,
				webhooks: webhooksOf(workflow, packageRoot).map((w) => ({ ...w, url: `${base}/webhook/${w.urlPath}` })),
			})),
			stop: () => n8n.stop(),
		};
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}

module.exports = { launchDistrict, resolveDistrict, templatesFor, funderReportFor, webhooksOf, smtpFromEnv, withSmtp, CASE_STORE_FILE };
