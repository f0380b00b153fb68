import type { Page } from 'playwright-core';
import { today } from '../../src/clock';
import type { Core } from '../../src/core';
import { addDays, germanDate } from '../../src/lifecycle/dates';
import { actorFor, emmendingen } from '../helpers/fixtures';
import type { FormServer } from '../helpers/form-server';
import { artifactPath, browserAvailable, watchedPage, type WatchedPage } from '../helpers/browser';
import { expectConfirmation, formsInChromium, openForm, typeDate } from '../helpers/chromium-forms';
import { proxyHeaders, TEST_PROXY } from '../helpers/sign-in';
import '../helpers/locator-matchers';

// The intake wizard in Debian's Chromium, served through the Case Form Trigger's handlers under n8n's
// HTML sandbox policy (opaque origin), with a real SQLite store and the real core.
const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(90_000);

const manager = actorFor(emmendingen(), 'em-caritas-01');
const wizard = (page: Page) => page.locator('#case-form');
const next = (page: Page) => wizard(page).locator('button.btn-wizard-nav-next').click();

/** The browser's own checks speak German: its message on an incomplete page, and the calendar from the served locale. */
async function expectGermanBrowserChecks(page: Page) {
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
		(await calendar.locator('.flatpickr-weekday').allInnerTexts()).map((s) => s.trim()).slice(0, 2),
	).toEqual(['Mo', 'Di']);
	await page.keyboard.press('Escape');
}

/** The residence page for a person under temporary protection (§ 24 AufenthG). */
async function fillUkrainianResidence(page: Page) {
	// Ukraine-specific fields appear only for § 24 AufenthG (JSONLogic condition, no eval).
	const residence = wizard(page).locator('.formio-component-residence');
	await expect(residence.locator('.formio-component-ukraineEntryDate').isVisible()).resolves.toBe(
		false,
	);
	await residence
		.locator('select[name="data[residence][status]"]')
		.selectOption('ukraine_temporary_protection');
	await residence.locator('.formio-component-ukraineEntryDate').waitFor({ state: 'visible' });
	await typeDate(residence.locator('.formio-component-ukraineEntryDate'), '12.03.2022');
}

/** The stored case holds what was entered, and the workflow got the same data with the actor and the submission id. */
async function expectStoredIntake(core: Core, server: FormServer) {
	const [stored] = (await core.searchCases(manager)).cases;
	expect(stored.data).toMatchObject({
		intakeDate: today(core.context.clock),
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
	expect(server.emissions.at(-1)).toMatchObject({
		kind: 'intake',
		actor: manager,
		caseId: stored.id,
		data: { person: { firstName: 'Olena' } },
	});
	expect(server.emissions.at(-1)?.submissionId).toMatch(/^[0-9a-f-]{36}$/);
}

run('Case Form Trigger in Chromium (n8n sandbox, no CDN)', () => {
	let w: WatchedPage;
	// The server plays the SSO reverse proxy too: it passes the logged-in manager in X-Remote-User.
	const env = formsInChromium(['intake', 'contact'], TEST_PROXY, proxyHeaders('em-caritas-01'));

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

	const storedCases = async () => (await env.core.searchCases(manager)).cases;

	async function openIntake(page: Page) {
		await openForm(page, env.server.url('intake'));
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
		await expectGermanBrowserChecks(page);

		await fillPersonPage(page, 'Olena');
		await next(page);
		await addChild(page, '01.09.2015');
		await next(page);
		await fillUkrainianResidence(page);
		await next(page);

		await form.locator('.formio-component-languages input.form-control').first().fill('Ukrainisch');
		await next(page);

		// Consent: counselling is preselected, today and the logged-in manager are prefilled.
		await expect(
			form.locator('select[name="data[consent][recordedBy]"]').inputValue(),
		).resolves.toBe('em-caritas-01');
		await form.locator('.formio-component-given input[type="checkbox"]').check();
		await form.locator('button.btn-wizard-nav-submit').click();

		await expectConfirmation(
			page,
			/Die Aufnahme von Olena Kovalenko ist gespeichert \(Fallnummer .+\)\. Zuständig: .+, Caritasverband für den Landkreis Emmendingen e\.V\.\n/,
		);
		await page.screenshot({ path: artifactPath('case-form-intake-saved.png'), fullPage: true });

		await expectStoredIntake(env.core, env.server);
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
