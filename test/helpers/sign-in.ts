import type { Core } from '../../src/core';
import type { AuthConfig } from '../../src/forms/auth';

/** The district's SSO reverse proxy as the tests play it: user header plus shared secret. */
export const TEST_PROXY: Extract<AuthConfig, { mode: 'trustedHeader' }> = {
	mode: 'trustedHeader',
	userHeader: 'X-Remote-User',
	secretHeader: 'X-Proxy-Secret',
	secret: 'test-proxy-secret-0123456789abcdef',
};

/** The headers the proxy sets for a signed-in staff member. */
export const proxyHeaders = (staffId: string): Record<string, string> => ({
	'x-remote-user': staffId,
	'x-proxy-secret': TEST_PROXY.secret,
});

/** A proxy session of this staff member: the headers of a page's POST (proxy, secret, request token). */
export async function proxyPostHeaders(
	core: Core,
	staffId: string,
): Promise<Record<string, string>> {
	const session = await core.signIn.startSession(staffId, 'proxy', { address: '127.0.0.1' });
	return { ...proxyHeaders(staffId), 'x-csrf-token': session.csrfToken };
}

/** The `Cookie` header value of a Set-Cookie answer (name=value of each cookie). */
export function cookieOf(setCookie: string | string[] | undefined): string {
	const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
	return list.map((c) => c.split(';')[0]).join('; ');
}

/** The request token a served page embeds (boot data of a form, or the hidden `csrf` field). */
export function pageToken(html: string | Buffer): string {
	const text = String(html);
	const token =
		/"csrfToken":"([A-Za-z0-9_-]+)"/.exec(text)?.[1] ??
		/name="csrf" value="([A-Za-z0-9_-]+)"/.exec(text)?.[1];
	if (!token) throw new Error('no request token in page');
	return token;
}
