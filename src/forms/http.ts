import type { HeaderBag } from './auth';

/** The parts of an HTTP request the handlers read (n8n's express request and a plain node:http test server both give them). */
export interface FormRequest {
	query: Record<string, unknown>;
	headers: HeaderBag;
	body?: unknown;
	/** The URL path the browser asked for (`/webhook/formulare/aufnahme`), for the cookie path and redirects. */
	path?: string;
	/** The client's address as n8n sees it (behind a proxy: with `N8N_PROXY_HOPS`), for the login lockout. */
	address?: string;
	/** Served over https (directly or behind the district's TLS proxy): cookies get `Secure`. */
	secure?: boolean;
}

export interface FormResponse {
	status: number;
	headers: Record<string, string | string[]>;
	body: string | Buffer;
}

/** Our policy, on top of whatever n8n adds (its HTML sandbox): scripts only from this URL, no eval, nothing from elsewhere. */
export const PAGE_CSP =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

export const first = (v: unknown): string | undefined =>
	Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : undefined;

export const html = (
	status: number,
	body: string,
	extra: Record<string, string | string[]> = {},
): FormResponse => ({
	status,
	headers: {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Security-Policy': PAGE_CSP,
		'Cache-Control': 'no-store',
		'Referrer-Policy': 'no-referrer',
		'X-Content-Type-Options': 'nosniff',
		...extra,
	},
	body,
});

/** A sandboxed page has the opaque origin "null"; it may read our JSON answers (no other origin may). */
function corsHeaders(request: FormRequest): Record<string, string> {
	return first(request.headers.origin) === 'null'
		? {
				'Access-Control-Allow-Origin': 'null',
				'Access-Control-Allow-Credentials': 'true',
				Vary: 'Origin',
			}
		: { Vary: 'Origin' };
}

export const json = (
	status: number,
	body: unknown,
	request: FormRequest,
	extra: Record<string, string | string[]> = {},
): FormResponse => ({
	status,
	headers: {
		'Content-Type': 'application/json; charset=utf-8',
		'Cache-Control': 'no-store',
		...corsHeaders(request),
		...extra,
	},
	body: JSON.stringify(body),
});

/** HTTP 303 to a path of this server (after a login, a logout, a set password). */
export const seeOther = (location: string, cookies: string[] = []): FormResponse => ({
	status: 303,
	headers: {
		Location: location,
		'Cache-Control': 'no-store',
		'Referrer-Policy': 'no-referrer',
		...(cookies.length ? { 'Set-Cookie': cookies } : {}),
	},
	body: '',
});

/** The fields of a form-encoded body (n8n hands it parsed; the test server as text). */
export function formFields(body: unknown): Record<string, string> {
	const value = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof value === 'string')
		return Object.fromEntries(new URLSearchParams(value.trim().startsWith('{') ? '' : value));
	if (!value || typeof value !== 'object') return {};
	const fields: Record<string, string> = {};
	for (const [key, field] of Object.entries(value as Record<string, unknown>))
		if (typeof field === 'string') fields[key] = field;
	return fields;
}
