import type { DistrictProfile, ReportDefinition } from '../generated/types';
import { organisationName } from '../districts/profile';
import type { Cell } from './compute';
import { isCount, isProfile, isShare } from './definitions';
import { breakdownValues } from './labels';
import type { Figures, ReportGroup, ReportRow } from './report-types';

/** The visible lines of a definition, in order; broken-down indicators get one line per value. */
export function reportRows(definition: ReportDefinition): ReportRow[] {
	const rows: ReportRow[] = [];
	for (const indicator of definition.indicators) {
		if (indicator.hidden) continue;
		const base = { indicatorId: indicator.id, section: indicator.section ?? null, periodRule: indicator.periodRule };
		const format = isShare(indicator) ? 'share' : 'count';
		rows.push({ ...base, key: indicator.id, label: indicator.label, level: 0, format });
		if (isCount(indicator) && indicator.breakdown) {
			for (const { value, label } of breakdownValues(indicator.breakdown)) {
				rows.push({ ...base, key: `${indicator.id}.${value}`, label, level: 1, format: 'count' });
			}
		}
	}
	return rows;
}

/** Eligible persons (profile) of a set of municipalities; null when the profile gives the number for none of them. */
function eligibleOf(profile: DistrictProfile, include: (ags: string, organisationId: string | undefined) => boolean): number | null {
	const known = profile.municipalities.filter((m) => m.eligiblePersons !== undefined && include(m.ags, m.organisationId));
	return known.length ? known.reduce((sum, m) => sum + (m.eligiblePersons ?? 0), 0) : null;
}

export type EligibleScope = { kind: 'manager' } | { kind: 'organisation'; id: string } | { kind: 'municipality'; ags: string } | { kind: 'all'; organisationId?: string };

/** The count keys of a definition (indicators and their breakdown values), computed once per definition. */
const countKeyCache = new WeakMap<ReportDefinition, string[]>();
function countKeys(definition: ReportDefinition): string[] {
	let keys = countKeyCache.get(definition);
	if (!keys) {
		keys = definition.indicators.filter(isCount).flatMap((i) => (i.breakdown ? [i.id, ...breakdownValues(i.breakdown).map((v) => `${i.id}.${v.value}`)] : [i.id]));
		countKeyCache.set(definition, keys);
	}
	return keys;
}

/** Sums the cells of a group, then adds the profile figures and the shares (computed from the summed figures). */
export function figuresOf(definition: ReportDefinition, profile: DistrictProfile, cells: Cell[], eligible: EligibleScope): Figures {
	const figures: Figures = {};
	for (const key of countKeys(definition)) figures[key] = 0;
	for (const cell of cells) {
		for (const key in cell.values) figures[key] = (figures[key] ?? 0) + cell.values[key];
	}
	for (const indicator of definition.indicators) {
		if (isProfile(indicator)) {
			figures[indicator.id] =
				eligible.kind === 'manager'
					? null
					: eligible.kind === 'organisation'
						? eligibleOf(profile, (_, org) => org === eligible.id)
						: eligible.kind === 'municipality'
							? eligibleOf(profile, (ags) => ags === eligible.ags)
							: eligibleOf(profile, (_, org) => !eligible.organisationId || org === eligible.organisationId);
		}
	}
	for (const indicator of definition.indicators) {
		if (!isShare(indicator)) continue;
		const numerator = figures[indicator.share.numerator];
		const denominator = figures[indicator.share.denominator];
		figures[indicator.id] = numerator === null || numerator === undefined || !denominator ? null : numerator / denominator;
	}
	return figures;
}

/** Managers (one column each), organisations and municipalities of the report's scope, each with its figures. */
export function groupFigures(definition: ReportDefinition, profile: DistrictProfile, cells: Cell[], organisationId: string | undefined) {
	const inScope = (org: string | undefined) => !organisationId || org === organisationId;
	const by = (pick: (c: Cell) => string) => {
		const map = new Map<string, Cell[]>();
		for (const cell of cells) map.set(pick(cell), [...(map.get(pick(cell)) ?? []), cell]);
		return (id: string) => map.get(id) ?? [];
	};
	const ofManager = by((c) => c.managerId);
	const ofOrganisation = by((c) => c.organisationId);
	const ofMunicipality = by((c) => c.municipality);
	const withData = (pick: (c: Cell) => string) => new Set(cells.map(pick));
	const orgName = (id: string | undefined) => (id ? organisationName(profile, id) : null);

	const managerIds = withData((c) => c.managerId);
	const managers = profile.staff.filter((s) => s.role === 'manager' && inScope(s.organisationId) && (s.active !== false || managerIds.has(s.id)));
	const unknownManagers = [...managerIds].filter((id) => !managers.some((m) => m.id === id)).sort();
	const manager: ReportGroup[] = [
		...managers.map((m) => ({ id: m.id, name: m.name, organisation: orgName(m.organisationId) })),
		...unknownManagers.map((id) => ({ id, name: id, organisation: orgName(cells.find((c) => c.managerId === id)?.organisationId) })),
	].map((g) => ({ ...g, figures: figuresOf(definition, profile, ofManager(g.id), { kind: 'manager' }) }));

	const orgIds = withData((c) => c.organisationId);
	const organisation: ReportGroup[] = profile.organisations
		.filter((o) => inScope(o.id) && (orgIds.has(o.id) || profile.staff.some((s) => s.role === 'manager' && s.organisationId === o.id)))
		.map((o) => ({ id: o.id, name: o.name, organisation: null, figures: figuresOf(definition, profile, ofOrganisation(o.id), { kind: 'organisation', id: o.id }) }));

	const agsWithData = withData((c) => c.municipality);
	const municipality: ReportGroup[] = profile.municipalities
		.filter((m) => agsWithData.has(m.ags) || (m.programme === 'served' && inScope(m.organisationId)))
		.map((m) => ({
			id: m.ags,
			name: m.name,
			organisation: orgName(m.organisationId),
			figures: figuresOf(definition, profile, ofMunicipality(m.ags), { kind: 'municipality', ags: m.ags }),
		}));
	const total = figuresOf(definition, profile, cells, { kind: 'all', organisationId });
	return { groups: { manager, organisation, municipality }, total };
}
