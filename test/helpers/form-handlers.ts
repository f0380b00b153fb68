import { createCore, type Core } from '../../src/core';
import { fixedClock } from '../../src/clock';
import type { CaseRecord } from '../../src/service/case-rows';
import {
	handleFormRequest,
	type FormHandlerConfig,
	type FormRequest,
	type FormResponse,
	type PostResult,
} from '../../src/forms/handlers';
import type { FormKind } from '../../src/forms/form-definitions';
import { freshStore, type TestStore } from './stores';
import { actorFor, emmendingen, validIntake } from './fixtures';
import { proxyHeaders, proxyPostHeaders, TEST_PROXY } from './sign-in';

// The handlers the Case Form Trigger's webhook() calls, against a real SQLite store and the real core.
export const profile = emmendingen();
export const manager = actorFor(profile, 'em-caritas-01');
export const proxy = proxyHeaders;

export interface PostOptions {
	query?: Record<string, string>;
	staffId?: string;
	submissionId?: string;
	extra?: Partial<FormHandlerConfig>;
	origin?: string;
}

/** The boot data embedded in a served page. */
export function bootOf(html: string | Buffer): {
	form: any;
	data: any;
	submissionId: string;
	i18n: Record<string, string>;
} {
	const json = /<script type="application\/json" id="case-form-boot">(.*?)<\/script>/s.exec(
		String(html),
	)?.[1];
	if (!json) throw new Error('no boot data in page');
	return JSON.parse(json);
}

export const body = (r: { body: string | Buffer }) => JSON.parse(String(r.body));

export interface FormHandlerSuite {
	store: TestStore;
	core: Core;
	clock: ReturnType<typeof fixedClock>;
	config(kind: FormKind, extra?: Partial<FormHandlerConfig>): FormHandlerConfig;
	get(
		kind: FormKind,
		query?: Record<string, string>,
		headers?: FormRequest['headers'],
		extra?: Partial<FormHandlerConfig>,
	): Promise<FormResponse>;
	/** Posts like the page does: form-encoded `payload=<json>`. */
	post(kind: FormKind, data: unknown, options?: PostOptions): Promise<PostResult>;
	createdCase(intake?: ReturnType<typeof validIntake>): Promise<CaseRecord>;
}

/** For the calling `describe`: a fresh SQLite store and core per test, and requests to the handlers as a browser sends them. */
export function formHandlerSuite(): FormHandlerSuite {
	const suite = { clock: fixedClock('2025-06-02T10:00:00+02:00') } as FormHandlerSuite;
	beforeEach(async () => {
		suite.store = await freshStore('SQLite');
		suite.clock.set('2025-06-02T10:00:00+02:00');
		suite.core = createCore({ store: suite.store.store, profile, clock: suite.clock });
	});
	afterEach(() => suite.store.dispose());
	suite.config = (kind, extra = {}) => ({
		core: suite.core,
		kind,
		auth: TEST_PROXY,
		save: true,
		...extra,
	});
	suite.get = (kind, query = {}, headers = proxy('em-caritas-01'), extra = {}) =>
		handleFormRequest(suite.config(kind, extra), { method: 'GET', query, headers }).then(
			(r) => r.response,
		);
	suite.post = async (kind, data, options = {}) => {
		const submissionId = options.submissionId ?? `sub-${Math.random().toString(36).slice(2)}`;
		const requestBody = new URLSearchParams({
			payload: JSON.stringify({ data, submissionId }),
		}).toString();
		const staffId = options.staffId ?? 'em-caritas-01';
		const signedIn = profile.staff.some((s) => s.id === staffId && s.active !== false);
		const headers = {
			...(signedIn ? await proxyPostHeaders(suite.core, staffId) : proxy(staffId)),
			...(options.origin ? { origin: options.origin } : {}),
		};
		return handleFormRequest(suite.config(kind, options.extra), {
			method: 'POST',
			query: options.query ?? {},
			headers,
			body: requestBody,
		});
	};
	suite.createdCase = async (intake = validIntake()) =>
		(await suite.core.createCase(manager, { intake })).case;
	return suite;
}
