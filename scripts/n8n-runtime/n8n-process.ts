// One headless n8n of the pinned runtime: its environment, its CLI, the `n8n start` process.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { paths, type Log } from './runtime';

export type Env = Record<string, string>;

export interface ProcessExit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface N8nProcess {
	pid: number | undefined;
	baseUrl: string;
	logFile: string;
	/** How long n8n took to be ready. */
	startupMs?: number;
	exited: Promise<ProcessExit>;
	/** SIGTERM and wait for the exit (n8n shuts down in about a second); SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<ProcessExit>;
}

/** The variables of this process that reach n8n: nothing of the calling n8n/npm/jest setup (jest sets NODE_ENV=test, which silences n8n). */
function inheritedEnv(): Env {
	const kept = Object.entries(process.env).filter(
		(entry): entry is [string, string] =>
			entry[1] !== undefined &&
			!/^(npm_|N8N_|DB_|NODE_OPTIONS$|NODE_ENV$|JEST_|EXECUTIONS_|QUEUE_)/i.test(entry[0]),
	);
	return Object.fromEntries(kept);
}

/**
 * The environment of one headless, offline n8n instance: localhost only, SQLite, no telemetry, no
 * version/template/banner calls, its own task-runner broker port (the default 5679 collides between instances).
 */
export function n8nEnv({
	userFolder,
	port,
	brokerPort,
	encryptionKey,
	extra = {},
}: {
	userFolder: string;
	port: number;
	brokerPort: number;
	encryptionKey: string;
	extra?: Env;
}): Env {
	const p = paths();
	return {
		...inheritedEnv(),
		NODE_ENV: 'production',
		PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_ENCRYPTION_KEY: encryptionKey,
		// n8n keeps its settings file (with the encryption key) readable by the owner only.
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'Europe/Berlin',
		// nothing leaves localhost
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		...extra,
	};
}

/** Runs an n8n CLI command (`import:workflow …`) with the runtime's Node; n8n must not be running on that folder. */
export function runCli(env: Env, args: string[], { log }: { log?: Log } = {}): string {
	const p = paths();
	const started = Date.now();
	const result = spawnSync(p.node, [p.n8nBin, ...args], {
		env,
		encoding: 'utf8',
		cwd: env.N8N_USER_FOLDER,
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (log) log(`n8n ${args.join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	if (result.status !== 0 || /^Error|An error occurred/m.test(output)) {
		throw new Error(`n8n ${args.join(' ')} fehlgeschlagen (Status ${result.status}):\n${output}`);
	}
	return output;
}

/** The last lines of a log file (empty when it cannot be read). */
export function tail(file: string, lines = 40): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** `n8n start` as a child of this process, its output appended to `logFile`. */
function spawnN8n(env: Env, logFile: string): N8nProcess {
	const p = paths();
	const out = fs.openSync(logFile, 'a');
	const child = spawn(p.node, [p.n8nBin, 'start'], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	let exit: ProcessExit | undefined;
	const exited = new Promise<ProcessExit>((resolve) =>
		child.once('exit', (code, signal) => resolve((exit = { code, signal }))),
	);
	return {
		pid: child.pid,
		baseUrl: `http://127.0.0.1:${env.N8N_PORT}`,
		logFile,
		exited,
		async stop(graceMs = 30_000) {
			if (exit) return exit;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			const result = await exited;
			clearTimeout(timer);
			return result;
		},
	};
}

/**
 * Starts `n8n start` in the foreground of this process (its output to `logFile`) and resolves once it is
 * ready: `/healthz/readiness` answers 200 (DB migrated, HTTP up) **and** the log says the editor is
 * accessible (printed after the published workflows were activated).
 */
export async function startN8n({
	env,
	logFile,
	timeoutMs = 180_000,
}: {
	env: Env;
	logFile: string;
	timeoutMs?: number;
}): Promise<N8nProcess> {
	const handle = spawnN8n(env, logFile);
	let exit: ProcessExit | undefined;
	void handle.exited.then((result) => (exit = result));
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (exit) throw new Error(`n8n hat sich beendet (${JSON.stringify(exit)}):\n${tail(logFile)}`);
		const ready = await fetch(`${handle.baseUrl}/healthz/readiness`).then(
			(r) => r.ok,
			() => false,
		);
		if (ready && fs.readFileSync(logFile, 'utf8').includes('Editor is now accessible')) {
			handle.startupMs = Date.now() - started;
			return handle;
		}
		await sleep(250);
	}
	await handle.stop();
	throw new Error(`n8n wurde nicht innerhalb von ${timeoutMs / 1000} s bereit:\n${tail(logFile)}`);
}
