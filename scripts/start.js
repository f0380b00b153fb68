#!/usr/bin/env node
'use strict';
// `npm start`: build, install/reuse the pinned n8n runtime, set up the district (owner, case store, workflow
// templates imported and published), optionally load demo data, print the URLs, run until Ctrl-C.
//
//   npm start -- [--district emmendingen|ortenau|ludwigsburg|sigmaringen|wehr] [--port 5678] [--demo] [--fresh] [--reimport]
//   env: IM_DISTRICT, IM_PORT, IM_DEMO=1, IM_N8N_HOME (folder for the n8n user folders, default .n8n-runtime/),
//        IM_OWNER_EMAIL / IM_OWNER_PASSWORD, IM_FORM_PASSWORD, IM_API_TOKEN, IM_SMTP_HOST/PORT/USER/PASSWORD/SECURE/FROM/TO (e-mail, off by default),
//        IM_N8N_CACHE / IM_N8N_RUNTIME_DIR (where the n8n runtime is installed)
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const rt = require('./n8n-runtime/runtime');
const { launchDistrict, resolveDistrict, smtpFromEnv } = require('./n8n-runtime/instance');

const root = path.join(__dirname, '..');

function parseArgs(argv) {
	const options = {
		district: process.env.IM_DISTRICT || 'emmendingen',
		port: process.env.IM_PORT ? Number(process.env.IM_PORT) : 5678,
		demo: process.env.IM_DEMO === '1' || process.env.IM_DEMO === 'true',
		fresh: false,
		reimport: false,
		build: true,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
			if (v === undefined) throw new Error(`${arg} braucht einen Wert`);
			return v;
		};
		if (arg.startsWith('--district')) options.district = value();
		else if (arg.startsWith('--port')) options.port = Number(value());
		else if (arg === '--demo') options.demo = true;
		else if (arg === '--fresh') options.fresh = true;
		else if (arg === '--reimport') options.reimport = true;
		else if (arg === '--no-build') options.build = false;
		else if (arg === '--help' || arg === '-h') options.help = true;
		else throw new Error(`Unbekannte Option ${arg} (siehe npm start -- --help)`);
	}
	options.district = resolveDistrict(options.district);
	if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) throw new Error(`Ungültiger Port ${options.port}`);
	return options;
}

const say = (message) => console.log(`[start] ${message}`);

function build() {
	const started = Date.now();
	say('baue das Paket (npm run build) …');
	const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error('npm run build ist fehlgeschlagen');
	say(`gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function portFree(port) {
	const net = require('node:net');
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 9).join('\n').replace(/^\/\/ ?/gm, ''));
		return;
	}
	if (!(await portFree(options.port))) throw new Error(`Port ${options.port} ist belegt. Anderen Port wählen: npm start -- --port 5690`);
	const home = path.resolve(process.env.IM_N8N_HOME || path.join(root, '.n8n-runtime'));
	const userFolder = path.join(home, options.district);
	if (options.fresh) {
		say(`--fresh: lösche ${userFolder}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	if (options.build) build();
	await rt.ensureRuntime({ log: (m) => say(m) });
	say(`n8n ${rt.N8N_VERSION} aus ${rt.runtimeDir()}`);

	const owner = process.env.IM_OWNER_EMAIL || process.env.IM_OWNER_PASSWORD ? { email: process.env.IM_OWNER_EMAIL || undefined, password: process.env.IM_OWNER_PASSWORD || undefined } : undefined;
	const smtp = smtpFromEnv();
	say(`starte ${options.district} auf http://127.0.0.1:${options.port}/ (Benutzerordner ${userFolder}) …`);
	const started = Date.now();
	const instance = await launchDistrict({
		district: options.district,
		userFolder,
		port: options.port,
		owner,
		formPassword: process.env.IM_FORM_PASSWORD || undefined,
		apiToken: process.env.IM_API_TOKEN || undefined,
		smtp,
		reimport: options.reimport,
		log: say,
	});
	say(`bereit nach ${((Date.now() - started) / 1000).toFixed(1)} s`);

	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stoppe n8n …`);
		const exit = await instance.stop();
		say(`n8n beendet (${exit.signal ?? exit.code}).`);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGHUP', () => void stop('SIGHUP'));
	instance.n8n.exited.then((exit) => {
		if (stopping) return;
		console.error(`[start] n8n hat sich unerwartet beendet (${JSON.stringify(exit)}); Protokoll: ${instance.n8n.logFile}`);
		process.exit(1);
	});

	if (options.demo) {
		try {
			const { loadDemoData } = require('./demo-data');
			say(`Demodaten: ${await loadDemoData({ district: options.district, storeFile: instance.storeFile, packageRoot: root })}`);
		} catch (error) {
			console.error(`[start] Demodaten konnten nicht geladen werden: ${error.message}`);
		}
	}
	printSummary(instance, smtp);
}

function printSummary(instance, smtp) {
	const lines = [
		'',
		`Integrationsmanagement – ${JSON.parse(fs.readFileSync(path.join(root, 'districts', `${instance.district}.json`), 'utf8')).name} läuft (n8n ${rt.N8N_VERSION}, nur auf diesem Rechner erreichbar).`,
		'',
		`  Editor:        ${instance.editorUrl}`,
		`  Anmeldung:     ${instance.owner.email}  /  Passwort: ${instance.owner.password}`,
		`  Falldatenbank: ${instance.storeFile} (SQLite)`,
		`  Berichte:      ${instance.reportsDir}`,
		`  E-Mail:        ${smtp ? `SMTP ${smtp.host}:${smtp.port}` : 'aus (IM_SMTP_HOST setzen, siehe docs/runtime.md)'}`,
		'',
	];
	const hooks = instance.workflows.flatMap((wf) => wf.webhooks);
	const forms = hooks.filter((h) => h.form);
	const apis = hooks.filter((h) => !h.form);
	if (forms.length) {
		const profile = JSON.parse(fs.readFileSync(path.join(root, 'districts', `${instance.district}.json`), 'utf8'));
		const coordinator = profile.staff.find((s) => s.role === 'coordinator');
		const manager = profile.staff.find((s) => s.role === 'manager');
		lines.push(
			'  Formulare (im Browser öffnen):',
			...forms.map((h) => `    ${h.node.replace(/^Formular: /, '').padEnd(20)} ${h.url}${h.form === 'intake' ? '' : '?case=<Fallnummer>'}`),
			'',
			`  Formular-Anmeldung: Kennung aus dem Kreisprofil, z. B. ${coordinator?.id} (Koordination) oder ${manager?.id} (Integrationsmanager*in)`,
			`                      Passwort: ${instance.formPassword}`,
			'',
		);
	}
	if (apis.length) {
		lines.push(
			'  Schnittstelle (JSON, Header X-IM-Token):',
			...apis.map((h) => `    ${h.node.replace(/^Eingang: /, '').padEnd(20)} ${h.method} ${h.url}`),
			`    Token: ${instance.apiToken}`,
		);
	}
	lines.push('', '  Veröffentlichte Workflows:', ...instance.workflows.map((wf) => `    ${wf.name}  ${instance.baseUrl}/workflow/${wf.id}`));
	lines.push('', 'Beenden mit Strg+C.', '');
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
