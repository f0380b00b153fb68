/**
 * End-to-end: Landkreis Emmendingen (central model) on a real n8n 2.x (the pinned runtime, see docs/runtime.md).
 * One n8n process for the suite: temp user folder, free localhost ports, the district's templates imported with
 * n8n's CLI and published through its REST API. A case from intake to closure submitted to the production URLs of
 * the Case Form Triggers over HTTP (as the form page posts, logged in with Basic Auth as a staff member), the form
 * page itself (with and without login, in Chromium), an invalid intake, the daily reminders and the funder report;
 * the case store (SQLite file of the credential) checked with openStore. n8n is stopped with SIGTERM and must exit
 * cleanly; it must not talk to anything but localhost.
 */
import * as fs from 'node:fs';
import { browserAvailable, launchChromium } from '../helpers/browser';
import { intakeFor } from '../helpers/e2e/district-e2e';
import { districtSuite } from '../helpers/e2e/district-suite';
import { fillIntakeWizard, openIntakeForm } from '../helpers/e2e/intake-wizard';
import { executionsOf, publishAgain } from '../helpers/e2e/n8n-executions';
import { emittedKeys, pollCount, reminderCases } from '../helpers/e2e/reminder-cases';
import { waitFor } from '../helpers/wait';

describe('e2e Emmendingen (central model) on a real n8n', () => {
	const em = districtSuite('emmendingen');

	it('publishes all templates of the district', async () => {
		expect(em.run.instance.workflows.map((w) => w.name).slice(0, 7)).toEqual([
			'Landkreis Emmendingen: Aufnahme',
			'Landkreis Emmendingen: Integrationsplan',
			'Landkreis Emmendingen: Beratungskontakt',
			'Landkreis Emmendingen: Weitervermittlung',
			'Landkreis Emmendingen: Beendigung',
			'Landkreis Emmendingen: Tägliche Erinnerungen',
			'Landkreis Emmendingen: Arbeitsplatz',
		]);
		expect(em.run.instance.workflows.map((w) => w.name).slice(7)).toEqual([
			'Landkreis Emmendingen: Auswertung für den Zuwendungsgeber (vierteljährlich)',
		]);
		await em.expectAllPublished();
	});

	it('runs a case from intake to closure through the production webhooks', async () => {
		await em.lifecycle(em.served('caritas-em').ags);
	});

	it('serves the German intake form to a signed-in staff member, and the sign-in page (401) without', async () => {
		const url = em.run.url('aufnahme');
		const { cookie } = await em.run.signIn('em-koordination');
		const page = await fetch(url, { headers: { cookie } });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		const html = await page.text();
		expect(html).toContain('Aufnahme');
		expect(html).toContain(em.profile.name);
		// The start page of the workplace (template Arbeitsplatz) in the same folder takes the same session.
		const cases = await fetch(em.run.url('faelle'), { headers: { cookie } });
		expect(cases.status).toBe(200);
		expect(await cases.text()).toContain('Fälle des Kreises');
		const anonymous = await fetch(url);
		expect(anonymous.status).toBe(401);
		const signInPage = await anonymous.text();
		expect(signInPage).toContain('Kennung oder dienstliche E-Mail-Adresse');
		expect(signInPage).not.toContain('case-form-boot');
	});

	(browserAvailable() ? it : it.skip)(
		'serves the intake form to Chromium at its production URL; the submitted wizard creates the case',
		async () => {
			await em.run.signIn('em-caritas-01'); // her own password is set (invitation)
			const session = await launchChromium();
			try {
				const { context, page, requests, pageErrors } = await openIntakeForm(
					session,
					em.run.url('aufnahme'),
					'em-caritas-01',
				);
				const form = page.locator('#case-form');
				await fillIntakeWizard(form);
				await form.locator('button.btn-wizard-nav-submit').click();
				const done = page.locator('#case-form-done');
				await done.waitFor({ timeout: 20_000 });
				await expect(done.innerText()).resolves.toMatch(
					/Die Aufnahme von Browser Test ist gespeichert \(Fallnummer .+\)\. Zuständig: .+, Caritasverband/,
				);
				const stored = await em.run.store.db
					.selectFrom('cases')
					.select(['organisation_id', 'created_by', 'status'])
					.where('search_name', 'like', '%browser%')
					.execute();
				expect(stored).toEqual([
					{ organisation_id: 'caritas-em', created_by: 'em-caritas-01', status: 'intake' },
				]);
				expect(pageErrors).toEqual([]);
				expect(
					requests.filter(
						(u) => !/^(data:|blob:|about:)/.test(u) && new URL(u).hostname !== '127.0.0.1',
					),
				).toEqual([]);
				await context.close();
			} finally {
				await session.close();
			}
		},
	);

	it('reminds once of a due plan review, an overdue referral and the approaching 3-year limit (Tägliche Erinnerungen)', async () => {
		const r = em.run;
		const { oldCaseId, referralId } = await reminderCases(r, em.profile);

		// Publishing again runs the polling trigger once at once (as n8n does on every activation), instead of waiting for 7:00.
		const reminders = r.instance.workflows.find((w) => w.name.endsWith('Tägliche Erinnerungen'))!;
		await publishAgain(r, reminders.id);
		const keys = await waitFor(async () => {
			const found = await emittedKeys(r, reminders.id);
			return found.length >= 3 ? found : undefined;
		}, 'die Erinnerungen haben drei Ereignisse ausgegeben');
		expect(keys).toEqual([
			expect.stringMatching(new RegExp(`^limitApproaching:${oldCaseId}:`)),
			expect.stringMatching(/^planReviewDue:/),
			`referralOverdue:${referralId}`,
		]);
		// Once only: publishing again polls again (one more audit row) and emits nothing new.
		const pollsBefore = await pollCount(r, reminders.id);
		await publishAgain(r, reminders.id);
		await waitFor(
			async () => (await pollCount(r, reminders.id)) > pollsBefore,
			'der Trigger hat nach dem erneuten Veröffentlichen wieder abgefragt',
		);
		expect(await emittedKeys(r, reminders.id)).toEqual(keys);
		// n8n ran the workflow (e-mail node disabled without SMTP, so the reminder ends in the execution list).
		const executions = await executionsOf(r, reminders.id);
		expect(executions.results).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ workflowId: reminders.id, status: 'success' }),
			]),
		);
	});

	it('runs the funder report template in n8n: the files land in the reports folder', async () => {
		const r = em.run;
		const report = r.instance.workflows.find((w) => w.name.includes('Zuwendungsgeber'))!;
		const template = await r.instance.client.request('GET', `/rest/workflows/${report.id}`);
		// The same workflow, started by a webhook instead of the quarterly schedule.
		const schedule = template.nodes.find(
			(n: { type: string }) => n.type === 'n8n-nodes-base.scheduleTrigger',
		);
		const hook = {
			id: 'e2e0e2e0-0000-4000-8000-000000000001',
			name: 'Jetzt auswerten',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			position: schedule.position,
			webhookId: 'e2e0e2e0-0000-4000-8000-0000000000aa',
			parameters: {
				httpMethod: 'POST',
				path: 'e2e-bericht',
				responseMode: 'lastNode',
				options: {},
			},
		};
		const nodes = [
			...template.nodes.filter((n: { name: string }) => n.name !== schedule.name),
			hook,
		];
		const connections = {
			...template.connections,
			[hook.name]: template.connections[schedule.name],
		};
		delete connections[schedule.name];
		const created = await r.instance.client.request('POST', '/rest/workflows', {
			name: 'E2E: Bericht jetzt',
			nodes,
			connections,
			settings: template.settings,
		});
		await r.instance.client.request('POST', `/rest/workflows/${created.id}/activate`, {
			versionId: created.versionId,
		});
		const response = await fetch(`${r.instance.baseUrl}/webhook/e2e-bericht`, { method: 'POST' });
		expect(response.status).toBe(200);
		const files = fs.readdirSync(r.instance.reportsDir);
		expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
		expect(files.length).toBeGreaterThanOrEqual(2);
	});

	it('answers an invalid intake with 422 and German field errors, and stores nothing', async () => {
		const before = await em.run.store.db
			.selectFrom('cases')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const bad = await em.run.form('aufnahme', em.coordinator(), {
			...intakeFor(em.served().ags, 'em-koordination'),
			person: { firstName: 'X' },
		});
		expect(bad).toMatchObject({
			ok: false,
			status: 422,
			message: expect.stringContaining('Aufnahme unvollständig oder fehlerhaft.'),
		});
		expect(bad.errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					path: expect.stringMatching(/person.lastName$/),
					message: 'Bitte ausfüllen.',
				}),
			]),
		);
		const after = await em.run.store.db
			.selectFrom('cases')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});
});
