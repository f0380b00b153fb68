import type { CaseStatus } from '../store/database';
import { DomainError } from '../errors';
import { forbiddenControl } from '../text';
import { assertCaseAccess, searchScope } from '../access/policy';
import type { CoreContext } from './context';
import { runOperation } from './operation';
import { loadCase, toCaseRecord, type CaseRecord } from './case-rows';
import { caseNumberPrefix, parseCaseNumber, type CaseNumberParts } from './case-numbers';

export function getCase(ctx: CoreContext, actor: unknown, caseId: string): Promise<CaseRecord> {
	return runOperation(ctx, actor, { action: 'case.read', caseId }, async (trx, who, id) => {
		const row = await loadCase(ctx, trx, id);
		assertCaseAccess(who, 'read', row);
		return { result: toCaseRecord(ctx, row) };
	});
}

export interface CaseSearch {
	status?: CaseStatus;
	managerId?: string;
	municipality?: string;
	/** Part of the last or first name. */
	name?: string;
	/** A whole case number, case-insensitive, leading zeros optional (`em-2026-42`). */
	caseNumber?: string;
	limit?: number;
	offset?: number;
}

export interface CaseSearchResult {
	total: number;
	cases: CaseRecord[];
}

const searchLabels = {
	status: 'Status',
	managerId: 'Integrationsmanager*in',
	municipality: 'Gemeinde',
	name: 'Name',
	caseNumber: 'Fallnummer',
} as const;

/** Search terms are text without control characters (PostgreSQL cannot even compare a NUL): a German refusal, not a database error. */
function assertSearchTerms(search: CaseSearch): void {
	for (const key of Object.keys(searchLabels) as (keyof typeof searchLabels)[]) {
		const value: unknown = search[key];
		if (value === undefined) continue;
		const control = typeof value === 'string' ? forbiddenControl(value, false) : undefined;
		if (typeof value === 'string' && !control) continue;
		const message = control
			? `Der Suchbegriff enthält ein unzulässiges Steuerzeichen (${control}).`
			: 'Bitte einen Text als Suchbegriff angeben.';
		throw new DomainError('VALIDATION_FAILED', `Suche – ${searchLabels[key]}: ${message}`, {
			fieldErrors: [{ path: `/${key}`, field: searchLabels[key], message }],
		});
	}
}

/** The number searched for; a malformed one is refused at its field, in German. */
function searchedNumber(text: string): CaseNumberParts {
	const parts = parseCaseNumber(text);
	if (parts) return parts;
	const message = 'Bitte eine vollständige Fallnummer angeben, z. B. EM-2026-00042.';
	throw new DomainError('VALIDATION_FAILED', `Suche – Fallnummer: ${message}`, {
		fieldErrors: [{ path: '/caseNumber', field: searchLabels.caseNumber, message }],
	});
}

/** Cases the actor may see: their own organisation's (managers) or the whole district (coordinator). */
export function searchCases(
	ctx: CoreContext,
	actor: unknown,
	search: CaseSearch = {},
): Promise<CaseSearchResult> {
	return runOperation(ctx, actor, { action: 'case.search' }, async (trx, who) => {
		const organisationId = searchScope(who);
		assertSearchTerms(search);
		const limit = Math.min(Math.max(Math.trunc(search.limit ?? 50), 1), 500);
		const offset = Math.max(Math.trunc(search.offset ?? 0), 0);
		let query = trx.selectFrom('cases').where('district_id', '=', ctx.profile.id);
		if (organisationId) query = query.where('organisation_id', '=', organisationId);
		if (search.status) query = query.where('status', '=', search.status);
		if (search.managerId) query = query.where('manager_id', '=', search.managerId);
		if (search.municipality) query = query.where('municipality_ags', '=', search.municipality);
		if (search.name)
			query = query.where(
				'search_name',
				'like',
				`%${search.name.toLowerCase().replace(/[%_]/g, '')}%`,
			);
		if (search.caseNumber !== undefined) {
			const number = searchedNumber(search.caseNumber);
			// Another district's prefix finds nothing here (the sequence starts at 1).
			const seq = number.prefix === caseNumberPrefix(ctx.profile) ? number.seq : 0;
			query = query.where('case_year', '=', number.year).where('case_seq', '=', seq);
		}
		const total = await query
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow();
		const rows = await query
			.selectAll()
			.orderBy('opened_on', 'desc')
			.orderBy('id')
			.limit(limit)
			.offset(offset)
			.execute();
		return {
			result: { total: Number(total.n), cases: rows.map((r) => toCaseRecord(ctx, r)) },
			detail: `${rows.length} von ${total.n} Fällen`,
		};
	});
}
