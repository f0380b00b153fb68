import { DomainError } from '../errors';
import { today } from '../clock';
import type { CaseUpdate, Intake } from '../generated/types';
import type { CaseAction } from '../access/policy';
import { municipalityByAgs, organisationName, staffById } from '../districts/profile';
import { assertOpen } from '../lifecycle/case-status';
import { validateInput } from '../validation/validate';
import type { CoreContext, Tx } from './context';
import { caseWrite, type OnCase } from './case-write';
import { caseToWrite, checkJustification } from './documenting';
import { checkIntakeDates } from '../lifecycle/plausible-dates';
import { recordChange, updateEntry } from './case-history';
import {
	loadCase,
	personRows,
	recordEvent,
	searchName,
	toCaseRecord,
	touchCase,
	type CaseRecord,
	type CaseRow,
} from './case-rows';

/** The guards of a change to the case itself: the actor may do it, the client names the current version, the case is open. */
export async function caseForChange(
	write: OnCase,
	access: CaseAction,
	change: { what: string; ofWhat: string },
): Promise<CaseRow> {
	const row = await caseToWrite(write, access);
	if (write.options.expectedVersion === undefined) {
		throw new DomainError(
			'VALIDATION_FAILED',
			`Für ${change.ofWhat} muss die zuletzt gelesene Version angegeben werden.`,
		);
	}
	assertOpen(row.status, row.closed_on, change.what);
	return row;
}

/** A move within the case's organisation is a change of address; anything else is a reassignment or a closure. */
export function assertSameOrganisationServes(
	ctx: CoreContext,
	row: CaseRow,
	municipality: string,
): void {
	const target = municipalityByAgs(ctx.profile, municipality);
	if (target && target.programme === 'served' && target.organisationId === row.organisation_id)
		return;
	const message = target
		? `${target.name} wird nicht von ${organisationName(ctx.profile, row.organisation_id)} betreut. Bitte den Fall neu zuweisen oder bei Umzug beenden.`
		: `Die Gemeinde ${municipality} gehört nicht zu „${ctx.profile.name}“.`;
	throw new DomainError('VALIDATION_FAILED', `Wohnort: ${message}`, {
		fieldErrors: [{ path: '/municipality', field: 'Wohnort (Gemeinde)', message }],
	});
}

/** The case file's data and what reports read from it (persons, municipality, search name); raises the version. */
export async function storeCaseData(
	trx: Tx,
	row: CaseRow,
	next: Intake,
	personsChanged: boolean,
	extension: { extension_reason?: string; extension_on?: string },
	at: string,
): Promise<void> {
	const persons = personRows(row.id, next);
	if (personsChanged) {
		await trx.deleteFrom('case_persons').where('case_id', '=', row.id).execute();
		await trx.insertInto('case_persons').values(persons.rows).execute();
	}
	const changes = {
		data_json: JSON.stringify(next),
		municipality_ags: next.municipality,
		search_name: searchName(next),
	};
	await touchCase(
		trx,
		row,
		{ ...changes, ...extension, persons_count: persons.rows.length, minors_count: persons.minors },
		at,
	);
}

/** Birth dates of household members born after the intake: births recorded as changes of the case file. */
function bornAfterIntake(data: Intake): Set<string> {
	return new Set(
		(data.household ?? []).filter((m) => m.birthDate > data.intakeDate).map((m) => m.birthDate),
	);
}

/** Changes master data or the current state; needs the version the client saw. */
export const updateCase = caseWrite<CaseRecord>('case.update', async (write) => {
	const { ctx, trx, input: patch } = write;
	const row = await caseForChange(write, 'document', {
		what: 'Eine Änderung',
		ofWhat: 'eine Änderung der Fallakte',
	});
	const change: CaseUpdate = validateInput('caseUpdate', patch);
	const current = JSON.parse(row.data_json) as Intake;
	const { extensionJustification, ...dataChanges } = change;
	const next: Intake = { ...current, ...dataChanges };
	checkIntakeDates(next, today(ctx.clock), bornAfterIntake(current));
	if (change.municipality && change.municipality !== row.municipality_ags)
		assertSameOrganisationServes(ctx, row, change.municipality);
	if (extensionJustification) checkJustification(ctx, row, extensionJustification);
	const at = ctx.clock.now().toISOString();
	const extension = extensionJustification
		? {
				extension_reason: extensionJustification.reason,
				extension_on: extensionJustification.date,
			}
		: {};
	const history = await updateEntry(trx, row.id, next);
	if (history)
		await recordChange(
			trx,
			row.id,
			{ kind: 'update', validFrom: today(ctx.clock), delta: history },
			at,
			write.who.staffId,
		);
	await storeCaseData(trx, row, next, Boolean(change.person || change.household), extension, at);
	await recordEvent(trx, row.id, 'case.updated', { fields: Object.keys(change) }, at);
	return {
		result: toCaseRecord(ctx, await loadCase(ctx, trx, row.id)),
		detail: `geändert: ${Object.keys(change).join(', ')}`,
	};
});

/** Hands a case to another manager: within the own organisation (manager) or anywhere in the district (coordinator). */
export const reassignCase = caseWrite<CaseRecord>(
	'case.reassign',
	async (write) => {
		const { ctx, trx, who, input } = write;
		const row = await caseForChange(write, 'reassign', {
			what: 'Eine Neuzuweisung',
			ofWhat: 'eine Neuzuweisung',
		});
		const { managerId } = validateInput('reassign', input);
		const target = staffById(ctx.profile, managerId);
		if (!target || target.role !== 'manager' || target.active === false) {
			const message = `„${managerId}“ ist keine aktive Integrationsmanagerin und kein aktiver Integrationsmanager in „${ctx.profile.name}“.`;
			throw new DomainError('UNKNOWN_STAFF', message, {
				fieldErrors: [{ path: '/managerId', field: 'neue*r Integrationsmanager*in', message }],
			});
		}
		if (who.role === 'manager' && target.organisationId !== who.organisationId) {
			throw new DomainError(
				'FORBIDDEN',
				`${who.name} kann Fälle nur innerhalb von ${organisationName(ctx.profile, who.organisationId)} neu zuweisen.`,
			);
		}
		const at = ctx.clock.now().toISOString();
		const validFrom = today(ctx.clock);
		const delta = { managerId: target.id, organisationId: target.organisationId };
		await recordChange(trx, row.id, { kind: 'reassign', validFrom, delta }, at, who.staffId);
		await touchCase(
			trx,
			row,
			{ manager_id: target.id, organisation_id: target.organisationId },
			at,
		);
		await recordEvent(
			trx,
			row.id,
			'case.reassigned',
			{ from: row.manager_id, to: target.id, organisationId: target.organisationId },
			at,
		);
		return {
			result: toCaseRecord(ctx, await loadCase(ctx, trx, row.id)),
			detail: `${row.manager_id} → ${target.id}`,
		};
	},
	'reassign',
);
