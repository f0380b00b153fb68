/**
 * Single sign-on in Chromium against the real local provider: the browser follows the redirects, the person types
 * on the provider's login page, comes back mapped to the staff member, logs out at the provider (RP-initiated
 * logout) and has to log in again afterwards. A person the profile does not know sees the German refusal.
 */
import { createCore } from '../../src/core';
import {
	browserAvailable,
	launchChromium,
	watchedPage,
	type BrowserSession,
} from '../helpers/browser';
import { emmendingen } from '../helpers/fixtures';
import { accountsFor, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { startRelyingParty, type RelyingParty } from '../helpers/oidc-relying-party';
import { freshStore, type TestStore } from '../helpers/stores';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(60_000);

run('OpenID Connect login in Chromium', () => {
	let chromium: BrowserSession;
	let rp: RelyingParty;
	let idp: TestProvider;
	let t: TestStore;

	beforeAll(async () => {
		rp = await startRelyingParty();
		idp = await startTestProvider({ accounts: accountsFor(emmendingen()), rpBase: rp.base });
		t = await freshStore('SQLite');
		const core = createCore({ store: t.store, profile: emmendingen() });
		rp.use(core.context, {
			issuer: idp.issuer,
			clientId: idp.client.clientId,
			clientSecret: idp.client.clientSecret,
			redirectUri: idp.redirectUri,
			staffClaim: 'email',
		});
		chromium = await launchChromium();
	});
	afterAll(async () => {
		await chromium?.close();
		await idp?.close();
		await rp?.close();
		await t?.dispose();
	});

	/** A page whose requests stay on this machine: the provider's development pages link a web font, which is blocked. */
	async function localPage() {
		const watched = await watchedPage(chromium);
		await watched.context.route(
			(url) => url.hostname !== '127.0.0.1',
			(route) => route.abort(),
		);
		return watched;
	}

	const oidcAudit = () =>
		t.store.db
			.selectFrom('audit_log')
			.select(['actor_id', 'outcome'])
			.where('action', '=', 'auth.oidc.login')
			.orderBy('id')
			.execute();

	it('logs in at the provider, maps the staff member, logs out at the provider', async () => {
		const { page, context, pageErrors } = await localPage();
		await page.goto(`${rp.base}/anmelden`);
		expect(page.url()).toMatch(new RegExp(`^${idp.issuer}/interaction/`));
		await page.fill('input[name=login]', 'em-koordination');
		await page.fill('input[name=password]', 'beliebig');
		await page.click('button[type=submit]');
		await page.waitForURL(/\/form\/oidc\/callback\?/);
		expect(await page.textContent('#wer')).toBe('Miriam Rapp (em-koordination)');
		// The binding cookie is HttpOnly and only sent to the callback path.
		expect(
			(await context.cookies(`${rp.base}/oidc/callback`)).find((c) => c.name === 'im_oidc'),
		).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/form/oidc' });

		await page.click('#abmelden');
		await page.waitForURL(new RegExp(`^${idp.issuer}/session/end`));
		await page.click('button[name=logout][value=yes]');
		await page.waitForURL(`${rp.base}/abgemeldet`);
		expect(await page.textContent('h1')).toBe('Abgemeldet');

		// The provider's session has ended: a new login asks for the password again.
		await page.goto(`${rp.base}/anmelden`);
		expect(await page.locator('input[name=login]').count()).toBe(1);
		expect(pageErrors).toEqual([]);
		await context.close();
		expect(await oidcAudit()).toEqual([{ actor_id: 'em-koordination', outcome: 'ok' }]);
	});

	it('shows the German refusal to a person the profile does not know', async () => {
		const { page, context } = await localPage();
		await page.goto(`${rp.base}/anmelden`);
		await page.fill('input[name=login]', 'fremd');
		await page.fill('input[name=password]', 'beliebig');
		await page.click('button[type=submit]');
		await page.waitForURL(/\/form\/oidc\/callback\?/);
		expect(await page.textContent('#fehler')).toMatch(
			/^„fremd@landkreis-emmendingen\.invalid“ ist im Kreisprofil „Landkreis Emmendingen“ keiner Mitarbeiterin und keinem Mitarbeiter zugeordnet\./,
		);
		// Back in history and the same callback again: the login was used up.
		await page.reload();
		expect(await page.textContent('#fehler')).toMatch(/^Diese Anmeldung wurde bereits verwendet\./);
		await context.close();
		expect((await oidcAudit()).slice(-2)).toEqual([
			{ actor_id: 'fremd@landkreis-emmendingen.invalid', outcome: 'denied' },
			{ actor_id: 'unbekannt', outcome: 'denied' },
		]);
	});
});
