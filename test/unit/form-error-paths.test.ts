import { componentPaths, toFormErrors, toFormioPath } from '../../src/forms/error-paths';
import { loadForm } from '../../src/forms/form-definitions';
import { checkInput } from '../../src/validation/validate';
import { validIntake } from '../helpers/fixtures';

const intake = componentPaths(loadForm('intake').components);
const plan = componentPaths(loadForm('plan').components);

describe('validation error paths → Form.io component paths', () => {
	it.each([
		[
			'follows containers (wizard pages and columns are no part of the path)',
			'/person/firstName',
			'person.firstName',
		],
		['follows containers', '/municipality', 'municipality'],
		['keeps the row number for grids', '/household/1/birthDate', 'household[1].birthDate'],
		[
			'points an item of select boxes at the field itself',
			'/consent/purposes/0',
			'consent.purposes',
		],
		['points an item of a multiple field at the field itself', '/languages/3', 'languages'],
		['sends an unknown path to the closest component above', '/person/shoeSize', 'person'],
		['sends an unknown top-level path to the whole form', '/mood', ''],
		['sends the root to the whole form', '', ''],
	])('%s: %s', (_rule, pointer, expected) => {
		expect(toFormioPath(pointer, intake)).toBe(expected);
	});

	it('keeps the row number for nested grids: /goals/0/steps/2/responsible', () => {
		expect(toFormioPath('/goals/0/steps/2/responsible', plan)).toBe(
			'goals[0].steps[2].responsible',
		);
	});

	it('maps the German field errors of the validators onto the intake form', () => {
		const data = validIntake() as unknown as Record<string, any>;
		delete data.person.firstName;
		data.household[1].birthDate = '01.09.2012';
		data.consent.purposes = ['statistics'];
		expect(toFormErrors(checkInput('intake', data), loadForm('intake').components)).toEqual([
			{ path: 'person.firstName', field: 'Person – Vorname', message: 'Bitte ausfüllen.' },
			{
				path: 'household[1].birthDate',
				field: 'Haushaltsmitglieder Nr. 2 – Geburtsdatum',
				message: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
			},
			{
				path: 'consent.purposes',
				field: 'Einwilligung (DSGVO) – Zwecke der Einwilligung',
				message: 'Die Einwilligung muss mindestens die Beratung und Dokumentation umfassen.',
			},
		]);
	});
});
