// Personal sign-in at a real district n8n, as the e2e suites need it: each staff member gets an invitation
// (through the core, as `npm start` does), sets their own password, and signs in on the login page over HTTP.
import { SystemActor } from '../../../src/access/actor';
import { createCore } from '../../../src/core';
import { loadShippedProfile } from '../../../src/districts/profile';
import type { CaseStore } from '../../../src/store/open-store';

/** Every e2e staff member's own password (each sets it through their own invitation). */
export const E2E_PASSWORD = 'Eigenes Passwort der Prüfung 2026';

export interface SignedIn {
	cookie: string;
	token: string;
}

export const cookieValue = (response: Response): string =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.filter((c) => !c.endsWith('='))
		.join('; ');

/** The password of `staffId` set through an invitation on the district's store (the invitation page's work). */
export async function enrolStaff(
	store: CaseStore,
	district: string,
	staffId: string,
	password = E2E_PASSWORD,
) {
	const core = createCore({ store, profile: loadShippedProfile(district) });
	const { token } = await core.signIn.invite(new SystemActor('e2e', 'E2E-Einladung'), staffId);
	await core.signIn.acceptInvitation(token, password, { address: '127.0.0.1' });
}

/** Signs in on the login page of `formUrl` (form POST, as the browser sends it) and reads the page's request token. */
export async function signInAt(
	formUrl: string,
	login: string,
	password = E2E_PASSWORD,
): Promise<SignedIn> {
	const answer = await fetch(`${formUrl}?auth=login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ login, password, next: new URL(formUrl).pathname }).toString(),
		redirect: 'manual',
	});
	if (answer.status !== 303)
		throw new Error(`Anmeldung von ${login} abgewiesen: ${answer.status} ${await answer.text()}`);
	const cookie = cookieValue(answer);
	const page = await fetch(formUrl, { headers: { cookie } });
	const token = /"csrfToken":"([A-Za-z0-9_-]+)"/.exec(await page.text())?.[1];
	if (!token)
		throw new Error(`keine Formularseite nach der Anmeldung von ${login}: ${page.status}`);
	return { cookie, token };
}
