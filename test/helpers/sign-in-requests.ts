import type { Core } from '../../src/core';
import { handleFormRequest, type FormHandlerConfig } from '../../src/forms/handlers';
import type { FormKind } from '../../src/forms/form-definitions';
import { SystemActor } from '../../src/access/actor';
import { cookieOf } from './sign-in';

/** Requests to the handlers as a browser sends them to the personal sign-in of `/webhook/formulare/<kind>`. */
export function personalForms(core: () => Core) {
	const config = (kind: FormKind): FormHandlerConfig => ({
		core: core(),
		kind,
		auth: { mode: 'personal' },
		save: true,
		formPath: `formulare/${kind}`,
		formUrl: `https://n8n.landkreis.example/webhook/formulare/${kind}`,
	});
	const send = (
		method: 'GET' | 'POST',
		kind: FormKind,
		options: {
			query?: Record<string, string>;
			cookie?: string;
			fields?: Record<string, string>;
		} = {},
	) =>
		handleFormRequest(config(kind), {
			method,
			query: options.query ?? {},
			headers: options.cookie ? { cookie: options.cookie } : {},
			body: options.fields ? new URLSearchParams(options.fields).toString() : undefined,
			path: `/webhook/formulare/${kind}`,
			address: '192.0.2.10',
			secure: true,
		}).then((r) => ({ ...r.response, emission: r.emission, text: String(r.response.body) }));

	/** Invites and sets the password through the invitation page; gives back the session cookie. */
	async function enrol(staffId: string, password: string): Promise<string> {
		const { token } = await core().signIn.invite(new SystemActor('test', 'Test'), staffId);
		const done = await send('POST', 'intake', {
			query: { auth: 'invitation' },
			fields: { token, password, repeat: password },
		});
		if (done.status !== 303) throw new Error(`invitation refused: ${done.status} ${done.text}`);
		return cookieOf(done.headers['Set-Cookie']);
	}

	/** Signs in with the login page; the answer (303 with cookie, or the page with the refusal). */
	const login = (name: string, password: string) =>
		send('POST', 'intake', {
			query: { auth: 'login' },
			fields: { login: name, password, next: '/webhook/formulare/intake' },
		});

	return { config, send, enrol, login };
}
