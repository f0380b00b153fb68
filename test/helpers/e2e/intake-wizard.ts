// The intake form of a district's n8n in Chromium, as a signed-in staff member fills it in: the login page at
// the form's production URL, then the wizard's pages filled step by step.
import type { Locator } from 'playwright-core';
import type { BrowserSession } from '../browser';
import { fillPersonPage } from '../form-wizard';
import { E2E_PASSWORD } from './staff-sign-in';

/** A German page signed in as `staffId` (own password, already set) at `url`, ready for input, recording every request and page error. */
export async function openIntakeForm(session: BrowserSession, url: string, staffId: string) {
	const context = await session.browser.newContext({
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
	});
	const requests: string[] = [];
	const pageErrors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(e.message));
	// Sized for a loaded machine: the page loads Form.io, its styles and fonts from n8n.
	await page.goto(url, { timeout: 90_000 });
	await page.fill('#login', staffId);
	await page.fill('#password', E2E_PASSWORD);
	await Promise.all([page.waitForURL(url, { timeout: 90_000 }), page.click('#sign-in')]);
	await page.waitForSelector('body[data-case-form="ready"]', { timeout: 90_000 });
	return { context, page, requests, pageErrors };
}

/** Browser Test from Waldkirch, alone, refugee protection, Arabic, consent given: every page of the wizard, not submitted. */
export async function fillIntakeWizard(form: Locator) {
	const next = () => form.locator('button.btn-wizard-nav-next').click();
	await fillPersonPage(form, 'Browser', 'Test');
	await next();
	await next(); // no household members
	await form.locator('select[name="data[residence][status]"]').selectOption('refugee_protection');
	await next();
	await form.locator('.formio-component-languages input.form-control').first().fill('Arabisch');
	await next();
	await form.locator('.formio-component-given input[type="checkbox"]').check();
}
