import { DomainError, httpStatusOf } from '../errors';
import { logoutUrl } from '../auth/oidc';
import { signInSettings } from '../auth/sign-in-settings';
import { findStaff } from './auth';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie } from './cookies';
import {
	cookieOptions,
	gatePage,
	gatePost,
	page,
	safeNext,
	type GateConfig,
	type Visitor,
} from './gate';
import { first, formFields, seeOther, type FormRequest, type FormResponse } from './http';
import { accountsPage, invitationCreatedPage } from './sign-in-accounts';
import { sso } from './sign-in-sso';
import { signInPage } from './sign-in-pages';

export type AuthAction =
	'login' | 'logout' | 'password' | 'invitation' | 'sso' | 'accounts' | 'invite';
const actions: readonly string[] = [
	'login',
	'logout',
	'password',
	'invitation',
	'sso',
	'accounts',
	'invite',
];

export const isAuthAction = (value: string | undefined): value is AuthAction =>
	value !== undefined && actions.includes(value);

const client = (request: FormRequest) => ({ address: request.address ?? null });

function sessionCookie(config: GateConfig, request: FormRequest, sessionId: string): string {
	return setCookie(SESSION_COOKIE, sessionId, cookieOptions(config, request));
}

async function login(
	config: GateConfig,
	request: FormRequest,
	post: boolean,
): Promise<FormResponse> {
	const sso = config.auth.mode === 'personal' && !!config.auth.oidc;
	const next = safeNext(config, request, first(request.query.next));
	if (!post) return signInPage(200, page(config, { title: 'Anmeldung', login: { next, sso } }));
	const fields = formFields(request.body);
	const target = safeNext(config, request, fields.next);
	try {
		const started = await config.core.signIn.passwordLogin(
			fields.login ?? '',
			fields.password ?? '',
			client(request),
		);
		return seeOther(target, [sessionCookie(config, request, started.sessionId)]);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const name = (fields.login ?? '').slice(0, 100);
		return signInPage(
			httpStatusOf(error),
			page(config, {
				title: 'Anmeldung',
				errorMessage: error.message,
				login: { next: target, name, sso },
			}),
		);
	}
}

async function logout(config: GateConfig, request: FormRequest): Promise<FormResponse> {
	const token = formFields(request.body).csrf;
	const gate = await gatePost(config, request, token);
	const cleared = [clearCookie(SESSION_COOKIE, cookieOptions(config, request))];
	if (!gate.ok) return seeOther(`${request.path ?? ''}?auth=login`, cleared);
	await config.core.signIn.endSessionByToken(token ?? '');
	const auth = config.auth;
	const provider =
		gate.visitor.via === 'oidc' && auth.mode === 'personal' && auth.oidc
			? await logoutUrl(auth.oidc).catch(() => undefined)
			: undefined;
	if (!provider) return seeOther(`${request.path ?? ''}?auth=login`, cleared);
	// A link, not a redirect: the page's form-action policy allows a form to lead back to this server only.
	return signInPage(
		200,
		page(config, {
			title: 'Abgemeldet',
			infoMessage: 'Sie sind von den Formularen abgemeldet.',
			ssoLogout: provider,
		}),
		cleared,
	);
}

/** The form to set a password: after an invitation (token) or as a change (session). */
function passwordForm(
	config: GateConfig,
	status: number,
	part: { login: string; token?: string; visitor?: Visitor; errorMessage?: string; title: string },
): FormResponse {
	const settings = signInSettings(config.core.context.profile);
	return signInPage(
		status,
		page(config, {
			title: part.title,
			...(part.errorMessage ? { errorMessage: part.errorMessage } : {}),
			...(part.visitor
				? { actorName: part.visitor.name, nav: { csrf: part.visitor.csrfToken, back: '?' } }
				: {}),
			setPassword: {
				action: part.token ? 'invitation' : 'password',
				...(part.token ? { token: part.token } : {}),
				...(part.visitor ? { csrf: part.visitor.csrfToken } : {}),
				login: part.login,
				askCurrent: !part.token,
				minLength: settings.minPasswordLength,
			},
		}),
	);
}

const repeatMismatch = 'Die beiden neuen Passwörter stimmen nicht überein.';

async function invitation(
	config: GateConfig,
	request: FormRequest,
	post: boolean,
): Promise<FormResponse> {
	const fields = post ? formFields(request.body) : {};
	const token = post ? (fields.token ?? '') : (first(request.query.token) ?? '');
	const title = 'Eigenes Passwort festlegen';
	try {
		const invited = await config.core.signIn.openInvitation(token);
		const staff = findStaff(config.core.context.profile, invited.staffId);
		const login = staff?.email ?? invited.staffId;
		if (!post)
			return passwordForm(config, 200, { title: `${title}: ${invited.name}`, login, token });
		if (fields.password !== fields.repeat)
			return passwordForm(config, 422, { title, login, token, errorMessage: repeatMismatch });
		try {
			const started = await config.core.signIn.acceptInvitation(
				token,
				fields.password ?? '',
				client(request),
			);
			return seeOther(request.path ?? '', [sessionCookie(config, request, started.sessionId)]);
		} catch (error) {
			if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
			return passwordForm(config, 422, { title, login, token, errorMessage: error.message });
		}
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return signInPage(httpStatusOf(error), page(config, { title, errorMessage: error.message }));
	}
}

async function password(
	config: GateConfig,
	request: FormRequest,
	post: boolean,
): Promise<FormResponse> {
	const title = 'Passwort ändern';
	const fields = formFields(request.body);
	const gate = post
		? await gatePost(config, request, fields.csrf)
		: await gatePage(config, request);
	if (!gate.ok) return gate.response;
	const { visitor } = gate;
	const login =
		findStaff(config.core.context.profile, visitor.actor.staffId)?.email ?? visitor.actor.staffId;
	if (visitor.via === 'oidc' || visitor.via === 'proxy')
		return signInPage(
			409,
			page(config, {
				title,
				actorName: visitor.name,
				errorMessage: 'Das Passwort wird beim Identitätsanbieter des Kreises geändert, nicht hier.',
				nav: { csrf: visitor.csrfToken, back: '?' },
			}),
		);
	if (!post) return passwordForm(config, 200, { title, login, visitor });
	if (fields.password !== fields.repeat)
		return passwordForm(config, 422, { title, login, visitor, errorMessage: repeatMismatch });
	try {
		await config.core.signIn.changePassword(
			visitor.actor,
			fields.current ?? '',
			fields.password ?? '',
			client(request),
			readCookie(request.headers, SESSION_COOKIE),
		);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return passwordForm(config, httpStatusOf(error), {
			title,
			login,
			visitor,
			errorMessage: error.message,
		});
	}
	return signInPage(
		200,
		page(config, {
			title,
			actorName: visitor.name,
			infoMessage: 'Das Passwort wurde geändert. Andere Sitzungen wurden beendet.',
			nav: { csrf: visitor.csrfToken, back: '?' },
		}),
	);
}

/** `?auth=…` on any form URL: the sign-in pages and their POSTs. */
export async function handleAuthAction(
	config: GateConfig,
	request: FormRequest,
	action: AuthAction,
	post: boolean,
): Promise<FormResponse> {
	switch (action) {
		case 'login':
			return login(config, request, post);
		case 'logout':
			return post ? logout(config, request) : seeOther(`${request.path ?? ''}?auth=login`);
		case 'password':
			return password(config, request, post);
		case 'invitation':
			return invitation(config, request, post);
		case 'sso':
			return sso(config, request);
		case 'accounts':
			return accountsPage(config, request);
		case 'invite':
			return post ? invitationCreatedPage(config, request) : accountsPage(config, request);
	}
}
