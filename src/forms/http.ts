import type { HeaderBag } from './auth';

/** The parts of an HTTP request the handlers read (n8n's express request and a plain node:http test server both give them). */
export interface FormRequest {
	query: Record<string, unknown>;
	headers: HeaderBag;
	body?: unknown;
}

export interface FormResponse {
	status: number;
	headers: Record<string, string>;
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
	extra: Record<string, string> = {},
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
	extra: Record<string, string> = {},
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
