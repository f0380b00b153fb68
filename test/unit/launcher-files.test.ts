import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { n8nEnv } from '../../scripts/n8n-runtime/n8n-process';
import { prepareState, privateUserFolder, writeState } from '../../scripts/n8n-runtime/setup-state';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** `npm start`'s user folder at rest: logins, n8n's settings (encryption key) and the case store are the owner's only. */
describe('launcher files at rest', () => {
	let root: string;
	beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'im-launch-'))));
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	it('makes an existing, too open user folder and n8n settings file owner-only', () => {
		const userFolder = path.join(root, 'wehr');
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true, mode: 0o755 });
		fs.chmodSync(userFolder, 0o755);
		fs.writeFileSync(path.join(userFolder, '.n8n', 'config'), '{"encryptionKey":"x"}', {
			mode: 0o644,
		});
		privateUserFolder(userFolder);
		expect([
			mode(userFolder),
			mode(path.join(userFolder, '.n8n')),
			mode(path.join(userFolder, '.n8n', 'config')),
		]).toEqual([0o700, 0o700, 0o600]);
	});

	it('keeps the state file with the logins owner-only, also when it was written more openly before', () => {
		const file = path.join(root, 'im-setup.json');
		fs.writeFileSync(file, '{}', { mode: 0o644 });
		fs.chmodSync(file, 0o644);
		writeState(file, prepareState(file, { district: 'wehr', userFolder: root }));
		expect(mode(file)).toBe(0o600);
	});

	it('lets n8n enforce the permissions of its settings file', () => {
		const env = n8nEnv({ userFolder: root, port: 5678, brokerPort: 5679, encryptionKey: 'k' });
		expect(env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS).toBe('true');
	});
});
