// The workflow templates one district's n8n imports, as they are imported: the generated templates, the funder
// report set up for the district, e-mail switched on with SMTP; and the webhook URLs they serve.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as CaseFormTriggerModule from '../../nodes/CaseFormTrigger/CaseFormTrigger.node';
import type { DistrictProfile } from '../../src/generated/types';
import { CASE_STORE_CREDENTIAL, SMTP_CREDENTIAL, workflowId } from '../workflows/identifiers';
import type { WorkflowJson } from '../workflows/workflow-json';
import { PACKAGE_ROOT, requireBuilt } from './built-package';

export interface Template {
	file: string;
	workflow: WorkflowJson;
}

export interface Smtp {
	host: string;
	port: number;
	user: string;
	password: string;
	secure: boolean;
	from?: string;
	to?: string;
}

/** A production webhook of a workflow. */
export interface Webhook {
	node: string;
	/** The path parameter of the node. */
	path: string;
	/** Below /webhook/: the path, or `<webhookId>/<path>` for a trigger without isFullPath. */
	urlPath: string;
	method: string;
	/** Case Form Trigger: the form kind (intake, plan, contact, referral, closure). */
	form?: string;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/**
 * The workflow templates of a district: workflows/<district>/*.json (generated and committed) plus the
 * quarterly funder report (workflows/funder-report-quarterly.json, one template for all districts) set up for
 * this district.
 */
export function templatesFor(
	district: string,
	packageRoot = PACKAGE_ROOT,
	{ reportsDir }: { reportsDir?: string } = {},
): Template[] {
	const dir = path.join(packageRoot, 'workflows', district);
	const templates = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: readJson<WorkflowJson>(path.join(dir, file)) }));
	templates.push({
		file: '07-foerderbericht.json',
		workflow: funderReportFor(district, packageRoot, reportsDir),
	});
	return templates;
}

/** The funder-report template for one district: its profile, its coordinator as actor, our credential, a reports folder. */
export function funderReportFor(
	district: string,
	packageRoot: string,
	reportsDir = '/home/node/.n8n/berichte',
): WorkflowJson {
	const profile = readJson<DistrictProfile>(
		path.join(packageRoot, 'districts', `${district}.json`),
	);
	const coordinator = profile.staff.find((s) => s.role === 'coordinator');
	const workflow = readJson<WorkflowJson>(
		path.join(packageRoot, 'workflows', 'funder-report-quarterly.json'),
	);
	workflow.id = workflowId(district, 'foerderbericht');
	workflow.name = `${profile.name}: Auswertung für den Zuwendungsgeber (vierteljährlich)`;
	delete workflow.active;
	delete workflow.tags;
	const reports = `${reportsDir.replace(/\/$/, '')}/`;
	for (const node of workflow.nodes) {
		const { parameters } = node;
		if (/\.funderReport$/.test(node.type)) {
			parameters.districtProfile = district;
			if (coordinator)
				parameters.actor = JSON.stringify({
					staffId: coordinator.id,
					role: coordinator.role,
					organisationId: coordinator.organisationId,
				});
			node.credentials = { ...node.credentials, integrationCaseStoreApi: CASE_STORE_CREDENTIAL };
		}
		if (node.type === 'n8n-nodes-base.readWriteFile' && typeof parameters.fileName === 'string') {
			parameters.fileName = parameters.fileName.replace(
				/\/home\/node\/\.n8n\/berichte\/?/,
				reports,
			);
		}
		if (node.type === 'n8n-nodes-base.stickyNote' && typeof parameters.content === 'string') {
			parameters.content = parameters.content.replaceAll('/home/node/.n8n/berichte/', reports);
		}
	}
	return workflow;
}

/**
 * Whether n8n takes the Case Form Trigger's path as the full webhook path (`isFullPath`), read from the built node;
 * otherwise its production URL is `/webhook/<webhookId>/<path>` (n8n's rule for trigger nodes).
 */
function formTriggerFullPath(packageRoot: string): boolean {
	try {
		const { CaseFormTrigger } = requireBuilt<typeof CaseFormTriggerModule>(
			packageRoot,
			'nodes/CaseFormTrigger/CaseFormTrigger.node.js',
		);
		return (new CaseFormTrigger().description.webhooks ?? []).some((w) => w.isFullPath === true);
	} catch {
		return false;
	}
}

/**
 * The production webhooks of a workflow: n8n Webhook nodes (JSON APIs) and Case Form Triggers (GET: the form page).
 * `form` is the Case Form Trigger's form kind; all but the intake are opened with `?case=<case id>`.
 */
export function webhooksOf(workflow: WorkflowJson, packageRoot = PACKAGE_ROOT): Webhook[] {
	const hooks: Webhook[] = [];
	for (const n of workflow.nodes) {
		const nodePath = String(n.parameters.path);
		if (n.type === 'n8n-nodes-base.webhook') {
			hooks.push({
				node: n.name,
				path: nodePath,
				urlPath: nodePath,
				method: String(n.parameters.httpMethod ?? 'POST'),
			});
		} else if (/\.caseFormTrigger$/.test(n.type)) {
			const urlPath = formTriggerFullPath(packageRoot) ? nodePath : `${n.webhookId}/${nodePath}`;
			hooks.push({
				node: n.name,
				path: nodePath,
				urlPath,
				method: 'GET',
				form: String(n.parameters.form ?? 'intake'),
			});
		}
	}
	return hooks;
}

/** With SMTP configured, the e-mail nodes are switched on and use the SMTP credential. */
export function withSmtp(workflow: WorkflowJson, smtp: Smtp | undefined): WorkflowJson {
	if (!smtp) return workflow;
	const copy = structuredClone(workflow);
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
