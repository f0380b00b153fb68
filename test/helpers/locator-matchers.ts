import type { Locator } from 'playwright-core';

// playwright-core has no test runner; a small `toHaveText`/`toContainText` for locators keeps the assertions readable.
declare global {
	namespace jest {
		interface Matchers<R> {
			toHaveText(expected: RegExp): Promise<R>;
			toContainText(expected: RegExp): Promise<R>;
		}
	}
}

async function waitForText(
	locator: Locator,
	expected: RegExp,
	contain: boolean,
): Promise<{ pass: boolean; text: string }> {
	// Polls until the text is there; patient, because a loaded machine renders slowly.
	const deadline = Date.now() + 30_000;
	let text = '';
	while (Date.now() < deadline) {
		text = await locator.innerText({ timeout: 2_000 }).catch(() => '');
		if (expected.test(text) && (contain || text.trim().length > 0)) return { pass: true, text };
		await new Promise((r) => setTimeout(r, 100));
	}
	return { pass: false, text };
}

expect.extend({
	async toHaveText(locator: Locator, expected: RegExp) {
		const { pass, text } = await waitForText(locator, expected, false);
		return { pass, message: () => `expected text ${expected} but was ${JSON.stringify(text)}` };
	},
	async toContainText(locator: Locator, expected: RegExp) {
		const { pass, text } = await waitForText(locator, expected, true);
		return {
			pass,
			message: () => `expected text containing ${expected} but was ${JSON.stringify(text)}`,
		};
	},
});
