// The Form.io JSON the form generator writes (forms/<kind>.json): the parts of Form.io's format it uses.

/** A JSONLogic condition (the page runs with Form.io's noeval switch): shown when the value at `var` equals the given one. */
export interface Conditional {
	show: true;
	json: { '===': [{ var: string }, unknown] };
}

export interface Validation {
	required?: boolean;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	min?: number;
	max?: number;
	minSelectedCount?: number;
}

/** An option of a select, radio or selectboxes component (German label, stored value). */
export interface OptionValue {
	label: string;
	value: string;
}

export interface Column {
	components: FormComponent[];
	width: number;
	size: 'md';
	offset: 0;
	push: 0;
	pull: 0;
}

export interface CalendarWidget {
	type: 'calendar';
	displayInTimezone: 'viewer';
	locale: 'de';
	useLocaleSettings: boolean;
	allowInput: boolean;
	mode: 'single';
	enableTime: boolean;
	noCalendar: boolean;
	format: string;
}

/** One Form.io component; the optional fields belong to the component types named beside them. */
export interface FormComponent {
	type: string;
	key: string;
	label?: string;
	input: boolean;
	tableView: boolean;
	description?: string;
	/** panel */
	title?: string;
	/** container */
	hideLabel?: boolean;
	/** container, datagrid, fieldset, panel */
	components?: FormComponent[];
	/** columns */
	columns?: Column[];
	/** datetime */
	format?: string;
	enableTime?: boolean;
	enableDate?: boolean;
	allowInput?: boolean;
	displayInTimezone?: string;
	datePicker?: { disableWeekends: boolean; disableWeekdays: boolean };
	/** datetime (calendar), select (html5) */
	widget?: CalendarWidget | 'html5';
	/** radio, selectboxes */
	inline?: boolean;
	values?: OptionValue[];
	inputType?: 'checkbox';
	optionsLabelPosition?: 'right';
	/** select */
	dataSrc?: 'values';
	placeholder?: string;
	data?: { values: OptionValue[] };
	/** Options filled from the district profile when the page is served (`profileOptions`, `defaultActor`). */
	properties?: Record<string, string>;
	defaultValue?: unknown;
	/** textarea */
	rows?: number;
	/** number */
	delimiter?: boolean;
	requireDecimal?: boolean;
	decimalLimit?: number;
	/** textfield with several values, datagrid */
	multiple?: boolean;
	addAnother?: string;
	initEmpty?: boolean;
	/** button */
	action?: 'submit';
	theme?: 'primary';
	disableOnInvalid?: boolean;
	conditional?: Conditional;
	validate?: Validation;
}

/** A component before its type is known: what every data component starts with. */
export type ComponentBase = Omit<FormComponent, 'type'>;

/** Where a form's fields come from: its schema, the hidden case context, fields of other schemas. */
export interface FormSource {
	schema: string;
	context?: string;
	extras: { key: string; schema: string; property: string }[];
}

export interface FormDefinition {
	name: string;
	title?: string;
	display: 'wizard' | 'form';
	type: 'form';
	'x-source': FormSource;
	components: FormComponent[];
}
