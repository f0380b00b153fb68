/**
 * End-to-end: the district workflow templates on a real n8n 2.x (the pinned runtime, see docs/runtime.md).
 * Per district one n8n process: temp user folder, free localhost ports, templates imported with n8n's CLI and
 * published through its REST API, then intake → plan → contact → referral (+ feedback) → closure submitted to
 * the production URLs of the Case Form Triggers over HTTP (as the form page posts, logged in with Basic Auth
 * as a staff member), and the case store (SQLite file of the credential) checked with openStore. n8n is stopped with SIGTERM and must exit cleanly; it must not talk to anything but localhost.
 */
import * as fs from 'node:fs';
import type { Locator } from 'playwright-core';
import { loadShippedProfile } from '../../src/districts/profile';
import { browserAvailable, launchChromium } from '../helpers/browser';
import type { DistrictProfile } from '../../src/generated/types';
import {
	buildPackage,
	closureData,
	API_TOKEN,
	FORM_PASSWORD,
	contactData,
	intakeFor,
	isoDaysAgo,
	planData,
	runtimeReady,
	startDistrict,
	type RunningDistrict,
} from '../helpers/e2e/district-e2e';
import { waitFor } from '../helpers/wait';

jest.setTimeout(120_000);

const actorOf = (profile: DistrictProfile, staffId: string) => {
	const s = profile.staff.find((x) => x.id === staffId);
	if (!s) throw new Error(`no staff ${staffId}`);
	return { staffId: s.id, role: s.role, organisationId: s.organisationId };
};
const coordinator = (profile: DistrictProfile) =>
	actorOf(profile, profile.staff.find((s) => s.role === 'coordinator')!.id);
const served = (profile: DistrictProfile, organisationId?: string) =>
	profile.municipalities.find(
		(m) => m.programme === 'served' && (!organisationId || m.organisationId === organisationId),
	)!;

beforeAll(async () => {
	buildPackage();
	await runtimeReady();
}, 20 * 60_000);

/** The whole case lifecycle through the production webhooks, checked in the store after each step. */
async function lifecycle(
	run: RunningDistrict,
	profile: DistrictProfile,
	municipality: string,
	submittedBy = coordinator(profile),
) {
	const prefix = `${profile.id}-${Date.now()}`;
	const intake = await run.form(
		'aufnahme',
		submittedBy,
		intakeFor(municipality, submittedBy.staffId),
		{ submissionId: `${prefix}-intake` },
	);
	expect(intake).toMatchObject({ ok: true, caseId: expect.any(String) });
	const caseId = intake.caseId!;
	const row = await run.store.db
		.selectFrom('cases')
		.selectAll()
		.where('id', '=', caseId)
		.executeTakeFirstOrThrow();
	expect(row).toMatchObject({
		district_id: profile.id,
		municipality_ags: municipality,
		status: 'intake',
		persons_count: 2,
		minors_count: 1,
	});
	expect(row.organisation_id).toBe(
		profile.municipalities.find((m) => m.ags === municipality)!.organisationId,
	);

	// The same submission again: the first answer, no second case.
	const again = await run.form(
		'aufnahme',
		submittedBy,
		intakeFor(municipality, submittedBy.staffId),
		{ submissionId: `${prefix}-intake` },
	);
	expect(again.caseId).toBe(caseId);
	const count = await run.store.db
		.selectFrom('cases')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('municipality_ags', '=', municipality)
		.executeTakeFirstOrThrow();
	expect(Number(count.n)).toBe(1);

	const manager = actorOf(profile, row.manager_id);
	expect(
		await run.form('integrationsplan', manager, planData(), {
			caseId,
			submissionId: `${prefix}-plan`,
		}),
	).toMatchObject({ ok: true });
	expect(
		await run.form('integrationsplan', manager, planData(isoDaysAgo(85)), {
			caseId,
			submissionId: `${prefix}-plan2`,
		}),
	).toMatchObject({ ok: true });
	expect(
		(
			await run.store.db
				.selectFrom('cases')
				.select('status')
				.where('id', '=', caseId)
				.executeTakeFirstOrThrow()
		).status,
	).toBe('active');
	expect(
		await run.store.db
			.selectFrom('plans')
			.select(['version', 'kind'])
			.where('case_id', '=', caseId)
			.orderBy('version')
			.execute(),
	).toEqual([
		{ version: 1, kind: 'created' },
		{ version: 2, kind: 'continued' },
	]);

	expect(
		await run.form('kontakt', manager, contactData(), {
			caseId,
			submissionId: `${prefix}-contact`,
		}),
	).toMatchObject({ ok: true });
	expect(
		await run.store.db
			.selectFrom('contacts')
			.select(['channel', 'minutes'])
			.where('case_id', '=', caseId)
			.execute(),
	).toEqual([{ channel: 'in_person', minutes: 30 }]);

	const referral = await run.form(
		'weitervermittlung',
		manager,
		{ date: isoDaysAgo(70), serviceId: 'vhs', reason: 'Integrationskurs' },
		{ caseId, submissionId: `${prefix}-referral` },
	);
	expect(referral).toMatchObject({ ok: true });
	const [stored] = await run.store.db
		.selectFrom('referrals')
		.select(['id', 'service_id', 'status'])
		.where('case_id', '=', caseId)
		.execute();
	expect(stored).toMatchObject({ service_id: 'vhs', status: 'open' });
	// The service's feedback (no form: JSON to the workflow's feedback webhook).
	const feedbackBody = {
		actor: manager,
		submissionId: `${prefix}-feedback`,
		data: { referralId: stored.id, status: 'accepted', date: isoDaysAgo(60) },
	};
	expect((await run.submit('weitervermittlung-rueckmeldung', feedbackBody)).status).toBe(403); // no token
	const feedback = await run.submit('weitervermittlung-rueckmeldung', feedbackBody, {
		'x-im-token': API_TOKEN,
	});
	expect(feedback).toMatchObject({ status: 200, json: { referralStatus: 'accepted' } });
	expect(
		(
			await run.store.db
				.selectFrom('referrals')
				.select('status')
				.where('id', '=', stored.id)
				.executeTakeFirstOrThrow()
		).status,
	).toBe('accepted');

	expect(
		await run.form('beendigung', manager, closureData(), {
			caseId,
			submissionId: `${prefix}-closure`,
		}),
	).toMatchObject({ ok: true });
	expect(
		await run.store.db
			.selectFrom('cases')
			.select(['status', 'closed_on'])
			.where('id', '=', caseId)
			.executeTakeFirstOrThrow(),
	).toEqual({ status: 'closed', closed_on: isoDaysAgo(1) });

	// A closed case refuses further documentation, in German, with the stable code.
	const late = await run.form('kontakt', manager, contactData(isoDaysAgo(0)), {
		caseId,
		submissionId: `${prefix}-late`,
	});
	expect(late).toMatchObject({
		ok: false,
		status: 422,
		code: 'CASE_CLOSED',
		message: expect.stringContaining('beendet'),
	});
	return { caseId, manager };
}

async function expectAllPublished(run: RunningDistrict) {
	const listed: { id: string; active: boolean }[] = await run.instance.client.listWorkflows();
	for (const wf of run.instance.workflows)
		expect(listed.find((w) => w.id === wf.id)).toMatchObject({ active: true });
}

async function stopCleanly(run: RunningDistrict | undefined) {
	if (!run) return;
	const exit = await run.stop();
	expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
	expect(exit.stopMs).toBeLessThan(20_000);
	expect(exit.traffic.loaded).toBeGreaterThan(0);
	expect(exit.traffic.nonLocal).toEqual([]);
}

describe('e2e Emmendingen (central model) on a real n8n', () => {
	const profile = loadShippedProfile('emmendingen');
	let run: RunningDistrict | undefined;
	beforeAll(async () => {
		run = await startDistrict('emmendingen');
	}, 5 * 60_000);
	afterAll(() => stopCleanly(run), 60_000);

	it('publishes all templates of the district', async () => {
		expect(run!.instance.workflows.map((w) => w.name).slice(0, 6)).toEqual([
			'Landkreis Emmendingen: Aufnahme',
			'Landkreis Emmendingen: Integrationsplan',
			'Landkreis Emmendingen: Beratungskontakt',
			'Landkreis Emmendingen: Weitervermittlung',
			'Landkreis Emmendingen: Beendigung',
			'Landkreis Emmendingen: Tägliche Erinnerungen',
		]);
		expect(run!.instance.workflows.map((w) => w.name).slice(6)).toEqual([
			'Landkreis Emmendingen: Auswertung für den Zuwendungsgeber (vierteljährlich)',
		]);
		await expectAllPublished(run!);
	});

	it('runs a case from intake to closure through the production webhooks', async () => {
		await lifecycle(run!, profile, served(profile, 'caritas-em').ags);
	});

	it('serves the German intake form to a logged-in staff member, and 401 without login', async () => {
		const url = run!.url('aufnahme');
		const page = await fetch(url, {
			headers: {
				authorization: `Basic ${Buffer.from(`em-koordination:${FORM_PASSWORD}`).toString('base64')}`,
			},
		});
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		const html = await page.text();
		expect(html).toContain('Aufnahme');
		expect(html).toContain(profile.name);
		const anonymous = await fetch(url);
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
	});

	(browserAvailable() ? it : it.skip)(
		'serves the intake form to Chromium at its production URL; the submitted wizard creates the case',
		async () => {
			const session = await launchChromium();
			try {
				const context = await session.browser.newContext({
					locale: 'de-DE',
					timezoneId: 'Europe/Berlin',
					httpCredentials: { username: 'em-caritas-01', password: FORM_PASSWORD },
				});
				const requests: string[] = [];
				const pageErrors: string[] = [];
				context.on('request', (r) => requests.push(r.url()));
				const page = await context.newPage();
				page.on('pageerror', (e) => pageErrors.push(e.message));
				await page.goto(run!.url('aufnahme'));
				await page.waitForSelector('body[data-case-form="ready"]', { timeout: 30_000 });
				const form = page.locator('#case-form');
				const next = () => form.locator('button.btn-wizard-nav-next').click();
				const typeDate = async (field: Locator, text: string) => {
					const input = field.locator('input.form-control:not([type="hidden"])').first();
					await input.click();
					await input.fill('');
					await input.pressSequentially(text);
					await input.press('Tab');
				};
				await form
					.locator('select[name="data[municipality]"]')
					.selectOption({ label: 'Waldkirch, Stadt' });
				await form.locator('input[name="data[person][firstName]"]').fill('Browser');
				await form.locator('input[name="data[person][lastName]"]').fill('Test');
				await typeDate(
					form.locator('.formio-component-person .formio-component-birthDate'),
					'14.06.1988',
				);
				await form
					.locator('.formio-component-gender')
					.getByText('weiblich', { exact: true })
					.click();
				await form
					.locator('select[name="data[person][germanLevel]"]')
					.selectOption({ label: 'A2' });
				await next();
				await next(); // no household members
				await form
					.locator('select[name="data[residence][status]"]')
					.selectOption('refugee_protection');
				await next();
				await form
					.locator('.formio-component-languages input.form-control')
					.first()
					.fill('Arabisch');
				await next();
				await form.locator('.formio-component-given input[type="checkbox"]').check();
				await form.locator('button.btn-wizard-nav-submit').click();
				const done = page.locator('#case-form-done');
				await done.waitFor({ timeout: 20_000 });
				await expect(done.innerText()).resolves.toMatch(
					/Die Aufnahme von Browser Test ist gespeichert \(Fallnummer .+\)\. Zuständig: .+, Caritasverband/,
				);
				const stored = await run!.store.db
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
		const r = run!;
		const c = coordinator(profile);
		const town = served(profile, 'drk-em').ags;
		const fresh = await r.form('aufnahme', c, intakeFor(town, c.staffId, isoDaysAgo(100)), {
			submissionId: 'em-reminder-1',
		});
		const old = await r.form(
			'aufnahme',
			c,
			{
				...intakeFor(town, c.staffId, isoDaysAgo(1050)),
				person: { ...intakeFor(town, c.staffId).person, lastName: 'Langzeit' },
			},
			{ submissionId: 'em-reminder-2' },
		);
		expect([fresh.ok, old.ok]).toEqual([true, true]);
		const managerOf = async (caseId: string) =>
			actorOf(
				profile,
				(
					await r.store.db
						.selectFrom('cases')
						.select('manager_id')
						.where('id', '=', caseId)
						.executeTakeFirstOrThrow()
				).manager_id,
			);
		const manager = await managerOf(fresh.caseId!);
		expect(
			await r.form(
				'integrationsplan',
				manager,
				{ ...planData(), reviewDate: isoDaysAgo(-3) },
				{ caseId: fresh.caseId, submissionId: 'em-reminder-plan' },
			),
		).toMatchObject({ ok: true });
		expect(
			await r.form(
				'weitervermittlung',
				manager,
				{ date: isoDaysAgo(60), serviceId: 'psz', reason: 'Belastung nach der Flucht' },
				{ caseId: fresh.caseId, submissionId: 'em-reminder-ref' },
			),
		).toMatchObject({ ok: true });
		const [referral] = await r.store.db
			.selectFrom('referrals')
			.select('id')
			.where('case_id', '=', fresh.caseId!)
			.execute();
		expect(
			await r.form('integrationsplan', await managerOf(old.caseId!), planData(isoDaysAgo(1000)), {
				caseId: old.caseId,
				submissionId: 'em-reminder-oldplan',
			}),
		).toMatchObject({ ok: true });

		// Publishing again runs the polling trigger once at once (as n8n does on every activation), instead of waiting for 7:00.
		const reminders = r.instance.workflows.find((w) => w.name.endsWith('Tägliche Erinnerungen'))!;
		await r.instance.client.request('POST', `/rest/workflows/${reminders.id}/deactivate`, {});
		await r.instance.client.publishWorkflow(reminders.id);
		const emitted = async () =>
			(
				await r.store.db
					.selectFrom('trigger_emissions')
					.select('event_key')
					.where('trigger_id', 'like', `${reminders.id}:%`)
					.execute()
			)
				.map((e) => e.event_key)
				.sort();
		// Every poll of the trigger leaves one audit row ("<workflow>:<node>: n neue Ereignisse").
		const polls = async () =>
			Number(
				(
					await r.store.db
						.selectFrom('audit_log')
						.select((eb) => eb.fn.countAll<string | number>().as('n'))
						.where('action', '=', 'events.poll')
						.where('detail', 'like', `${reminders.id}:%`)
						.executeTakeFirstOrThrow()
				).n,
			);
		const keys = await waitFor(async () => {
			const found = await emitted();
			return found.length >= 3 ? found : undefined;
		}, 'die Erinnerungen haben drei Ereignisse ausgegeben');
		expect(keys).toEqual([
			expect.stringMatching(new RegExp(`^limitApproaching:${old.caseId}:`)),
			expect.stringMatching(/^planReviewDue:/),
			`referralOverdue:${referral.id}`,
		]);
		// Once only: publishing again polls again (one more audit row) and emits nothing new.
		const pollsBefore = await polls();
		await r.instance.client.request('POST', `/rest/workflows/${reminders.id}/deactivate`, {});
		await r.instance.client.publishWorkflow(reminders.id);
		await waitFor(
			async () => (await polls()) > pollsBefore,
			'der Trigger hat nach dem erneuten Veröffentlichen wieder abgefragt',
		);
		expect(await emitted()).toEqual(keys);
		// n8n ran the workflow (e-mail node disabled without SMTP, so the reminder ends in the execution list).
		const executions = await r.instance.client.request(
			'GET',
			`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: reminders.id }))}`,
		);
		expect(executions.results).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ workflowId: reminders.id, status: 'success' }),
			]),
		);
	});

	it('runs the funder report template in n8n: the files land in the reports folder', async () => {
		const r = run!;
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
		const before = await run!.store.db
			.selectFrom('cases')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const bad = await run!.form('aufnahme', coordinator(profile), {
			...intakeFor(served(profile).ags, 'em-koordination'),
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
		const after = await run!.store.db
			.selectFrom('cases')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});
});

describe('e2e Ortenaukreis (mixed model) on a real n8n', () => {
	const profile = loadShippedProfile('ortenaukreis');
	let run: RunningDistrict | undefined;
	beforeAll(async () => {
		run = await startDistrict('ortenaukreis');
	}, 5 * 60_000);
	afterAll(() => stopCleanly(run), 60_000);

	it('answers an intake from a self-managed municipality with a notice instead of a case', async () => {
		const achern = profile.municipalities.find((m) => m.name === 'Achern, Stadt')!;
		expect(achern.programme).toBe('self_managed');
		const answer = await run!.form(
			'aufnahme',
			coordinator(profile),
			intakeFor(achern.ags, 'og-koordination'),
			{ submissionId: 'og-achern' },
		);
		expect(answer).toMatchObject({
			ok: false,
			code: 'NOT_IN_PROGRAMME',
			message: expect.stringContaining(achern.responsibleNote!),
		});
		expect(answer.message).toMatch(
			/^Achern, Stadt nimmt nicht am Integrationsmanagement von „Ortenaukreis“ teil\./,
		);
		const cases = await run!.store.db
			.selectFrom('cases')
			.select('id')
			.where('municipality_ags', '=', achern.ags)
			.execute();
		expect(cases).toEqual([]);
	});

	it('runs a case of a municipality the district serves from intake to closure', async () => {
		await expectAllPublished(run!);
		await lifecycle(run!, profile, served(profile).ags);
	});
});

describe('e2e Ludwigsburg (provider network) on a real n8n', () => {
	const profile = loadShippedProfile('ludwigsburg');
	let run: RunningDistrict | undefined;
	beforeAll(async () => {
		run = await startDistrict('ludwigsburg');
	}, 5 * 60_000);
	afterAll(() => stopCleanly(run), 60_000);

	it('routes an intake to the provider of its municipality and names it in the answer', async () => {
		await expectAllPublished(run!);
		const caritasTown = served(profile, 'caritas-lb');
		const { caseId, manager } = await lifecycle(run!, profile, caritasTown.ags);
		expect(manager.organisationId).toBe('caritas-lb');
		const row = await run!.store.db
			.selectFrom('cases')
			.select(['organisation_id', 'manager_id'])
			.where('id', '=', caseId)
			.executeTakeFirstOrThrow();
		expect(row.organisation_id).toBe('caritas-lb');
		// The answer of the intake names the provider (checked on a second intake in a DRK municipality).
		const drkTown = served(profile, 'drk-lb');
		const answer = await run!.form(
			'aufnahme',
			coordinator(profile),
			intakeFor(drkTown.ags, 'lb-koordination'),
			{ submissionId: 'lb-drk' },
		);
		expect(answer.ok).toBe(true);
		expect(answer.message).toContain(profile.organisations.find((o) => o.id === 'drk-lb')!.name);
		const drkCase = await run!.store.db
			.selectFrom('cases')
			.select('organisation_id')
			.where('id', '=', answer.caseId!)
			.executeTakeFirstOrThrow();
		expect(drkCase.organisation_id).toBe('drk-lb');
		// In n8n, the Switch "An Träger weiterleiten" sent each intake down its provider's branch (executions are saved just after the answer).
		const intakeWorkflow = run!.instance.workflows.find((w) => w.name.endsWith(': Aufnahme'))!;
		const branches = async () => {
			const list = await run!.instance.client.request(
				'GET',
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: intakeWorkflow.id }))}`,
			);
			const found: string[] = [];
			for (const e of list.results as { id: string; status: string }[]) {
				if (e.status !== 'success') continue;
				const execution = await run!.instance.client.request('GET', `/rest/executions/${e.id}`);
				found.push(
					...new Set(JSON.stringify(execution.data).match(/Träger informieren: [^\\"]+/g) ?? []),
				);
			}
			return found.sort();
		};
		const seen = await waitFor(
			async () => {
				const found = await branches();
				return found.includes('Träger informieren: DRK-Kreisverband Ludwigsburg')
					? found
					: undefined;
			},
			'n8n hat die Ausführung des DRK-Zweigs gespeichert',
			{ intervalMs: 250 },
		);
		expect(new Set(seen)).toEqual(
			new Set([
				'Träger informieren: Caritas Ludwigsburg-Waiblingen-Enz',
				'Träger informieren: DRK-Kreisverband Ludwigsburg',
			]),
		);
	});

	it('refuses an intake by a manager of another provider than the municipality’s', async () => {
		const awoManager = actorOf(
			profile,
			profile.staff.find((s) => s.role === 'manager' && s.organisationId === 'awo-lb')!.id,
		);
		const answer = await run!.form(
			'aufnahme',
			awoManager,
			intakeFor(served(profile, 'kdv-lb').ags, awoManager.staffId),
			{ submissionId: 'lb-awo-wrong' },
		);
		expect(answer).toMatchObject({
			ok: false,
			code: 'FORBIDDEN',
			message: expect.stringContaining('nicht zum zuständigen Träger'),
		});
	});

	it('answers a self-managed town with a notice', async () => {
		const town = profile.municipalities.find((m) => m.programme !== 'served')!;
		const answer = await run!.form(
			'aufnahme',
			coordinator(profile),
			intakeFor(town.ags, 'lb-koordination'),
		);
		expect(answer).toMatchObject({
			ok: false,
			code: 'NOT_IN_PROGRAMME',
			message: expect.stringContaining(town.responsibleNote ?? 'nimmt nicht'),
		});
	});
});
