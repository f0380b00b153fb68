// Layout hints for the Form.io forms generated from schemas/ (scripts/generate-forms.ts).
// The schemas say WHAT is asked (titles, types, enums, required, conditions); this file only says
// HOW it is arranged: wizard pages, columns, widgets, and options that come from the district profile.
//
// Field hints are keyed by data path (`person.gender`, `household.relationship` for grid columns).
//
// `extras` adds a property of another schema to the form, shown only under a condition: the
// justification for counselling beyond 3 years is part of the case update, but it is asked where the
// manager documents (plan, contact, referral) once the case is past 3 years without one.
// `context` is a hidden component the page fills with facts about the case (never trusted on POST).

/**
 * Choices filled when the page is served: from the district profile (municipalities, services, staff, managers)
 * or from the case the form is opened for (its referrals that await an answer, its household members).
 */
export type ChoiceSource =
	'municipalities' | 'services' | 'staff' | 'managers' | 'caseReferrals' | 'householdMembers';

/** A field on a row of its own, or the fields that share a row (columns). */
export type LayoutRow = string | string[];

/** Shown only when the value at `path` (a data path) equals `equals`. */
export interface ShowWhen {
	path: string;
	equals: unknown;
}

export interface FieldHint {
	widget?: 'radio' | 'textarea' | 'selectboxes-inline';
	/** Height of a textarea (default 3). */
	rows?: number;
	/** Filled from the district profile when the page is served. */
	options?: ChoiceSource;
	/** An extra condition for a field that the schema's if/then does not cover. */
	showWhen?: ShowWhen;
	/** Defaults to the logged-in staff member. */
	defaultActor?: boolean;
	/** For an object or a grid row: which fields share a row. */
	rowLayout?: LayoutRow[];
}

/** A property of another schema, asked on this form under a condition. */
export interface ExtraField {
	key: string;
	schema: string;
	property: string;
	showWhen: ShowWhen;
}

interface LayoutBase {
	schema: string;
	context?: string;
	extras?: ExtraField[];
	fields?: Record<string, FieldHint>;
}

export interface WizardLayout extends LayoutBase {
	display: 'wizard';
	pages: { key: string; title: string; rows: LayoutRow[] }[];
}

export interface SinglePageLayout extends LayoutBase {
	display: 'form';
	rows: LayoutRow[];
}

export type FormLayout = WizardLayout | SinglePageLayout;

const justification: ExtraField = {
	key: 'extensionJustification',
	schema: 'case-update.schema.json',
	property: 'extensionJustification',
	showWhen: { path: 'caseInfo.justificationNeeded', equals: true },
};

/**
 * A form the manager fills while documenting a case (plan, contact, referral): opened for a case (hidden case
 * context), its own rows, then the note and, past 3 years, the justification; both are text areas.
 */
function caseDocumentation(
	schema: string,
	rows: LayoutRow[],
	fields: Record<string, FieldHint>,
	textarea: FieldHint = { widget: 'textarea' },
): SinglePageLayout {
	return {
		schema,
		display: 'form',
		context: 'caseInfo',
		extras: [justification],
		rows: [...rows, 'note', 'extensionJustification'],
		fields: { ...fields, note: textarea, 'extensionJustification.reason': textarea },
	};
}

/** A household member's fields (intake, and who joins the household later). */
const householdRows: LayoutRow[] = [
	['firstName', 'lastName', 'birthDate'],
	['relationship', 'gender'],
	['germanLevel', 'occupation'],
];

export const layouts = {
	intake: {
		schema: 'intake.schema.json',
		display: 'wizard',
		pages: [
			{
				key: 'pagePerson',
				title: 'Person',
				rows: [['intakeDate', 'municipality', 'accommodation'], 'person'],
			},
			{ key: 'pageHousehold', title: 'Haushalt', rows: ['household'] },
			{ key: 'pageResidence', title: 'Aufenthalt', rows: ['residence'] },
			{ key: 'pageLanguages', title: 'Sprachen', rows: ['languages'] },
			{ key: 'pageConsent', title: 'Einwilligung', rows: ['consent', 'note'] },
		],
		fields: {
			municipality: { options: 'municipalities' },
			person: {
				rowLayout: [
					['firstName', 'lastName'],
					['birthDate', 'gender'],
					['nationality', 'germanLevel', 'occupation'],
					['phone', 'email'],
				],
			},
			'person.gender': { widget: 'radio' },
			household: { rowLayout: householdRows },
			residence: {
				rowLayout: [
					['status', 'validUntil'],
					'statusNote',
					['ukraineEntryDate', 'ukraineRegistrationDate'],
				],
			},
			'residence.ukraineRegistrationDate': {
				showWhen: { path: 'residence.status', equals: 'ukraine_temporary_protection' },
			},
			'consent.recordedBy': { options: 'staff', defaultActor: true },
			note: { widget: 'textarea' },
		},
	},
	plan: caseDocumentation('plan.schema.json', [['planDate', 'reviewDate'], 'goals'], {
		goals: { rowLayout: [['domain', 'goal'], ['status', 'dueDate'], 'steps'] },
	}),
	contact: caseDocumentation(
		'contact.schema.json',
		[['date', 'channel', 'minutes'], 'topics'],
		{ topics: { widget: 'selectboxes-inline' } },
		{ widget: 'textarea', rows: 2 },
	),
	referral: caseDocumentation('referral.schema.json', [['date', 'serviceId'], 'reason'], {
		serviceId: { options: 'services' },
	}),
	referralFeedback: {
		schema: 'referral-feedback.schema.json',
		display: 'form',
		context: 'caseInfo',
		rows: ['referralId', ['status', 'date'], 'note'],
		fields: {
			referralId: { options: 'caseReferrals' },
			status: { widget: 'radio' },
			note: { widget: 'textarea', rows: 2 },
		},
	},
	caseFileChange: {
		schema: 'case-file-change.schema.json',
		display: 'form',
		context: 'caseInfo',
		rows: [['validFrom', 'municipality'], 'person', 'members', 'joined', 'left', 'note'],
		fields: {
			municipality: { options: 'municipalities' },
			person: { rowLayout: [['germanLevel', 'occupation']] },
			members: { rowLayout: [['member', 'germanLevel', 'occupation']] },
			'members.member': { options: 'householdMembers' },
			joined: { rowLayout: householdRows },
			left: { options: 'householdMembers' },
			note: { widget: 'textarea', rows: 2 },
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
	reopen: {
		schema: 'reopen.schema.json',
		display: 'form',
		context: 'caseInfo',
		rows: [['date', 'reason']],
	},
	reassign: {
		schema: 'reassign.schema.json',
		display: 'form',
		context: 'caseInfo',
		rows: ['managerId'],
		fields: { managerId: { options: 'managers' } },
	},
} satisfies Record<string, FormLayout>;

export type FormKind = keyof typeof layouts;
