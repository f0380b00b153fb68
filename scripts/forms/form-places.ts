import type { FormComponent } from './formio';

/** Form.io's data scopes: `data` for the form, `row` inside a grid row. */
export type Scope = 'data' | 'row';

/** Where an object's fields go: their scope, the data path inside it, the path of their layout hints. */
export interface ObjectPlace {
	scope: Scope;
	prefix: string;
	hintPrefix: string;
	/** Components for keys that are not properties of the object (fields of other schemas). */
	extras?: Record<string, () => FormComponent>;
}

export interface FieldPlace {
	scope: Scope;
	pathInScope: string;
	hintPath: string;
	required: boolean;
}

/** The form's save button (German). */
export function submitButton(): FormComponent {
	return {
		type: 'button',
		key: 'submit',
		label: 'Speichern',
		action: 'submit',
		theme: 'primary',
		input: true,
		tableView: false,
		disableOnInvalid: false,
	};
}
