import { reportScope } from '../access/policy';
import { organisationName } from '../districts/profile';
import type { ReportDefinition } from '../generated/types';
import { runQuery } from '../service/operation';
import type { CoreContext } from '../service/context';
import { computeCells } from './compute';
import { loadShippedDefinition } from './definitions';
import { checkPeriod, periodLabel, type Period } from './period';
import { groupFigures, reportRows } from './rollup';
import type { FunderReport } from './report-types';
import type { QueryScope } from './sources';

export interface RunReportOptions {
	period: Period;
	/** A parsed definition (`parseDefinition`); default: the shipped `land-bw-auswertung`. */
	definition?: ReportDefinition;
}

/** Computes the funder report for a period (who may: `reportScope`); one audit row (`report.run`) per call. */
export function runFunderReport(
	ctx: CoreContext,
	claim: unknown,
	options: RunReportOptions,
): Promise<FunderReport> {
	return runQuery(ctx, claim, { action: 'report.run' }, async (db, actor) => {
		const organisationId = reportScope(actor);
		const period = checkPeriod(options.period);
		const definition = options.definition ?? loadShippedDefinition();
		const scope: QueryScope = {
			districtId: ctx.profile.id,
			organisationId,
			period,
			eligibleMunicipalities: ctx.profile.municipalities
				.filter((m) => m.eligiblePersons !== undefined)
				.map((m) => m.ags),
			servicesByCategory: servicesByCategory(ctx),
		};
		const cells = await computeCells(db, ctx.store.backend, definition, scope);
		const { groups, total } = groupFigures(definition, ctx.profile, cells, organisationId);
		const report: FunderReport = {
			reportId: definition.id,
			name: definition.name,
			sheetName: definition.sheetName ?? 'Auswertung Zeitraum',
			district: { id: ctx.profile.id, name: ctx.profile.name, funder: ctx.profile.funder ?? null },
			period: { ...period, label: periodLabel(period) },
			generatedAt: ctx.clock.now().toISOString(),
			generatedBy: { staffId: actor.staffId, name: actor.name, role: actor.role },
			scope: {
				organisationId: organisationId ?? null,
				organisationName: organisationId ? organisationName(ctx.profile, organisationId) : null,
			},
			rows: reportRows(definition),
			total,
			groups,
		};
		return {
			result: report,
			detail: `${definition.id} ${period.from}..${period.to}${organisationId ? ` (${organisationId})` : ''}`,
		};
	});
}

function servicesByCategory(ctx: CoreContext): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const service of ctx.profile.services)
		map.set(service.category, [...(map.get(service.category) ?? []), service.id]);
	return map;
}
