/**
 * End-to-end: personal sign-in on a real n8n 2.x with the published templates of Wehr (as `npm start` sets them
 * up). Every person signs in with their own password on the login page of the Case Form Trigger; the checks of
 * issue 10: nobody acts as somebody else, a forged proxy header is refused and audited, 20 wrong passwords lock
 * the account, logout ends the session, a POST needs the request token, and a staff member deactivated in the
 * profile loses the open session at the next request.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { intakeFor } from '../helpers/e2e/district-e2e';
import { executionsOf } from '../helpers/e2e/n8n-executions';
import { PACKAGE_ROOT } from '../../scripts/n8n-runtime/built-package';
import { invitePersonas } from '../../scripts/n8n-runtime/staff-invitations';
import { districtSuite } from '../helpers/e2e/district-suite';
import { cookieValue, enrolStaff, signInAt } from '../helpers/e2e/staff-sign-in';
import { createCredential, editFormTrigger } from '../helpers/e2e/workflow-edit';

const MANAGER_PASSWORD = 'Die Wehra fließt durch die Stadt';
const COORDINATION_PASSWORD = 'Ordnung im Amt und Zeit für Menschen';
const ADMIN_PASSWORD = 'Verwaltung mit Umsicht und Geduld';

describe('e2e personal sign-in (Wehr) on a real n8n', () => {
	const wehr = districtSuite('wehr');
	const intakeUrl = () => wehr.run.url('aufnahme');
	const login = (name: string, password: string) =>
		fetch(`${intakeUrl()}?auth=login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ login: name, password, next: new URL(intakeUrl()).pathname }),
			redirect: 'manual',
		});
	/** Every cookie value and request token the tests were given, to look for them where they must not be. */
	const secrets: string[] = [MANAGER_PASSWORD, COORDINATION_PASSWORD];
	const remember = (session: { cookie: string; token: string }) => {
		secrets.push(session.cookie.split('=')[1], session.token);
		return session;
	};
	const audit = (action: string) =>
		wehr.run.store.db
			.selectFrom('audit_log')
			.select(['actor_id', 'outcome', 'detail'])
			.where('action', '=', action)
			.orderBy('id')
			.execute();

	beforeAll(async () => {
		await enrolStaff(wehr.run.store, 'wehr', 'wehr-im', MANAGER_PASSWORD);
		await enrolStaff(wehr.run.store, 'wehr', 'wehr-ordnungsamt', COORDINATION_PASSWORD);
	});

	it('lets nobody act as somebody else: the coordinator’s id works only with her own password', async () => {
		const forged = await login('wehr-ordnungsamt', MANAGER_PASSWORD);
		expect(forged.status).toBe(401);
		expect(await forged.text()).toContain('Kennung oder Passwort ist falsch.');
		expect(forged.headers.getSetCookie()).toEqual([]);
		const own = await login('wehr-ordnungsamt', COORDINATION_PASSWORD);
		expect(own.status).toBe(303);
		expect(own.headers.getSetCookie()[0]).toMatch(
			/^im_session=.+; Path=\/webhook\/formulare\/; HttpOnly; SameSite=Lax$/,
		);
		const page = await fetch(intakeUrl(), { headers: { cookie: cookieValue(own) } });
		expect(await page.text()).toContain('angemeldet: ');
		expect((await audit('auth.login')).map((r) => [r.actor_id, r.outcome])).toEqual([
			['wehr-ordnungsamt', 'denied'],
			['wehr-ordnungsamt', 'ok'],
		]);
	});

	it('refuses a submission without the request token, and stores it with the token as the signed-in person', async () => {
		const manager = remember(await signInAt(intakeUrl(), 'wehr-im', MANAGER_PASSWORD));
		const intake = intakeFor(wehr.served().ags, 'wehr-im');
		const post = (headers: Record<string, string>) =>
			fetch(intakeUrl(), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
				body: new URLSearchParams({ payload: JSON.stringify({ data: intake }) }),
			});
		const without = await post({ cookie: manager.cookie });
		expect(without.status).toBe(403);
		expect(await wehr.run.store.db.selectFrom('cases').select('id').execute()).toEqual([]);
		const withToken = await post({ cookie: manager.cookie, 'x-csrf-token': manager.token });
		expect(withToken.status).toBe(200);
		const stored = await wehr.run.store.db.selectFrom('cases').select('created_by').execute();
		expect(stored).toEqual([{ created_by: 'wehr-im' }]);
	});

	it('locks the account after 20 wrong passwords: the right one fails during the lock and works after it', async () => {
		for (let i = 0; i < 20; i++) expect((await login('wehr-im', `geraten-${i}`)).status).toBe(401);
		const locked = await login('wehr-im', MANAGER_PASSWORD);
		expect(locked.status).toBe(429);
		expect(await locked.text()).toMatch(
			/Zu viele fehlgeschlagene Anmeldungen\. Die Anmeldung ist bis \d\d:\d\d Uhr gesperrt\./,
		);
		expect((await audit('auth.login')).at(-1)).toMatchObject({
			actor_id: 'wehr-im',
			outcome: 'denied',
		});
		// Fifteen minutes pass: the lock's end moves into the past (the time, not the rule, is what the test changes).
		await wehr.run.store.db
			.updateTable('login_throttle')
			.set({ locked_until: new Date(Date.now() - 1000).toISOString() })
			.where('locked_until', 'is not', null)
			.execute();
		expect((await login('wehr-im', MANAGER_PASSWORD)).status).toBe(303);
	});

	it('ends the session at logout: the old cookie gets the sign-in page again', async () => {
		const session = remember(await signInAt(intakeUrl(), 'wehr-im', MANAGER_PASSWORD));
		const out = await fetch(`${intakeUrl()}?auth=logout`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ csrf: session.token }),
			redirect: 'manual',
		});
		expect(out.status).toBe(303);
		const old = await fetch(intakeUrl(), { headers: { cookie: session.cookie } });
		expect(old.status).toBe(401);
		expect(await old.text()).toContain('Die Sitzung ist abgelaufen. Bitte erneut anmelden.');
		expect((await audit('auth.logout')).map((r) => r.actor_id)).toContain('wehr-im');
	});

	it('refuses a forged X-Remote-User without the proxy secret (401, audited) once the admin switches a form to the proxy', async () => {
		const secret = 'wehr-proxy-geheimnis-0123456789';
		const proxy = await createCredential(wehr.run, 'Anmelde-Proxy', 'caseFormTrustedProxyApi', {
			userHeader: 'X-Remote-User',
			verificationHeader: 'X-Proxy-Secret',
			secret,
		});
		await editFormTrigger(wehr.run, 'Beratungskontakt', (node) => {
			node.parameters.authentication = 'trustedHeader';
			node.credentials = { ...node.credentials, caseFormTrustedProxyApi: proxy };
		});
		const url = wehr.run.url('kontakt');
		const forged = await fetch(url, { headers: { 'x-remote-user': 'wehr-ordnungsamt' } });
		expect(forged.status).toBe(401);
		expect(await forged.text()).not.toContain('case-form-boot');
		expect((await audit('auth.proxy')).at(-1)).toMatchObject({
			actor_id: 'wehr-ordnungsamt',
			outcome: 'denied',
		});
		const viaProxy = await fetch(url, {
			headers: { 'x-remote-user': 'wehr-ordnungsamt', 'x-proxy-secret': secret },
		});
		// Through the proxy the coordinator is signed in; the contact form without a case says where to open it.
		expect(viaProxy.status).toBe(404);
		expect(await viaProxy.text()).toContain('angemeldet: ');
	});

	it('refuses the open session of a staff member the admin deactivates in the profile, at the next request', async () => {
		const session = remember(
			await signInAt(intakeUrl(), 'wehr-ordnungsamt', COORDINATION_PASSWORD),
		);
		const withoutHer = {
			...wehr.profile,
			staff: wehr.profile.staff.map((s) =>
				s.id === 'wehr-ordnungsamt' ? { ...s, active: false } : s,
			),
		};
		await editFormTrigger(wehr.run, 'Aufnahme', (node) => {
			node.parameters.districtProfile = 'custom';
			node.parameters.districtProfileJson = JSON.stringify(withoutHer);
		});
		const next = await fetch(intakeUrl(), { headers: { cookie: session.cookie } });
		expect(next.status).toBe(401);
		expect(await next.text()).not.toContain('case-form-boot');
		const ended = await wehr.run.store.db
			.selectFrom('staff_sessions')
			.select('end_reason')
			.where('staff_id', '=', 'wehr-ordnungsamt')
			.where('end_reason', '=', 'deactivated')
			.execute();
		expect(ended.length).toBeGreaterThan(0);
	});

	it('invites the demo personas as `npm start` does: the link opens the German page in n8n, once', async () => {
		const personas = await invitePersonas({
			district: 'wehr',
			storeFile: wehr.run.instance.storeFile,
			packageRoot: PACKAGE_ROOT,
			formUrl: intakeUrl(),
		});
		// Manager and coordinator have set their passwords already: only the administration gets a link.
		expect(personas.map((p) => [p.staffId, p.url !== undefined])).toEqual([
			['wehr-admin', true],
			['wehr-ordnungsamt', false],
			['wehr-im', false],
		]);
		const link = String(personas[0].url);
		const page = await fetch(link);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Eigenes Passwort festlegen');
		const token = new URL(link).searchParams.get('token') ?? '';
		secrets.push(token, ADMIN_PASSWORD);
		const set = () =>
			fetch(`${intakeUrl()}?auth=invitation`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ token, password: ADMIN_PASSWORD, repeat: ADMIN_PASSWORD }),
				redirect: 'manual',
			});
		const accepted = await set();
		expect(accepted.status).toBe(303);
		secrets.push(cookieValue(accepted).split('=')[1]);
		expect((await set()).status).toBe(410);
		expect((await login('wehr-admin', ADMIN_PASSWORD)).status).toBe(303);
	});

	it('keeps passwords, session ids and request tokens out of n8n’s log, its execution data and the audit log', async () => {
		const intake = wehr.run.instance.workflows.find((w) => w.name.endsWith('Aufnahme'));
		const list = await executionsOf(wehr.run, String(intake?.id));
		expect(list.results.length).toBeGreaterThan(0);
		const executions = await Promise.all(
			list.results.map((e: { id: string }) =>
				wehr.run.instance.client.request('GET', `/rest/executions/${e.id}`),
			),
		);
		const places = {
			log: fs.readFileSync(path.join(wehr.run.instance.userFolder, 'n8n.log'), 'utf8'),
			executions: JSON.stringify(executions),
			audit: JSON.stringify(await wehr.run.store.db.selectFrom('audit_log').selectAll().execute()),
		};
		for (const [place, text] of Object.entries(places))
			for (const secret of secrets)
				expect({ place, found: text.includes(secret) }).toEqual({ place, found: false });
	});
});
