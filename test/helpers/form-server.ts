import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHtmlSandboxCSP } from 'n8n-core';
import {
	handleFormRequest,
	type FormEmission,
	type FormHandlerConfig,
	type FormResponse,
} from '../../src/forms/handlers';
import type { FormKind } from '../../src/forms/form-definitions';
import {
	handleWorkplaceRequest,
	pageKinds,
	type WorkplaceConfig,
} from '../../src/workplace/workplace';

export interface FormServer {
	url(kind: string, query?: string): string;
	/** What each accepted POST handed to the workflow. */
	emissions: FormEmission[];
	/** Method, URL and Origin header of every request the server saw (CORS checks). */
	log: string[];
	close(): Promise<void>;
}

function send(res: http.ServerResponse, response: FormResponse, sandbox: boolean): void {
	const headers: Record<string, string | string[]> = { ...response.headers };
	// n8n 2.x adds its HTML sandbox policy to HTML webhook answers (n8n-core getHtmlSandboxCSP); both policies apply.
	if (sandbox && String(headers['Content-Type']).startsWith('text/html'))
		headers['Content-Security-Policy'] = [
			getHtmlSandboxCSP(),
			String(headers['Content-Security-Policy']),
		];
	res.writeHead(response.status, headers);
	res.end(response.body);
}

/** What one path serves: a form (as the trigger's form handlers) or a workplace page. */
export type Route = FormHandlerConfig | WorkplaceConfig;

const isPage = (route: Route): route is WorkplaceConfig =>
	(pageKinds as readonly string[]).includes(route.kind);

function answer(route: Route, request: Parameters<typeof handleFormRequest>[1]) {
	return isPage(route)
		? handleWorkplaceRequest(route, request).then((response) => ({ response, emission: undefined }))
		: handleFormRequest(route, request);
}

/**
 * A plain node:http server that hands every request to exactly the function the Case Form Trigger's
 * webhook() calls (handleFormRequest), one form kind per path `/form/<kind>`.
 */
export async function startFormServer(
	configs: Partial<Record<FormKind, Omit<FormHandlerConfig, 'kind'>>>,
	options: {
		sandbox: boolean;
		/** Acts like an SSO reverse proxy: sets these headers on every request it forwards. */
		inject?: Record<string, string>;
		/** Further pages by path segment (`/form/<segment>`): the workplace pages, or forms under another name. */
		pages?: Record<string, Route>;
	},
): Promise<FormServer> {
	const emissions: FormEmission[] = [];
	const log: string[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		log.push(`${req.method} ${url.pathname}${url.search} origin=${req.headers.origin ?? '-'}`);
		const route = /^\/form\/([A-Za-z]+)(\/anmeldung)?$/.exec(url.pathname);
		const segment = route?.[1] ?? '';
		const known = configs[segment as FormKind];
		const target: Route | undefined =
			options.pages?.[segment] ?? (known && { ...known, kind: segment as FormKind });
		if (!target) {
			res.writeHead(404).end();
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const headers = { ...req.headers };
			for (const [name, value] of Object.entries(options.inject ?? {}))
				headers[name.toLowerCase()] = value;
			const request = {
				query: Object.fromEntries(url.searchParams),
				headers,
				body: Buffer.concat(chunks).toString('utf8'),
				path: url.pathname,
				address: req.socket.remoteAddress,
				ssoCallback: route?.[2] !== undefined,
			};
			const handler = answer(target, { method: req.method ?? 'GET', ...request }).then((r) => {
				if (r.emission) emissions.push(r.emission);
				return r.response;
			});
			handler.then(
				(response) => send(res, response, options.sandbox),
				(error: Error) => {
					res.writeHead(500, { 'Content-Type': 'text/plain' }).end(error.stack);
				},
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: (kind, query = '') => `http://127.0.0.1:${port}/form/${kind}${query}`,
		emissions,
		log,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
