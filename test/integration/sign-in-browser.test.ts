/**
 * Personal sign-in in Chromium behind n8n's HTML sandbox (the pages have an opaque origin): the invitation page, a
 * contact stored with the session's request token, logout and login on the German sign-in page, and single sign-on
 * at the real local OpenID Connect provider — through exactly the handlers of the Case Form Trigger.
 */
import { SystemActor } from '../../src/access/actor';
import { today } from '../../src/clock';
import { addDays } from '../../src/lifecycle/dates';
import { browserAvailable, localOnlyPage } from '../helpers/browser';
import { expectConfirmation } from '../helpers/chromium-forms';
import { actorFor, emmendingen, validIntake } from '../helpers/fixtures';
import { accountsFor, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { siteInChromium } from '../helpers/chromium-site';
import type { AuthConfig } from '../../src/forms/auth';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(90_000);
const profile = emmendingen();
const PASSWORD = 'Am Kaiserstuhl wächst guter Wein';

run('personal sign-in in Chromium (n8n sandbox)', () => {
	const site = siteInChromium((core) => {
		const config = { core, auth: { mode: 'personal' } as AuthConfig, save: true };
		return { intake: { ...config, kind: 'intake' }, contact: { ...config, kind: 'contact' } };
	});
	let idp: TestProvider;

	beforeAll(async () => {
		const redirectUri = `${site.server.url('intake')}/anmeldung`;
		idp = await startTestProvider({
			accounts: accountsFor(profile),
			rpBase: site.server.url('intake'),
			redirectUri,
		});
		const oidc = { issuer: idp.issuer, ...idp.client, redirectUri, staffClaim: 'email' as const };
		for (const route of Object.values(site.routes)) route.auth = { mode: 'personal', oidc };
	});
	afterAll(async () => {
		await idp?.close();
	});

	const localPage = () => localOnlyPage(site.session);
	const formReady = (w: Awaited<ReturnType<typeof localPage>>) =>
		w.page.waitForSelector('body[data-case-form="ready"]', { timeout: 30_000 });
	const audit = () =>
		site.store.store.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'outcome'])
			.orderBy('id')
			.execute();

	it('sets the password from the invitation, stores a contact, signs out and in again', async () => {
		const manager = actorFor(profile, 'em-caritas-01');
		const opened = addDays(today(site.core.context.clock), -30);
		const created = await site.core.createCase(manager, {
			intake: validIntake({
				intakeDate: opened,
				consent: { ...validIntake().consent, date: opened },
			}),
		});
		const { token } = await site.core.signIn.invite(
			new SystemActor('test', 'Test'),
			'em-caritas-01',
		);
		const w = await localPage();
		const { page } = w;
		await page.goto(site.server.url('intake', `?auth=invitation&token=${token}`));
		await page.fill('#password', PASSWORD);
		await page.fill('#repeat', PASSWORD);
		await Promise.all([page.waitForURL(site.server.url('intake')), page.click('#save-password')]);
		await formReady(w);
		const contactUrl = site.server.url('contact', `?case=${created.case.id}`);
		await page.goto(contactUrl);
		await formReady(w);
		const form = page.locator('#case-form');
		await form.locator('select[name="data[channel]"]').selectOption({ label: 'Telefon' });
		await form.locator('input[name="data[minutes]"]').fill('15');
		await form.locator('.formio-component-topics').getByText('Arbeit', { exact: true }).click();
		await form.getByRole('button', { name: 'Speichern' }).click();
		await expectConfirmation(
			page,
			/Der Beratungskontakt vom .* \(Telefon, 15 Minuten\) ist gespeichert\./,
		);
		expect(await site.core.listContacts(manager, created.case.id)).toHaveLength(1);

		await page.click('#sign-out');
		await page.waitForSelector('#sign-in');
		await page.goto(contactUrl);
		await expect(page.locator('#login').count()).resolves.toBe(1);
		await page.fill('#login', 'em-caritas-01');
		await page.fill('#password', PASSWORD);
		await Promise.all([page.waitForURL(contactUrl), page.click('#sign-in')]);
		await formReady(w);
		expect(w.pageErrors).toEqual([]);
		await w.context.close();
		expect((await audit()).map((r) => r.action)).toEqual(
			expect.arrayContaining([
				'auth.invitation.accept',
				'contact.log',
				'auth.logout',
				'auth.login',
			]),
		);
	});

	it('signs in at the district identity provider, maps the staff member and signs out there too', async () => {
		const w = await localPage();
		const { page } = w;
		await page.goto(site.server.url('intake'));
		await page.click('#sign-in-sso');
		await page.waitForURL(new RegExp(`^${idp.issuer}/interaction/`));
		await page.fill('input[name=login]', 'em-koordination');
		await page.fill('input[name=password]', 'beliebig');
		await Promise.all([
			page.waitForURL(site.server.url('intake')),
			page.click('button[type=submit]'),
		]);
		await formReady(w);
		await expect(page.locator('header').innerText()).resolves.toContain('angemeldet: Miriam Rapp');
		const session = (await w.context.cookies(site.server.url('intake'))).find(
			(c) => c.name === 'im_session',
		);
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/form/' });
		await page.click('#sign-out');
		await page.waitForSelector('#sso-sign-out');
		await page.click('#sso-sign-out');
		await page.waitForURL(new RegExp(`^${idp.issuer}/session/end`));
		await page.click('button[name=logout][value=yes]');
		await page.waitForLoadState();
		await page.goto(site.server.url('intake'));
		await expect(page.locator('#login').count()).resolves.toBe(1);
		await w.context.close();
		const rows = await audit();
		expect(
			rows.filter((r) => r.actor_id === 'em-koordination').map((r) => [r.action, r.outcome]),
		).toEqual([
			['auth.oidc.login', 'ok'],
			['auth.session.start', 'ok'],
			['auth.logout', 'ok'],
		]);
	});

	it('shows the German refusal to a person the profile does not know', async () => {
		const w = await localPage();
		const { page } = w;
		await page.goto(site.server.url('intake', '?auth=sso'));
		await page.fill('input[name=login]', 'fremd');
		await page.fill('input[name=password]', 'beliebig');
		await Promise.all([
			page.waitForURL(/\/form\/intake\/anmeldung\?/),
			page.click('button[type=submit]'),
		]);
		await expect(page.locator('#sign-in-error').innerText()).resolves.toMatch(
			/ist im Kreisprofil „Landkreis Emmendingen“ keiner Mitarbeiterin und keinem Mitarbeiter zugeordnet/,
		);
		expect(
			(await w.context.cookies(site.server.url('intake'))).some((c) => c.name === 'im_session'),
		).toBe(false);
		// Back in history and the same return address again: the login was used up.
		await page.reload();
		await expect(page.locator('#sign-in-error').innerText()).resolves.toMatch(
			/^Diese Anmeldung wurde bereits verwendet\./,
		);
		await w.context.close();
	});
});
