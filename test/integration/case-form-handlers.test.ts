import { createCore, type Core } from '../../src/core';
import { fixedClock } from '../../src/clock';
import type { DistrictProfile } from '../../src/generated/types';
import { handleFormRequest, type FormHandlerConfig, type FormRequest } from '../../src/forms/handlers';
import type { FormKind } from '../../src/forms/form-definitions';
import { freshStore, type TestStore } from '../helpers/stores';
import { actorFor, emmendingen, validClosure, validContact, validIntake, validPlan } from '../helpers/fixtures';

// The handlers the Case Form Trigger's webhook() calls, against a real SQLite store and the real core.
const profile = emmendingen();
const manager = actorFor(profile, 'em-caritas-01');
const proxy = (staffId: string) => ({ 'x-remote-user': staffId });

let store: TestStore;
let core: Core;
const clock = fixedClock('2025-06-02T10:00:00+02:00');

beforeEach(async () => {
	store = await freshStore('SQLite');
	clock.set('2025-06-02T10:00:00+02:00');
	core = createCore({ store: store.store, profile, clock });
});
afterEach(() => store.dispose());

function config(kind: FormKind, extra: Partial<FormHandlerConfig> = {}): FormHandlerConfig {
	return { core, kind, auth: { mode: 'trustedHeader', headerName: 'X-Remote-User' }, save: true, ...extra };
}

const get = (kind: FormKind, query: Record<string, string> = {}, headers: FormRequest['headers'] = proxy('em-caritas-01'), extra: Partial<FormHandlerConfig> = {}) =>
	handleFormRequest(config(kind, extra), { method: 'GET', query, headers }).then((r) => r.response);

/** Posts like the page does: form-encoded `payload=<json>`. */
function post(kind: FormKind, data: unknown, options: { query?: Record<string, string>; staffId?: string; submissionId?: string; extra?: Partial<FormHandlerConfig>; origin?: string } = {}) {
	const body = new URLSearchParams({ payload: JSON.stringify({ data, submissionId: options.submissionId ?? `sub-${Math.random().toString(36).slice(2)}` }) }).toString();
	const headers = { ...proxy(options.staffId ?? 'em-caritas-01'), ...(options.origin ? { origin: options.origin } : {}) };
	return handleFormRequest(config(kind, options.extra), { method: 'POST', query: options.query ?? {}, headers, body });
}

/** The boot data embedded in a served page. */
function bootOf(html: string | Buffer): { form: any; data: any; submissionId: string; i18n: Record<string, string> } {
	const json = /<script type="application\/json" id="case-form-boot">(.*?)<\/script>/s.exec(String(html))?.[1];
	if (!json) throw new Error('no boot data in page');
	return JSON.parse(json);
}

const body = (r: { body: string | Buffer }) => JSON.parse(String(r.body));

async function createdCase(intake = validIntake()) {
	return (await core.createCase(manager, { intake })).case;
}

describe('Case Form Trigger handlers', () => {
	it('serves the listed assets to anyone (CORS for the sandbox) and nothing else', async () => {
		const css = await get('intake', { asset: 'formio.full.min.css' }, {});
		expect(css.status).toBe(200);
		expect(css.headers).toMatchObject({ 'Content-Type': 'text/css; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
		expect(String(css.body)).toContain('url(?asset=bootstrap-icons.woff2)');
		expect(String(css.body)).not.toMatch(/cdn\.form\.io|url\(fonts\//);
		const zones = await get('intake', { asset: 'cdn/moment-timezone/data/packed/latest.json' }, {});
		expect(JSON.parse(String(zones.body)).zones.map((z: string) => z.split('|')[0])).toEqual(['Europe/Berlin', 'Etc/UTC']);
		for (const name of ['../../package.json', 'formio.full.min.js', '/etc/passwd']) expect((await get('intake', { asset: name }, {})).status).toBe(404);
	});

	it('serves the intake page in German with the profile choices, the logged-in manager and a strict CSP', async () => {
		const page = await get('intake');
		expect(page.status).toBe(200);
		expect(page.headers['Content-Security-Policy']).toMatch(/script-src 'self';/);
		expect(page.headers['Content-Security-Policy']).not.toMatch(/unsafe-eval/);
		expect(String(page.body)).toContain('<html lang="de">');
		expect(String(page.body)).toContain('angemeldet: Timo Quast');
		expect(String(page.body)).not.toMatch(/https?:\/\//); // every asset is relative (?asset=…)
		const boot = bootOf(page.body);
		expect(boot.i18n.submit).toBe('Speichern');
		expect(boot.data).toEqual({ intakeDate: '2025-06-02', consent: { date: '2025-06-02', recordedBy: 'em-caritas-01', purposes: { counselling: true } } });
		expect(boot.submissionId).toMatch(/^[0-9a-f-]{36}$/);
		const municipality = boot.form.components[0].components[0].columns[1].components[0];
		expect(municipality.data.values).toHaveLength(24);
		expect(municipality.data.values).toContainEqual({ label: 'Waldkirch, Stadt', value: '08316056' });
	});

	it('answers 401 in German without a login and never shows the form', async () => {
		const page = await get('intake', {}, {});
		expect(page.status).toBe(401);
		expect(String(page.body)).toMatch(/Keine Anmeldung: der Anmelde-Proxy hat den Header „X-Remote-User“ nicht gesetzt\./);
		expect(String(page.body)).not.toContain('case-form-boot');
		const basic = await get('intake', {}, {}, { auth: { mode: 'basicAuth', password: 'lange-geheime-phrase' } });
		expect(basic.status).toBe(401);
		expect(basic.headers['WWW-Authenticate']).toMatch(/^Basic realm=/);
		const posted = await post('intake', validIntake(), { staffId: 'jemand-fremdes' });
		expect(posted.response.status).toBe(401);
		expect(posted.emission).toBeUndefined();
		expect((await core.searchCases(manager)).total).toBe(0);
	});

	it('stores a valid intake once per submission id and hands data, actor and submission id to the workflow', async () => {
		const first = await post('intake', { ...validIntake(), submit: true }, { submissionId: 'form-1' });
		expect(first.response.status).toBe(200);
		expect(body(first.response).message).toMatch(/^Die Aufnahme von Amina Haddad ist gespeichert \(Fallnummer .+\)\. Zuständig: /);
		expect(first.emission).toMatchObject({ kind: 'intake', actor: manager, submissionId: 'form-1', data: { person: { firstName: 'Amina' } } });
		expect(first.emission?.data).not.toHaveProperty('submit');
		const again = await post('intake', validIntake(), { submissionId: 'form-1' });
		expect(again.response.status).toBe(200);
		expect(body(again.response)).toMatchObject({ caseId: body(first.response).caseId, replayed: true });
		// The repeat starts no second workflow run (no second notification).
		expect(again.emission).toBeUndefined();
		expect((await core.searchCases(manager)).total).toBe(1);
	});

	it('answers invalid input with 422 and German messages per Form.io field, storing nothing', async () => {
		const intake = validIntake() as any;
		intake.person.firstName = '';
		intake.household[2].birthDate = '2019-02-11T00:00:00+01:00';
		intake.household[1].relationship = '';
		const result = await post('intake', intake, { origin: 'null' });
		expect(result.response.status).toBe(422);
		// From the sandbox (Origin: null) the page may read the answer.
		expect(result.response.headers).toMatchObject({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' });
		expect(body(result.response)).toEqual({
			message: 'Aufnahme unvollständig oder fehlerhaft. Bitte die markierten Angaben korrigieren.',
			errors: [
				{ path: 'person.firstName', field: 'Person – Vorname', message: 'Bitte ausfüllen.' },
				{ path: 'household[1].relationship', field: 'Haushaltsmitglieder Nr. 2 – Beziehung zur beratenen Person', message: 'Bitte ausfüllen.' },
			],
		});
		expect(result.emission).toBeUndefined();
		expect((await core.searchCases(manager)).total).toBe(0);
	});

	it('puts the core\'s refusals at the field they concern (routing, dates) or at the form', async () => {
		const municipalities = profile.municipalities.map((m) => (m.ags === '08316056' ? { ...m, programme: 'self_managed' as const, organisationId: undefined, responsibleNote: 'Die Stadt Waldkirch berät selbst.' } : m));
		const selfManaged = createCore({ store: store.store, profile: { ...profile, municipalities } as DistrictProfile, clock });
		const refused = await handleFormRequest({ ...config('intake'), core: selfManaged }, { method: 'POST', query: {}, headers: proxy('em-caritas-01'), body: { payload: JSON.stringify({ data: validIntake() }) } });
		expect(refused.response.status).toBe(422);
		expect(body(refused.response)).toMatchObject({ code: 'NOT_IN_PROGRAMME', errors: [{ path: 'municipality', message: expect.stringMatching(/Die Stadt Waldkirch berät selbst\./) }] });
		const future = await post('intake', validIntake({ intakeDate: '2025-07-01' }));
		expect(body(future.response).errors).toEqual([{ path: 'intakeDate', field: 'Datum der Aufnahme', message: 'Das Datum 01.07.2025 liegt in der Zukunft.' }]);
	});

	it('prefills the case forms only within the actor\'s scope', async () => {
		const c = await createdCase();
		expect((await get('contact')).status).toBe(404);
		expect(String((await get('contact')).body)).toMatch(/Bitte über den Link aus der Fallakte öffnen/);
		const other = await get('contact', { case: c.id }, proxy('em-lra-01'));
		expect(other.status).toBe(403);
		expect(String(other.body)).not.toContain('Haddad');
		expect((await get('contact', { case: 'gibt-es-nicht' })).status).toBe(404);
		const own = await get('contact', { case: c.id });
		expect(String(own.body)).toContain('Fall: Haddad, Amina (geb. 14.06.1988) · Aufnahme am 03.03.2025 · Aufnahme');
		expect(bootOf(own.body).data).toEqual({ caseInfo: { caseId: c.id, version: 1, justificationNeeded: false }, date: '2025-06-02' });
		// The coordinator reads the case but documents nothing.
		expect((await get('contact', { case: c.id }, proxy('em-koordination'))).status).toBe(200);
		const denied = await post('contact', validContact('2025-06-01'), { query: { case: c.id }, staffId: 'em-koordination' });
		expect(denied.response.status).toBe(403);
	});

	it('creates the integration plan, then prefills the current plan for continuing it', async () => {
		const c = await createdCase();
		expect(bootOf((await get('plan', { case: c.id })).body).data).toMatchObject({ planDate: '2025-06-02' });
		const created = await post('plan', { ...validPlan('2025-05-20', '2025-11-20'), caseInfo: { version: 1 } }, { query: { case: c.id } });
		expect(body(created.response).message).toBe('Der Integrationsplan ist erstellt. Nächste Überprüfung: 20.11.2025.');
		const page = await get('plan', { case: c.id });
		expect(String(page.body)).toContain('Fortschreibung von Fassung 1');
		const boot = bootOf(page.body);
		expect(boot.data.goals).toEqual(validPlan().goals);
		expect(boot.data).not.toHaveProperty('reviewDate');
		const continued = await post('plan', { ...boot.data, reviewDate: '2025-12-01' }, { query: { case: c.id } });
		expect(body(continued.response).message).toBe('Der Integrationsplan ist fortgeschrieben (Fassung 2). Nächste Überprüfung: 01.12.2025.');
		expect((await core.getPlan(manager, c.id)).versions.map((v) => v.version)).toEqual([1, 2]);
		// A page built from an older case version is a conflict, not a silent overwrite.
		const stale = await post('plan', { ...boot.data, reviewDate: '2025-12-01' }, { query: { case: c.id } });
		expect(stale.response.status).toBe(409);
	});

	it('asks for and records the justification when counselling goes beyond 3 years', async () => {
		const c = await createdCase();
		clock.set('2028-04-10T10:00:00+02:00');
		const boot = bootOf((await get('contact', { case: c.id })).body);
		expect(boot.data.caseInfo.justificationNeeded).toBe(true);
		const without = await post('contact', { ...validContact('2028-04-09'), caseInfo: boot.data.caseInfo }, { query: { case: c.id } });
		expect(without.response.status).toBe(422);
		expect(body(without.response)).toMatchObject({ code: 'JUSTIFICATION_REQUIRED', errors: [{ path: '', field: 'Beratungskontakt' }] });
		const tooShort = await post('contact', { ...validContact('2028-04-09'), extensionJustification: { reason: 'kurz', date: '2028-04-09' } }, { query: { case: c.id } });
		expect(body(tooShort.response).errors).toEqual([{ path: 'extensionJustification.reason', field: 'Begründung für Beratung über 3 Jahre – Begründung', message: 'Bitte mindestens 20 Zeichen eingeben.' }]);
		const withReason = await post(
			'contact',
			{ ...validContact('2028-04-09'), caseInfo: boot.data.caseInfo, extensionJustification: { reason: 'Ausbildung endet im Sommer 2028, Begleitung bis zur Prüfung nötig.', date: '2028-04-09T00:00:00+02:00' } },
			{ query: { case: c.id } },
		);
		expect(withReason.response.status).toBe(200);
		expect((await core.getCase(manager, c.id)).extension).toEqual({ reason: 'Ausbildung endet im Sommer 2028, Begleitung bis zur Prüfung nötig.', date: '2028-04-09' });
		expect(await core.listContacts(manager, c.id)).toHaveLength(1);
		expect(bootOf((await get('contact', { case: c.id })).body).data.caseInfo.justificationNeeded).toBe(false);
	});

	it('refers to a service of the profile and closes with outcomes prefilled from the case file', async () => {
		const c = await createdCase(validIntake({ accommodation: 'own_tenancy' }));
		const unknown = await post('referral', { date: '2025-05-02', serviceId: 'gibt-es-nicht', reason: 'Traumaberatung' }, { query: { case: c.id } });
		expect(body(unknown.response)).toMatchObject({ code: 'UNKNOWN_SERVICE', errors: [{ path: 'serviceId' }] });
		const referral = await post('referral', { date: '2025-05-02', serviceId: 'psz', reason: 'Traumaberatung' }, { query: { case: c.id } });
		expect(body(referral.response).message).toBe('Die Weitervermittlung an „Psychosoziales Zentrum für Geflüchtete“ vom 02.05.2025 ist gespeichert.');
		const boot = bootOf((await get('closure', { case: c.id })).body);
		expect(boot.data.outcomes).toEqual({ ownTenancy: true, germanLevel: 'A2', employmentSocialInsurance: false, trainingInternshipStudy: false });
		const closed = await post('closure', { ...validClosure('2025-06-01'), caseInfo: boot.data.caseInfo }, { query: { case: c.id } });
		expect(body(closed.response).message).toBe('Der Fall ist zum 01.06.2025 beendet (selbständig (nutzt die Regeldienste eigenständig)).');
		expect((await core.getCase(manager, c.id)).status).toBe('closed');
	});

	it('without saving: validates and hands the data to the workflow, the store stays untouched', async () => {
		const result = await post('intake', validIntake(), { extra: { save: false }, submissionId: 'only-emit' });
		expect(result.response.status).toBe(200);
		expect(body(result.response).message).toBe('Aufnahme übermittelt.');
		expect(result.emission).toMatchObject({ kind: 'intake', submissionId: 'only-emit', actor: manager });
		expect((await core.searchCases(manager)).total).toBe(0);
	});

	it('answers other methods with 405 and a broken body with 400', async () => {
		expect((await handleFormRequest(config('intake'), { method: 'DELETE', query: {}, headers: {} })).response.status).toBe(405);
		const broken = await handleFormRequest(config('intake'), { method: 'POST', query: {}, headers: proxy('em-caritas-01'), body: '{kaputt' });
		expect(broken.response.status).toBe(400);
	});
});
