import { today } from '../../src/clock';
import { addDays, germanDate } from '../../src/lifecycle/dates';
import { actorFor, emmendingen, validIntake, validPlan } from '../helpers/fixtures';
import { artifactPath, browserAvailable, watchedPage } from '../helpers/browser';
import { expectConfirmation, formsInChromium, openForm, typeDate } from '../helpers/chromium-forms';
import { proxyHeaders, TEST_PROXY } from '../helpers/sign-in';

// The contact and plan forms in Debian's Chromium, opened for a case and prefilled from the store, served through
// the Case Form Trigger's handlers under n8n's HTML sandbox policy (opaque origin), with a real SQLite store.
const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(90_000);

const manager = actorFor(emmendingen(), 'em-caritas-01');

run('Case forms in Chromium opened for a case (prefilled from the store)', () => {
	const env = formsInChromium(['contact', 'plan'], TEST_PROXY, proxyHeaders('em-caritas-01'));

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
		await openForm(page, env.server.url('contact', `?case=${created.case.id}`));
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
		await expectConfirmation(
			page,
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
		await openForm(page, env.server.url('plan', `?case=${created.case.id}`));
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
		await expectConfirmation(page, /Der Integrationsplan ist fortgeschrieben \(Fassung 2\)\./);
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
