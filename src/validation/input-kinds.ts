/**
 * The one list of input kinds: which schema (in `schemas/`) describes each and what it is called in German.
 * The generators (a validator per kind) and the core (`validateInput`) both read it; it imports nothing,
 * so the generators can load it before anything is generated.
 */
export const inputKindSchemas = {
	intake: { file: 'intake.schema.json', label: 'Aufnahme' },
	plan: { file: 'plan.schema.json', label: 'Integrationsplan' },
	contact: { file: 'contact.schema.json', label: 'Beratungskontakt' },
	referral: { file: 'referral.schema.json', label: 'Weitervermittlung' },
	referralStatus: { file: 'referral-status.schema.json', label: 'Stand der Weitervermittlung' },
	referralFeedback: {
		file: 'referral-feedback.schema.json',
		label: 'Rückmeldung zur Weitervermittlung',
	},
	closure: { file: 'closure.schema.json', label: 'Beendigung' },
	reopen: { file: 'reopen.schema.json', label: 'Wiederaufnahme' },
	caseUpdate: { file: 'case-update.schema.json', label: 'Änderung der Fallakte' },
	caseFileChange: { file: 'case-file-change.schema.json', label: 'Veränderung in der Fallakte' },
	reassign: { file: 'reassign.schema.json', label: 'Neuzuweisung' },
	actor: { file: 'actor.schema.json', label: 'Handelnde Person' },
	districtProfile: { file: 'district-profile.schema.json', label: 'Kreisprofil' },
	reportDefinition: { file: 'report-definition.schema.json', label: 'Berichtsdefinition' },
} as const;

export type InputKind = keyof typeof inputKindSchemas;
