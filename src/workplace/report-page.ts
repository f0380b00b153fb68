import type { Core } from '../core';
import { today } from '../clock';
import { DomainError } from '../errors';
import { resolveActor } from '../access/actor';
import { reportScope } from '../access/policy';
import { organisationName } from '../districts/profile';
import { first, type FormRequest, type FormResponse } from '../forms/http';
import { germanDate } from '../lifecycle/dates';
import { renderSachbericht, renderWorkbook } from '../report';
import type { Actor } from '../generated/types';
import { kindChoices, periodFromQuery, presets, type PeriodAnswer } from './report-period';

/** The files the page offers (`datei`): the funder's workbook and the Sachbericht draft (HTML, Word opens it). */
const files = {
	xlsx: {
		suffix: '.xlsx',
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	},
	sachbericht: { suffix: '-Sachbericht.html', type: 'text/html; charset=utf-8' },
} as const;
export type ReportFile = keyof typeof files;

export const fileOf = (request: FormRequest): ReportFile | undefined => {
	const asked = first(request.query.datei);
	return asked === 'xlsx' || asked === 'sachbericht' ? asked : undefined;
};

/** Whom the signed-in person's report covers (the policy's report scope; the administration is refused here). */
export function scopeOf(core: Core, actor: Actor): string {
	const profile = core.context.profile;
	const organisationId = reportScope(resolveActor(profile, actor));
	return organisationId
		? `nur die Zahlen Ihres Trägers (${organisationName(profile, organisationId)})`
		: `${profile.name}, alle Träger zusammengeführt`;
}

/** The German model of the form: period choices, presets, the chosen period and who it covers. */
export function reportModel(answer: PeriodAnswer, scope: string, todayIso: string) {
	return {
		kinds: kindChoices(answer.input),
		year: answer.input.year,
		from: answer.input.from,
		to: answer.input.to,
		presets: presets(todayIso),
		scope,
		chosen: answer.ok
			? `${answer.label}${answer.label.includes('–') ? '' : ` (${germanDate(answer.period.from)} – ${germanDate(answer.period.to)})`}`
			: undefined,
	};
}

/** `Auswertung-emmendingen-1-Quartal-2026.xlsx`: ASCII only, so every browser keeps the name. */
function fileName(districtId: string, label: string, from: string, to: string, file: ReportFile) {
	const named = /\d{2}\.\d{2}\.\d{4}/.test(label) ? `${from}-bis-${to}` : label;
	const slug = `${districtId}-${named}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return `Auswertung-${slug}${files[file].suffix}`;
}

/** Computes the report through the core (its scope and its audit row) and answers it as a download. */
export async function reportDownload(
	core: Core,
	actor: Actor,
	answer: PeriodAnswer & { ok: true },
	file: ReportFile,
	cookies: Record<string, string[]>,
): Promise<FormResponse> {
	const report = await core.funderReport(actor, { period: answer.period });
	const body =
		file === 'xlsx' ? await renderWorkbook(report) : Buffer.from(renderSachbericht(report), 'utf8');
	const name = fileName(
		report.district.id,
		answer.label,
		report.period.from,
		report.period.to,
		file,
	);
	return {
		status: 200,
		headers: {
			'Content-Type': files[file].type,
			'Content-Disposition': `attachment; filename="${name}"`,
			'Content-Length': String(body.length),
			'Cache-Control': 'no-store',
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
			'Referrer-Policy': 'no-referrer',
			'X-Content-Type-Options': 'nosniff',
			...cookies,
		},
		body,
	};
}

export type ReportAnswer =
	| { download: FormResponse }
	| { model: ReturnType<typeof reportModel>; status?: number; errorMessage?: string };

/**
 * The page `auswertung`: the form for the period, or the file asked for. The administration is refused (audited);
 * an invalid period is a German message on the page (audited when a file was asked for).
 */
export async function reportContent(
	core: Core,
	actor: Actor,
	request: FormRequest,
	cookies: Record<string, string[]>,
): Promise<ReportAnswer> {
	const todayIso = today(core.context.clock);
	let scope: string;
	try {
		scope = scopeOf(core, actor);
	} catch (error) {
		if (error instanceof DomainError)
			await core.recordRefusal(actor, { action: 'report.run' }, error);
		throw error;
	}
	const answer = periodFromQuery(request, todayIso);
	const file = fileOf(request);
	const model = reportModel(answer, scope, todayIso);
	if (!answer.ok) {
		if (file) await core.recordRefusal(actor, { action: 'report.run' }, answer.error);
		return { model, status: 422, errorMessage: answer.error.message };
	}
	if (!file) return { model };
	return { download: await reportDownload(core, actor, answer, file, cookies) };
}
