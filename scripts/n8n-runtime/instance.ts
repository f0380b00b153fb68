// One district's n8n: user folder with this package linked, the case-store credential, the district's
// workflow templates imported (n8n CLI) and published (n8n REST API), the owner account, then running.
// Shared by `npm start` (scripts/start.ts) and the end-to-end tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkPackage, PACKAGE_ROOT } from './built-package';
import {
	templatesFor,
	webhooksOf,
	type Smtp,
	type Template,
	type Webhook,
} from './district-templates';
import { N8nClient, type OwnerLogin } from './n8n-client';
import { n8nEnv, startN8n, type Env, type N8nProcess, type ProcessExit } from './n8n-process';
import { freePort } from './ports';
import type { Log } from './runtime';
import {
	prepareState,
	privateUserFolder,
	writeState,
	type SetupOptions,
	type SetupState,
} from './setup-state';
import { CASE_STORE_FILE, credentialsFor, importTemplates } from './template-import';

export { CASE_STORE_FILE };

const DISTRICT_ALIASES: Record<string, string> = {
	ortenau: 'ortenaukreis',
	ortenaukreis: 'ortenaukreis',
	emmendingen: 'emmendingen',
	ludwigsburg: 'ludwigsburg',
	sigmaringen: 'sigmaringen',
	wehr: 'wehr',
};

export function resolveDistrict(name: string | undefined): string {
	const id =
		DISTRICT_ALIASES[
			String(name ?? '')
				.trim()
				.toLowerCase()
		];
	if (!id)
		throw new Error(
			`Unbekannter Kreis „${name}“. Möglich: emmendingen, ortenau, ludwigsburg, sigmaringen, wehr.`,
		);
	return id;
}

/** SMTP from the environment (off unless IM_SMTP_HOST is set). */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): Smtp | undefined {
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

export interface LaunchOptions extends SetupOptions {
	port: number;
	smtp?: Smtp;
	reimport?: boolean;
	log?: Log;
	packageRoot?: string;
	extraEnv?: Env;
}

export interface WebhookInfo extends Webhook {
	url: string;
}

export interface DistrictInstance {
	n8n: N8nProcess;
	client: N8nClient;
	district: string;
	baseUrl: string;
	editorUrl: string;
	owner: OwnerLogin;
	/** Token of the JSON interface (header X-IM-Token). */
	apiToken: string;
	storeFile: string;
	/** Where workflows may write files (funder report). */
	reportsDir: string;
	userFolder: string;
	/** The user folder was new: the logins were created now (printed once). */
	firstStart: boolean;
	/** Where the logins are kept (readable by the owner only). */
	stateFile: string;
	timings: Record<string, number>;
	workflows: { id: string; name: string; webhooks: WebhookInfo[] }[];
	stop(): Promise<ProcessExit>;
}

/** The user folder made owner-only, and its state; logins are printed on the first start only (later: in the state file). */
function userFolderState(options: LaunchOptions) {
	privateUserFolder(options.userFolder);
	const stateFile = path.join(options.userFolder, 'im-setup.json');
	const firstStart = !fs.existsSync(stateFile);
	return { stateFile, firstStart, state: prepareState(stateFile, options) };
}

/**
 * Prepares (first time) and starts n8n for a district.
 * state (persisted in <userFolder>/im-setup.json): encryption key, owner login, which templates were imported.
 */
export async function launchDistrict(options: LaunchOptions): Promise<DistrictInstance> {
	const {
		district,
		userFolder,
		port,
		smtp,
		reimport = false,
		log = () => {},
		packageRoot = PACKAGE_ROOT,
		extraEnv = {},
	} = options;
	const timings: Record<string, number> = {};
	const { stateFile, firstStart, state } = userFolderState(options);

	linkPackage(userFolder, packageRoot);
	const brokerPort = await freePort();
	// Files written by workflows (the funder report) go to <userFolder>/berichte, the only folder n8n may write.
	const reportsDir = path.join(userFolder, 'berichte');
	fs.mkdirSync(reportsDir, { recursive: true });
	const env = n8nEnv({
		userFolder,
		port,
		brokerPort,
		encryptionKey: state.encryptionKey,
		extra: { N8N_RESTRICT_FILE_ACCESS_TO: reportsDir, ...extraEnv },
	});
	const templates = templatesFor(district, packageRoot, { reportsDir });
	const firstSetup = !state.imported || reimport;
	if (firstSetup) {
		const since = Date.now();
		importTemplates(userFolder, env, templates, credentialsFor(state, smtp), smtp, log);
		timings.importMs = Date.now() - since;
	}

	const since = Date.now();
	const n8n = await startN8n({ env, logFile: path.join(userFolder, 'n8n.log') });
	timings.startMs = Date.now() - since;
	try {
		const publishSince = Date.now();
		const client = await ownerAndPublish(n8n, { state, stateFile, templates, publish: firstSetup });
		timings.ownerAndPublishMs = Date.now() - publishSince;
		return runningInstance({
			n8n,
			client,
			district,
			state,
			userFolder,
			reportsDir,
			timings,
			templates,
			packageRoot,
			firstStart,
			stateFile,
		});
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}

/** The owner account set up and logged in; on the first setup every template published, and that remembered in the state. */
async function ownerAndPublish(
	n8n: N8nProcess,
	setup: { state: SetupState; stateFile: string; templates: Template[]; publish: boolean },
): Promise<N8nClient> {
	const { state, stateFile, templates } = setup;
	const client = new N8nClient(n8n.baseUrl);
	await client.setupOwnerAndLogin(state.owner);
	if (setup.publish) {
		for (const { workflow } of templates) await client.publishWorkflow(workflow.id);
		state.imported = { at: new Date().toISOString(), workflows: templates.map((x) => x.file) };
		writeState(stateFile, state);
	}
	return client;
}

/** The running instance: its URLs, logins, files and the webhooks of its published workflows. */
function runningInstance(running: {
	n8n: N8nProcess;
	client: N8nClient;
	district: string;
	state: SetupState;
	userFolder: string;
	reportsDir: string;
	timings: Record<string, number>;
	templates: Template[];
	packageRoot: string;
	firstStart: boolean;
	stateFile: string;
}): DistrictInstance {
	const { n8n, state, userFolder, templates, packageRoot, firstStart, stateFile } = running;
	const base = n8n.baseUrl;
	return {
		n8n,
		client: running.client,
		district: running.district,
		baseUrl: base,
		editorUrl: `${base}/`,
		owner: state.owner,
		firstStart,
		stateFile,
		apiToken: state.apiToken,
		storeFile: path.join(userFolder, '.n8n', CASE_STORE_FILE),
		reportsDir: running.reportsDir,
		userFolder,
		timings: running.timings,
		workflows: templates.map(({ workflow }) => ({
			id: workflow.id,
			name: workflow.name,
			webhooks: webhooksOf(workflow, packageRoot).map((w) => ({
				...w,
				url: `${base}/webhook/${w.urlPath}`,
			})),
		})),
		stop: () => n8n.stop(),
	};
}
