import { DomainError } from '../errors';
import { describeClaim, resolveActor, type ResolvedActor } from '../access/actor';
import { organisationName } from '../districts/profile';
import type { ReportDefinition } from '../generated/types';
import { appendAudit } from '../service/audit';
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

/**
 * Who may run the funder report (aggregate figures only, no personal data leaves the store):
 * - the district coordinator: the whole district (all providers merged);
 * - a manager: the own organisation's cases only (the figures a provider reports to the district);
 * - admins: no (they see no case data, and small counts can point to persons).
 */
export function reportScope(actor: ResolvedActor): string | undefined {
	if (actor.role === 'coordinator') return undefined;
	if (actor.role === 'manager') return actor.organisationId;
	throw new DomainError('FORBIDDEN', `${actor.name} (Administration) darf keine Auswertungen der Falldaten erstellen. Das darf die Koordination des Landkreises (ganzer Kreis) oder ein*e Integrationsmanager*in (eigener Träger).`, {
		details: { role: actor.role },
	});
}

/** Computes the funder report for a period; one audit row (`report.run`) per call. */
export async function runFunderReport(ctx: CoreContext, claim: unknown, options: RunReportOptions): Promise<FunderReport> {
	const db = ctx.store.db;
	const at = () => ctx.clock.now().toISOString();
	let actor: ResolvedActor | undefined;
	try {
		actor = resolveActor(ctx.profile, claim);
		const organisationId = reportScope(actor);
		const period = checkPeriod(options.period);
		const definition = options.definition ?? loadShippedDefinition();
		const scope: QueryScope = {
			districtId: ctx.profile.id,
			organisationId,
			period,
			eligibleMunicipalities: ctx.profile.municipalities.filter((m) => m.eligiblePersons !== undefined).map((m) => m.ags),
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
			generatedAt: at(),
			generatedBy: { staffId: actor.staffId, name: actor.name, role: actor.role },
			scope: { organisationId: organisationId ?? null, organisationName: organisationId ? organisationName(ctx.profile, organisationId) : null },
			rows: reportRows(definition),
			total,
			groups,
		};
		await appendAudit(db, { actor, action: 'report.run', outcome: 'ok', detail: `${definition.id} ${period.from}..${period.to}${organisationId ? ` (${organisationId})` : ''}`, at: at() });
		return report;
	} catch (error) {
		const outcome = error instanceof DomainError ? (error.code === 'FORBIDDEN' ? 'denied' : 'rejected') : 'failed';
		await appendAudit(db, { actor: actor ?? describeClaim(claim), action: 'report.run', outcome, detail: (error as Error).message, at: at() });
		throw error;
	}
}

function servicesByCategory(ctx: CoreContext): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const service of ctx.profile.services) map.set(service.category, [...(map.get(service.category) ?? []), service.id]);
	return map;
}
