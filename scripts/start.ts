// `npm start`: build, install/reuse the pinned n8n runtime, set up the district (owner, case store, workflow
// templates imported and published), optionally load demo data, print the URLs, run until Ctrl-C.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DistrictProfile } from '../src/generated/types';
import { loadDemoData } from './demo-data';
import type { Smtp } from './n8n-runtime/district-templates';
import {
	launchDistrict,
	resolveDistrict,
	smtpFromEnv,
	type DistrictInstance,
} from './n8n-runtime/instance';
import { portFree } from './n8n-runtime/ports';
import { signInSettings } from '../src/auth/sign-in-settings';
import { roleLabels } from '../src/access/policy';
import { invitePersonas, type PersonaInvitation } from './n8n-runtime/staff-invitations';
import { ensureRuntime, N8N_VERSION, runtimeDir } from './n8n-runtime/runtime';

const USAGE = `\`npm start\`: build, install/reuse the pinned n8n runtime, set up the district (owner, case store, workflow
templates imported and published), optionally load demo data, print the URLs, run until Ctrl-C.

  npm start -- [--district emmendingen|ortenau|ludwigsburg|sigmaringen|wehr] [--port 5678] [--demo] [--fresh] [--reimport]
  env: IM_DISTRICT, IM_PORT, IM_DEMO=1, IM_N8N_HOME (folder for the n8n user folders, default .n8n-runtime/),
       IM_OWNER_EMAIL / IM_OWNER_PASSWORD, IM_API_TOKEN, IM_SMTP_HOST/PORT/USER/PASSWORD/SECURE/FROM/TO (e-mail, off by default),
       IM_N8N_CACHE / IM_N8N_RUNTIME_DIR (where the n8n runtime is installed)`;

const root = path.join(__dirname, '..');

interface Options {
	district: string;
	port: number;
	demo: boolean;
	fresh: boolean;
	reimport: boolean;
	build: boolean;
	help?: boolean;
}

function parseArgs(argv: string[]): Options {
	const options: Options = {
		district: process.env.IM_DISTRICT || 'emmendingen',
		port: process.env.IM_PORT ? Number(process.env.IM_PORT) : 5678,
		demo: process.env.IM_DEMO === '1' || process.env.IM_DEMO === 'true',
		fresh: false,
		reimport: false,
		build: true,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = (): string => {
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
	if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535)
		throw new Error(`Ungültiger Port ${options.port}`);
	return options;
}

const say = (message: string): void => console.log(`[start] ${message}`);
const seconds = (since: number): string => ((Date.now() - since) / 1000).toFixed(1);

function build(): void {
	const started = Date.now();
	say('baue das Paket (npm run build) …');
	const result = spawnSync('npm', ['run', '--silent', 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (result.status !== 0) throw new Error('npm run build ist fehlgeschlagen');
	say(`gebaut in ${seconds(started)} s`);
}

/** Sets up and starts the district's n8n in `userFolder` (logins from the environment when given). */
async function launch(
	options: Options,
	userFolder: string,
	smtp: Smtp | undefined,
): Promise<DistrictInstance> {
	const { IM_OWNER_EMAIL, IM_OWNER_PASSWORD, IM_API_TOKEN } = process.env;
	const owner =
		IM_OWNER_EMAIL || IM_OWNER_PASSWORD
			? { email: IM_OWNER_EMAIL || undefined, password: IM_OWNER_PASSWORD || undefined }
			: undefined;
	say(
		`starte ${options.district} auf http://127.0.0.1:${options.port}/ (Benutzerordner ${userFolder}) …`,
	);
	const started = Date.now();
	const instance = await launchDistrict({
		district: options.district,
		userFolder,
		port: options.port,
		owner,
		apiToken: IM_API_TOKEN || undefined,
		smtp,
		reimport: options.reimport,
		log: say,
	});
	say(`bereit nach ${seconds(started)} s`);
	return instance;
}

/** Ctrl-C, SIGTERM and SIGHUP stop n8n and then this process; n8n ending on its own ends it with status 1. */
function stopWithSignals(instance: DistrictInstance): void {
	let stopping = false;
	const stop = async (signal: NodeJS.Signals): Promise<void> => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stoppe n8n …`);
		const exit = await instance.stop();
		say(`n8n beendet (${exit.signal ?? exit.code}).`);
		process.exit(0);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(signal, () => void stop(signal));
	void instance.n8n.exited.then((exit) => {
		if (stopping) return;
		console.error(
			`[start] n8n hat sich unerwartet beendet (${JSON.stringify(exit)}); Protokoll: ${instance.n8n.logFile}`,
		);
		process.exit(1);
	});
}

async function loadDemo(instance: DistrictInstance): Promise<void> {
	try {
		say(
			`Demodaten: ${await loadDemoData({ district: instance.district, storeFile: instance.storeFile, packageRoot: root })}`,
		);
	} catch (error) {
		console.error(`[start] Demodaten konnten nicht geladen werden: ${(error as Error).message}`);
	}
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		console.log(USAGE);
		return;
	}
	if (!(await portFree(options.port)))
		throw new Error(
			`Port ${options.port} ist belegt. Anderen Port wählen: npm start -- --port 5690`,
		);
	const home = path.resolve(process.env.IM_N8N_HOME || path.join(root, '.n8n-runtime'));
	const userFolder = path.join(home, options.district);
	if (options.fresh) {
		say(`--fresh: lösche ${userFolder}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	if (options.build) build();
	await ensureRuntime({ log: say });
	say(`n8n ${N8N_VERSION} aus ${runtimeDir()}`);
	const smtp = smtpFromEnv();
	const instance = await launch(options, userFolder, smtp);
	stopWithSignals(instance);
	if (options.demo) await loadDemo(instance);
	console.log(summary(instance, smtp, await invitations(instance)));
}

/** A password or token is printed on the first start only; later the summary says where it is kept. */
function secret(instance: DistrictInstance, value: string): string {
	return instance.firstStart
		? value
		: `(beim ersten Start angezeigt; steht in ${instance.stateFile}, nur für Sie lesbar)`;
}

/** One invitation link per demo persona that has no password yet (see docs/signin.md). */
async function invitations(instance: DistrictInstance): Promise<PersonaInvitation[]> {
	const intake = instance.workflows.flatMap((wf) => wf.webhooks).find((h) => h.form === 'intake');
	if (!intake) return [];
	return invitePersonas({
		district: instance.district,
		storeFile: instance.storeFile,
		packageRoot: root,
		formUrl: intake.url,
	});
}

/** The sign-in part of the summary: a link per persona, or that the person has a password. */
function signInLines(personas: PersonaInvitation[], profile: DistrictProfile): string[] {
	if (!personas.length) return [];
	const hours = signInSettings(profile).invitationHours;
	return [
		`  Anmeldung an den Formularen: jede Person mit eigenem Passwort. Einladungslinks (einmal verwendbar, ${hours} ${hours === 1 ? 'Stunde' : 'Stunden'} gültig):`,
		...personas.flatMap((p) => [
			`    ${p.name} (${roleLabels[p.role]}, Kennung ${p.staffId})`,
			`      ${p.url ?? 'hat bereits ein Passwort – anmelden mit Kennung und eigenem Passwort'}`,
		]),
		'  Weitere Mitarbeitende lädt die Administration auf der Seite „Konten verwalten“ ein (nach der Anmeldung).',
		'',
	];
}

/** What `npm start` prints once n8n runs: editor, logins, forms, the JSON interface, the published workflows. */
function summary(
	instance: DistrictInstance,
	smtp: Smtp | undefined,
	personas: PersonaInvitation[],
): string {
	const profile = JSON.parse(
		fs.readFileSync(path.join(root, 'districts', `${instance.district}.json`), 'utf8'),
	) as DistrictProfile;
	const lines = [
		'',
		`Integrationsmanagement – ${profile.name} läuft (n8n ${N8N_VERSION}, nur auf diesem Rechner erreichbar).`,
		'',
		`  Editor:        ${instance.editorUrl}`,
		`  Anmeldung:     ${instance.owner.email}  /  Passwort: ${secret(instance, instance.owner.password)}`,
		`  Falldatenbank: ${instance.storeFile} (SQLite)`,
		`  Berichte:      ${instance.reportsDir}`,
		`  E-Mail:        ${smtp ? `SMTP ${smtp.host}:${smtp.port}` : 'aus (IM_SMTP_HOST setzen, siehe docs/runtime.md)'}`,
		'',
	];
	const hooks = instance.workflows.flatMap((wf) => wf.webhooks);
	const forms = hooks.filter((h) => h.form);
	const apis = hooks.filter((h) => !h.form);
	if (forms.length) {
		lines.push(
			'  Formulare (im Browser öffnen):',
			...forms.map(
				(h) =>
					`    ${h.node.replace(/^Formular: /, '').padEnd(20)} ${h.url}${h.form === 'intake' || h.form === 'cases' ? '' : '?case=<Fallnummer>'}`,
			),
			'',
			...signInLines(personas, profile),
		);
	}
	if (apis.length) {
		lines.push(
			'  Schnittstelle (JSON, Header X-IM-Token):',
			...apis.map((h) => `    ${h.node.replace(/^Eingang: /, '').padEnd(20)} ${h.method} ${h.url}`),
			`    Token: ${secret(instance, instance.apiToken)}`,
		);
	}
	lines.push(
		'',
		'  Veröffentlichte Workflows:',
		...instance.workflows.map((wf) => `    ${wf.name}  ${instance.baseUrl}/workflow/${wf.id}`),
	);
	lines.push('', 'Beenden mit Strg+C.', '');
	return lines.join('\n');
}

main().catch((error: Error) => {
	console.error(`[start] ${error.message}`);
	process.exit(1);
});
