// What a district's n8n user folder remembers between starts (<userFolder>/im-setup.json): the encryption key,
// the logins and which workflow templates were imported. Used by instance.ts.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnerLogin } from './n8n-client';

/** The options of a launch that the state keeps (see LaunchOptions in instance.ts). */
export interface SetupOptions {
	district: string;
	userFolder: string;
	owner?: { email?: string; password?: string };
	apiToken?: string;
}

/** What a district's user folder remembers (<userFolder>/im-setup.json): encryption key, logins, which templates were imported. */
export interface SetupState {
	district: string;
	encryptionKey: string;
	owner: OwnerLogin;
	apiToken: string;
	imported?: { at: string; workflows: string[] };
}

export const writeState = (file: string, state: SetupState): void => {
	fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
	fs.chmodSync(file, 0o600);
};

/** The state of the user folder, created on first use; logins given in the options win over remembered ones. */
export function prepareState(
	stateFile: string,
	{ district, userFolder, owner, apiToken }: SetupOptions,
): SetupState {
	const state = (
		fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : {}
	) as Partial<SetupState>;
	if (state.district && state.district !== district)
		throw new Error(`${userFolder} gehört zu „${state.district}“, nicht zu „${district}“.`);
	state.district = district;
	state.encryptionKey ??= crypto.randomBytes(24).toString('hex');
	state.owner = {
		email: owner?.email ?? state.owner?.email ?? 'admin@integrationsmanagement.example',
		password:
			owner?.password ??
			state.owner?.password ??
			`Im-${crypto.randomBytes(6).toString('base64url')}-7`,
		firstName: 'Kreis',
		lastName: 'Administration',
	};
	// The form pages have personal accounts (invitations); a shared form password of older setups is dropped.
	delete (state as { formPassword?: string }).formPassword;
	// Token of the JSON interface (referral feedback), sent as header X-IM-Token.
	state.apiToken = apiToken ?? state.apiToken ?? crypto.randomBytes(18).toString('base64url');
	const complete = state as SetupState;
	writeState(stateFile, complete);
	return complete;
}

/** The user folder holds the case store, n8n's settings (encryption key) and the logins: owner only. */
export function privateUserFolder(userFolder: string): void {
	const n8nFolder = path.join(userFolder, '.n8n');
	fs.mkdirSync(n8nFolder, { recursive: true, mode: 0o700 });
	for (const dir of [userFolder, n8nFolder]) fs.chmodSync(dir, 0o700);
	const settings = path.join(n8nFolder, 'config');
	if (fs.existsSync(settings)) fs.chmodSync(settings, 0o600);
}
