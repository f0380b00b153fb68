import { randomUUID } from 'node:crypto';
import type { Core } from '../core';
import { today } from '../clock';
import { DomainError, httpStatusOf, type FieldError } from '../errors';
import { checkInput } from '../validation/validate';
import { readAsset } from './assets';
import type { Actor } from '../generated/types';
import type { AuthConfig } from './auth';
import { gatePage, gatePost, requestToken, type GateConfig, type Visitor } from './gate';
import { first, formFields, html, json, type FormRequest, type FormResponse } from './http';
import { handleAuthAction, isAuthAction } from './sign-in-routes';
import { ssoCallback } from './sign-in-sso';
import { parseSubmissionBody } from './parse-body';

export type { FormRequest, FormResponse } from './http';
export type { FormEmission } from './emission';
import type { FormEmission } from './emission';
export { PAGE_CSP } from './http';
export { parseSubmissionBody } from './parse-body';
import { toFormErrors, type FormFieldError } from './error-paths';
import { formTitles, inputKindOf, loadForm, type FormKind } from './form-definitions';
import { normaliseSubmission } from './normalise';
import { renderPage } from './page';
import { prefill } from './prefill';
import { fillProfileOptions } from './profile-options';
import { storeSubmission } from './submit';

export interface FormHandlerConfig {
	core: Core;
	kind: FormKind;
	auth: AuthConfig;
	/** Store through the core before answering (default). Otherwise only validate and hand the data to the workflow. */
	save: boolean;
	/** The trigger's path parameter (`formulare/aufnahme`): the session cookie's path is its folder. */
	formPath?: string;
	/** Absolute URL of this form (for invitation links). */
	formUrl?: string;
}

const gateOf = (config: FormHandlerConfig): GateConfig => ({
	...config,
	title: formTitles[config.kind],
});

/** The links under the page: sign out always, a password change for password sessions, accounts for admins. */
function navOf(visitor: Visitor) {
	return {
		csrf: visitor.csrfToken,
		password: visitor.via === 'password' || visitor.via === 'invitation',
		accounts: visitor.actor.role === 'admin',
		// The workplace's start page in the same folder (template Arbeitsplatz).
		...(visitor.actor.role === 'admin' ? {} : { back: 'faelle', backLabel: 'Meine Fälle' }),
	};
}

/** A listed asset (`?asset=…`): public library files, no login. */
export function assetAnswer(name: string): FormResponse {
	const asset = readAsset(name);
	if (!asset)
		return {
			status: 404,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
			body: 'Nicht gefunden.',
		};
	// Fonts and the time zone table are fetched in CORS mode; from the sandbox their origin is "null".
	const headers = {
		'Content-Type': asset.type,
		'Cache-Control': 'public, max-age=86400',
		'Access-Control-Allow-Origin': '*',
		'X-Content-Type-Options': 'nosniff',
	};
	return { status: 200, headers, body: asset.body };
}

/** GET: a listed asset or the form page (login, prefill from `?case=…`). */
export async function handleFormGet(
	config: FormHandlerConfig,
	request: FormRequest,
): Promise<FormResponse> {
	const assetName = first(request.query.asset);
	if (assetName !== undefined) return assetAnswer(assetName);
	const action = first(request.query.auth);
	if (isAuthAction(action)) return handleAuthAction(gateOf(config), request, action, false);
	const title = formTitles[config.kind];
	const profile = config.core.context.profile;
	const gate = await gatePage(gateOf(config), request);
	if (!gate.ok) return gate.response;
	const { visitor } = gate;
	const cookies: Record<string, string[]> = gate.cookies.length
		? { 'Set-Cookie': gate.cookies }
		: {};
	const page = { title, districtName: profile.name, actorName: visitor.name, nav: navOf(visitor) };
	try {
		const start = await prefill(
			config.core,
			visitor.actor,
			config.kind,
			{ caseId: first(request.query.case), referral: first(request.query.vermittlung) },
			today(config.core.context.clock),
		);
		const form = loadForm(config.kind);
		fillProfileOptions(form.components, profile, visitor.actor.staffId, start.options);
		return html(
			200,
			renderPage({
				...page,
				caseLabel: start.caseLabel,
				form,
				data: start.data,
				submissionId: randomUUID(),
				csrfToken: visitor.csrfToken,
			}),
			cookies,
		);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return html(httpStatusOf(error), renderPage({ ...page, errorMessage: error.message }), cookies);
	}
}

export interface PostResult {
	response: FormResponse;
	/** Present when the submission was accepted: the item for the workflow. */
	emission?: FormEmission;
}

/** Normalises Form.io's shapes and validates the data and its extra parts against their schemas. */
function checkSubmission(kind: FormKind, data: unknown) {
	const form = loadForm(kind);
	const source = form['x-source'];
	const normalised = normaliseSubmission(source, data);
	const fieldErrors: FieldError[] = [...checkInput(inputKindOf(source.schema), normalised.data)];
	for (const extra of source.extras) {
		if (normalised.extras[extra.key] === undefined) continue;
		fieldErrors.push(
			...checkInput(inputKindOf(extra.schema), { [extra.property]: normalised.extras[extra.key] }),
		);
	}
	const context = normalised.context as { version?: unknown } | undefined;
	const seenVersion =
		typeof context?.version === 'number' && Number.isInteger(context.version)
			? context.version
			: undefined;
	return { form, normalised, fieldErrors, seenVersion };
}

/** A refused submission changes nothing but the audit log: one row naming the fields, not their values. */
async function refused(
	config: FormHandlerConfig,
	actor: Actor,
	request: FormRequest,
	status: number,
	body: { message: string; errors?: FormFieldError[] },
): Promise<PostResult> {
	const fields = body.errors?.length
		? ` (${body.errors.map((e) => e.path || 'Formular').join(', ')})`
		: '';
	const caseId = first(request.query.case) ?? null;
	await config.core.recordRefusal(
		actor,
		{ action: `form.${config.kind}`, caseId },
		new DomainError('VALIDATION_FAILED', `${body.message}${fields}`),
	);
	return { response: json(status, body, request) };
}

/** POST: log in, normalise Form.io's shapes, validate with the schemas' validators, store through the core, answer in German. */
export async function handleFormPost(
	config: FormHandlerConfig,
	request: FormRequest,
): Promise<PostResult> {
	const action = first(request.query.auth);
	if (isAuthAction(action))
		return { response: await handleAuthAction(gateOf(config), request, action, true) };
	const gate = await gatePost(
		gateOf(config),
		request,
		requestToken(request, formFields(request.body)),
	);
	if (!gate.ok) return { response: gate.response };
	const login = gate.visitor;
	let parsed: ReturnType<typeof parseSubmissionBody>;
	try {
		parsed = parseSubmissionBody(request.body);
	} catch {
		return refused(config, login.actor, request, 400, {
			message: 'Die Übermittlung ist kein gültiges JSON.',
		});
	}
	const checked = checkSubmission(config.kind, parsed.data);
	if (checked.fieldErrors.length) {
		const message = `${formTitles[config.kind]} unvollständig oder fehlerhaft. Bitte die markierten Angaben korrigieren.`;
		return refused(config, login.actor, request, 422, {
			message,
			errors: toFormErrors(checked.fieldErrors, checked.form.components),
		});
	}
	const caseId = first(request.query.case);
	const { data, extras } = checked.normalised;
	const emission: FormEmission = {
		kind: config.kind,
		data,
		extras,
		actor: login.actor,
		submissionId: parsed.submissionId ?? randomUUID(),
		...(caseId ? { caseId } : {}),
	};
	if (!config.save)
		return {
			response: json(200, { message: `${formTitles[config.kind]} übermittelt.` }, request),
			emission,
		};
	return storeAndAnswer(config, request, emission, checked);
}

/** Stores through the core (one call) and answers: the German confirmation, or the core's refusal at its field. */
async function storeAndAnswer(
	config: FormHandlerConfig,
	request: FormRequest,
	emission: FormEmission,
	checked: ReturnType<typeof checkSubmission>,
): Promise<PostResult> {
	const { kind, actor, caseId, data, extras, submissionId } = emission;
	try {
		const outcome = await storeSubmission(config.core, {
			kind,
			actor,
			caseId,
			data,
			extras,
			seenVersion: checked.seenVersion,
			submissionId,
		});
		const response = json(
			200,
			{
				message: outcome.message,
				caseId: outcome.caseId,
				caseNumber: outcome.caseNumber,
				...(outcome.replayed ? { replayed: true } : {}),
			},
			request,
		);
		// A repeated submission (double click, resend after a lost answer) gets the first answer but starts no workflow again.
		if (outcome.replayed) return { response };
		const { caseId: id, caseNumber } = outcome;
		return { response, emission: { ...emission, caseId: id, caseNumber, result: outcome.result } };
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const status = httpStatusOf(error);
		if (status !== 422)
			return { response: json(status, { message: error.message, code: error.code }, request) };
		// Rules the core checks (dates, routing, duration, status): at the field when the core names one, else for the whole form.
		const errors = error.fieldErrors.length
			? toFormErrors(error.fieldErrors, checked.form.components)
			: [{ path: routedField(error), field: formTitles[kind], message: error.message }];
		return { response: json(422, { message: error.message, code: error.code, errors }, request) };
	}
}

/** Routing errors of an intake belong to the municipality field. */
function routedField(error: DomainError): string {
	return ['NOT_IN_PROGRAMME', 'UNKNOWN_MUNICIPALITY', 'NO_MANAGER_AVAILABLE'].includes(error.code)
		? 'municipality'
		: '';
}

/** One entry for the webhook: GET → page or asset, POST → submission, anything else → 405. */
export async function handleFormRequest(
	config: FormHandlerConfig,
	request: FormRequest & { method: string; ssoCallback?: boolean },
): Promise<PostResult> {
	const method = request.method.toUpperCase();
	if (request.ssoCallback) return { response: await ssoCallback(gateOf(config), request) };
	if (method === 'GET' || method === 'HEAD')
		return { response: await handleFormGet(config, request) };
	if (method === 'POST') return handleFormPost(config, request);
	return {
		response: {
			status: 405,
			headers: { Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=utf-8' },
			body: 'Nur GET und POST.',
		},
	};
}
