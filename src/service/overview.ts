import { overviewScope } from '../access/policy';
import { today } from '../clock';
import type { DistrictProfile } from '../generated/types';
import { caseloadRows, type CaseloadRow, type DueReason } from './caseload';
import type { CoreContext } from './context';
import { runOperation } from './operation';

/** The counts of one manager, one provider or the district: open cases by status and what is due. */
export interface OverviewCounts {
	/** Open cases: in intake (Aufnahme) plus in counselling (in Beratung). */
	open: number;
	intake: number;
	active: number;
	/** Open cases due for each reason, by the rules and lead days of the caseload (`src/lifecycle/due.ts`). */
	review: number;
	referral: number;
	limit: number;
}

export interface ManagerCounts extends OverviewCounts {
	managerId: string;
}

export interface ProviderCounts extends OverviewCounts {
	organisationId: string;
	/** Every active manager of the provider (also with no case) and whoever else holds one of its cases. */
	managers: ManagerCounts[];
}

export interface CaseOverview {
	day: string;
	/** The provider the actor may see, or undefined for the whole district. */
	organisationId: string | undefined;
	providers: ProviderCounts[];
	/** The counts of every provider shown (the district for the coordinator, the own provider for a manager). */
	total: OverviewCounts;
}

const dueReasons: DueReason[] = ['review', 'referral', 'limit'];

function countsOf(rows: CaseloadRow[]): OverviewCounts {
	const counts: OverviewCounts = {
		open: rows.length,
		intake: rows.filter((r) => r.status === 'intake').length,
		active: rows.filter((r) => r.status === 'active').length,
		review: 0,
		referral: 0,
		limit: 0,
	};
	for (const reason of dueReasons)
		counts[reason] = rows.filter((r) => r.due.includes(reason)).length;
	return counts;
}

/** The ids in profile order first, then any other id in the rows (a case of someone no longer in the profile). */
const withOthers = (known: string[], seen: string[]) => [
	...known,
	...[...new Set(seen)].filter((id) => !known.includes(id)),
];

function providerCounts(
	profile: DistrictProfile,
	organisationId: string,
	rows: CaseloadRow[],
): ProviderCounts {
	const own = rows.filter((r) => r.organisationId === organisationId);
	const staff = profile.staff
		.filter((s) => s.role === 'manager' && s.organisationId === organisationId)
		.filter((s) => s.active !== false)
		.map((s) => s.id);
	const managers = withOthers(
		staff,
		own.map((r) => r.managerId),
	).map((managerId) => ({
		managerId,
		...countsOf(own.filter((r) => r.managerId === managerId)),
	}));
	return { organisationId, managers, ...countsOf(own) };
}

/**
 * The district at a glance for the workplace's overview: per provider and per manager the open cases (in intake,
 * in counselling) and the open cases due for a plan review, with an overdue referral or near the limit — computed
 * from the same rows as the caseload, so every number matches the list it links to. Scope: `overviewScope`.
 * One audit row (`case.overview`).
 */
export function caseOverview(ctx: CoreContext, actor: unknown): Promise<CaseOverview> {
	return runOperation(ctx, actor, { action: 'case.overview' }, async (trx, who) => {
		const organisationId = overviewScope(who);
		const day = today(ctx.clock);
		const rows = await caseloadRows(ctx, trx, organisationId, { status: 'open' }, day);
		const organisations = organisationId
			? [organisationId]
			: withOthers(
					ctx.profile.organisations.map((o) => o.id),
					rows.map((r) => r.organisationId),
				);
		const providers = organisations.map((id) => providerCounts(ctx.profile, id, rows));
		const total = countsOf(rows);
		return {
			result: { day, organisationId, providers, total },
			detail: `${organisationId ? `Träger ${organisationId}` : 'Kreis'}: offen ${total.open}`,
		};
	});
}
