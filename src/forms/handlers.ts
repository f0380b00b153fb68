import { randomUUID } from 'node:crypto';
import type { Core } from '../core';
import { today } from '../clock';
import { DomainError, httpStatusOf, type FieldError } from '../errors';
import { checkInput } from '../validation/validate';
import { readAsset } from './assets';
import { authenticate, type AuthConfig, type HeaderBag } from './auth';
import { toFormErrors, type FormFieldError } from './error-paths';
import { formTitles, inputKindOf, loadForm, type FormKind } from './form-definitions';
import { normaliseSubmission } from './normalise';
import { renderPage } from './page';
import { prefill } from './prefill';
import { fillProfileOptions } from './profile-options';
import { storeSubmission } from './submit';

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

/** What a successful POST hands to the workflow. */
export interface FormEmission {
	kind: FormKind;
	data: Record<string, unknown>;
	extras: Record<string, unknown>;
	actor: { staffId: string; role: string; organisationId: string };
	submissionId: string;
	caseId?: string;
	/** The stored record (when the trigger saves). */
	result?: unknown;
}

export interface FormHandlerConfig {
	core: Core;
	kind: FormKind;
	auth: AuthConfig;
	/** Store through the core before answering (default). Otherwise only validate and hand the data to the workflow. */
	save: boolean;
}

/** Our policy, on top of whatever n8n adds (its HTML sandbox): scripts only from this URL, no eval, nothing from elsewhere. */
export const PAGE_CSP =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

const first = (v: unknown): string | undefined => (Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : undefined);

const html = (status: number, body: string, extra: Record<string, string> = {}): FormResponse => ({
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
	return first(request.headers.origin) === 'null' ? { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : { Vary: 'Origin' };
}

const json = (status: number, body: unknown, request: FormRequest, extra: Record<string, string> = {}): FormResponse => ({
	status,
	headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...corsHeaders(request), ...extra },
	body: JSON.stringify(body),
});


/** GET: a listed asset (`?asset=…`, public library files, no login) or the form page (login, prefill from `?case=…`). */
export async function handleFormGet(config: FormHandlerConfig, request: FormRequest): Promise<FormResponse> {
	const assetName = first(request.query.asset);
	if (assetName !== undefined) {
		const asset = readAsset(assetName);
		if (!asset) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Nicht gefunden.' };
		// Fonts and the time zone table are fetched in CORS mode; from the sandbox their origin is "null".
		return { status: 200, headers: { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' }, body: asset.body };
	}
	const title = formTitles[config.kind];
	const profile = config.core.context.profile;
	const login = authenticate(config.auth, profile, request.headers);
	if (!login.ok) return html(401, renderPage({ title, errorMessage: login.message }), login.headers);
	try {
		const start = await prefill(config.core, login.actor, config.kind, first(request.query.case), today(config.core.context.clock));
		const form = loadForm(config.kind);
		fillProfileOptions(form.components, profile, login.actor.staffId);
		return html(200, renderPage({ title, districtName: profile.name, actorName: login.name, caseLabel: start.caseLabel, form, data: start.data, submissionId: randomUUID() }));
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return html(httpStatusOf(error), renderPage({ title, districtName: profile.name, actorName: login.name, errorMessage: error.message }));
	}
}

/** The submission as the page sends it (`payload=<json>`, form-encoded) or as JSON from another client. */
export function parseSubmissionBody(body: unknown): { data: unknown; submissionId?: string } {
	let value: unknown = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value.trim();
		value = text.startsWith('{') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
	}
	if (value && typeof value === 'object' && typeof (value as { payload?: unknown }).payload === 'string') value = JSON.parse((value as { payload: string }).payload);
	const v = (value ?? {}) as { data?: unknown; submissionId?: unknown };
	return { data: v.data ?? value, submissionId: typeof v.submissionId === 'string' ? v.submissionId : undefined };
}

export interface PostResult {
	response: FormResponse;
	/** Present when the submission was accepted: the item for the workflow. */
	emission?: FormEmission;
}

function validationAnswer(request: FormRequest, kind: FormKind, errors: FormFieldError[]): FormResponse {
	return json(422, { message: `${formTitles[kind]} unvollständig oder fehlerhaft. Bitte die markierten Angaben korrigieren.`, errors }, request);
}

/** POST: log in, normalise Form.io's shapes, validate with the schemas' validators, store through the core, answer in German. */
export async function handleFormPost(config: FormHandlerConfig, request: FormRequest): Promise<PostResult> {
	const profile = config.core.context.profile;
	const login = authenticate(config.auth, profile, request.headers);
	if (!login.ok) return { response: json(401, { message: login.message }, request, login.headers) };
	let parsed: ReturnType<typeof parseSubmissionBody>;
	try {
		parsed = parseSubmissionBody(request.body);
	} catch {
		return { response: json(400, { message: 'Die Übermittlung ist kein gültiges JSON.' }, request) };
	}
	const form = loadForm(config.kind);
	const source = form['x-source'];
	const normalised = normaliseSubmission(source, parsed.data);
	const fieldErrors: FieldError[] = [...checkInput(inputKindOf(source.schema), normalised.data)];
	for (const extra of source.extras) {
		if (normalised.extras[extra.key] !== undefined) fieldErrors.push(...checkInput(inputKindOf(extra.schema), { [extra.property]: normalised.extras[extra.key] }));
	}
	if (fieldErrors.length) return { response: validationAnswer(request, config.kind, toFormErrors(fieldErrors, form.components)) };
	const submissionId = parsed.submissionId ?? randomUUID();
	const caseId = first(request.query.case);
	const emission: FormEmission = { kind: config.kind, data: normalised.data, extras: normalised.extras, actor: login.actor, submissionId, ...(caseId ? { caseId } : {}) };
	if (!config.save) return { response: json(200, { message: `${formTitles[config.kind]} übermittelt.` }, request), emission };
	const context = normalised.context as { version?: unknown } | undefined;
	const seenVersion = typeof context?.version === 'number' && Number.isInteger(context.version) ? context.version : undefined;
	try {
		const outcome = await storeSubmission(config.core, { kind: config.kind, actor: login.actor, caseId, data: normalised.data, extras: normalised.extras, seenVersion, submissionId });
		const response = json(200, { message: outcome.message, caseId: outcome.caseId, ...(outcome.replayed ? { replayed: true } : {}) }, request);
		// A repeated submission (double click, resend after a lost answer) gets the first answer but starts no workflow again.
		if (outcome.replayed) return { response };
		return { response, emission: { ...emission, caseId: outcome.caseId, result: outcome.result } };
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const status = httpStatusOf(error);
		if (status !== 422) return { response: json(status, { message: error.message, code: error.code }, request) };
		// Rules the core checks (dates, routing, duration, status): at the field when the core names one, else for the whole form.
		const errors = error.fieldErrors.length
			? toFormErrors(error.fieldErrors, form.components)
			: [{ path: routedField(error), field: formTitles[config.kind], message: error.message }];
		return { response: json(422, { message: error.message, code: error.code, errors }, request) };
	}
}

/** Routing errors of an intake belong to the municipality field. */
function routedField(error: DomainError): string {
	return ['NOT_IN_PROGRAMME', 'UNKNOWN_MUNICIPALITY', 'NO_MANAGER_AVAILABLE'].includes(error.code) ? 'municipality' : '';
}

/** One entry for the webhook: GET → page or asset, POST → submission, anything else → 405. */
export async function handleFormRequest(config: FormHandlerConfig, request: FormRequest & { method: string }): Promise<PostResult> {
	const method = request.method.toUpperCase();
	if (method === 'GET' || method === 'HEAD') return { response: await handleFormGet(config, request) };
	if (method === 'POST') return handleFormPost(config, request);
	return { response: { status: 405, headers: { Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Nur GET und POST.' } };
}
