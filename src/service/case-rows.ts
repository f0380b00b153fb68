import type { Selectable } from 'kysely';
import { DomainError } from '../errors';
import type { Intake } from '../generated/types';
import { limitsFor, type DurationLimits } from '../lifecycle/duration';
import { ageOn } from '../lifecycle/dates';
import type { CaseStatus, CaseTable } from '../store/database';
import { forbiddenControl } from '../text';
import type { CoreContext, Tx } from './context';
import { caseNumberOf } from './case-numbers';

export type CaseRow = Selectable<CaseTable>;

/** The columns that place a case in the district: its manager, organisation and municipality. */
export const placeColumns = [
	'cases.manager_id',
	'cases.organisation_id',
	'cases.municipality_ags',
] as const;

/** The columns of a case's readable number (`caseNumberOf` formats them with the district's prefix). */
export const caseNumberColumns = ['cases.case_year', 'cases.case_seq'] as const;

/** A case as the core hands it out. */
export interface CaseRecord {
	/** Internal id (UUID): for links between systems, not for people to read. */
	id: string;
	/** What a person reads and types: `EM-2026-00042` (prefix of the district, year of the intake, sequence). */
	caseNumber: string;
	districtId: string;
	organisationId: string;
	managerId: string;
	municipality: string;
	status: CaseStatus;
	version: number;
	openedOn: string;
	closedOn: string | null;
	personsCount: number;
	minorsCount: number;
	limits: DurationLimits;
	extension: { reason: string; date: string } | null;
	data: Intake;
	createdAt: string;
	createdBy: string;
	updatedAt: string;
}

export function toCaseRecord(ctx: CoreContext, row: CaseRow): CaseRecord {
	return {
		id: row.id,
		caseNumber: caseNumberOf(ctx.profile, row),
		districtId: row.district_id,
		organisationId: row.organisation_id,
		managerId: row.manager_id,
		municipality: row.municipality_ags,
		status: row.status,
		version: Number(row.version),
		openedOn: row.opened_on,
		closedOn: row.closed_on,
		personsCount: Number(row.persons_count),
		minorsCount: Number(row.minors_count),
		limits: limitsFor(row.opened_on),
		extension:
			row.extension_reason && row.extension_on
				? { reason: row.extension_reason, date: row.extension_on }
				: null,
		data: JSON.parse(row.data_json) as Intake,
		createdAt: row.created_at,
		createdBy: row.created_by,
		updatedAt: row.updated_at,
	};
}

/** An id as the store hands them out: text of 1–64 characters without control characters (a NUL breaks PostgreSQL). */
export function isPlausibleId(id: unknown): id is string {
	return typeof id === 'string' && id.length > 0 && id.length <= 64 && !forbiddenControl(id, false);
}

/** Loads a case of this district (locked for the transaction on PostgreSQL); unknown or foreign ids are "not found". */
export async function loadCase(
	ctx: CoreContext,
	trx: Tx,
	caseId: unknown,
	lock = false,
): Promise<CaseRow> {
	if (!isPlausibleId(caseId)) {
		throw new DomainError('NOT_FOUND', 'Keine gültige Fallnummer angegeben.');
	}
	let query = trx
		.selectFrom('cases')
		.selectAll()
		.where('id', '=', caseId)
		.where('district_id', '=', ctx.profile.id);
	if (lock && ctx.store.backend === 'postgres') query = query.forUpdate();
	const row = await query.executeTakeFirst();
	if (!row)
		throw new DomainError('NOT_FOUND', `Fall ${caseId} wurde nicht gefunden.`, {
			details: { caseId },
		});
	return row;
}

export function assertExpectedVersion(row: CaseRow, expectedVersion: number | undefined): void {
	if (expectedVersion === undefined) return;
	if (!Number.isInteger(expectedVersion) || Number(row.version) !== expectedVersion) {
		throw new DomainError(
			'CONFLICT',
			`Der Fall wurde inzwischen geändert (aktuelle Version ${row.version}, Ihre Version ${expectedVersion}). Bitte neu laden und die Änderung erneut eintragen.`,
			{ details: { caseId: row.id, currentVersion: Number(row.version), expectedVersion } },
		);
	}
}

/** Every write to a case raises its version by one; the WHERE on the old version makes a lost update impossible. */
export async function touchCase(
	trx: Tx,
	row: CaseRow,
	changes: Partial<Omit<CaseTable, 'id' | 'version'>>,
	at: string,
): Promise<number> {
	const next = Number(row.version) + 1;
	const result = await trx
		.updateTable('cases')
		.set({ ...changes, version: next, updated_at: at })
		.where('id', '=', row.id)
		.where('version', '=', row.version)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) {
		throw new DomainError(
			'CONFLICT',
			'Der Fall wurde gleichzeitig von jemand anderem geändert. Bitte neu laden.',
			{ details: { caseId: row.id } },
		);
	}
	return next;
}

export async function recordEvent(
	trx: Tx,
	caseId: string,
	type: string,
	payload: Record<string, unknown>,
	at: string,
): Promise<void> {
	await trx
		.insertInto('case_events')
		.values({ case_id: caseId, type, created_at: at, payload_json: JSON.stringify(payload) })
		.execute();
}

export async function recordStatus(
	trx: Tx,
	caseId: string,
	from: CaseStatus | null,
	to: CaseStatus,
	on: string,
	at: string,
	by: string,
): Promise<void> {
	await trx
		.insertInto('status_history')
		.values({
			case_id: caseId,
			from_status: from,
			to_status: to,
			changed_on: on,
			created_at: at,
			created_by: by,
		})
		.execute();
}

/** Persons of the household as rows for reports (client first), and how many were minors on the intake date. */
export function personRows(caseId: string, intake: Intake) {
	const rows = [
		{
			case_id: caseId,
			position: 0,
			role: 'client' as const,
			birth_date: intake.person.birthDate,
			relationship: null,
			german_level: intake.person.germanLevel,
			occupation: intake.person.occupation ?? null,
		},
		...(intake.household ?? []).map((m, i) => ({
			case_id: caseId,
			position: i + 1,
			role: 'member' as const,
			birth_date: m.birthDate,
			relationship: m.relationship,
			german_level: m.germanLevel ?? null,
			occupation: m.occupation ?? null,
		})),
	];
	const minors = rows.filter((r) => ageOn(r.birth_date, intake.intakeDate) < 18).length;
	return { rows, minors };
}

export function searchName(intake: Intake): string {
	return `${intake.person.lastName} ${intake.person.firstName}`.toLowerCase();
}
