// The first setup of a district's user folder: the credentials and workflow templates imported with n8n's CLI
// (n8n not running). Used by instance.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	API_TOKEN_CREDENTIAL,
	CASE_STORE_CREDENTIAL,
	SMTP_CREDENTIAL,
} from '../workflows/identifiers';
import { withSmtp, type Smtp, type Template } from './district-templates';
import { runCli, type Env } from './n8n-process';
import type { Log } from './runtime';
import type { SetupState } from './setup-state';

export const CASE_STORE_FILE = 'integrationsmanagement.sqlite';

/** The credentials the templates use: case store (SQLite in the user folder), API token, SMTP if configured. */
export function credentialsFor(state: SetupState, smtp: Smtp | undefined): object[] {
	const credentials: object[] = [
		{
			...CASE_STORE_CREDENTIAL,
			type: 'integrationCaseStoreApi',
			data: { backend: 'sqlite', sqliteFile: CASE_STORE_FILE },
		},
		{
			...API_TOKEN_CREDENTIAL,
			type: 'httpHeaderAuth',
			data: { name: 'X-IM-Token', value: state.apiToken },
		},
	];
	if (smtp)
		credentials.push({
			...SMTP_CREDENTIAL,
			type: 'smtp',
			data: {
				host: smtp.host,
				port: smtp.port,
				user: smtp.user,
				password: smtp.password,
				secure: smtp.secure,
			},
		});
	return credentials;
}

/** Imports the credentials and workflow templates with n8n's CLI (n8n not running); the credentials file is removed after. */
export function importTemplates(
	userFolder: string,
	env: Env,
	templates: Template[],
	credentials: object[],
	smtp: Smtp | undefined,
	log: Log,
): void {
	const importDir = path.join(userFolder, 'import');
	fs.rmSync(importDir, { recursive: true, force: true });
	fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
	fs.writeFileSync(path.join(importDir, 'credentials.json'), JSON.stringify(credentials), {
		mode: 0o600,
	});
	for (const { file, workflow } of templates)
		fs.writeFileSync(
			path.join(importDir, 'workflows', file),
			JSON.stringify(withSmtp(workflow, smtp)),
		);
	runCli(env, ['import:credentials', `--input=${path.join(importDir, 'credentials.json')}`], {
		log,
	});
	runCli(env, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`], {
		log,
	});
	fs.rmSync(path.join(importDir, 'credentials.json'));
}
