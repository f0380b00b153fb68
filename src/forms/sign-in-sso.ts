import { DomainError, httpStatusOf } from '../errors';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie, SSO_COOKIE } from './cookies';
import { cookieOptions, page, safeNext, type GateConfig } from './gate';
import { first, seeOther, type FormRequest, type FormResponse } from './http';
import { signInPage } from './sign-in-pages';

const client = (request: FormRequest) => ({ address: request.address ?? null });

/** Single sign-on: off to the district's identity provider, with the browser binding in a short-lived cookie. */
export async function sso(config: GateConfig, request: FormRequest): Promise<FormResponse> {
	const auth = config.auth;
	if (auth.mode !== 'personal' || !auth.oidc)
		return signInPage(
			404,
			page(config, {
				title: 'Anmeldung',
				errorMessage: 'Für diese Formulare ist kein Identitätsanbieter eingerichtet.',
			}),
		);
	try {
		const returnTo = safeNext(config, request, first(request.query.next));
		const started = await config.core.oidc.startLogin(auth.oidc, { returnTo });
		const cookie = setCookie(SSO_COOKIE, started.browserBinding, {
			...cookieOptions(config, request),
			maxAgeSeconds: 600,
		});
		return seeOther(started.authorizationUrl, [cookie]);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return signInPage(
			httpStatusOf(error),
			page(config, { title: 'Anmeldung', errorMessage: error.message }),
		);
	}
}

/** The identity provider sends the browser back here (`<form path>/anmeldung`): session, then the page asked for. */
export async function ssoCallback(
	config: GateConfig,
	callback: FormRequest,
): Promise<FormResponse> {
	const auth = config.auth;
	// Cookies, return address and links belong to the form itself, not to its callback path.
	const request = { ...callback, path: (callback.path ?? '').replace(/\/anmeldung$/, '') };
	const options = cookieOptions(config, request);
	const cleared = clearCookie(SSO_COOKIE, options);
	if (auth.mode !== 'personal' || !auth.oidc)
		return signInPage(404, {
			title: 'Anmeldung',
			errorMessage: 'Für diese Formulare ist kein Identitätsanbieter eingerichtet.',
		});
	try {
		const query = new URLSearchParams(
			Object.entries(request.query).filter((e): e is [string, string] => typeof e[1] === 'string'),
		);
		const done = await config.core.oidc.finishLogin(auth.oidc, `?${query.toString()}`, {
			browserBinding: readCookie(request.headers, SSO_COOKIE),
			...(request.address ? { clientAddress: request.address } : {}),
		});
		const started = await config.core.signIn.startSession(
			done.actor.staffId,
			'oidc',
			client(request),
		);
		return seeOther(safeNext(config, request, done.returnTo ?? undefined), [
			cleared,
			setCookie(SESSION_COOKIE, started.sessionId, options),
		]);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return signInPage(
			httpStatusOf(error),
			page(config, { title: 'Anmeldung', errorMessage: error.message }),
			[cleared],
		);
	}
}
