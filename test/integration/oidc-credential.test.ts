/**
 * The credential "District Identity Provider (OpenID Connect)" in a real n8n (the pinned runtime): its Test button
 * (n8n's credential tester, REST `POST /rest/credentials/test`) fetches the discovery document of the local
 * provider, and says what is wrong when the URL names no OpenID Connect provider or nothing answers.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildPackage } from '../helpers/e2e/build-package';
import { runtimeReady, startDistrict, type RunningDistrict } from '../helpers/e2e/district-e2e';
import { accountsFor, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { emmendingen } from '../helpers/fixtures';

jest.setTimeout(120_000);

let run: RunningDistrict;
let idp: TestProvider;

beforeAll(async () => {
	await buildPackage();
	await runtimeReady();
	idp = await startTestProvider({
		accounts: accountsFor(emmendingen()),
		rpBase: 'http://127.0.0.1:9/form',
	});
	run = await startDistrict('wehr');
}, 20 * 60_000);

afterAll(async () => {
	const exit = await run?.stop();
	await idp?.close();
	expect(exit?.traffic.nonLocal).toEqual([]);
});

const testCredential = (
	data: Record<string, unknown>,
): Promise<{ status: string; message: string }> =>
	run.instance.client.request('POST', '/rest/credentials/test', {
		credentials: {
			id: '',
			name: 'Identitätsanbieter des Kreises',
			type: 'districtIdentityProviderApi',
			data: { clientId: 'im-formulare', staffClaim: 'email', ...data },
		},
	});

describe('credential "District Identity Provider (OpenID Connect)" in n8n', () => {
	it('is tested by fetching the discovery document of the provider', async () => {
		await expect(
			testCredential({ issuer: idp.issuer, clientSecret: idp.client.clientSecret }),
		).resolves.toMatchObject({ status: 'OK' });
	});

	it('says when the URL names no OpenID Connect provider, or nothing answers there', async () => {
		// n8n itself answers, but has no discovery document.
		await expect(testCredential({ issuer: run.instance.baseUrl })).resolves.toMatchObject({
			status: 'Error',
		});
		// A server whose discovery document lacks the endpoints of a provider.
		const halfway = http.createServer((_request, response) =>
			response
				.writeHead(200, { 'content-type': 'application/json' })
				.end('{"issuer":"http://127.0.0.1"}'),
		);
		await new Promise<void>((resolve) => halfway.listen(0, '127.0.0.1', resolve));
		try {
			await expect(
				testCredential({ issuer: `http://127.0.0.1:${(halfway.address() as AddressInfo).port}` }),
			).resolves.toEqual({
				status: 'Error',
				message: 'Das Discovery-Dokument nennt keinen Authorization-Endpunkt.',
			});
		} finally {
			halfway.close();
		}
		await expect(testCredential({ issuer: 'http://127.0.0.1:9' })).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/ECONNREFUSED/),
		});
	});
});
