import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { formioGerman } from './i18n-de';
import type { FormDefinition } from './form-definitions';

/** The links under every page of a signed-in person: back, change password, manage accounts, sign out. */
export interface AccountNav {
	/** The session's request token: the sign-out button posts it. */
	csrf: string;
	back?: string;
	/** Text of the back link (default „Zurück zum Formular“). */
	backLabel?: string;
	password?: boolean;
	accounts?: boolean;
}

export interface PageModel {
	title: string;
	districtName?: string;
	actorName?: string;
	caseLabel?: string;
	/** Instead of the form: a German message (no access, case not found, …). */
	errorMessage?: string;
	form?: FormDefinition;
	data?: Record<string, unknown>;
	submissionId?: string;
	/** The session's request token; the page posts it with every submission. */
	csrfToken?: string;
	nav?: AccountNav;
}

const templates = new Map<string, Handlebars.TemplateDelegate>();

/** A handlebars template beside this file or at an absolute path (with the shared partial `account-nav.hbs`), compiled once. */
export function template(name: string): Handlebars.TemplateDelegate {
	let compiled = templates.get(name);
	if (!compiled) {
		const read = (file: string) =>
			fs.readFileSync(path.isAbsolute(file) ? file : path.join(__dirname, file), 'utf8');
		if (!Handlebars.partials.accountNav)
			Handlebars.registerPartial('accountNav', read('account-nav.hbs'));
		compiled = Handlebars.compile(read(name), { strict: false });
		templates.set(name, compiled);
	}
	return compiled;
}

/** JSON inside <script type="application/json">: nothing in the data can close the tag or start a comment. */
export function scriptSafeJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/** The form page (handlebars template `page.hbs`); every asset URL is relative (`?asset=…`), so it works under any webhook path. */
export function renderPage(model: PageModel): string {
	const bootJson = model.form
		? scriptSafeJson({
				form: model.form,
				i18n: formioGerman,
				data: model.data ?? null,
				submissionId: model.submissionId,
				csrfToken: model.csrfToken,
			})
		: '';
	return template('page.hbs')({ ...model, bootJson });
}
