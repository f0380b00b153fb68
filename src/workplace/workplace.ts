import * as path from 'node:path';
import type { Core } from '../core';
import { today } from '../clock';
import { DomainError, httpStatusOf } from '../errors';
import type { AuthConfig } from '../forms/auth';
import { gatePage, type GateConfig, type Visitor } from '../forms/gate';
import { first, html, type FormRequest, type FormResponse } from '../forms/http';
import { template } from '../forms/page';
import { handleAuthAction, isAuthAction } from '../forms/sign-in-routes';
import { assetAnswer } from '../forms/handlers';
import { casePageModel } from './case-page';
import { caseloadModel, filterOf } from './caseload-page';
import { overviewModel } from './overview-page';
import { planDocumentContent } from './plan-document';
import { reportContent } from './report-page';

/**
 * The pages of the workplace: `cases` (Meine Fälle, the start page), `case` (the case page, with `&fassung=N` one
 * plan version as a document), `report` (Auswertung), `overview` (Übersicht per provider and manager).
 */
export type PageKind = 'cases' | 'case' | 'report' | 'overview';
export const pageKinds: readonly PageKind[] = ['cases', 'case', 'report', 'overview'];

export const pageTitles: Record<PageKind, string> = {
	cases: 'Meine Fälle',
	case: 'Fallakte',
	report: 'Auswertung',
	overview: 'Übersicht',
};

export interface WorkplaceConfig {
	core: Core;
	kind: PageKind;
	auth: AuthConfig;
	formPath?: string;
	formUrl?: string;
}

const workplacePage = (model: Record<string, unknown>) =>
	template(path.join(__dirname, 'workplace.hbs'))(model);

/**
 * The links under the page (as on the forms): sign out, password, accounts for admins, the report and the overview
 * for staff.
 */
const navOf = (visitor: Visitor, kind: PageKind) => ({
	csrf: visitor.csrfToken,
	password: visitor.via === 'password' || visitor.via === 'invitation',
	accounts: visitor.actor.role === 'admin',
	report: visitor.actor.role !== 'admin' && kind !== 'report' ? 'auswertung' : undefined,
	overview: visitor.actor.role !== 'admin' && kind !== 'overview' ? 'uebersicht' : undefined,
	...(kind !== 'cases' ? { back: 'faelle', backLabel: 'Meine Fälle' } : {}),
});

async function content(
	config: WorkplaceConfig,
	request: FormRequest,
	visitor: Visitor,
	cookies: Record<string, string[]>,
): Promise<Record<string, unknown> | FormResponse> {
	const { core, kind } = config;
	const profile = core.context.profile;
	if (kind === 'report') {
		const answer = await reportContent(core, visitor.actor, request, cookies);
		if ('download' in answer) return answer.download;
		const { model, status, errorMessage } = answer;
		return { report: model, ...(status ? { status, errorMessage } : {}) };
	}
	if (kind === 'cases') {
		const filter = filterOf(request);
		const { rows } = await core.caseload(visitor.actor, filter);
		const list = caseloadModel(profile, filter, rows, visitor.actor);
		return { list, ...(list.title ? { title: list.title } : {}) };
	}
	if (kind === 'overview')
		return { overview: overviewModel(profile, await core.caseOverview(visitor.actor)) };
	const caseId = first(request.query.case);
	if (!caseId) throw new DomainError('NOT_FOUND', 'Bitte einen Fall aus „Meine Fälle“ öffnen.');
	const fassung = first(request.query.fassung);
	if (fassung !== undefined) return planDocumentContent(core, visitor.actor, caseId, fassung);
	const file = await core.getCaseFile(visitor.actor, caseId);
	return { file: casePageModel(profile, file, today(core.context.clock)) };
}

/** GET of a workplace page: sign-in first, then the list or the case page; `?auth=…` as on the forms. */
export async function handleWorkplaceRequest(
	config: WorkplaceConfig,
	request: FormRequest & { method: string },
): Promise<FormResponse> {
	const title = pageTitles[config.kind];
	const gateConfig: GateConfig = { ...config, title };
	const asset = first(request.query.asset);
	if (asset !== undefined) return assetAnswer(asset);
	const post = request.method.toUpperCase() === 'POST';
	const action = first(request.query.auth);
	if (isAuthAction(action)) return handleAuthAction(gateConfig, request, action, post);
	if (post)
		return {
			status: 405,
			headers: { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' },
			body: 'Nur GET.',
		};
	const gate = await gatePage(gateConfig, request);
	if (!gate.ok) return gate.response;
	const { visitor } = gate;
	const frame = {
		title:
			config.kind === 'cases' && visitor.actor.role === 'coordinator' ? 'Fälle des Kreises' : title,
		districtName: config.core.context.profile.name,
		actorName: visitor.name,
		nav: navOf(visitor, config.kind),
	};
	const cookies: Record<string, string[]> = gate.cookies.length
		? { 'Set-Cookie': gate.cookies }
		: {};
	try {
		const answer = await content(config, request, visitor, cookies);
		if (isResponse(answer)) return answer;
		const status = typeof answer.status === 'number' ? answer.status : 200;
		return html(status, workplacePage({ ...frame, ...answer }), cookies);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return html(
			httpStatusOf(error),
			workplacePage({ ...frame, errorMessage: error.message }),
			cookies,
		);
	}
}

const isResponse = (answer: Record<string, unknown> | FormResponse): answer is FormResponse =>
	'body' in answer && 'headers' in answer;
