/**
 * The workplace in Chromium behind n8n's sandbox: sign in, Meine Fälle, find the case by part of the name, open the
 * case page, log a typical talk in at most six inputs, back on the case page the contact is in the timeline; open an
 * earlier plan version from the case page and print it (the button's script runs under the page's CSP).
 * Screenshots and the time the talk took go to test-artifacts/ (recorded, not asserted).
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { SystemActor } from '../../src/access/actor';
import { today } from '../../src/clock';
import { addDays } from '../../src/lifecycle/dates';
import { artifactPath, browserAvailable, localOnlyPage } from '../helpers/browser';
import { actorFor, emmendingen, validIntake, validPlan } from '../helpers/fixtures';
import { siteInChromium } from '../helpers/chromium-site';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);
const profile = emmendingen();
const PASSWORD = 'Zuhören ist die halbe Beratung';

run('workplace in Chromium (n8n sandbox)', () => {
	const site = siteInChromium((core) => {
		const auth = { mode: 'personal' as const };
		return {
			faelle: { core, kind: 'cases', auth },
			fall: { core, kind: 'case', auth },
			kontakt: { core, kind: 'contact', auth, save: true },
		};
	});

	/** Sign-in on the list, search by part of the name, open the case page. */
	async function signInAndOpenCase(page: Page) {
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(site.server.url('faelle'));
		await page.fill('#login', 'em-caritas-01');
		await page.fill('#password', PASSWORD);
		await Promise.all([page.waitForURL(site.server.url('faelle')), page.click('#sign-in')]);
		// The list has rendered (a screenshot taken during the navigation after the sign-in can fail in Chromium).
		await page.locator('#caseload-count').waitFor();
		await page.waitForLoadState('load');
		await page.screenshot({ path: artifactPath('workplace-cases.png') });
		await page.fill('#q', 'hadd');
		await Promise.all([page.waitForURL(/q=hadd/), page.click('#search')]);
		await expect(page.locator('#caseload-count').innerText()).resolves.toBe(
			'1 Fall, Fälliges zuerst.',
		);
		await Promise.all([
			page.waitForURL(/\/form\/fall\?case=/),
			page.getByRole('link', { name: 'Haddad, Amina' }).click(),
		]);
		await expect(page.locator('#case-summary').innerText()).resolves.toMatch(
			/^Fallnummer EM-\d{4}-00001 · Haddad, Amina \(geb\. 14\.06\.1988\)/,
		);
		await page.screenshot({ path: artifactPath('workplace-case.png') });
	}

	/** A typical talk from the case page: counted inputs, the time recorded as an artifact. */
	async function logTalk(page: Page) {
		const started = Date.now();
		let inputs = 0;
		const input = async (step: () => Promise<unknown>) => {
			inputs++;
			await step();
		};
		await input(() => page.click('#step-contact'));
		await page.waitForSelector('body[data-case-form="ready"]', { timeout: 30_000 });
		const form = page.locator('#case-form');
		await input(() =>
			form.locator('select[name="data[channel]"]').selectOption({ label: 'Telefon' }),
		);
		await input(() => form.locator('input[name="data[minutes]"]').fill('20'));
		await input(() =>
			form.locator('.formio-component-topics').getByText('Wohnen', { exact: true }).click(),
		);
		await input(() => form.getByRole('button', { name: 'Speichern' }).click());
		await page.locator('#case-form-done').waitFor({ timeout: 20_000 });
		const seconds = (Date.now() - started) / 1000;
		expect(inputs).toBeLessThanOrEqual(6);
		fs.writeFileSync(
			artifactPath('workplace-contact-timing.json'),
			JSON.stringify({ inputs, seconds }, null, 2),
		);
		await page.screenshot({ path: artifactPath('workplace-contact-saved.png') });
	}

	it('finds the case, opens the case page and logs a talk in at most six inputs', async () => {
		const manager = actorFor(profile, 'em-caritas-01');
		const opened = addDays(today(site.core.context.clock), -40);
		const intake = validIntake({
			intakeDate: opened,
			consent: { ...validIntake().consent, date: opened },
		});
		const { case: created } = await site.core.createCase(manager, { intake });
		const { token } = await site.core.signIn.invite(
			new SystemActor('test', 'Test'),
			'em-caritas-01',
		);
		await site.core.signIn.acceptInvitation(token, PASSWORD, {});
		const w = await localOnlyPage(site.session);
		const { page } = w;
		await signInAndOpenCase(page);
		await logTalk(page);
		await Promise.all([page.waitForURL(/\/form\/fall\?case=/), page.click('#to-case')]);
		await expect(page.locator('#timeline').innerText()).resolves.toMatch(
			/Beratungskontakt \(Telefon, 20 Minuten\): Wohnen/,
		);
		expect(w.pageErrors).toEqual([]);
		expect(w.foreignRequests()).toEqual([]);
		await w.context.close();
		expect(await site.core.listContacts(manager, created.id)).toHaveLength(1);
	});

	it('opens an earlier plan version from the case page and prints it without the page’s controls', async () => {
		const manager = actorFor(profile, 'em-caritas-02');
		const { case: created } = await site.core.createCase(manager, {
			intake: validIntake({ person: { ...validIntake().person, lastName: 'Nouri' } }),
			managerId: 'em-caritas-02',
		});
		const day = today(site.core.context.clock);
		await site.core.createPlan(manager, created.id, validPlan(addDays(day, -60), addDays(day, 30)));
		const later = validPlan(addDays(day, -5), addDays(day, 90));
		later.goals[0].status = 'achieved';
		await site.core.continuePlan(manager, created.id, later);
		const { token } = await site.core.signIn.invite(
			new SystemActor('test', 'Test'),
			'em-caritas-02',
		);
		await site.core.signIn.acceptInvitation(token, PASSWORD, {});
		const w = await localOnlyPage(site.session);
		const { page } = w;
		const casePage = site.server.url('fall', `?case=${created.caseNumber}`);
		await page.goto(casePage);
		await page.fill('#login', 'em-caritas-02');
		await page.fill('#password', PASSWORD);
		await Promise.all([page.waitForURL(casePage), page.click('#sign-in')]);
		await Promise.all([
			page.waitForURL(/fassung=1$/),
			page
				.locator('#plan-versions')
				.getByRole('link', { name: /^Fassung 1 vom/ })
				.click(),
		]);
		await expect(page.locator('h1').innerText()).resolves.toBe('Integrationsplan Fassung 1');
		await expect(page.locator('#plan-document').innerText()).resolves.toContain('in Arbeit');
		// The page's own script shows the button and calls the browser's print dialog.
		await page.evaluate(() => {
			const counted = globalThis as unknown as { printed: number; print: () => void };
			counted.printed = 0;
			counted.print = () => counted.printed++;
		});
		await page.click('#print-plan');
		await expect(
			page.evaluate(() => (globalThis as unknown as { printed: number }).printed),
		).resolves.toBe(1);
		await page.emulateMedia({ media: 'print' });
		for (const hidden of ['#print-plan', '#plan-tools', '.sign-in-nav'])
			await expect(page.locator(hidden).isVisible()).resolves.toBe(false);
		await expect(page.locator('#plan-facts').isVisible()).resolves.toBe(true);
		await page.screenshot({
			path: artifactPath('workplace-plan-version-print.png'),
			fullPage: true,
		});
		expect(w.pageErrors).toEqual([]);
		expect(w.cspViolations).toEqual([]);
		expect(w.foreignRequests()).toEqual([]);
		await w.context.close();
	});
});
