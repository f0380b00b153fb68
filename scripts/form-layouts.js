'use strict';
// Layout hints for the Form.io forms generated from schemas/ (scripts/generate-forms.js).
// The schemas say WHAT is asked (titles, types, enums, required, conditions); this file only says
// HOW it is arranged: wizard pages, columns, widgets, and options that come from the district profile.
//
// Field hints are keyed by data path (`person.gender`, `household.relationship` for grid columns):
//   widget: 'radio' | 'textarea' | 'selectboxes-inline'
//   options: 'municipalities' | 'services' | 'staff'   (filled from the district profile when the page is served)
//   showWhen: { path, equals }  (extra condition for a field that the schema's if/then does not cover)
//   defaultActor: true          (defaults to the logged-in staff member)
//   rowLayout: [...]            (for an object or a grid row: which fields share a row)
//
// `extras` adds a property of another schema to the form, shown only under a condition: the
// justification for counselling beyond 3 years is part of the case update, but it is asked where the
// manager documents (plan, contact, referral) once the case is past 3 years without one.
// `context` is a hidden component the page fills with facts about the case (never trusted on POST).

const justification = {
	key: 'extensionJustification',
	schema: 'case-update.schema.json',
	property: 'extensionJustification',
	showWhen: { path: 'caseInfo.justificationNeeded', equals: true },
};

const layouts = {
	intake: {
		schema: 'intake.schema.json',
		display: 'wizard',
		pages: [
			{ key: 'pagePerson', title: 'Person', rows: [['intakeDate', 'municipality', 'accommodation'], 'person'] },
			{ key: 'pageHousehold', title: 'Haushalt', rows: ['household'] },
			{ key: 'pageResidence', title: 'Aufenthalt', rows: ['residence'] },
			{ key: 'pageLanguages', title: 'Sprachen', rows: ['languages'] },
			{ key: 'pageConsent', title: 'Einwilligung', rows: ['consent', 'note'] },
		],
		fields: {
			municipality: { options: 'municipalities' },
			person: { rowLayout: [['firstName', 'lastName'], ['birthDate', 'gender'], ['nationality', 'germanLevel', 'occupation'], ['phone', 'email']] },
			'person.gender': { widget: 'radio' },
			household: { rowLayout: [['firstName', 'lastName', 'birthDate'], ['relationship', 'gender'], ['germanLevel', 'occupation']] },
			residence: { rowLayout: [['status', 'validUntil'], 'statusNote', ['ukraineEntryDate', 'ukraineRegistrationDate']] },
			'residence.ukraineRegistrationDate': { showWhen: { path: 'residence.status', equals: 'ukraine_temporary_protection' } },
			'consent.recordedBy': { options: 'staff', defaultActor: true },
			note: { widget: 'textarea' },
		},
	},
	plan: {
		schema: 'plan.schema.json',
		display: 'form',
		context: 'caseInfo',
		extras: [justification],
		rows: [['planDate', 'reviewDate'], 'goals', 'note', 'extensionJustification'],
		fields: {
			goals: { rowLayout: [['domain', 'goal'], ['status', 'dueDate'], 'steps'] },
			note: { widget: 'textarea' },
			'extensionJustification.reason': { widget: 'textarea' },
		},
	},
	contact: {
		schema: 'contact.schema.json',
		display: 'form',
		context: 'caseInfo',
		extras: [justification],
		rows: [['date', 'channel', 'minutes'], 'topics', 'note', 'extensionJustification'],
		fields: {
			topics: { widget: 'selectboxes-inline' },
			note: { widget: 'textarea', rows: 2 },
			'extensionJustification.reason': { widget: 'textarea', rows: 2 },
		},
	},
	referral: {
		schema: 'referral.schema.json',
		display: 'form',
		context: 'caseInfo',
		extras: [justification],
		rows: [['date', 'serviceId'], 'reason', 'note', 'extensionJustification'],
		fields: {
			serviceId: { options: 'services' },
			note: { widget: 'textarea' },
			'extensionJustification.reason': { widget: 'textarea' },
		},
	},
	closure: {
		schema: 'closure.schema.json',
		display: 'form',
		context: 'caseInfo',
		rows: [['date', 'reason'], 'reasonNote', 'movedTo', 'outcomes', 'note'],
		fields: {
			note: { widget: 'textarea' },
		},
	},
};

module.exports = { layouts };
