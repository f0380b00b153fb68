import { today } from '../clock';
import { DomainError, type FieldError } from '../errors';
import type { CaseFileChange, HouseholdMember, Intake } from '../generated/types';
import {
	currentState,
	memberKeys,
	newcomers,
	usedKeys,
	type HistoryDelta,
	type HistoryPerson,
	type HistoryState,
} from '../lifecycle/case-history';
import {
	after,
	before,
	beforeEarliest,
	DateFindings,
	inFuture,
	tooLongAgo,
} from '../lifecycle/date-checks';
import { labelFor } from '../validation/schema-labels';
import { validateInput } from '../validation/validate';
import { assertSameOrganisationServes, caseForChange, storeCaseData } from './case-changes';
import { loadHistory, recordChange } from './case-history';
import { loadCase, recordEvent, toCaseRecord, type CaseRecord, type CaseRow } from './case-rows';
import { caseWrite } from './case-write';

const SCHEMA = 'case-file-change.schema.json';

/** The day of the change: not in the future, not before the intake; a newborn or newcomer born by that day. */
function checkChangeDates(change: CaseFileChange, row: CaseRow, todayIso: string): void {
	const findings = new DateFindings((path) => labelFor(SCHEMA, path));
	const { validFrom } = change;
	findings.check(
		'/validFrom',
		inFuture(validFrom, todayIso),
		before(validFrom, row.opened_on, 'der Aufnahme'),
		beforeEarliest(validFrom),
	);
	(change.joined ?? []).forEach((member, i) =>
		findings.check(
			`/joined/${i}/birthDate`,
			inFuture(member.birthDate, todayIso),
			after(member.birthDate, validFrom, 'dem Tag, ab dem die Veränderung gilt'),
			tooLongAgo(member.birthDate, todayIso),
		),
	);
	findings.throwIfAny();
}

function refuse(fieldErrors: FieldError[]): never {
	const summary = fieldErrors.map((e) => `${e.field}: ${e.message}`).join(' ');
	throw new DomainError('VALIDATION_FAILED', summary, { fieldErrors });
}

/** The history's keys of the household members the change names by their number in the case file. */
function keyOfMember(keys: readonly number[], errors: FieldError[]) {
	return (number: number, path: string): number => {
		const key = keys[number - 1];
		if (key === undefined) {
			const message = `Ein Haushaltsmitglied Nr. ${number} gibt es nicht; der Haushalt hat ${keys.length === 1 ? 'ein Mitglied' : `${keys.length} Mitglieder`} außer der beratenen Person.`;
			errors.push({ path, field: labelFor(SCHEMA, path), message });
		}
		return key ?? -1;
	};
}

/** The change as an entry of the history: values per person key, who joined (with new keys) and who left. */
function changeDelta(change: CaseFileChange, before: HistoryState, joinedAs: HistoryPerson[]) {
	const errors: FieldError[] = [];
	const keyOf = keyOfMember(memberKeys(before), errors);
	const delta: HistoryDelta = {};
	if (change.municipality) delta.municipality = change.municipality;
	const set = (change.members ?? []).map(({ member, ...values }, i) => ({
		key: keyOf(member, `/members/${i}/member`),
		...values,
	}));
	if (change.person) set.unshift({ key: 0, ...change.person });
	if (set.length) delta.set = set;
	const left = (change.left ?? []).map((member, i) => keyOf(member, `/left/${i}`));
	if (left.length) delta.left = left;
	if (joinedAs.length) delta.joined = joinedAs;
	if (errors.length) refuse(errors);
	if (Object.keys(delta).length === 0) {
		const message =
			'Bitte mindestens eine Veränderung angeben (Deutschniveau, Tätigkeit, Wohnort oder Haushalt).';
		refuse([{ path: '', field: 'Veränderung in der Fallakte', message }]);
	}
	return delta;
}

/** The values of a person as the history holds them now, in the case file's own form. */
function withValues<T extends { germanLevel?: unknown; occupation?: unknown }>(
	person: T,
	now: HistoryPerson | undefined,
): T {
	if (!now) throw new Error('household out of step with its history');
	const next: Record<string, unknown> = { ...person };
	for (const [field, value] of [
		['germanLevel', now.germanLevel],
		['occupation', now.occupation],
	] as const) {
		if (value === null) delete next[field];
		else next[field] = value;
	}
	return next as T;
}

/** The case file after the change: its household with who joined and left, and every value as it holds now. */
function caseDataNow(data: Intake, change: CaseFileChange, now: HistoryState): Intake {
	const gone = new Set(change.left ?? []);
	const household: HouseholdMember[] = [
		...(data.household ?? []).filter((_, i) => !gone.has(i + 1)),
		...(change.joined ?? []),
	];
	const members = now.persons.filter((p) => p.role === 'member');
	if (members.length !== household.length)
		throw new Error('household out of step with its history');
	return {
		...data,
		municipality: now.municipality,
		person: withValues(data.person, now.persons[0]),
		...(data.household || household.length
			? { household: household.map((m, i) => withValues(m, members[i])) as Intake['household'] }
			: {}),
	};
}

/**
 * Records a dated change of the case file (German level, occupation, municipality, household): the history keeps
 * it from `validFrom` on, the case file shows what holds now. Needs the version the client saw.
 */
export const changeCaseFile = caseWrite<CaseRecord>('case.change', async (write) => {
	const { ctx, trx, who, input } = write;
	const row = await caseForChange(write, 'document', {
		what: 'Eine Veränderung',
		ofWhat: 'eine Veränderung der Fallakte',
	});
	const change = validateInput('caseFileChange', input);
	checkChangeDates(change, row, today(ctx.clock));
	if (change.municipality && change.municipality !== row.municipality_ags)
		assertSameOrganisationServes(ctx, row, change.municipality);
	const data = JSON.parse(row.data_json) as Intake;
	const history = await loadHistory(trx, row.id);
	const before = currentState(history);
	const joinedAs = newcomers(change.joined ?? [], usedKeys(history));
	const delta = changeDelta(change, before, joinedAs);
	const at = ctx.clock.now().toISOString();
	const now = await recordChange(
		trx,
		row.id,
		{ kind: 'change', validFrom: change.validFrom, delta, note: change.note },
		at,
		who.staffId,
	);
	await storeCaseData(trx, row, caseDataNow(data, change, now), true, {}, at);
	const fields = Object.keys(change).filter((k) => k !== 'validFrom' && k !== 'note');
	await recordEvent(trx, row.id, 'case.changed', { validFrom: change.validFrom, fields }, at);
	return {
		result: toCaseRecord(ctx, await loadCase(ctx, trx, row.id)),
		detail: `gültig ab ${change.validFrom}: ${fields.join(', ')}`,
	};
});
