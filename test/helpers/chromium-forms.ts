import type { Page } from 'playwright-core';
import { createCore, type Core } from '../../src/core';
import type { AuthConfig } from '../../src/forms/auth';
import type { FormKind } from '../../src/forms/form-definitions';
import { launchChromium, type BrowserSession } from './browser';
import { emmendingen } from './fixtures';
import { startFormServer, type FormServer } from './form-server';
import { freshStore, type TestStore } from './stores';

export { typeDate } from './form-wizard';

/** Opens a case form and waits until the trigger's script reports it ready. */
export async function openForm(page: Page, url: string) {
	await page.goto(url);
	await page.waitForSelector('body[data-case-form="ready"]', { timeout: 20_000 });
}

export interface ChromiumForms {
	store: TestStore;
	core: Core;
	server: FormServer;
	session: BrowserSession;
}

/**
 * For the calling `describe`: a fresh SQLite store with Emmendingen's core, the forms of these kinds on a sandboxed
 * test server, one Chromium.
 */
export function formsInChromium(
	kinds: FormKind[],
	auth: AuthConfig,
	inject?: Record<string, string>,
): ChromiumForms {
	const env = {} as ChromiumForms;
	beforeAll(async () => {
		env.store = await freshStore('SQLite');
		env.core = createCore({ store: env.store.store, profile: emmendingen() });
		const config = { core: env.core, auth, save: true };
		env.server = await startFormServer(Object.fromEntries(kinds.map((kind) => [kind, config])), {
			sandbox: true,
			inject,
		});
		env.session = await launchChromium();
	});
	afterAll(async () => {
		await env.session?.close();
		await env.server?.close();
		await env.store?.dispose();
	});
	return env;
}

/** Waits for the German confirmation after saving and checks its wording. */
export async function expectConfirmation(page: Page, wording: RegExp) {
	const done = page.locator('#case-form-done');
	await done.waitFor({ timeout: 15_000 });
	await expect(done.innerText()).resolves.toMatch(wording);
}
