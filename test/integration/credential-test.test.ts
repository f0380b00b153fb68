import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ICredentialTestFunctions } from 'n8n-workflow';
import { IntegrationCase } from '../../nodes/IntegrationCase/IntegrationCase.node';
import type { IntegrationCaseV1 } from '../../nodes/IntegrationCase/v1/IntegrationCaseV1.node';
import { Client } from 'pg';
import { storeCredential } from '../helpers/n8n/case-nodes';
import { postgresUrl } from '../helpers/stores';

const node = new IntegrationCase().nodeVersions[1] as IntegrationCaseV1;
const test = (data: Record<string, unknown>) =>
	node.methods.credentialTest.integrationCaseStoreConnectionTest.call(
		{} as ICredentialTestFunctions,
		{ id: 'c', name: 'Fallspeicher', type: 'integrationCaseStoreApi', data: data as never },
	);

describe('credential "Integration Case Store": the connection test really connects', () => {
	it('accepts a new SQLite file and a PostgreSQL schema', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'im-cred-'));
		await expect(
			test({ backend: 'sqlite', sqliteFile: path.join(dir, 'f.sqlite') }),
		).resolves.toEqual({
			status: 'OK',
			message: expect.stringMatching(/^Verbunden .*, 0 Fälle\.$/),
		});
		// A schema of its own: `public` of the shared test database carries whatever other test runs migrated there.
		const schema = `t_cred_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
		try {
			await expect(test(storeCredential('PostgreSQL', { schema }))).resolves.toMatchObject({
				status: 'OK',
				message: expect.stringContaining('PostgreSQL'),
			});
		} finally {
			const admin = new Client({ connectionString: postgresUrl });
			await admin.connect();
			await admin.query(`drop schema if exists ${schema} cascade`);
			await admin.end();
		}
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('explains in German why it cannot connect', async () => {
		const wrongPort = await test({
			...storeCredential('PostgreSQL', { schema: 'public' }),
			port: 1,
		});
		expect(wrongPort).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/^Die Falldatenbank ist nicht erreichbar oder nicht nutzbar: .*ECONNREFUSED/,
			),
		});
		const noDir = await test({ backend: 'sqlite', sqliteFile: '/gibt/es/nicht/f.sqlite' });
		expect(noDir.status).toBe('Error');
		expect(noDir.message).toMatch(/^Die Falldatenbank ist nicht erreichbar oder nicht nutzbar/);
	});
});
