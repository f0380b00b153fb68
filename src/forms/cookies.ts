import { header, type HeaderBag } from './auth';

/** The session cookie of the form pages and the short-lived cookie that binds a single sign-on to its browser. */
export const SESSION_COOKIE = 'im_session';
export const SSO_COOKIE = 'im_sso';

/** A cookie's value from the request's `Cookie` header (the first of that name). */
export function readCookie(headers: HeaderBag, name: string): string | undefined {
	for (const part of (header(headers, 'cookie') ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
	}
	return undefined;
}

/**
 * The path the cookies are limited to: the folder of the form paths (`/webhook/formulare/` for the form
 * `formulare/aufnahme`), so that they reach the district's forms and no other webhook of the n8n instance.
 * A form path without a folder gets a cookie for itself alone.
 */
export function cookiePath(requestPath: string | undefined, formPath: string | undefined): string {
	const path = requestPath && requestPath.startsWith('/') ? requestPath : '/';
	const form = (formPath ?? '').replace(/^\/+|\/+$/g, '');
	const at = form ? path.lastIndexOf(`/${form}`) : -1;
	if (at < 0) return path.slice(0, path.lastIndexOf('/') + 1) || '/';
	const base = path.slice(0, at + 1);
	const folder = form.lastIndexOf('/');
	return folder < 0 ? `${base}${form}` : `${base}${form.slice(0, folder + 1)}`;
}

/**
 * `SameSite=Lax`, not `Strict`: n8n serves webhook pages in a sandbox (an opaque origin), so every navigation from
 * one of our pages counts as cross-site and a strict cookie would never come back after the login. Lax cookies are
 * still never sent with a cross-site POST or a request from another page's script; every POST must carry the
 * session's request token in addition.
 */
export function setCookie(
	name: string,
	value: string,
	options: { path: string; secure: boolean; maxAgeSeconds?: number },
): string {
	const parts = [`${name}=${value}`, `Path=${options.path}`, 'HttpOnly', 'SameSite=Lax'];
	if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
	if (options.secure) parts.push('Secure');
	return parts.join('; ');
}

export function clearCookie(name: string, options: { path: string; secure: boolean }): string {
	return setCookie(name, '', { ...options, maxAgeSeconds: 0 });
}
