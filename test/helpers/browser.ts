import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const artifactDir = path.join(__dirname, '..', '..', 'test-artifacts');

/**
 * Browser tests run Debian's Chromium. They are skipped only on a developer machine without it;
 * in CI (`CI` set) a missing browser is a failure (`.ci/run` installs it).
 */
export function browserAvailable(): boolean {
	if (fs.existsSync(chromiumPath)) return true;
	if (process.env.CI)
		throw new Error(
			`${chromiumPath} fehlt, in CI müssen die Browser-Tests laufen (.ci/run installiert chromium).`,
		);
	console.warn(`Browser-Tests übersprungen: ${chromiumPath} fehlt (apt-get install -y chromium).`);
	return false;
}

export interface BrowserSession {
	browser: Browser;
	close(): Promise<void>;
}

/** Playwright starts Chromium with a fresh temporary profile (its own --user-data-dir) on every launch and deletes it on close. */
export async function launchChromium(): Promise<BrowserSession> {
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-sync',
		],
	});
	return {
		browser,
		close: () => browser.close(),
	};
}

export interface WatchedPage {
	context: BrowserContext;
	page: Page;
	/** Every URL the page requested. */
	requests: string[];
	/** URLs on other hosts than this machine (must stay empty). */
	foreignRequests(): string[];
	pageErrors: string[];
	cspViolations: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A German page in a fresh context that records every request, page error and CSP violation. */
export async function watchedPage(session: BrowserSession): Promise<WatchedPage> {
	const context = await session.browser.newContext({
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		viewport: { width: 1280, height: 900 },
	});
	const page = await context.newPage();
	const requests: string[] = [];
	const pageErrors: string[] = [];
	const cspViolations: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	page.on('pageerror', (e) => pageErrors.push(e.message));
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
	});
	return {
		context,
		page,
		requests,
		pageErrors,
		cspViolations,
		foreignRequests: () =>
			requests.filter((u) => {
				if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
				return !LOCAL_HOSTS.has(new URL(u).hostname);
			}),
	};
}

export function artifactPath(name: string): string {
	fs.mkdirSync(artifactDir, { recursive: true });
	return path.join(artifactDir, name);
}

/** A watched page whose requests stay on this machine (the OIDC provider's development pages link a web font). */
export async function localOnlyPage(session: BrowserSession): Promise<WatchedPage> {
	const watched = await watchedPage(session);
	await watched.context.route(
		(url) => url.hostname !== '127.0.0.1',
		(route) => route.abort(),
	);
	return watched;
}
