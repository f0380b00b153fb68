import { createCore, type Core } from '../../src/core';
import { launchChromium, type BrowserSession } from './browser';
import { emmendingen } from './fixtures';
import { startFormServer, type FormServer, type Route } from './form-server';
import { freshStore, type TestStore } from './stores';

export interface ChromiumSite {
	store: TestStore;
	core: Core;
	server: FormServer;
	session: BrowserSession;
	/** The pages by path segment (`/form/<segment>`); their configs may be changed by the suite. */
	routes: Record<string, Route>;
}

/**
 * For the calling `describe`: a fresh SQLite store with Emmendingen's core, the given pages behind n8n's HTML
 * sandbox on a test server, one Chromium; all closed after the suite.
 */
export function siteInChromium(
	routes: (core: Core) => Record<string, Route>,
	/** Headers an emulated SSO proxy sets on every request. */
	inject?: Record<string, string>,
): ChromiumSite {
	const site = {} as ChromiumSite;
	beforeAll(async () => {
		site.store = await freshStore('SQLite');
		site.core = createCore({ store: site.store.store, profile: emmendingen() });
		site.routes = routes(site.core);
		site.server = await startFormServer({}, { sandbox: true, pages: site.routes, inject });
		site.session = await launchChromium();
	});
	afterAll(async () => {
		await site.session?.close();
		await site.server?.close();
		await site.store?.dispose();
	});
	return site;
}
