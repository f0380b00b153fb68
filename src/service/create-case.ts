import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';
import { today } from '../clock';
import type { Intake } from '../generated/types';
import { assertMayTakeIntake } from '../access/policy';
import { routeIntake, type Routing } from '../districts/routing';
import { staffById } from '../districts/profile';
import { checkIntakeDates } from '../lifecycle/plausible-dates';
import { validateInput } from '../validation/validate';
import type { CoreContext, Tx, WriteOptions } from './context';
import { runOperation } from './operation';
import { takeCaseNumbers } from './case-number-store';
import { recordChange } from './case-history';
import { intakeDelta } from '../lifecycle/case-history';
import {
	loadCase,
	personRows,
	recordEvent,
	recordStatus,
	searchName,
	toCaseRecord,
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

/** The intake's dates are plausible and the person who recorded the consent is staff of the district. */
function checkIntake(ctx: CoreContext, intake: Intake): void {
	checkIntakeDates(intake, today(ctx.clock));
	if (staffById(ctx.profile, intake.consent.recordedBy)) return;
	const message = `„${intake.consent.recordedBy}“ ist im Kreisprofil nicht eingetragen.`;
	throw new DomainError('VALIDATION_FAILED', `Einwilligung – erfasst von: ${message}`, {
		fieldErrors: [
			{ path: '/consent/recordedBy', field: 'Einwilligung (DSGVO) – erfasst von', message },
		],
	});
}

/** The new case's row: status Aufnahme, version 1, routed, numbered, with the household counted for reports. */
function newCaseRow(
	ctx: CoreContext,
	id: string,
	intake: Intake,
	routing: Routing,
	persons: ReturnType<typeof personRows>,
	stamp: { by: string; at: string; seq: number },
) {
	const { by, at } = stamp;
	return {
		id,
		case_year: caseYear(intake),
		case_seq: stamp.seq,
		district_id: ctx.profile.id,
		organisation_id: routing.organisationId,
		manager_id: routing.managerId,
		municipality_ags: intake.municipality,
		status: 'intake' as const,
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
		created_by: by,
		updated_at: at,
	};
}

/** The year of the intake date, the year part of the case number. */
const caseYear = (intake: Intake) => Number(intake.intakeDate.slice(0, 4));

/** Intake → a new case in status "Aufnahme", routed to the responsible organisation and a manager. */
export function createCase(
	ctx: CoreContext,
	actor: unknown,
	input: CreateCaseInput,
	options: WriteOptions = {},
): Promise<CreatedCase> {
	return runOperation(
		ctx,
		actor,
		{ ...options, action: 'case.create', replayAccess: 'read' },
		async (trx, who) => {
			const intake = validateInput('intake', input?.intake);
			checkIntake(ctx, intake);
			const routing = routeIntake(
				ctx.profile,
				intake.municipality,
				await openCaseloads(trx, ctx.profile.id),
				input.managerId,
			);
			assertMayTakeIntake(who, routing.organisationId);
			const at = ctx.clock.now().toISOString();
			const id = randomUUID();
			const persons = personRows(id, intake);
			// The number is taken last before the insert: the counter stays locked only until the commit.
			const seq = await takeCaseNumbers(trx, ctx.profile.id, caseYear(intake));
			await trx
				.insertInto('cases')
				.values(newCaseRow(ctx, id, intake, routing, persons, { by: who.staffId, at, seq }))
				.execute();
			await trx.insertInto('case_persons').values(persons.rows).execute();
			await recordStatus(trx, id, null, 'intake', intake.intakeDate, at, who.staffId);
			const delta = intakeDelta(intake, routing);
			await recordChange(
				trx,
				id,
				{ kind: 'intake', validFrom: intake.intakeDate, delta },
				at,
				who.staffId,
			);
			await recordEvent(
				trx,
				id,
				'case.created',
				{
					managerId: routing.managerId,
					organisationId: routing.organisationId,
					municipality: intake.municipality,
				},
				at,
			);
			const record = toCaseRecord(ctx, await loadCase(ctx, trx, id));
			return {
				result: { case: record, routing },
				caseId: id,
				detail: `${record.caseNumber} zugewiesen an ${routing.managerId} (${routing.rule})`,
			};
		},
	);
}
