import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { finishLogin, logoutUrl, startLogin, type OidcSettings } from '../../src/auth/oidc';
import { httpStatusOf } from '../../src/errors';
import type { CoreContext } from '../../src/service/context';

/**
 * The smallest web application that uses src/auth/oidc.ts the way the form pages will (for the browser tests):
 * `/form/anmelden` begins the login and keeps the browser binding in a cookie, `/form/oidc/callback` finishes it
 * and shows who is logged in, `/form/abmelden` sends the browser to the provider's logout.
 * Sessions are not its business (that is the sign-in module's part).
 */
export interface RelyingParty {
	base: string;
	/** Set once the provider runs. */
	use(ctx: CoreContext, settings: OidcSettings): void;
	close(): Promise<void>;
}

const cookieName = 'im_oidc';

const page = (status: number, body: string) => ({
	status,
	headers: { 'content-type': 'text/html; charset=utf-8' },
	body: `<!doctype html><html lang="de"><body>${body}</body></html>`,
});

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function cookieOf(request: http.IncomingMessage): string | undefined {
	const pair = (request.headers.cookie ?? '')
		.split(/;\s*/)
		.find((c) => c.startsWith(`${cookieName}=`));
	return pair?.slice(cookieName.length + 1);
}

type Answer = { status: number; headers: Record<string, string>; body?: string };

export async function startRelyingParty(): Promise<RelyingParty> {
	let app: { ctx: CoreContext; settings: OidcSettings } | undefined;
	const routes: Record<string, (request: http.IncomingMessage, base: string) => Promise<Answer>> = {
		'/form/anmelden': async () => {
			const start = await startLogin(app!.ctx, app!.settings, { returnTo: '/form/aufnahme' });
			const cookie = `${cookieName}=${start.browserBinding}; HttpOnly; SameSite=Lax; Path=/form/oidc; Max-Age=600`;
			return { status: 303, headers: { location: start.authorizationUrl, 'set-cookie': cookie } };
		},
		'/form/oidc/callback': async (request, base) => {
			const login = await finishLogin(app!.ctx, app!.settings, new URL(request.url!, base), {
				browserBinding: cookieOf(request),
				clientAddress: request.socket.remoteAddress,
			});
			return page(
				200,
				`<h1>Angemeldet</h1><p id="wer">${escape(login.name)} (${escape(login.actor.staffId)})</p><a id="abmelden" href="/form/abmelden">Abmelden</a>`,
			);
		},
		'/form/abmelden': async (_request, base) => {
			const url = await logoutUrl(app!.settings, {
				postLogoutRedirectUri: `${base}/form/abgemeldet`,
			});
			return { status: 303, headers: { location: url ?? `${base}/form/abgemeldet` } };
		},
		'/form/abgemeldet': async () => page(200, '<h1>Abgemeldet</h1>'),
	};
	const server = http.createServer((request, response) => {
		const base = `http://${request.headers.host}`;
		const route = routes[new URL(request.url!, base).pathname];
		const answer = route ? route(request, base) : Promise.resolve(page(404, 'Nicht gefunden'));
		answer
			.catch((error: Error) =>
				page(httpStatusOf(error), `<p id="fehler">${escape(error.message)}</p>`),
			)
			.then(({ status, headers, body }) => response.writeHead(status, headers).end(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/form`,
		use: (ctx, settings) => (app = { ctx, settings }),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
