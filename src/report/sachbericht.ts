import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { DomainError } from '../errors';
import { reportDir } from './definitions';
import { formatFigure, generatedText, periodText, scopeText } from './format';
import type { FunderReport, ReportRow } from './report-types';

/** The shipped template of the Sachbericht draft (HTML; Word opens it, the district may replace it). */
export function shippedSachberichtTemplate(): string {
	return fs.readFileSync(path.join(reportDir, 'sachbericht.hbs'), 'utf8');
}

interface Part {
	key: string;
	label: string;
	anzahl: number;
	wert: string;
}

/**
 * Fills the Sachbericht template with the report's total figures (all providers merged). Helpers for template
 * authors: `{{wert "id"}}` gives a figure formatted in German, `{{#each (teile "id")}}` the parts of a broken-down
 * indicator with a value above zero (`label`, `wert`, `anzahl`; `alle=true`: all parts). Unknown ids are an error, so a typo in a template does not go unnoticed.
 */
export function renderSachbericht(
	report: FunderReport,
	template: string = shippedSachberichtTemplate(),
): string {
	const rowsByKey = new Map(report.rows.map((r) => [r.key, r]));
	const hb = Handlebars.create();
	const figure = (key: string): string => {
		const row = rowsByKey.get(key);
		if (!row && !(key in report.total))
			throw new DomainError(
				'VALIDATION_FAILED',
				`Sachbericht-Vorlage: Die Kennzahl „${key}“ gibt es in der Berichtsdefinition nicht.`,
			);
		return formatFigure(report.total[key], row?.format ?? 'count');
	};
	hb.registerHelper('wert', function (this: Part | undefined, key: unknown) {
		return typeof key === 'string' ? figure(key) : (this?.wert ?? '');
	});
	hb.registerHelper('teile', (id: unknown, options: { hash?: { alle?: boolean } }): Part[] =>
		report.rows
			.filter((r: ReportRow) => r.level === 1 && r.indicatorId === id)
			.map((r) => ({
				key: r.key,
				label: r.label,
				anzahl: report.total[r.key] ?? 0,
				wert: formatFigure(report.total[r.key], r.format),
			}))
			.filter((part) => options?.hash?.alle === true || part.anzahl > 0),
	);
	let compiled: Handlebars.TemplateDelegate;
	try {
		compiled = hb.compile(template, { strict: false });
		return compiled(context(report));
	} catch (error) {
		if (error instanceof DomainError) throw error;
		throw new DomainError(
			'VALIDATION_FAILED',
			`Die Sachbericht-Vorlage ist fehlerhaft: ${(error as Error).message}`,
		);
	}
}

function context(report: FunderReport) {
	return {
		bericht: report,
		empfaenger: report.district.funder ?? report.district.name,
		zeitraum: periodText(report),
		stand: generatedText(report.generatedAt),
		umfang: scopeText(report),
		anzahlTraeger: report.groups.organisation.length,
		anzahlIntegrationsmanager: report.groups.manager.length,
		traeger: report.groups.organisation,
		betreuungsquote: report.total.care_rate !== null && report.total.care_rate !== undefined,
		tabelle: report.rows.map((r) => ({
			label: r.label,
			unterzeile: r.level === 1,
			wert: formatFigure(report.total[r.key], r.format),
		})),
	};
}
