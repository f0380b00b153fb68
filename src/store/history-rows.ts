import type { HistoryInterval } from '../lifecycle/case-history';
import type { CaseHistoryPersonTable, CaseHistoryTable } from './database';

/** The rows of `case_history` and `case_history_persons` for a case's intervals (what the report reads). */
export function historyRows(caseId: string, intervals: readonly HistoryInterval[]) {
	const places: CaseHistoryTable[] = [];
	const persons: CaseHistoryPersonTable[] = [];
	for (const { validFrom, validUntil, state } of intervals) {
		const span = { case_id: caseId, valid_from: validFrom, valid_until: validUntil };
		places.push({
			...span,
			manager_id: state.managerId,
			organisation_id: state.organisationId,
			municipality_ags: state.municipality,
		});
		for (const p of state.persons) {
			persons.push({
				...span,
				position: p.key,
				role: p.role,
				birth_date: p.birthDate,
				relationship: p.relationship,
				german_level: p.germanLevel,
				occupation: p.occupation,
			});
		}
	}
	return { places, persons };
}
