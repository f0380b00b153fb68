import type { Core } from '../core';
import { DomainError } from '../errors';
import type { Actor } from '../generated/types';
import { header, proxyLogin, type AuthConfig } from './auth';
import { cookiePath, readCookie, SESSION_COOKIE, setCookie } from './cookies';
import { json, type FormRequest, type FormResponse } from './http';
import { signInPage, type SignInPage } from './sign-in-pages';

/** What a Case Form Trigger needs to know to serve and check its pages. */
export interface GateConfig {
	core: Core;
	auth: AuthConfig;
	/** The trigger's path parameter (`formulare/aufnahme`): the cookie path is its folder. */
	formPath?: string;
	/** Absolute URL of this form (for invitation links); else built from the request's Host header. */
	formUrl?: string;
	/** German title of the page, for the sign-in page shown instead. */
	title: string;
}

/** The signed-in person of a request, with the session's request token for the page. */
export interface Visitor {
	actor: Actor;
	name: string;
	csrfToken: string;
	via: string;
}

export type Gate =
	{ ok: true; visitor: Visitor; cookies: string[] } | { ok: false; response: FormResponse };

export const cookieOptions = (config: GateConfig, request: FormRequest) => ({
	path: cookiePath(request.path, config.formPath),
	secure: request.secure === true,
});

const client = (request: FormRequest) => ({ address: request.address ?? null });

/** The path and query the browser asked for, for the return after signing in. */
export function currentPath(request: FormRequest): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(request.query))
		if (typeof value === 'string' && key !== 'auth') query.set(key, value);
	const search = query.toString();
	return `${request.path ?? ''}${search ? `?${search}` : ''}`;
}

/** The login page instead of the page asked for (HTTP 401, no browser dialog). */
function loginInstead(config: GateConfig, request: FormRequest, message?: string): FormResponse {
	return signInPage(401, {
		title: 'Anmeldung',
		districtName: config.core.context.profile.name,
		...(message ? { errorMessage: message } : {}),
		login: {
			next: currentPath(request),
			sso: config.auth.mode === 'personal' && !!config.auth.oidc,
		},
	});
}

/** A request from the district's proxy: the named person's proxy session (started on the first page). */
async function proxyVisitor(
	config: GateConfig,
	request: FormRequest,
	auth: Extract<AuthConfig, { mode: 'trustedHeader' }>,
): Promise<Gate> {
	const { core } = config;
	const login = proxyLogin(auth, core.context.profile, request.headers);
	if (!login.ok) {
		await core.recordRefusal(
			{ staffId: login.attempted },
			{ action: 'auth.proxy' },
			new DomainError('AUTH_FAILED', `Anmeldung über den Proxy abgewiesen: ${login.message}`),
		);
		return {
			ok: false,
			response: signInPage(401, { title: 'Keine Anmeldung', errorMessage: login.message }),
		};
	}
	const sessionId = readCookie(request.headers, SESSION_COOKIE);
	const session = sessionId ? await core.signIn.resolveSession(sessionId) : null;
	if (session && session.actor.staffId === login.staff.id)
		return { ok: true, visitor: session, cookies: [] };
	const started = await core.signIn.startSession(login.staff.id, 'proxy', client(request));
	const visitor = await core.signIn.resolveSession(started.sessionId);
	if (!visitor) throw new Error('a session just started cannot be found');
	const cookie = setCookie(SESSION_COOKIE, started.sessionId, cookieOptions(config, request));
	return { ok: true, visitor, cookies: [cookie] };
}

/**
 * The session's request token of a POST: the page sends it as form field `csrf`; other clients may send the
 * header `X-CSRF-Token` (a header another site's page cannot set without our CORS consent).
 */
export function requestToken(
	request: FormRequest,
	fields: Record<string, string>,
): string | undefined {
	return fields.csrf || header(request.headers, 'x-csrf-token') || undefined;
}

/** A page (GET): the person of the session cookie; without one the sign-in page. */
export async function gatePage(config: GateConfig, request: FormRequest): Promise<Gate> {
	if (config.auth.mode === 'trustedHeader') return proxyVisitor(config, request, config.auth);
	const sessionId = readCookie(request.headers, SESSION_COOKIE);
	const session = sessionId ? await config.core.signIn.resolveSession(sessionId) : null;
	if (session) return { ok: true, visitor: session, cookies: [] };
	return {
		ok: false,
		response: loginInstead(
			config,
			request,
			sessionId ? 'Die Sitzung ist abgelaufen. Bitte erneut anmelden.' : undefined,
		),
	};
}

/**
 * A submission (POST): n8n's sandbox sends no cookie with it, so the session's request token in the body
 * names the session (a cross-site page cannot know it); a cookie that comes along must be the same session,
 * and behind the proxy the proxy must name the same person.
 */
export async function gatePost(
	config: GateConfig,
	request: FormRequest,
	token: string | undefined,
): Promise<Gate> {
	const { core } = config;
	const refuse = async (status: number, message: string, staffId?: string): Promise<Gate> => {
		await core.recordRefusal(
			{ staffId },
			{ action: 'auth.request' },
			new DomainError('AUTH_FAILED', message),
		);
		return { ok: false, response: json(status, { message }, request) };
	};
	if (!token)
		return refuse(403, 'Die Übermittlung enthält kein Sitzungs-Token. Bitte die Seite neu laden.');
	const session = await core.signIn.resolveRequestToken(token);
	if (!session)
		return refuse(
			401,
			'Die Anmeldung ist abgelaufen. Bitte die Seite neu laden und erneut anmelden.',
		);
	const cookieId = readCookie(request.headers, SESSION_COOKIE);
	const cookieSession = cookieId ? await core.signIn.resolveSession(cookieId) : null;
	if (cookieSession && cookieSession.csrfToken !== session.csrfToken)
		return refuse(
			403,
			'Sitzung und Formular passen nicht zusammen. Bitte die Seite neu laden.',
			session.actor.staffId,
		);
	if (config.auth.mode === 'trustedHeader') {
		const login = proxyLogin(config.auth, core.context.profile, request.headers);
		if (!login.ok || login.staff.id !== session.actor.staffId)
			return refuse(
				401,
				login.ok ? 'Der Proxy meldet eine andere Person als die Sitzung.' : login.message,
				session.actor.staffId,
			);
	}
	return { ok: true, visitor: session, cookies: [] };
}

/** A return address after signing in: a path below the cookie path of this district's forms, never elsewhere. */
export function safeNext(
	config: GateConfig,
	request: FormRequest,
	next: string | undefined,
): string {
	const home = request.path ?? '';
	const base = cookieOptions(config, request).path;
	if (!next || next.length > 500 || !next.startsWith(base)) return home;
	if (/[\\\s]|\/\/|\/\.\.?(\/|$|\?)/.test(next)) return home;
	return next;
}

export const page = (config: GateConfig, part: Omit<SignInPage, 'districtName'>): SignInPage => ({
	districtName: config.core.context.profile.name,
	...part,
});
