import type { Page } from 'playwright-core';
import type { AuthConfig } from '../../src/forms/auth';
import type { FormKind } from '../../src/forms/form-definitions';
import { siteInChromium, type ChromiumSite } from './chromium-site';

export { typeDate } from './form-wizard';

/** Opens a case form and waits until the trigger's script reports it ready. */
export async function openForm(page: Page, url: string) {
	await page.goto(url);
	await page.waitForSelector('body[data-case-form="ready"]', { timeout: 20_000 });
}

export type ChromiumForms = ChromiumSite;

/**
 * For the calling `describe`: a fresh SQLite store with Emmendingen's core, the forms of these kinds on a sandboxed
 * test server (optionally behind the emulated SSO proxy's headers), one Chromium.
 */
export function formsInChromium(
	kinds: FormKind[],
	auth: AuthConfig,
	inject?: Record<string, string>,
): ChromiumForms {
	return siteInChromium(
		(core) => Object.fromEntries(kinds.map((kind) => [kind, { core, kind, auth, save: true }])),
		inject,
	);
}

/** Waits for the German confirmation after saving and checks its wording. */
export async function expectConfirmation(page: Page, wording: RegExp) {
	const done = page.locator('#case-form-done');
	await done.waitFor({ timeout: 15_000 });
	await expect(done.innerText()).resolves.toMatch(wording);
}
