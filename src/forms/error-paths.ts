import type { FieldError } from '../errors';
import { walkComponents, type FormComponent } from './form-definitions';

/** A field error as the page shows it: `path` is the Form.io component path (`household[1].birthDate`), '' for the whole form. */
export interface FormFieldError {
	path: string;
	field: string;
	message: string;
}

/** The data paths of a form's components (`household.birthDate`, grids without index) and which of them are grids. */
export function componentPaths(components: FormComponent[]): {
	paths: Set<string>;
	grids: Set<string>;
} {
	const paths = new Set<string>();
	const grids = new Set<string>();
	walkComponents(components, (c, p) => {
		paths.add(p);
		if (c.type === 'datagrid' || c.type === 'editgrid') grids.add(p);
	});
	return { paths, grids };
}

/**
 * JSON pointer of a validation error (`/household/1/birthDate`) → the Form.io path of the component that
 * shows it (`household[1].birthDate`). Row numbers are kept for grids; an index into select boxes or a
 * multiple field (`/consent/purposes/0`) goes to the field itself; a path the form has no component for
 * goes to the closest component above it, or to the whole form ('').
 */
export function toFormioPath(
	pointer: string,
	form: { paths: Set<string>; grids: Set<string> },
): string {
	let formioPath = '';
	let keyPath = '';
	for (const segment of pointer
		.split('/')
		.filter(Boolean)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
		if (/^\d+$/.test(segment)) {
			if (!form.grids.has(keyPath)) break;
			formioPath += `[${segment}]`;
			continue;
		}
		const nextKey = keyPath ? `${keyPath}.${segment}` : segment;
		if (!form.paths.has(nextKey)) break;
		keyPath = nextKey;
		formioPath = formioPath ? `${formioPath}.${segment}` : segment;
	}
	return formioPath;
}

/** Maps the validators' field errors onto the form's components. */
export function toFormErrors(errors: FieldError[], components: FormComponent[]): FormFieldError[] {
	const form = componentPaths(components);
	return errors.map((e) => ({
		path: toFormioPath(e.path, form),
		field: e.field,
		message: e.message,
	}));
}
