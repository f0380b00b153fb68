import type { DistrictProfile } from '../../src/generated/types';
import { createCore } from '../../src/core';
import { handleFormRequest } from '../../src/forms/handlers';
import { validIntake } from '../helpers/fixtures';
import { body, bootOf, formHandlerSuite, manager, profile, proxy } from '../helpers/form-handlers';
import { proxyPostHeaders } from '../helpers/sign-in';

const suite = formHandlerSuite();

const auditRows = () =>
	suite.store.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

describe('Case Form Trigger handlers: pages, login, intake', () => {
	it('serves the listed assets to anyone (CORS for the sandbox) and nothing else', async () => {
		const css = await suite.get('intake', { asset: 'formio.full.min.css' }, {});
		expect(css.status).toBe(200);
		expect(css.headers).toMatchObject({
			'Content-Type': 'text/css; charset=utf-8',
			'Access-Control-Allow-Origin': '*',
		});
		expect(String(css.body)).toContain('url(?asset=bootstrap-icons.woff2)');
		expect(String(css.body)).not.toMatch(/cdn\.form\.io|url\(fonts\//);
		const zones = await suite.get(
			'intake',
			{ asset: 'cdn/moment-timezone/data/packed/latest.json' },
			{},
		);
		expect(JSON.parse(String(zones.body)).zones.map((z: string) => z.split('|')[0])).toEqual([
			'Europe/Berlin',
			'Etc/UTC',
		]);
		for (const name of ['../../package.json', 'formio.full.min.js', '/etc/passwd'])
			expect((await suite.get('intake', { asset: name }, {})).status).toBe(404);
	});

	it('serves the intake page in German with the profile choices, the logged-in manager and a strict CSP', async () => {
		const page = await suite.get('intake');
		expect(page.status).toBe(200);
		expect(page.headers['Content-Security-Policy']).toMatch(/script-src 'self';/);
		expect(page.headers['Content-Security-Policy']).not.toMatch(/unsafe-eval/);
		expect(String(page.body)).toContain('<html lang="de">');
		expect(String(page.body)).toContain('angemeldet: Timo Quast');
		expect(String(page.body)).not.toMatch(/https?:\/\//); // every asset is relative (?asset=…)
		const boot = bootOf(page.body);
		expect(boot.i18n.submit).toBe('Speichern');
		expect(boot.data).toEqual({
			intakeDate: '2025-06-02',
			consent: { date: '2025-06-02', recordedBy: 'em-caritas-01', purposes: { counselling: true } },
		});
		expect(boot.submissionId).toMatch(/^[0-9a-f-]{36}$/);
		const municipality = boot.form.components[0].components[0].columns[1].components[0];
		expect(municipality.data.values).toHaveLength(24);
		expect(municipality.data.values).toContainEqual({
			label: 'Waldkirch, Stadt',
			value: '08316056',
		});
	});

	it('answers 401 in German without the proxy secret and never shows the form or stores', async () => {
		const none = await suite.get('intake', {}, {});
		expect(none.status).toBe(401);
		expect(String(none.body)).toMatch(/Proxy-Geheimnis fehlt oder ist falsch/);
		expect(String(none.body)).not.toContain('case-form-boot');
		// Sent straight to n8n, a header naming the coordinator is worth nothing without the proxy's secret.
		const forged = await suite.get('intake', {}, { 'x-remote-user': 'em-koordination' });
		expect(forged.status).toBe(401);
		const wrongSecret = { 'x-remote-user': 'em-koordination', 'x-proxy-secret': 'geraten' };
		expect((await suite.get('intake', {}, wrongSecret)).status).toBe(401);
		expect((await suite.get('intake', {}, proxy('jemand-fremdes'))).status).toBe(401);
		const posted = await suite.post('intake', validIntake(), { staffId: 'jemand-fremdes' });
		expect(posted.response.status).toBe(403);
		expect(body(posted.response).message).toBe(
			'Die Übermittlung enthält kein Sitzungs-Token. Bitte die Seite neu laden.',
		);
		expect(posted.emission).toBeUndefined();
		const audit = await auditRows();
		expect(audit.map((r) => [r.action, r.actor_id, r.outcome])).toEqual([
			['auth.proxy', 'unbekannt', 'denied'],
			['auth.proxy', 'em-koordination', 'denied'],
			['auth.proxy', 'em-koordination', 'denied'],
			['auth.proxy', 'jemand-fremdes', 'denied'],
			['auth.request', 'unbekannt', 'denied'],
		]);
		expect(JSON.stringify(audit)).not.toContain('geraten');
		expect((await suite.core.searchCases(manager)).total).toBe(0);
	});

	it('stores a valid intake once per submission id and hands data, actor and submission id to the workflow', async () => {
		const first = await suite.post(
			'intake',
			{ ...validIntake(), submit: true },
			{ submissionId: 'form-1' },
		);
		expect(first.response.status).toBe(200);
		expect(body(first.response).message).toMatch(
			/^Die Aufnahme von Amina Haddad ist gespeichert \(Fallnummer .+\)\. Zuständig: /,
		);
		expect(first.emission).toMatchObject({
			kind: 'intake',
			actor: manager,
			submissionId: 'form-1',
			data: { person: { firstName: 'Amina' } },
		});
		expect(first.emission?.data).not.toHaveProperty('submit');
		const again = await suite.post('intake', validIntake(), { submissionId: 'form-1' });
		expect(again.response.status).toBe(200);
		expect(body(again.response)).toMatchObject({
			caseId: body(first.response).caseId,
			replayed: true,
		});
		// The repeat starts no second workflow run (no second notification).
		expect(again.emission).toBeUndefined();
		expect((await suite.core.searchCases(manager)).total).toBe(1);
	});

	it('answers invalid input with 422 and German messages per Form.io field, storing nothing', async () => {
		const intake = validIntake() as any;
		intake.person.firstName = '';
		intake.household[2].birthDate = '2019-02-11T00:00:00+01:00';
		intake.household[1].relationship = '';
		const result = await suite.post('intake', intake, { origin: 'null' });
		expect(result.response.status).toBe(422);
		// From the sandbox (Origin: null) the page may read the answer.
		expect(result.response.headers).toMatchObject({
			'Access-Control-Allow-Origin': 'null',
			'Access-Control-Allow-Credentials': 'true',
		});
		expect(body(result.response)).toEqual({
			message: 'Aufnahme unvollständig oder fehlerhaft. Bitte die markierten Angaben korrigieren.',
			errors: [
				{ path: 'person.firstName', field: 'Person – Vorname', message: 'Bitte ausfüllen.' },
				{
					path: 'household[1].relationship',
					field: 'Haushaltsmitglieder Nr. 2 – Beziehung zur beratenen Person',
					message: 'Bitte ausfüllen.',
				},
			],
		});
		expect(result.emission).toBeUndefined();
		expect((await suite.core.searchCases(manager)).total).toBe(0);
		// The refusal is one audit row naming the fields, not what was typed into them.
		const [refusal] = (await auditRows()).filter((r) => r.action === 'form.intake');
		expect(refusal).toMatchObject({ actor_id: 'em-caritas-01', outcome: 'rejected' });
		expect(refusal.detail).toContain('person.firstName');
		expect(refusal.detail).not.toContain('2019-02-11T00:00:00');
	});

	it("puts the core's refusals at the field they concern (routing, dates) or at the form", async () => {
		const municipalities = profile.municipalities.map((m) =>
			m.ags === '08316056'
				? {
						...m,
						programme: 'self_managed' as const,
						organisationId: undefined,
						responsibleNote: 'Die Stadt Waldkirch berät selbst.',
					}
				: m,
		);
		const selfManaged = createCore({
			store: suite.store.store,
			profile: { ...profile, municipalities } as DistrictProfile,
			clock: suite.clock,
		});
		const refused = await handleFormRequest(
			{ ...suite.config('intake'), core: selfManaged },
			{
				method: 'POST',
				query: {},
				headers: await proxyPostHeaders(selfManaged, 'em-caritas-01'),
				body: { payload: JSON.stringify({ data: validIntake() }) },
			},
		);
		expect(refused.response.status).toBe(422);
		expect(body(refused.response)).toMatchObject({
			code: 'NOT_IN_PROGRAMME',
			errors: [
				{
					path: 'municipality',
					message: expect.stringMatching(/Die Stadt Waldkirch berät selbst\./),
				},
			],
		});
		const future = await suite.post('intake', validIntake({ intakeDate: '2025-07-01' }));
		expect(body(future.response).errors).toEqual([
			{
				path: 'intakeDate',
				field: 'Datum der Aufnahme',
				message: 'Das Datum 01.07.2025 liegt in der Zukunft.',
			},
		]);
	});

	it('answers other methods with 405 and a broken body with 400', async () => {
		expect(
			(
				await handleFormRequest(suite.config('intake'), {
					method: 'DELETE',
					query: {},
					headers: {},
				})
			).response.status,
		).toBe(405);
		const broken = await handleFormRequest(suite.config('intake'), {
			method: 'POST',
			query: {},
			headers: await proxyPostHeaders(suite.core, 'em-caritas-01'),
			body: '{kaputt',
		});
		expect(broken.response.status).toBe(400);
		expect((await auditRows()).map((r) => [r.action, r.outcome])).toEqual([
			['auth.session.start', 'ok'],
			['form.intake', 'rejected'],
		]);
	});
});
