/**
 * End-to-end: the workplace in Chromium on a real n8n 2.x with Emmendingen's published templates (as `npm start`
 * sets them up). A manager signs in, finds a case by part of the name, opens the case page and takes every step of
 * the case from there — a talk, the plan continued, a referral and the service's answer, German level B1, closure,
 * reopening; the coordinator reassigns the case to another provider and downloads the report of a chosen period.
 * Afterwards the first provider's manager no longer sees the case anywhere. A screenshot of every page goes to
 * test-artifacts/e2e-workplace/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import {
	artifactDir,
	browserAvailable,
	launchChromium,
	watchedPage,
	type BrowserSession,
	type WatchedPage,
} from '../helpers/browser';
import { intakeFor, isoDaysAgo, planData } from '../helpers/e2e/district-e2e';
import { districtSuite } from '../helpers/e2e/district-suite';
import { E2E_PASSWORD } from '../helpers/e2e/staff-sign-in';
import { executionsOf } from '../helpers/e2e/n8n-executions';
import { typeDate } from '../helpers/form-wizard';

const shots = path.join(artifactDir, 'e2e-workplace');
const run = browserAvailable() ? describe : describe.skip;

run('e2e workplace (Emmendingen) in Chromium on a real n8n', () => {
	const em = districtSuite('emmendingen');
	let session: BrowserSession;
	let shot = 0;
	let caseNumber = '';
	const manager = () => em.actor('em-caritas-01');

	/** A screenshot of the page as it is now: test-artifacts/e2e-workplace/NN-<name>.png. */
	const screenshot = async (page: Page, name: string) => {
		shot++;
		await page.screenshot({
			path: path.join(shots, `${String(shot).padStart(2, '0')}-${name}.png`),
			fullPage: true,
		});
	};

	/** Signs in on the login page that Meine Fälle shows without a session; lands on Meine Fälle. */
	async function signedIn(staffId: string): Promise<WatchedPage> {
		await em.run.signIn(staffId); // the own password is set through an invitation
		const watched = await watchedPage(session);
		const { page } = watched;
		page.setDefaultTimeout(60_000);
		await page.goto(em.run.url('faelle'));
		await screenshot(page, `anmeldung-${staffId}`);
		await page.fill('#login', staffId);
		await page.fill('#password', E2E_PASSWORD);
		await Promise.all([page.waitForURL(/\/formulare\/faelle$/), page.click('#sign-in')]);
		return watched;
	}

	/** Opens a step of the case page by its button and waits for the form. */
	async function openStep(page: Page, id: string) {
		await Promise.all([page.waitForURL(/\?case=/), page.click(`#${id}`)]);
		await page.waitForSelector('body[data-case-form="ready"]', { timeout: 90_000 });
		return page.locator('#case-form');
	}

	/** Saves the form, checks the German confirmation and goes back to the case page. */
	async function saveAndBack(page: Page, name: string, confirmation: RegExp) {
		await page.locator('#case-form').getByRole('button', { name: 'Speichern' }).click();
		const done = page.locator('#case-form-done');
		await done.waitFor({ timeout: 60_000 });
		await expect(done.innerText()).resolves.toMatch(confirmation);
		await screenshot(page, `${name}-gespeichert`);
		await Promise.all([page.waitForURL(/\/formulare\/fall\?case=/), page.click('#to-case')]);
		await page.locator('#case-summary').waitFor();
	}

	const timeline = (page: Page) => page.locator('#timeline').innerText();

	beforeAll(async () => {
		fs.rmSync(shots, { recursive: true, force: true });
		fs.mkdirSync(shots, { recursive: true });
		session = await launchChromium();
		const ags = em.served('caritas-em').ags;
		const intake = await em.run.form('aufnahme', manager(), {
			...intakeFor(ags, 'em-caritas-01'),
			person: { ...intakeFor(ags, 'em-caritas-01').person, lastName: 'Rahimi' },
		});
		expect(intake).toMatchObject({ ok: true });
		caseNumber = /Fallnummer (EM-\d{4}-\d{5})/.exec(intake.message)![1];
		const plan = await em.run.form('integrationsplan', manager(), planData(), {
			caseId: caseNumber,
		});
		expect(plan).toMatchObject({ ok: true });
	}, 5 * 60_000);
	afterAll(() => session?.close());

	/** Meine Fälle → search by part of the name → the case page. */
	async function findCase(page: Page) {
		await screenshot(page, 'meine-faelle');
		await page.fill('#q', 'rahim');
		await Promise.all([page.waitForURL(/q=rahim/), page.click('#search')]);
		await expect(page.locator('#caseload-count').innerText()).resolves.toBe(
			'1 Fall, Fälliges zuerst.',
		);
		await screenshot(page, 'suche');
		await Promise.all([
			page.waitForURL(/\/formulare\/fall\?case=/),
			page.locator(`tr[data-case="${caseNumber}"] a`).click(),
		]);
		await expect(page.locator('#case-summary').innerText()).resolves.toContain(
			`Fallnummer ${caseNumber} · Rahimi,`,
		);
		await screenshot(page, 'fallakte');
	}

	/** A talk (channel, minutes, topic, save; the date is prefilled) and the plan continued. */
	async function talkAndPlan(page: Page) {
		let form = await openStep(page, 'step-contact');
		await form.locator('select[name="data[channel]"]').selectOption({ label: 'Telefon' });
		await form.locator('input[name="data[minutes]"]').fill('25');
		await form.locator('.formio-component-topics').getByText('Wohnen', { exact: true }).click();
		await screenshot(page, 'kontakt');
		await saveAndBack(page, 'kontakt', /Der Beratungskontakt vom .* \(Telefon, 25 Minuten\)/);
		form = await openStep(page, 'step-plan');
		await typeDate(form.locator('.formio-component-reviewDate'), germanDaysAhead(60));
		await screenshot(page, 'integrationsplan');
		await saveAndBack(page, 'integrationsplan', /fortgeschrieben \(Fassung 2\)/);
	}

	/** A referral, then the service's answer entered from the case page. */
	async function referralAndAnswer(page: Page) {
		let form = await openStep(page, 'step-referral');
		await form
			.locator('select[name="data[serviceId]"]')
			.selectOption({ label: 'Psychosoziales Zentrum für Geflüchtete' });
		await form.locator('input[name="data[reason]"]').fill('Schlafstörungen seit der Flucht');
		await screenshot(page, 'weitervermittlung');
		await saveAndBack(page, 'weitervermittlung', /Die Weitervermittlung an „Psychosoziales/);
		form = await openStep(page, 'referral-1-feedback');
		await form.locator('.formio-component-status').getByText('angenommen').click();
		await screenshot(page, 'rueckmeldung');
		await saveAndBack(page, 'rueckmeldung', /Die Rückmeldung von „Psychosoziales .* angenommen/);
		await expect(page.locator('#referrals').innerText()).resolves.toContain(
			'Psychosoziales Zentrum für Geflüchtete: angenommen',
		);
	}

	/** German level B1 from today on, then closure and reopening. */
	async function changeCloseReopen(page: Page) {
		let form = await openStep(page, 'step-change');
		await form.locator('select[name="data[person][germanLevel]"]').selectOption({ label: 'B1' });
		await screenshot(page, 'veraenderung');
		await saveAndBack(page, 'veraenderung', /Die Veränderung ist in der Fallakte gespeichert/);
		await expect(page.locator('#household').innerText()).resolves.toContain('Deutsch B1');
		form = await openStep(page, 'step-closure');
		await form.locator('select[name="data[reason]"]').selectOption({ value: 'self_reliant' });
		await screenshot(page, 'beendigung');
		await saveAndBack(page, 'beendigung', /Der Fall ist zum .* beendet/);
		await expect(page.locator('#step-contact').count()).resolves.toBe(0);
		form = await openStep(page, 'step-reopen');
		await form.locator('input[name="data[reason]"]').fill('Neuer Beratungsbedarf beim Jobcenter');
		await screenshot(page, 'wiederaufnahme');
		await saveAndBack(page, 'wiederaufnahme', /wieder aufgenommen/);
		// Newest first, also within one day: the reopening above the closure, the change of the German level below.
		const lines = (await timeline(page)).split('\n');
		const first = (text: string) => lines.findIndex((l) => l.includes(text));
		expect(first('Status: in Beratung')).toBeLessThan(first('Status: beendet'));
		expect(first('Status: beendet')).toBeLessThan(first('Amina: Deutsch B1'));
		await screenshot(page, 'fallakte-verlauf');
	}

	it('takes a manager from the sign-in through every step of a case on the case page', async () => {
		const { page, context, pageErrors, foreignRequests } = await signedIn('em-caritas-01');
		await findCase(page);
		await talkAndPlan(page);
		await referralAndAnswer(page);
		await changeCloseReopen(page);
		expect(pageErrors).toEqual([]);
		expect(foreignRequests()).toEqual([]);
		await context.close();
	});

	it('keeps the personal data of these steps out of n8n’s execution list: ids and the case number only', async () => {
		const workplace = em.run.instance.workflows.find((w) => w.name.endsWith('Arbeitsplatz'))!;
		const list = await executionsOf(em.run, workplace.id);
		const runs = list.results as { id: string }[];
		expect(runs.length).toBeGreaterThanOrEqual(3); // the feedback, the change, the reopening
		for (const { id } of runs) {
			const text = JSON.stringify(
				await em.run.instance.client.request('GET', `/rest/executions/${id}`),
			);
			expect(text).toContain(caseNumber);
			for (const personal of ['Rahimi', 'Amina', 'Schlafstörungen', 'Jobcenter'])
				expect(text).not.toContain(personal);
		}
	});

	it('lets the coordinator reassign the case and download the report of a chosen period', async () => {
		const { page, context, pageErrors, foreignRequests } = await signedIn('em-koordination');
		await expect(page.locator('h1').innerText()).resolves.toBe('Fälle des Kreises');
		await screenshot(page, 'faelle-des-kreises');
		await Promise.all([page.waitForURL(/\/formulare\/uebersicht/), page.click('#nav-overview')]);
		await expect(page.locator('main').innerText()).resolves.toContain('Timo Quast');
		await screenshot(page, 'uebersicht');
		await Promise.all([page.waitForURL(/\/formulare\/faelle/), page.click('#nav-back')]);
		await Promise.all([
			page.waitForURL(/\/formulare\/fall\?case=/),
			page.locator(`tr[data-case="${caseNumber}"] a`).click(),
		]);
		// The first plan version as a printable document.
		await Promise.all([
			page.waitForURL(/fassung=1/),
			page.locator('#plan-versions a').first().click(),
		]);
		await expect(page.locator('main').innerText()).resolves.toContain('Fassung 1');
		await screenshot(page, 'integrationsplan-fassung-1');
		await Promise.all([page.waitForURL(/\/formulare\/fall\?case=[^&]+$/), page.goBack()]);
		const form = await openStep(page, 'step-reassign');
		await form.locator('select[name="data[managerId]"]').selectOption({ value: 'em-drk-01' });
		await screenshot(page, 'neuzuweisung');
		await saveAndBack(page, 'neuzuweisung', /ab heute Florian Pfeiffer \(DRK-Kreisverband/);
		await expect(page.locator('#case-summary').innerText()).resolves.toContain(
			'zuständig: Florian Pfeiffer',
		);

		await Promise.all([page.waitForURL(/\/formulare\/auswertung/), page.click('#nav-report')]);
		await page.selectOption('#zeitraum', 'jahr');
		await page.fill('#jahr', String(new Date().getFullYear()));
		await screenshot(page, 'auswertung');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('#download-xlsx'),
		]);
		expect(download.suggestedFilename()).toBe(
			`Auswertung-emmendingen-Jahr-${new Date().getFullYear()}.xlsx`,
		);
		const file = path.join(shots, download.suggestedFilename());
		await download.saveAs(file);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		expect(workbook.worksheets.length).toBeGreaterThan(0);
		expect(pageErrors).toEqual([]);
		expect(foreignRequests()).toEqual([]);
		await context.close();
	});

	it('shows the former provider’s manager the reassigned case nowhere: list, search, case page, form', async () => {
		const { page, context } = await signedIn('em-caritas-01');
		await page.fill('#q', caseNumber);
		await Promise.all([page.waitForURL(/q=/), page.click('#search')]);
		await expect(page.locator('#caseload-count').innerText()).resolves.toBe(
			'Keine Fälle gefunden.',
		);
		const casePage = await page.goto(`${em.run.url('fall')}?case=${caseNumber}`);
		expect(casePage?.status()).toBe(403);
		await expect(page.locator('body').innerText()).resolves.not.toContain('Rahimi');
		await screenshot(page, 'fremder-fall');
		const contact = await page.goto(`${em.run.url('kontakt')}?case=${caseNumber}`);
		expect(contact?.status()).toBe(403);
		await context.close();
	});
});

/** A day `days` ahead as the date field shows it (TT.MM.JJJJ). */
function germanDaysAhead(days: number): string {
	const iso = isoDaysAgo(-days);
	const [y, m, d] = iso.split('-');
	return `${d}.${m}.${y}`;
}
