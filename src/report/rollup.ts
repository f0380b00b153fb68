import type { DistrictProfile, ReportDefinition } from '../generated/types';
import { organisationName } from '../districts/profile';
import type { Cell } from './compute';
import { isCount, isProfile, isShare } from './definitions';
import { breakdownRows } from './labels';
import type { Figures, ReportGroup, ReportRow } from './report-types';

/** The visible lines of a definition, in order; broken-down indicators get one line per value. */
export function reportRows(definition: ReportDefinition): ReportRow[] {
	const rows: ReportRow[] = [];
	for (const indicator of definition.indicators) {
		if (indicator.hidden) continue;
		const base = {
			indicatorId: indicator.id,
			section: indicator.section ?? null,
			periodRule: indicator.periodRule,
		};
		const format = isShare(indicator) ? 'share' : 'count';
		rows.push({ ...base, key: indicator.id, label: indicator.label, level: 0, format });
		if (isCount(indicator)) {
			for (const { key, label } of breakdownRows(indicator))
				rows.push({ ...base, key, label, level: 1, format: 'count' });
		}
	}
	return rows;
}

/** Eligible persons (profile) of a set of municipalities; null when the profile gives the number for none of them. */
function eligibleOf(
	profile: DistrictProfile,
	include: (ags: string, organisationId: string | undefined) => boolean,
): number | null {
	const known = profile.municipalities.filter(
		(m) => m.eligiblePersons !== undefined && include(m.ags, m.organisationId),
	);
	return known.length ? known.reduce((sum, m) => sum + (m.eligiblePersons ?? 0), 0) : null;
}

export type EligibleScope =
	| { kind: 'manager' }
	| { kind: 'organisation'; id: string }
	| { kind: 'municipality'; ags: string }
	| { kind: 'all'; organisationId?: string };

/** The count keys of a definition (indicators and their breakdown values), computed once per definition. */
const countKeyCache = new WeakMap<ReportDefinition, string[]>();
function countKeys(definition: ReportDefinition): string[] {
	let keys = countKeyCache.get(definition);
	if (!keys) {
		keys = definition.indicators
			.filter(isCount)
			.flatMap((i) => [i.id, ...breakdownRows(i).map((row) => row.key)]);
		countKeyCache.set(definition, keys);
	}
	return keys;
}

/** Sums the cells of a group, then adds the profile figures and the shares (computed from the summed figures). */
export function figuresOf(
	definition: ReportDefinition,
	profile: DistrictProfile,
	cells: Cell[],
	eligible: EligibleScope,
): Figures {
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
							: eligibleOf(
									profile,
									(_, org) => !eligible.organisationId || org === eligible.organisationId,
								);
		}
	}
	for (const indicator of definition.indicators) {
		if (!isShare(indicator)) continue;
		const numerator = figures[indicator.share.numerator];
		const denominator = figures[indicator.share.denominator];
		figures[indicator.id] =
			numerator === null || numerator === undefined || !denominator
				? null
				: numerator / denominator;
	}
	return figures;
}

/** The report's cells of one group, by the group's id. */
function cellsBy(cells: Cell[], pick: (c: Cell) => string): (id: string) => Cell[] {
	const map = new Map<string, Cell[]>();
	for (const cell of cells) map.set(pick(cell), [...(map.get(pick(cell)) ?? []), cell]);
	return (id: string) => map.get(id) ?? [];
}

interface GroupContext {
	profile: DistrictProfile;
	cells: Cell[];
	inScope: (organisationId: string | undefined) => boolean;
	orgName: (id: string | undefined) => string | null;
	/** The figures of one group: the cells `pick` assigns to its id, with the eligible persons of its scope. */
	figuresBy: (pick: (c: Cell) => string) => (id: string, eligible: EligibleScope) => Figures;
}

/** One column per manager of the scope (active, or with figures), then managers the profile no longer lists. */
function managerGroups(context: GroupContext): ReportGroup[] {
	const { profile, cells, inScope, orgName } = context;
	const figures = context.figuresBy((c) => c.managerId);
	const managerIds = new Set(cells.map((c) => c.managerId));
	const managers = profile.staff.filter(
		(s) =>
			s.role === 'manager' &&
			inScope(s.organisationId) &&
			(s.active !== false || managerIds.has(s.id)),
	);
	const unknownManagers = [...managerIds].filter((id) => !managers.some((m) => m.id === id)).sort();
	return [
		...managers.map((m) => ({ id: m.id, name: m.name, organisation: orgName(m.organisationId) })),
		...unknownManagers.map((id) => ({
			id,
			name: id,
			organisation: orgName(cells.find((c) => c.managerId === id)?.organisationId),
		})),
	].map((g) => ({ ...g, figures: figures(g.id, { kind: 'manager' }) }));
}

/** The organisations of the scope that have figures or managers. */
function organisationGroups(context: GroupContext): ReportGroup[] {
	const { profile, cells, inScope } = context;
	const figures = context.figuresBy((c) => c.organisationId);
	const orgIds = new Set(cells.map((c) => c.organisationId));
	return profile.organisations
		.filter(
			(o) =>
				inScope(o.id) &&
				(orgIds.has(o.id) ||
					profile.staff.some((s) => s.role === 'manager' && s.organisationId === o.id)),
		)
		.map((o) => ({
			id: o.id,
			name: o.name,
			organisation: null,
			figures: figures(o.id, { kind: 'organisation', id: o.id }),
		}));
}

/** The municipalities with figures, and those the scope serves. */
function municipalityGroups(context: GroupContext): ReportGroup[] {
	const { profile, cells, inScope, orgName } = context;
	const figures = context.figuresBy((c) => c.municipality);
	const agsWithData = new Set(cells.map((c) => c.municipality));
	return profile.municipalities
		.filter(
			(m) => agsWithData.has(m.ags) || (m.programme === 'served' && inScope(m.organisationId)),
		)
		.map((m) => ({
			id: m.ags,
			name: m.name,
			organisation: orgName(m.organisationId),
			figures: figures(m.ags, { kind: 'municipality', ags: m.ags }),
		}));
}

/** Managers (one column each), organisations and municipalities of the report's scope, each with its figures. */
export function groupFigures(
	definition: ReportDefinition,
	profile: DistrictProfile,
	cells: Cell[],
	organisationId: string | undefined,
) {
	const context: GroupContext = {
		profile,
		cells,
		inScope: (org) => !organisationId || org === organisationId,
		orgName: (id) => (id ? organisationName(profile, id) : null),
		figuresBy: (pick) => {
			const of = cellsBy(cells, pick);
			return (id, eligible) => figuresOf(definition, profile, of(id), eligible);
		},
	};
	const groups = {
		manager: managerGroups(context),
		organisation: organisationGroups(context),
		municipality: municipalityGroups(context),
	};
	return { groups, total: figuresOf(definition, profile, cells, { kind: 'all', organisationId }) };
}
