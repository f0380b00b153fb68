/**
 * Personal sign-in at the form pages, through exactly the handlers the Case Form Trigger calls, on a real store:
 * invitation → own password → session cookie → form page → submission with the request token → logout.
 */
import { createCore } from '../../src/core';
import type { DistrictProfile } from '../../src/generated/types';
import { validContact, validIntake } from '../helpers/fixtures';
import { formHandlerSuite, profile } from '../helpers/form-handlers';
import { cookieOf, pageToken } from '../helpers/sign-in';
import { personalForms } from '../helpers/sign-in-requests';

const suite = formHandlerSuite();
const forms = personalForms(() => suite.core);
const PASSWORD = 'Wolken ziehen über den Kaiserstuhl';
const OTHER = 'Beratung braucht Zeit und Vertrauen';

const auditRows = () =>
	suite.store.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

describe('personal sign-in at the form pages', () => {
	it('sets the own password through the one-time invitation and opens the form with the session cookie', async () => {
		const { token } = await suite.core.signIn.invite(
			{ staffId: 'em-admin', role: 'admin', organisationId: 'lra-em' },
			'em-caritas-01',
		);
		const page = await forms.send('GET', 'intake', { query: { auth: 'invitation', token } });
		expect(page.status).toBe(200);
		expect(page.text).toContain('Eigenes Passwort festlegen');
		const weak = await forms.send('POST', 'intake', {
			query: { auth: 'invitation' },
			fields: { token, password: 'sommer2026', repeat: 'sommer2026' },
		});
		expect(weak.status).toBe(422);
		expect(weak.text).toMatch(/Passwort/);
		const mismatch = await forms.send('POST', 'intake', {
			query: { auth: 'invitation' },
			fields: { token, password: PASSWORD, repeat: `${PASSWORD}!` },
		});
		expect(mismatch.text).toContain('Die beiden neuen Passwörter stimmen nicht überein.');
		const done = await forms.send('POST', 'intake', {
			query: { auth: 'invitation' },
			fields: { token, password: PASSWORD, repeat: PASSWORD },
		});
		expect(done.status).toBe(303);
		expect(done.headers.Location).toBe('/webhook/formulare/intake');
		const [cookie] = done.headers['Set-Cookie'] as string[];
		expect(cookie).toMatch(
			/^im_session=[A-Za-z0-9_-]{43}; Path=\/webhook\/formulare\/; HttpOnly; SameSite=Lax; Secure$/,
		);
		const form = await forms.send('GET', 'intake', { cookie: cookieOf(cookie) });
		expect(form.status).toBe(200);
		expect(form.text).toContain('angemeldet: ');
		expect(pageToken(form.text)).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const again = await forms.send('GET', 'intake', { query: { auth: 'invitation', token } });
		expect(again.status).toBe(410);
		expect(again.text).toContain(
			'Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits verwendet.',
		);
	});

	it('lets A act only as A: B’s id with A’s password fails, B’s own password works', async () => {
		await forms.enrol('em-caritas-01', PASSWORD);
		await forms.enrol('em-koordination', OTHER);
		const forged = await forms.login('em-koordination', PASSWORD);
		expect(forged.status).toBe(401);
		expect(forged.text).toContain('Kennung oder Passwort ist falsch.');
		expect(forged.headers['Set-Cookie']).toBeUndefined();
		const byMail = await forms.login('Integration@Landkreis-Emmendingen.invalid', OTHER);
		expect(byMail.status).toBe(303);
		const rows = await auditRows();
		const logins = rows.filter((r) => r.action === 'auth.login');
		expect(logins.map((r) => [r.actor_id, r.outcome])).toEqual([
			['em-koordination', 'denied'],
			['em-koordination', 'ok'],
		]);
	});

	it('refuses a POST without the request token and stores with it as the signed-in person', async () => {
		const cookie = await forms.enrol('em-caritas-01', PASSWORD);
		const data = JSON.stringify({ data: validIntake(), submissionId: 'sign-in-1' });
		const without = await forms.send('POST', 'intake', { cookie, fields: { payload: data } });
		expect(without.status).toBe(403);
		expect(without.emission).toBeUndefined();
		const token = pageToken((await forms.send('GET', 'intake', { cookie })).text);
		const stored = await forms.send('POST', 'intake', { fields: { payload: data, csrf: token } });
		expect(stored.status).toBe(200);
		expect(stored.emission?.actor.staffId).toBe('em-caritas-01');
		expect(JSON.stringify(stored.emission)).not.toContain(token);
		// A request token together with another person's session cookie is refused.
		const other = await forms.enrol('em-koordination', OTHER);
		const mixed = await forms.send('POST', 'contact', {
			query: { case: String(stored.emission?.caseId) },
			cookie: other,
			fields: { payload: JSON.stringify({ data: validContact() }), csrf: token },
		});
		expect(mixed.status).toBe(403);
	});

	it('ends the session at logout: the old cookie and the old token are refused', async () => {
		const cookie = await forms.enrol('em-caritas-01', PASSWORD);
		const token = pageToken((await forms.send('GET', 'intake', { cookie })).text);
		const out = await forms.send('POST', 'intake', {
			query: { auth: 'logout' },
			fields: { csrf: token },
		});
		expect(out.status).toBe(303);
		expect(out.headers.Location).toBe('/webhook/formulare/intake?auth=login');
		expect(String(out.headers['Set-Cookie'])).toMatch(
			/^im_session=; Path=\/webhook\/formulare\/; .*Max-Age=0/,
		);
		const old = await forms.send('GET', 'intake', { cookie });
		expect(old.status).toBe(401);
		expect(old.text).toContain('Die Sitzung ist abgelaufen. Bitte erneut anmelden.');
		const late = await forms.send('POST', 'intake', {
			fields: { payload: JSON.stringify({ data: validIntake() }), csrf: token },
		});
		expect(late.status).toBe(401);
	});

	it('locks the account after 20 wrong passwords, also against the right one, until the lock has run out', async () => {
		await forms.enrol('em-caritas-01', PASSWORD);
		for (let i = 0; i < 20; i++)
			expect((await forms.login('em-caritas-01', `falsch-${i}`)).status).toBe(401);
		const locked = await forms.login('em-caritas-01', PASSWORD);
		expect(locked.status).toBe(429);
		expect(locked.text).toMatch(
			/Zu viele fehlgeschlagene Anmeldungen\. Die Anmeldung ist bis \d\d:\d\d Uhr gesperrt\./,
		);
		suite.clock.set('2025-06-02T10:16:00+02:00');
		expect((await forms.login('em-caritas-01', PASSWORD)).status).toBe(303);
	});

	it('refuses the open session of a staff member deactivated in the profile at the next request', async () => {
		const cookie = await forms.enrol('em-caritas-01', PASSWORD);
		expect((await forms.send('GET', 'intake', { cookie })).status).toBe(200);
		const withoutHer = {
			...profile,
			staff: profile.staff.map((s) => (s.id === 'em-caritas-01' ? { ...s, active: false } : s)),
		} as DistrictProfile;
		suite.core = createCore({ store: suite.store.store, profile: withoutHer, clock: suite.clock });
		const next = await forms.send('GET', 'intake', { cookie });
		expect(next.status).toBe(401);
		expect(next.text).not.toContain('case-form-boot');
		const ended = await suite.store.store.db
			.selectFrom('staff_sessions')
			.select(['ended_at', 'end_reason'])
			.execute();
		expect(ended).toEqual([expect.objectContaining({ end_reason: 'deactivated' })]);
	});

	it('gives the administration the accounts page with one-time invitation links; managers are refused', async () => {
		const admin = await forms.enrol('em-admin', PASSWORD);
		const accounts = await forms.send('GET', 'intake', {
			query: { auth: 'accounts' },
			cookie: admin,
		});
		expect(accounts.status).toBe(200);
		expect(accounts.text).toContain('Konten der Mitarbeitenden');
		const invited = await forms.send('POST', 'intake', {
			query: { auth: 'invite' },
			fields: { csrf: pageToken(accounts.text), staffId: 'em-caritas-02' },
		});
		expect(invited.status).toBe(200);
		// The page shows the link once, HTML-escaped in the value of a read-only field.
		const shown = invited.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
		const link =
			/value="(https:\/\/n8n\.landkreis\.example\/webhook\/formulare\/intake\?auth=invitation&token=[^"]+)"/.exec(
				shown,
			)?.[1];
		expect(link).toBeDefined();
		const token = new URL(String(link)).searchParams.get('token') ?? '';
		expect(
			(await forms.send('GET', 'intake', { query: { auth: 'invitation', token } })).status,
		).toBe(200);
		const manager = await forms.enrol('em-caritas-01', OTHER);
		const refused = await forms.send('GET', 'intake', {
			query: { auth: 'accounts' },
			cookie: manager,
		});
		expect(refused.status).toBe(403);
	});

	it('keeps passwords, tokens and session ids out of every audit row', async () => {
		const cookie = await forms.enrol('em-caritas-01', PASSWORD);
		await forms.login('em-caritas-01', OTHER);
		const token = pageToken((await forms.send('GET', 'intake', { cookie })).text);
		await forms.send('POST', 'intake', { query: { auth: 'logout' }, fields: { csrf: token } });
		const audit = JSON.stringify(await auditRows());
		for (const secret of [PASSWORD, OTHER, token, cookie.split('=')[1]])
			expect(audit).not.toContain(secret);
		const accounts = await suite.store.store.db.selectFrom('staff_accounts').selectAll().execute();
		expect(accounts[0].password_hash).toMatch(/^scrypt\$/);
		expect(accounts[0].password_hash).not.toContain(PASSWORD);
	});
});
