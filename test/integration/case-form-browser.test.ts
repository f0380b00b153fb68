import type { Locator, Page } from 'playwright-core';
import { createCore, type Core } from '../../src/core';
import { today } from '../../src/clock';
import { addDays, germanDate } from '../../src/lifecycle/dates';
import { freshStore, type TestStore } from '../helpers/stores';
import { actorFor, emmendingen, validIntake, validPlan } from '../helpers/fixtures';
import { startFormServer, type FormServer } from '../helpers/form-server';
import type { FormKind } from '../../src/forms/form-definitions';
import type { AuthConfig } from '../../src/forms/auth';
import {
	artifactPath,
	browserAvailable,
	launchChromium,
	watchedPage,
	type BrowserSession,
	type WatchedPage,
} from '../helpers/browser';

// The intake wizard in Debian's Chromium, served through the Case Form Trigger's handlers under n8n's
// HTML sandbox policy (opaque origin), with a real SQLite store and the real core.
const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(90_000);

const profile = emmendingen();
const manager = actorFor(profile, 'em-caritas-01');

/** Types a date into a Form.io date field the way a manager does (dd.MM.yyyy, then Tab). */
async function typeDate(field: Locator, germanText: string) {
	const input = field.locator('input.form-control:not([type="hidden"])').first();
	await input.click();
	await input.fill('');
	await input.pressSequentially(germanText);
	await input.press('Tab');
}

interface ChromiumForms {
	store: TestStore;
	core: Core;
	server: FormServer;
	session: BrowserSession;
}

/** For the calling `describe`: a fresh SQLite store, the forms of these kinds on a sandboxed test server, one Chromium. */
function formsInChromium(
	kinds: FormKind[],
	auth: AuthConfig,
	proxyHeader?: [string, string],
): ChromiumForms {
	const env = {} as ChromiumForms;
	beforeAll(async () => {
		env.store = await freshStore('SQLite');
		env.core = createCore({ store: env.store.store, profile });
		const config = { core: env.core, auth, save: true };
		env.server = await startFormServer(Object.fromEntries(kinds.map((kind) => [kind, config])), {
			sandbox: true,
			proxyHeader,
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

run('Case Form Trigger in Chromium (n8n sandbox, no CDN)', () => {
	let w: WatchedPage;
	// The server plays the SSO reverse proxy too: it passes the logged-in manager in X-Remote-User.
	const env = formsInChromium(
		['intake', 'contact'],
		{ mode: 'trustedHeader', headerName: 'X-Remote-User' },
		['X-Remote-User', 'em-caritas-01'],
	);

	beforeEach(async () => {
		w = await watchedPage(env.session);
	});

	afterEach(async () => {
		await w.context.close();
		expect(w.pageErrors).toEqual([]);
		expect(w.cspViolations).toEqual([]);
		// Nothing but this machine: every script, style, font and data file comes from the trigger itself.
		expect(w.foreignRequests()).toEqual([]);
		expect(w.requests.length).toBeGreaterThan(5);
	});

	const wizard = (page: Page) => page.locator('#case-form');
	const next = (page: Page) => wizard(page).locator('button.btn-wizard-nav-next').click();
	const storedCases = async () => (await env.core.searchCases(manager)).cases;

	async function openIntake(page: Page) {
		await page.goto(env.server.url('intake'));
		await page.waitForSelector('body[data-case-form="ready"]', { timeout: 20_000 });
		expect(await page.evaluate('self.origin')).toBe('null'); // the sandbox is really on
	}

	async function fillPersonPage(page: Page, firstName: string) {
		const form = wizard(page);
		await form
			.locator('select[name="data[municipality]"]')
			.selectOption({ label: 'Waldkirch, Stadt' });
		await form.locator('input[name="data[person][firstName]"]').fill(firstName);
		await form.locator('input[name="data[person][lastName]"]').fill('Kovalenko');
		await typeDate(
			form.locator('.formio-component-person .formio-component-birthDate'),
			'14.06.1988',
		);
		await form.locator('.formio-component-gender').getByText('weiblich', { exact: true }).click();
		await form.locator('select[name="data[person][germanLevel]"]').selectOption({ label: 'A2' });
	}

	async function addChild(page: Page, birthDate: string) {
		const grid = wizard(page).locator('.formio-component-household');
		await grid.getByRole('button', { name: 'Weitere hinzufügen' }).click();
		await grid.locator('input[name="data[household][0][firstName]"]').fill('Sofiia');
		await typeDate(grid.locator('.formio-component-birthDate'), birthDate);
		await grid
			.locator('select[name="data[household][0][relationship]"]')
			.selectOption({ label: 'Kind' });
	}

	it('takes an intake through the German wizard, stores the case and confirms in German', async () => {
		const { page } = w;
		await openIntake(page);
		const form = wizard(page);

		// German messages from the browser's own check when a page is incomplete.
		await next(page);
		await expect(form.locator('.formio-component-firstName').innerText()).resolves.toMatch(
			/Vorname: Bitte ausfüllen\./,
		);

		// German calendar from the served flatpickr locale.
		await form.locator('.formio-component-person .formio-component-birthDate .input-group').click();
		const calendar = page.locator('.flatpickr-calendar.open');
		await calendar.waitFor();
		expect(
			(await calendar.locator('.flatpickr-weekday').allInnerTexts())
				.map((s) => s.trim())
				.slice(0, 2),
		).toEqual(['Mo', 'Di']);
		await page.keyboard.press('Escape');

		await fillPersonPage(page, 'Olena');
		await next(page);
		await addChild(page, '01.09.2015');
		await next(page);

		// Ukraine-specific fields appear only for § 24 AufenthG (JSONLogic condition, no eval).
		const residence = form.locator('.formio-component-residence');
		await expect(residence.locator('.formio-component-ukraineEntryDate').isVisible()).resolves.toBe(
			false,
		);
		await residence
			.locator('select[name="data[residence][status]"]')
			.selectOption('ukraine_temporary_protection');
		await residence.locator('.formio-component-ukraineEntryDate').waitFor({ state: 'visible' });
		await typeDate(residence.locator('.formio-component-ukraineEntryDate'), '12.03.2022');
		await next(page);

		await form.locator('.formio-component-languages input.form-control').first().fill('Ukrainisch');
		await next(page);

		// Consent: counselling is preselected, today and the logged-in manager are prefilled.
		await expect(
			form.locator('select[name="data[consent][recordedBy]"]').inputValue(),
		).resolves.toBe('em-caritas-01');
		await form.locator('.formio-component-given input[type="checkbox"]').check();
		await form.locator('button.btn-wizard-nav-submit').click();

		const done = page.locator('#case-form-done');
		await done.waitFor({ timeout: 15_000 });
		await expect(done.innerText()).resolves.toMatch(
			/Die Aufnahme von Olena Kovalenko ist gespeichert \(Fallnummer .+\)\. Zuständig: .+, Caritasverband für den Landkreis Emmendingen e\.V\.\n/,
		);
		await page.screenshot({ path: artifactPath('case-form-intake-saved.png'), fullPage: true });

		const [stored] = await storedCases();
		expect(stored.data).toMatchObject({
			intakeDate: today(env.core.context.clock),
			municipality: '08316056',
			person: {
				firstName: 'Olena',
				lastName: 'Kovalenko',
				birthDate: '1988-06-14',
				gender: 'female',
				germanLevel: 'A2',
			},
			household: [{ firstName: 'Sofiia', birthDate: '2015-09-01', relationship: 'child' }],
			residence: { status: 'ukraine_temporary_protection', ukraineEntryDate: '2022-03-12' },
			languages: ['Ukrainisch'],
			consent: { given: true, purposes: ['counselling'], recordedBy: 'em-caritas-01' },
		});
		expect(stored.minorsCount).toBe(1);
		expect(stored.createdBy).toBe('em-caritas-01');
		// The workflow gets the same data with the actor and the submission id.
		expect(env.server.emissions.at(-1)).toMatchObject({
			kind: 'intake',
			actor: manager,
			caseId: stored.id,
			data: { person: { firstName: 'Olena' } },
		});
		expect(env.server.emissions.at(-1)?.submissionId).toMatch(/^[0-9a-f-]{36}$/);
		// From the opaque origin the POST is a simple (form-encoded) request: no preflight, answered with ACAO null.
		expect(env.server.log.filter((l) => l.startsWith('POST'))).toEqual([
			expect.stringMatching(/origin=null$/),
		]);
		expect(env.server.log.some((l) => l.startsWith('OPTIONS'))).toBe(false);
	});

	it('shows the German messages of the schema validation and of the core next to the fields and stores nothing', async () => {
		const { page } = w;
		const before = (await storedCases()).length;
		await openIntake(page);
		const form = wizard(page);
		await fillPersonPage(page, 'Iryna');
		await next(page);
		// A child born after the intake date: only the core's date rule knows that.
		await addChild(page, germanDate(addDays(today(env.core.context.clock), 1)));
		await next(page);
		await form.locator('select[name="data[residence][status]"]').selectOption('refugee_protection');
		await next(page);
		await form.locator('.formio-component-languages input.form-control').first().fill('Russisch');
		await next(page);
		await form.locator('.formio-component-given input[type="checkbox"]').check();
		// Consent without counselling: the browser accepts it, the schema (`contains`) does not.
		const purposes = form.locator('.formio-component-purposes');
		await purposes.getByText('Beratung und Dokumentation im Integrationsmanagement').click();
		await purposes.getByText('anonymisierte Auswertung für den Zuwendungsgeber').click();
		await form.locator('button.btn-wizard-nav-submit').click();

		await expect(purposes.locator('.invalid-feedback, .formio-errors').first()).toHaveText(
			/Die Einwilligung muss mindestens die Beratung und Dokumentation umfassen\./,
		);
		expect(await storedCases()).toHaveLength(before);

		// Fixed the consent; now the core refuses the child's birth date, shown in the grid row on page 2.
		await purposes.getByText('Beratung und Dokumentation im Integrationsmanagement').click();
		await form.locator('button.btn-wizard-nav-submit').click();
		const alert = form.locator('.alert-danger');
		await expect(alert).toContainText(/liegt in der Zukunft/);
		await alert
			.getByText(/liegt in der Zukunft/)
			.first()
			.click();
		const childDate = form.locator('.formio-component-household .formio-component-birthDate');
		await expect(childDate.locator('.invalid-feedback, .formio-errors').first()).toHaveText(
			/Das Datum .* liegt in der Zukunft\./,
		);
		await page.locator('h1').click(); // closes the calendar that opened on the focused date field
		await page.screenshot({ path: artifactPath('case-form-intake-errors.png'), fullPage: true });
		expect(await storedCases()).toHaveLength(before);
		expect(w.requests.filter((u) => u === env.server.url('intake')).length).toBe(3); // the page and two POSTs
	});
});

run('Case forms in Chromium opened for a case (prefilled from the store)', () => {
	const env = formsInChromium(['contact', 'plan'], { mode: 'none', staffId: 'em-caritas-01' });

	it('documents a contact in seconds: date prefilled, everything on one laptop screen, stored on the case', async () => {
		const created = await env.core.createCase(manager, {
			intake: validIntake({
				intakeDate: addDays(today(env.core.context.clock), -30),
				consent: { ...validIntake().consent, date: addDays(today(env.core.context.clock), -30) },
			}),
		});
		const w = await watchedPage(env.session);
		const { page } = w;
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(env.server.url('contact', `?case=${created.case.id}`));
		await page.waitForSelector('body[data-case-form="ready"]', { timeout: 20_000 });
		await expect(page.locator('.case-label').innerText()).resolves.toMatch(/^Fall: Haddad, Amina/);
		const form = page.locator('#case-form');
		await expect(
			form
				.locator('.formio-component-date input.form-control:not([type="hidden"])')
				.first()
				.inputValue(),
		).resolves.toBe(germanDate(today(env.core.context.clock)));
		// The whole form, up to the save button, fits on a 1366×768 screen without scrolling.
		const save = form.getByRole('button', { name: 'Speichern' });
		const box = await save.boundingBox();
		expect(box && box.y + box.height).toBeLessThanOrEqual(768);
		await form.locator('select[name="data[channel]"]').selectOption({ label: 'Telefon' });
		await form.locator('input[name="data[minutes]"]').fill('20');
		await form.locator('.formio-component-topics').getByText('Arbeit', { exact: true }).click();
		await page.screenshot({ path: artifactPath('case-form-contact.png') });
		await save.click();
		await page.locator('#case-form-done').waitFor({ timeout: 15_000 });
		await expect(page.locator('#case-form-done').innerText()).resolves.toMatch(
			/Der Beratungskontakt vom .* \(Telefon, 20 Minuten\) ist gespeichert\./,
		);
		await page.screenshot({ path: artifactPath('case-form-contact-saved.png') });
		await w.context.close();
		expect(w.pageErrors).toEqual([]);
		expect(w.foreignRequests()).toEqual([]);
		expect(await env.core.listContacts(manager, created.case.id)).toMatchObject([
			{ date: today(env.core.context.clock), channel: 'phone', minutes: 20, topics: ['work'] },
		]);
	});

	it('continues the integration plan: the current goals and steps are prefilled, a new version is stored', async () => {
		const opened = addDays(today(env.core.context.clock), -60);
		const created = await env.core.createCase(manager, {
			intake: validIntake({
				intakeDate: opened,
				consent: { ...validIntake().consent, date: opened },
			}),
		});
		await env.core.createPlan(
			manager,
			created.case.id,
			validPlan(addDays(opened, 5), addDays(opened, 40)),
		);
		const w = await watchedPage(env.session);
		const { page } = w;
		await page.goto(env.server.url('plan', `?case=${created.case.id}`));
		await page.waitForSelector('body[data-case-form="ready"]', { timeout: 20_000 });
		await expect(page.locator('.case-label').innerText()).resolves.toMatch(
			/Fortschreibung von Fassung 1$/,
		);
		const form = page.locator('#case-form');
		await expect(form.locator('input[name="data[goals][0][goal]"]').inputValue()).resolves.toBe(
			'Deutsch B1 erreichen',
		);
		await expect(
			form.locator('input[name="data[goals][0][steps][0][description]"]').inputValue(),
		).resolves.toBe('Anmeldung Integrationskurs VHS');
		await form
			.locator('select[name="data[goals][1][status]"]')
			.selectOption({ label: 'in Arbeit' });
		await typeDate(
			form.locator('.formio-component-reviewDate'),
			germanDate(addDays(today(env.core.context.clock), 90)),
		);
		await page.locator('h1').click();
		await form.getByRole('button', { name: 'Speichern' }).click();
		await page.locator('#case-form-done').waitFor({ timeout: 15_000 });
		await expect(page.locator('#case-form-done').innerText()).resolves.toMatch(
			/Der Integrationsplan ist fortgeschrieben \(Fassung 2\)\./,
		);
		await w.context.close();
		expect(w.pageErrors).toEqual([]);
		expect(w.foreignRequests()).toEqual([]);
		const plan = await env.core.getPlan(manager, created.case.id);
		expect(plan.versions.map((v) => v.version)).toEqual([1, 2]);
		expect(plan.current.plan.goals.map((g) => [g.goal, g.status])).toEqual([
			['Deutsch B1 erreichen', 'in_progress'],
			['Eigene Wohnung finden', 'in_progress'],
		]);
		expect(plan.current.plan.goals[0].steps).toEqual(validPlan().goals[0].steps);
	});
});

// playwright-core has no test runner; a small `toHaveText`/`toContainText` for locators keeps the assertions readable.
declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace
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
