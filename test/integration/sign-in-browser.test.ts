/**
 * Personal sign-in in Chromium behind n8n's HTML sandbox (the pages have an opaque origin): the invitation page, a
 * contact stored with the session's request token, logout and login on the German sign-in page, and single sign-on
 * at the real local OpenID Connect provider — through exactly the handlers of the Case Form Trigger.
 */
import { SystemActor } from '../../src/access/actor';
import { createCore, type Core } from '../../src/core';
import { today } from '../../src/clock';
import type { FormHandlerConfig } from '../../src/forms/handlers';
import { addDays } from '../../src/lifecycle/dates';
import {
	browserAvailable,
	launchChromium,
	localOnlyPage,
	type BrowserSession,
} from '../helpers/browser';
import { expectConfirmation } from '../helpers/chromium-forms';
import { actorFor, emmendingen, validIntake } from '../helpers/fixtures';
import { startFormServer, type FormServer } from '../helpers/form-server';
import { accountsFor, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { freshStore, type TestStore } from '../helpers/stores';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(90_000);
const profile = emmendingen();
const PASSWORD = 'Am Kaiserstuhl wächst guter Wein';

run('personal sign-in in Chromium (n8n sandbox)', () => {
	let chromium: BrowserSession;
	let server: FormServer;
	let idp: TestProvider;
	let t: TestStore;
	let core: Core;

	beforeAll(async () => {
		t = await freshStore('SQLite');
		core = createCore({ store: t.store, profile });
		const config: Omit<FormHandlerConfig, 'kind'> = {
			core,
			auth: { mode: 'personal' },
			save: true,
		};
		server = await startFormServer({ intake: config, contact: config }, { sandbox: true });
		const redirectUri = `${server.url('intake')}/anmeldung`;
		idp = await startTestProvider({
			accounts: accountsFor(profile),
			rpBase: server.url('intake'),
			redirectUri,
		});
		config.auth = {
			mode: 'personal',
			oidc: { issuer: idp.issuer, ...idp.client, redirectUri, staffClaim: 'email' },
		};
		chromium = await launchChromium();
	});
	afterAll(async () => {
		await chromium?.close();
		await idp?.close();
		await server?.close();
		await t?.dispose();
	});

	const localPage = () => localOnlyPage(chromium);
	const formReady = (w: Awaited<ReturnType<typeof localPage>>) =>
		w.page.waitForSelector('body[data-case-form="ready"]', { timeout: 30_000 });
	const audit = () =>
		t.store.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'outcome'])
			.orderBy('id')
			.execute();

	it('sets the password from the invitation, stores a contact, signs out and in again', async () => {
		const manager = actorFor(profile, 'em-caritas-01');
		const opened = addDays(today(core.context.clock), -30);
		const created = await core.createCase(manager, {
			intake: validIntake({
				intakeDate: opened,
				consent: { ...validIntake().consent, date: opened },
			}),
		});
		const { token } = await core.signIn.invite(new SystemActor('test', 'Test'), 'em-caritas-01');
		const w = await localPage();
		const { page } = w;
		await page.goto(server.url('intake', `?auth=invitation&token=${token}`));
		await page.fill('#password', PASSWORD);
		await page.fill('#repeat', PASSWORD);
		await Promise.all([page.waitForURL(server.url('intake')), page.click('#save-password')]);
		await formReady(w);
		const contactUrl = server.url('contact', `?case=${created.case.id}`);
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
		expect(await core.listContacts(manager, created.case.id)).toHaveLength(1);

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
		await page.goto(server.url('intake'));
		await page.click('#sign-in-sso');
		await page.waitForURL(new RegExp(`^${idp.issuer}/interaction/`));
		await page.fill('input[name=login]', 'em-koordination');
		await page.fill('input[name=password]', 'beliebig');
		await Promise.all([page.waitForURL(server.url('intake')), page.click('button[type=submit]')]);
		await formReady(w);
		await expect(page.locator('header').innerText()).resolves.toContain('angemeldet: Miriam Rapp');
		const session = (await w.context.cookies(server.url('intake'))).find(
			(c) => c.name === 'im_session',
		);
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/form/' });
		await page.click('#sign-out');
		await page.waitForSelector('#sso-sign-out');
		await page.click('#sso-sign-out');
		await page.waitForURL(new RegExp(`^${idp.issuer}/session/end`));
		await page.click('button[name=logout][value=yes]');
		await page.waitForLoadState();
		await page.goto(server.url('intake'));
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
		await page.goto(server.url('intake', '?auth=sso'));
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
			(await w.context.cookies(server.url('intake'))).some((c) => c.name === 'im_session'),
		).toBe(false);
		// Back in history and the same return address again: the login was used up.
		await page.reload();
		await expect(page.locator('#sign-in-error').innerText()).resolves.toMatch(
			/^Diese Anmeldung wurde bereits verwendet\./,
		);
		await w.context.close();
	});
});
