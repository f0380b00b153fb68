import type { AccountNav } from './page';
import { template } from './page';
import { html, type FormResponse } from './http';

/** What the sign-in pages show; exactly one of the parts below the messages. */
export interface SignInPage {
	title: string;
	districtName?: string;
	actorName?: string;
	errorMessage?: string;
	infoMessage?: string;
	login?: { next: string; name?: string; sso: boolean };
	setPassword?: {
		action: 'invitation' | 'password';
		token?: string;
		csrf?: string;
		login: string;
		askCurrent: boolean;
		minLength: number;
	};
	accounts?: { csrf: string; rows: AccountRow[] };
	invitation?: { name: string; url: string; until: string };
	/** After signing out of a single sign-on session: the identity provider's logout. */
	ssoLogout?: string;
	nav?: AccountNav;
}

export interface AccountRow {
	staffId: string;
	name: string;
	role: string;
	active: boolean;
	state: string;
	sessions: string;
	inviteLabel: string;
}

const berlinTime = new Intl.DateTimeFormat('de-DE', {
	timeZone: 'Europe/Berlin',
	dateStyle: 'medium',
	timeStyle: 'short',
});

/** `05.12.2026, 15:04 Uhr` in Europe/Berlin. */
export function germanTime(iso: string): string {
	return `${berlinTime.format(new Date(iso))} Uhr`;
}

export function signInPage(status: number, page: SignInPage, cookies: string[] = []): FormResponse {
	const model = {
		...page,
		login: page.login && { ...page.login, nextEncoded: encodeURIComponent(page.login.next) },
	};
	return html(
		status,
		template('sign-in.hbs')(model),
		cookies.length ? { 'Set-Cookie': cookies } : {},
	);
}
