import { DomainError } from '../errors';
import { randomUUID } from 'node:crypto';
import { today } from '../clock';
import type { CaseUpdate, Intake } from '../generated/types';
import { assertCaseAccess, assertMayTakeIntake, searchScope } from '../access/policy';
import { routeIntake, type Routing } from '../districts/routing';
import { municipalityByAgs, organisationName, staffById } from '../districts/profile';
import { assertOpen } from '../lifecycle/case-status';
import { assertNotBefore, assertNotInFuture } from '../lifecycle/date-checks';
import { checkIntakeDates } from '../lifecycle/plausible-dates';
import { forbiddenControl } from '../text';
import { validateInput } from '../validation/validate';
import type { CaseStatus } from '../store/database';
import type { CoreContext, Tx, WriteOptions } from './context';
import { runOperation } from './operation';
import {
	assertExpectedVersion,
	loadCase,
	personRows,
	recordEvent,
	recordStatus,
	searchName,
	toCaseRecord,
	touchCase,
	type CaseRecord,
} from './case-rows';

export interface CreateCaseInput {
	intake: unknown;
	/** Assign to this manager instead of the one with the fewest open cases. */
	managerId?: string;
}

export interface CreatedCase {
	case: CaseRecord;
	routing: Routing;
}

async function openCaseloads(trx: Tx, districtId: string): Promise<Map<string, number>> {
	const rows = await trx
		.selectFrom('cases')
		.select(['manager_id'])
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.where('district_id', '=', districtId)
		.where('status', '!=', 'closed')
		.groupBy('manager_id')
		.execute();
	return new Map(rows.map((r) => [r.manager_id, Number(r.n)]));
}

/** Intake → a new case in status "Aufnahme", routed to the responsible organisation and a manager. */
export function createCase(ctx: CoreContext, actor: unknown, input: CreateCaseInput, options: WriteOptions = {}): Promise<CreatedCase> {
	return runOperation(ctx, actor, { action: 'case.create', submissionId: options.submissionId, onReplay: options.onReplay }, async (trx, who) => {
		const intake = validateInput('intake', input?.intake);
		checkIntakeDates(intake, today(ctx.clock));
		if (!staffById(ctx.profile, intake.consent.recordedBy)) {
			const message = `„${intake.consent.recordedBy}“ ist im Kreisprofil nicht eingetragen.`;
			throw new DomainError('VALIDATION_FAILED', `Einwilligung – erfasst von: ${message}`, {
				fieldErrors: [{ path: '/consent/recordedBy', field: 'Einwilligung (DSGVO) – erfasst von', message }],
			});
		}
		const routing = routeIntake(ctx.profile, intake.municipality, await openCaseloads(trx, ctx.profile.id), input.managerId);
		assertMayTakeIntake(who, routing.organisationId);
		const at = ctx.clock.now().toISOString();
		const id = randomUUID();
		const persons = personRows(id, intake);
		await trx
			.insertInto('cases')
			.values({
				id,
				district_id: ctx.profile.id,
				organisation_id: routing.organisationId,
				manager_id: routing.managerId,
				municipality_ags: intake.municipality,
				status: 'intake',
				version: 1,
				opened_on: intake.intakeDate,
				closed_on: null,
				search_name: searchName(intake),
				persons_count: persons.rows.length,
				minors_count: persons.minors,
				extension_reason: null,
				extension_on: null,
				data_json: JSON.stringify(intake),
				created_at: at,
				created_by: who.staffId,
				updated_at: at,
			})
			.execute();
		await trx.insertInto('case_persons').values(persons.rows).execute();
		await recordStatus(trx, id, null, 'intake', intake.intakeDate, at, who.staffId);
		await recordEvent(trx, id, 'case.created', { managerId: routing.managerId, organisationId: routing.organisationId, municipality: intake.municipality }, at);
		const row = await loadCase(ctx, trx, id);
		return { result: { case: toCaseRecord(row), routing }, caseId: id, detail: `zugewiesen an ${routing.managerId} (${routing.rule})` };
	});
}

export function getCase(ctx: CoreContext, actor: unknown, caseId: string): Promise<CaseRecord> {
	return runOperation(ctx, actor, { action: 'case.read', caseId }, async (trx, who) => {
		const row = await loadCase(ctx, trx, caseId);
		assertCaseAccess(who, 'read', row);
		return { result: toCaseRecord(row) };
	});
}

export interface CaseSearch {
	status?: CaseStatus;
	managerId?: string;
	municipality?: string;
	/** Part of the last or first name. */
	name?: string;
	limit?: number;
	offset?: number;
}

export interface CaseSearchResult {
	total: number;
	cases: CaseRecord[];
}

const searchLabels = { status: 'Status', managerId: 'Integrationsmanager*in', municipality: 'Gemeinde', name: 'Name' } as const;

/** Search terms are text without control characters (PostgreSQL cannot even compare a NUL): a German refusal, not a database error. */
function assertSearchTerms(search: CaseSearch): void {
	for (const key of Object.keys(searchLabels) as (keyof typeof searchLabels)[]) {
		const value: unknown = search[key];
		if (value === undefined) continue;
		const control = typeof value === 'string' ? forbiddenControl(value, false) : undefined;
		if (typeof value === 'string' && !control) continue;
		const message = control ? `Der Suchbegriff enthält ein unzulässiges Steuerzeichen (${control}).` : 'Bitte einen Text als Suchbegriff angeben.';
		throw new DomainError('VALIDATION_FAILED', `Suche – ${searchLabels[key]}: ${message}`, { fieldErrors: [{ path: `/${key}`, field: searchLabels[key], message }] });
	}
}

/** Cases the actor may see: their own organisation's (managers) or the whole district (coordinator). */
export function searchCases(ctx: CoreContext, actor: unknown, search: CaseSearch = {}): Promise<CaseSearchResult> {
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
		if (search.name) query = query.where('search_name', 'like', `%${search.name.toLowerCase().replace(/[%_]/g, '')}%`);
		const total = await query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
		const rows = await query.selectAll().orderBy('opened_on', 'desc').orderBy('id').limit(limit).offset(offset).execute();
		return { result: { total: Number(total.n), cases: rows.map(toCaseRecord) }, detail: `${rows.length} von ${total.n} Fällen` };
	});
}

/** Changes master data or the current state; needs the version the client saw. */
export function updateCase(ctx: CoreContext, actor: unknown, caseId: string, patch: unknown, options: WriteOptions = {}): Promise<CaseRecord> {
	return runOperation(ctx, actor, { action: 'case.update', caseId, submissionId: options.submissionId, onReplay: options.onReplay }, async (trx, who) => {
		const row = await loadCase(ctx, trx, caseId, true);
		assertCaseAccess(who, 'document', row);
		if (options.expectedVersion === undefined) {
			throw new DomainError('VALIDATION_FAILED', 'Für eine Änderung der Fallakte muss die zuletzt gelesene Version angegeben werden.');
		}
		assertExpectedVersion(row, options.expectedVersion);
		assertOpen(row.status, row.closed_on, 'Eine Änderung');
		const change: CaseUpdate = validateInput('caseUpdate', patch);
		const current = JSON.parse(row.data_json) as Intake;
		const { extensionJustification, ...dataChanges } = change;
		const next: Intake = { ...current, ...dataChanges };
		checkIntakeDates(next, today(ctx.clock));
		if (change.municipality && change.municipality !== row.municipality_ags) {
			const target = municipalityByAgs(ctx.profile, change.municipality);
			if (!target || target.programme !== 'served' || target.organisationId !== row.organisation_id) {
				const message = target
					? `${target.name} wird nicht von ${organisationName(ctx.profile, row.organisation_id)} betreut. Bitte den Fall neu zuweisen oder bei Umzug beenden.`
					: `Die Gemeinde ${change.municipality} gehört nicht zu „${ctx.profile.name}“.`;
				throw new DomainError('VALIDATION_FAILED', `Wohnort: ${message}`, { fieldErrors: [{ path: '/municipality', field: 'Wohnort (Gemeinde)', message }] });
			}
		}
		if (extensionJustification) {
			assertNotInFuture(extensionJustification.date, today(ctx.clock), 'extensionJustification/date', 'Begründung – Datum');
			assertNotBefore(extensionJustification.date, row.opened_on, 'extensionJustification/date', 'Begründung – Datum', 'der Aufnahme');
		}
		const at = ctx.clock.now().toISOString();
		const persons = personRows(row.id, next);
		if (change.person || change.household) {
			await trx.deleteFrom('case_persons').where('case_id', '=', row.id).execute();
			await trx.insertInto('case_persons').values(persons.rows).execute();
		}
		await touchCase(
			trx,
			row,
			{
				data_json: JSON.stringify(next),
				municipality_ags: next.municipality,
				search_name: searchName(next),
				persons_count: persons.rows.length,
				minors_count: persons.minors,
				...(extensionJustification ? { extension_reason: extensionJustification.reason, extension_on: extensionJustification.date } : {}),
			},
			at,
		);
		await recordEvent(trx, row.id, 'case.updated', { fields: Object.keys(change) }, at);
		return { result: toCaseRecord(await loadCase(ctx, trx, row.id)), detail: `geändert: ${Object.keys(change).join(', ')}` };
	});
}

/** Hands a case to another manager: within the own organisation (manager) or anywhere in the district (coordinator). */
export function reassignCase(ctx: CoreContext, actor: unknown, caseId: string, input: { managerId: string }, options: WriteOptions = {}): Promise<CaseRecord> {
	return runOperation(ctx, actor, { action: 'case.reassign', caseId, submissionId: options.submissionId, onReplay: options.onReplay }, async (trx, who) => {
		const row = await loadCase(ctx, trx, caseId, true);
		assertCaseAccess(who, 'reassign', row);
		if (options.expectedVersion === undefined) {
			throw new DomainError('VALIDATION_FAILED', 'Für eine Neuzuweisung muss die zuletzt gelesene Version angegeben werden.');
		}
		assertExpectedVersion(row, options.expectedVersion);
		assertOpen(row.status, row.closed_on, 'Eine Neuzuweisung');
		const target = staffById(ctx.profile, input?.managerId);
		if (!target || target.role !== 'manager' || target.active === false) {
			const message = `„${input?.managerId ?? ''}“ ist keine aktive Integrationsmanagerin und kein aktiver Integrationsmanager in „${ctx.profile.name}“.`;
			throw new DomainError('UNKNOWN_STAFF', message, { fieldErrors: [{ path: '/managerId', field: 'neue*r Integrationsmanager*in', message }] });
		}
		if (who.role === 'manager' && target.organisationId !== who.organisationId) {
			throw new DomainError('FORBIDDEN', `${who.name} kann Fälle nur innerhalb von ${organisationName(ctx.profile, who.organisationId)} neu zuweisen.`);
		}
		const at = ctx.clock.now().toISOString();
		await touchCase(trx, row, { manager_id: target.id, organisation_id: target.organisationId }, at);
		await recordEvent(trx, row.id, 'case.reassigned', { from: row.manager_id, to: target.id, organisationId: target.organisationId }, at);
		return { result: toCaseRecord(await loadCase(ctx, trx, row.id)), detail: `${row.manager_id} → ${target.id}` };
	});
}
