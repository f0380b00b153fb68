import { componentPaths, toFormErrors, toFormioPath } from '../../src/forms/error-paths';
import { loadForm } from '../../src/forms/form-definitions';
import { checkInput } from '../../src/validation/validate';
import { validIntake } from '../helpers/fixtures';

const intake = componentPaths(loadForm('intake').components);
const plan = componentPaths(loadForm('plan').components);

describe('validation error paths → Form.io component paths', () => {
	it('follows containers (wizard pages and columns are no part of the path)', () => {
		expect(toFormioPath('/person/firstName', intake)).toBe('person.firstName');
		expect(toFormioPath('/municipality', intake)).toBe('municipality');
	});

	it('keeps the row number for grids, also nested ones', () => {
		expect(toFormioPath('/household/1/birthDate', intake)).toBe('household[1].birthDate');
		expect(toFormioPath('/goals/0/steps/2/responsible', plan)).toBe('goals[0].steps[2].responsible');
	});

	it('points an item of select boxes or of a multiple field at the field itself', () => {
		expect(toFormioPath('/consent/purposes/0', intake)).toBe('consent.purposes');
		expect(toFormioPath('/languages/3', intake)).toBe('languages');
	});

	it('sends a path the form has no component for to the closest one above, or to the whole form', () => {
		expect(toFormioPath('/person/shoeSize', intake)).toBe('person');
		expect(toFormioPath('/mood', intake)).toBe('');
		expect(toFormioPath('', intake)).toBe('');
	});

	it('maps the German field errors of the validators onto the intake form', () => {
		const data = validIntake() as unknown as Record<string, any>;
		delete data.person.firstName;
		data.household[1].birthDate = '01.09.2012';
		data.consent.purposes = ['statistics'];
		expect(toFormErrors(checkInput('intake', data), loadForm('intake').components)).toEqual([
			{ path: 'person.firstName', field: 'Person – Vorname', message: 'Bitte ausfüllen.' },
			{ path: 'household[1].birthDate', field: 'Haushaltsmitglieder Nr. 2 – Geburtsdatum', message: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' },
			{ path: 'consent.purposes', field: 'Einwilligung (DSGVO) – Zwecke der Einwilligung', message: 'Die Einwilligung muss mindestens die Beratung und Dokumentation umfassen.' },
		]);
	});
});
