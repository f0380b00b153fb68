import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { formioGerman } from './i18n-de';
import type { FormDefinition } from './form-definitions';

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
}

let template: Handlebars.TemplateDelegate | undefined;

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
	template ??= Handlebars.compile(fs.readFileSync(path.join(__dirname, 'page.hbs'), 'utf8'), {
		strict: false,
	});
	const bootJson = model.form
		? scriptSafeJson({
				form: model.form,
				i18n: formioGerman,
				data: model.data ?? null,
				submissionId: model.submissionId,
			})
		: '';
	return template({ ...model, bootJson });
}
