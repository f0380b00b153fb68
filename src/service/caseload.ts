import { searchScope } from '../access/policy';
import { today } from '../clock';
import { DomainError } from '../errors';
import { currentLimit } from '../lifecycle/duration';
import { limitLeadDays, limitNear, reviewDueUntil, reviewLeadDays } from '../lifecycle/due';
import type { CaseStatus } from '../store/database';
import { forbiddenControl } from '../text';
import { caseNumberColumns, isPlausibleId } from './case-rows';
import { caseNumberOf, caseNumberPrefix, parseCaseNumber } from './case-numbers';
import type { CoreContext, Db } from './context';
import { runOperation } from './operation';
import { overdueReferralRows } from './referral-lists';

/** What a caseload list may be narrowed to. */
export interface CaseloadFilter {
	/** Part of the name, a case number or id, or a date of birth (`TT.MM.JJJJ` or `JJJJ-MM-TT`). */
	query?: string;
	/** `open` (default: intake and active), a single status, or `all`. */
	status?: CaseStatus | 'open' | 'all';
	municipality?: string;
	/** Only the cases of this manager (staff id). */
	managerId?: string;
	/** Only the cases of this provider (organisation id), within the actor's scope. */
	organisationId?: string;
	/** Only cases with something due (review, overdue referral, limit near). */
	dueOnly?: boolean;
	/** Only cases due for this reason. */
	due?: DueReason;
}

/** Why a case is due, for the list and its order. */
export type DueReason = 'review' | 'referral' | 'limit';

export interface CaseloadRow {
	id: string;
	/** The readable number, e.g. `EM-2026-00042`. */
	caseNumber: string;
	lastName: string;
	firstName: string;
	birthDate: string;
	status: CaseStatus;
	municipality: string;
	managerId: string;
	organisationId: string;
	openedOn: string;
	lastContact: string | null;
	nextReview: string | null;
	overdueReferrals: number;
	/** The limit that applies now (3 years, or 4 with a justification) and the whole months left until it. */
	limitDate: string;
	monthsLeft: number;
	due: DueReason[];
}

const isoOf = (query: string): string | undefined => {
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(query);
	if (german) return `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}`;
	return /^\d{4}-\d{2}-\d{2}$/.test(query) ? query : undefined;
};

function checkFilter(filter: CaseloadFilter): void {
	const query = filter.query ?? '';
	if (query.length > 100 || forbiddenControl(query, false))
		throw new DomainError(
			'VALIDATION_FAILED',
			'Suche: bitte einen kurzen Text ohne Steuerzeichen eingeben.',
			{
				fieldErrors: [
					{ path: '/query', field: 'Suche', message: 'Bitte kürzer und ohne Steuerzeichen.' },
				],
			},
		);
	// Ids are short text without control characters, like every id of the store (a NUL breaks PostgreSQL).
	for (const id of [filter.managerId, filter.organisationId])
		if (id !== undefined && !isPlausibleId(id))
			throw new DomainError(
				'VALIDATION_FAILED',
				'Filter: unbekannte Integrationsmanager*in oder unbekannter Träger.',
			);
}

const monthsUntil = (from: string, to: string): number => {
	const [fy, fm, fd] = from.split('-').map(Number);
	const [ty, tm, td] = to.split('-').map(Number);
	return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
};

async function casesInScope(
	ctx: CoreContext,
	db: Db,
	organisationId: string | undefined,
	filter: CaseloadFilter,
) {
	let query = db
		.selectFrom('cases')
		.innerJoin('case_persons', (join) =>
			join.onRef('case_persons.case_id', '=', 'cases.id').on('case_persons.role', '=', 'client'),
		)
		.select([
			'cases.id',
			'cases.status',
			'cases.municipality_ags',
			'cases.manager_id',
			'cases.organisation_id',
			'cases.opened_on',
			...caseNumberColumns,
			'cases.extension_reason',
			'cases.data_json',
			'case_persons.birth_date',
		])
		.where('cases.district_id', '=', ctx.profile.id);
	if (organisationId) query = query.where('cases.organisation_id', '=', organisationId);
	if (filter.organisationId)
		query = query.where('cases.organisation_id', '=', filter.organisationId);
	if (filter.managerId) query = query.where('cases.manager_id', '=', filter.managerId);
	const status = filter.status ?? 'open';
	if (status === 'open') query = query.where('cases.status', '!=', 'closed');
	else if (status !== 'all') query = query.where('cases.status', '=', status);
	if (filter.municipality) query = query.where('cases.municipality_ags', '=', filter.municipality);
	const text = (filter.query ?? '').trim();
	if (text) {
		const birth = isoOf(text);
		const like = `%${text.toLowerCase().replace(/[%_]/g, '')}%`;
		const number = parseCaseNumber(text);
		if (birth) query = query.where('case_persons.birth_date', '=', birth);
		else if (number && number.prefix !== caseNumberPrefix(ctx.profile))
			query = query.where('cases.id', '=', ''); // another district's number: nothing here
		else if (number)
			query = query
				.where('cases.case_year', '=', number.year)
				.where('cases.case_seq', '=', number.seq);
		else
			query = query.where((eb) =>
				eb.or([eb('cases.search_name', 'like', like), eb('cases.id', '=', text)]),
			);
	}
	return query.execute();
}

/** Latest contact date and latest plan review date per case. */
async function activity(db: Db, ids: string[]) {
	if (!ids.length)
		return { contacts: new Map<string, string>(), reviews: new Map<string, string>() };
	const contacts = await db
		.selectFrom('contacts')
		.select(['case_id', (eb) => eb.fn.max('contact_date').as('last')])
		.where('case_id', 'in', ids)
		.groupBy('case_id')
		.execute();
	const plans = await db
		.selectFrom('plans')
		.select(['case_id', 'version', 'review_date'])
		.where('case_id', 'in', ids)
		.orderBy('version')
		.execute();
	return {
		contacts: new Map(contacts.map((c) => [c.case_id, String(c.last)])),
		reviews: new Map(plans.map((p) => [p.case_id, p.review_date])),
	};
}

const dueWeight = (row: CaseloadRow) => row.due.length;

/** Due first (most reasons, then the earliest date), then by name. */
function byDue(a: CaseloadRow, b: CaseloadRow): number {
	const soonest = (r: CaseloadRow) => [r.nextReview ?? '9999', r.limitDate].sort()[0];
	return (
		dueWeight(b) - dueWeight(a) ||
		(a.due.length ? soonest(a).localeCompare(soonest(b)) : 0) ||
		`${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'de')
	);
}

/**
 * The rows of the caseload within an organisation (undefined: the whole district) on `day`, unsorted and before the
 * due filter: the one computation of last contact, next review, overdue referrals, the limit and what is due, for the
 * list and for the overview.
 */
export async function caseloadRows(
	ctx: CoreContext,
	db: Db,
	organisationId: string | undefined,
	filter: CaseloadFilter,
	day: string,
): Promise<CaseloadRow[]> {
	checkFilter(filter);
	const cases = await casesInScope(ctx, db, organisationId, filter);
	const { contacts, reviews } = await activity(
		db,
		cases.map((c) => c.id),
	);
	const overdue = new Map<string, number>();
	for (const r of await overdueReferralRows(db, ctx.profile, day, organisationId))
		overdue.set(r.case_id, (overdue.get(r.case_id) ?? 0) + 1);
	const reviewLead = reviewLeadDays(ctx.profile);
	const limitLead = limitLeadDays(ctx.profile);
	return cases.map((c): CaseloadRow => {
		const person = (JSON.parse(c.data_json) as { person: { firstName: string; lastName: string } })
			.person;
		const limit = currentLimit(c.opened_on, Boolean(c.extension_reason));
		const nextReview = c.status === 'active' ? (reviews.get(c.id) ?? null) : null;
		const due: DueReason[] = [];
		if (nextReview && nextReview <= reviewDueUntil(day, reviewLead)) due.push('review');
		if (overdue.get(c.id)) due.push('referral');
		if (c.status !== 'closed' && limitNear(limit.date, day, limitLead)) due.push('limit');
		return {
			id: c.id,
			caseNumber: caseNumberOf(ctx.profile, c),
			lastName: person.lastName,
			firstName: person.firstName,
			birthDate: c.birth_date,
			status: c.status,
			municipality: c.municipality_ags,
			managerId: c.manager_id,
			organisationId: c.organisation_id,
			openedOn: c.opened_on,
			lastContact: contacts.get(c.id) ?? null,
			nextReview,
			overdueReferrals: overdue.get(c.id) ?? 0,
			limitDate: limit.date,
			monthsLeft: monthsUntil(day, limit.date),
			due,
		};
	});
}

/** Whether a row passes the filter's due part (`dueOnly`, `due`). */
const dueMatches = (filter: CaseloadFilter, row: CaseloadRow) =>
	(!filter.dueOnly || row.due.length > 0) && (!filter.due || row.due.includes(filter.due));

/**
 * The caseload of the actor: managers their organisation's cases, the coordinator the district's; with last
 * contact, next review, overdue referrals and months to the limit, due cases first. One audit row.
 */
export function caseload(ctx: CoreContext, actor: unknown, filter: CaseloadFilter = {}) {
	return runOperation(ctx, actor, { action: 'case.caseload' }, async (trx, who) => {
		const organisationId = searchScope(who);
		const day = today(ctx.clock);
		const rows = await caseloadRows(ctx, trx, organisationId, filter, day);
		const listed = rows.filter((r) => dueMatches(filter, r)).sort(byDue);
		return { result: { day, rows: listed }, detail: `${listed.length} Fälle` };
	});
}
