import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	launchDistrict,
	type DistrictInstance,
	type WebhookInfo,
} from '../../../scripts/n8n-runtime/instance';
import { freePort } from '../../../scripts/n8n-runtime/ports';
import { ensureRuntime } from '../../../scripts/n8n-runtime/runtime';
import type { CaseTable } from '../../../src/store/database';
import { openStore, type CaseStore } from '../../../src/store/open-store';
import { validClosure, validIntake } from '../fixtures';
import { enrolStaff, signInAt, type SignedIn } from './staff-sign-in';

/** Installs the pinned n8n runtime if it is not in its cache folder yet (first time: minutes). */
export async function runtimeReady(): Promise<void> {
	await ensureRuntime({ log: (m) => process.stderr.write(`[e2e] ${m}\n`) });
}

export const API_TOKEN = 'e2e-schnittstellen-token';

export interface Actor {
	staffId: string;
	role: string;
	organisationId: string;
}

/** The Case Form Trigger's answer to a submission. */
export interface FormAnswer {
	ok: boolean;
	status: number;
	caseId?: string;
	message: string;
	code?: string;
	errors: { path: string; message: string }[];
	json: any;
}

export interface RunningDistrict {
	instance: DistrictInstance;
	store: CaseStore;
	netlog: string;
	/** POST JSON to a production webhook URL. */
	submit(
		path: string,
		body: unknown,
		headers?: Record<string, string>,
	): Promise<{ status: number; json: any }>;
	/** Submit a form as `actor` (signed in with their own password; the POST carries the session's request token). */
	form(
		path: string,
		actor: Actor,
		data: unknown,
		options?: { caseId?: string; submissionId?: string },
	): Promise<FormAnswer>;
	url(path: string): string;
	/** The session of `staffId` (password set and signed in on first use). */
	signIn(staffId: string): Promise<SignedIn>;
	stop(): Promise<{
		code: number | null;
		signal: string | null;
		stopMs: number;
		traffic: { loaded: number; nonLocal: string[] };
	}>;
}

/** A real n8n for one district: temp user folder, free ports, templates imported and published. */
export async function startDistrict(district: string): Promise<RunningDistrict> {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `im-e2e-${district}-`));
	const netlog = path.join(userFolder, 'netlog.jsonl');
	const instance = await launchDistrict({
		district,
		userFolder,
		port: await freePort(),
		owner: { email: 'e2e@integrationsmanagement.example', password: 'E2e-Passwort-1' },
		apiToken: API_TOKEN,
		extraEnv: {
			NODE_OPTIONS: `--require ${path.join(__dirname, 'netlog.cjs')}`,
			IM_NETLOG_FILE: netlog,
		},
	});
	const store = await openStore({ backend: 'sqlite', file: instance.storeFile });
	const url = webhookUrls(instance);
	const submit = jsonSubmitter(url);
	const sessions = new Map<string, Promise<SignedIn>>();
	const signIn = (staffId: string) => {
		let session = sessions.get(staffId);
		if (!session) {
			session = enrolStaff(store, district, staffId).then(() => signInAt(url('aufnahme'), staffId));
			sessions.set(staffId, session);
		}
		return session;
	};
	return {
		instance,
		store,
		netlog,
		url,
		signIn,
		form: formSubmitter(submit, signIn),
		submit,
		stop: () => stopDistrict({ instance, store, netlog }),
	};
}

/** The production URL of a published webhook, by its path. */
function webhookUrls(instance: DistrictInstance): RunningDistrict['url'] {
	const hooks = new Map<string, WebhookInfo>(
		instance.workflows.flatMap((w) => w.webhooks).map((h) => [h.path, h]),
	);
	return (p) => {
		const hook = hooks.get(p) ?? hooks.get(`formulare/${p}`);
		if (!hook) throw new Error(`no published webhook ${p} in ${instance.district}`);
		return hook.url;
	};
}

/** POST JSON to a production webhook URL (the path may carry a query); the answer parsed if it is JSON. */
function jsonSubmitter(url: RunningDistrict['url']): RunningDistrict['submit'] {
	return async (p, body, headers = {}) => {
		const [hookPath, query] = p.split('?');
		const response = await fetch(`${url(hookPath)}${query ? `?${query}` : ''}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: response.status, json };
	};
}

/** The Case Form Trigger's POST as a signed-in staff member (cookie and request token), its answer unpacked. */
function formSubmitter(
	submit: RunningDistrict['submit'],
	signIn: RunningDistrict['signIn'],
): RunningDistrict['form'] {
	return async (p, actor, data, options = {}) => {
		const target = options.caseId ? `${p}?case=${encodeURIComponent(options.caseId)}` : p;
		const session = await signIn(actor.staffId);
		const { status, json } = await submit(
			target,
			{ data, submissionId: options.submissionId },
			{ cookie: session.cookie, 'x-csrf-token': session.token },
		);
		return {
			ok: status === 200,
			status,
			caseId: json?.caseId,
			message: json?.message ?? '',
			code: json?.code,
			errors: json?.errors ?? [],
			json,
		};
	};
}

/** Store closed, traffic read, n8n stopped (SIGTERM), the user folder removed unless IM_E2E_KEEP is set. */
async function stopDistrict({
	instance,
	store,
	netlog,
}: Pick<RunningDistrict, 'instance' | 'store' | 'netlog'>): ReturnType<RunningDistrict['stop']> {
	await store.close();
	const traffic = recordedTraffic(netlog);
	const started = Date.now();
	const exit = await instance.stop();
	const stopMs = Date.now() - started;
	if (!process.env.IM_E2E_KEEP) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	process.stderr.write(
		`[e2e] ${instance.district}: ${JSON.stringify({ ...instance.timings, stopMs })}\n`,
	);
	return { ...exit, stopMs, traffic };
}

/**
 * What netlog.cjs recorded in the n8n processes: `loaded` (proof that the preload ran) and every outgoing
 * connect/lookup that was not localhost.
 */
export function recordedTraffic(netlog: string): { loaded: number; nonLocal: string[] } {
	const lines = fs.existsSync(netlog)
		? fs.readFileSync(netlog, 'utf8').split('\n').filter(Boolean)
		: [];
	const entries = lines.map((l) => JSON.parse(l) as { kind: string; target: string });
	return {
		loaded: entries.filter((e) => e.kind === 'loaded').length,
		nonLocal: entries.filter((e) => e.kind !== 'loaded').map((e) => `${e.kind} ${e.target}`),
	};
}

/** Columns of one case's row in the district's case store. */
export const caseColumns = <C extends keyof CaseTable & string>(
	run: RunningDistrict,
	caseId: string,
	columns: C[],
) =>
	run.store.db
		.selectFrom('cases')
		.select(columns)
		.where('id', '=', caseId)
		.executeTakeFirstOrThrow();

export const isoDaysAgo = (days: number): string =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The fixtures' intake, reduced to a mother and one child, in `municipality`, taken by `recordedBy`. */
export function intakeFor(municipality: string, recordedBy: string, intakeDate = isoDaysAgo(100)) {
	const base = validIntake({ intakeDate, municipality });
	return {
		...base,
		person: { ...base.person, phone: undefined, occupation: undefined },
		household: [base.household![1]],
		residence: { status: 'refugee_protection' as const },
		languages: ['Arabisch'],
		consent: { ...base.consent, date: intakeDate, recordedBy },
	};
}

export const planData = (planDate = isoDaysAgo(90)) => ({
	planDate,
	reviewDate: isoDaysAgo(-90),
	goals: [
		{
			domain: 'language',
			goal: 'Deutsch B1 erreichen',
			status: 'in_progress',
			steps: [{ description: 'Anmeldung Integrationskurs', responsible: 'client', status: 'open' }],
		},
	],
});

export const contactData = (date = isoDaysAgo(80)) => ({
	date,
	channel: 'in_person',
	minutes: 30,
	topics: ['language', 'housing'],
	note: 'Kurs besprochen',
});

export const closureData = (date = isoDaysAgo(1)) => validClosure(date);
