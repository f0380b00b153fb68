import { DomainError } from '../../src/errors';
import { validateInput } from '../../src/validation/validate';
import { thrownError, validIntake, validClosure, validContact } from '../helpers/fixtures';

const errorsOf = (kind: Parameters<typeof validateInput>[0], data: unknown): DomainError =>
	thrownError(() => validateInput(kind, data));

describe('validation with German messages', () => {
	it('accepts a complete intake', () => {
		expect(validateInput('intake', validIntake()).person.lastName).toBe('Haddad');
	});

	it('names each missing or wrong field in German', () => {
		const intake = validIntake() as unknown as Record<string, any>;
		delete intake.person.firstName;
		intake.person.birthDate = '14.06.1988';
		intake.municipality = '8316056';
		intake.consent.given = false;
		const error = errorsOf('intake', intake);
		expect(error.code).toBe('VALIDATION_FAILED');
		expect(error.message).toMatch(/^Aufnahme unvollständig oder fehlerhaft/);
		const byPath = Object.fromEntries(error.fieldErrors.map((e) => [e.path, e]));
		expect(byPath['/person/firstName']).toEqual({
			path: '/person/firstName',
			field: 'Person – Vorname',
			message: 'Bitte ausfüllen.',
		});
		expect(byPath['/person/birthDate'].message).toBe(
			'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
		);
		expect(byPath['/municipality'].message).toMatch(/achtstelligen Gemeindeschlüssel/);
		expect(byPath['/consent/given'].message).toBe(
			'Ohne Einwilligung der Person darf keine Fallakte angelegt werden.',
		);
	});

	it('labels rows of a list by number and enum errors by their German labels', () => {
		const intake = validIntake();
		(intake.household as any)[1].relationship = 'cousin';
		const error = errorsOf('intake', intake);
		expect(error.fieldErrors).toEqual([
			expect.objectContaining({
				path: '/household/1/relationship',
				field: 'Haushaltsmitglieder Nr. 2 – Beziehung zur beratenen Person',
			}),
		]);
		expect(error.fieldErrors[0].message).toContain('Ehe- oder Lebenspartner*in, Kind');
	});

	it('requires the Ukraine-specific entry date only for § 24 AufenthG', () => {
		const ukraine = validIntake({ residence: { status: 'ukraine_temporary_protection' } });
		expect(errorsOf('intake', ukraine).fieldErrors.map((e) => [e.path, e.message])).toEqual([
			['/residence/ukraineEntryDate', 'Bitte ausfüllen.'],
		]);
		expect(() =>
			validateInput(
				'intake',
				validIntake({
					residence: { status: 'ukraine_temporary_protection', ukraineEntryDate: '2022-03-10' },
				}),
			),
		).not.toThrow();
	});

	it('requires consent for counselling at least', () => {
		const intake = validIntake();
		intake.consent.purposes = ['statistics'];
		expect(errorsOf('intake', intake).fieldErrors[0].message).toBe(
			'Die Einwilligung muss mindestens die Beratung und Dokumentation umfassen.',
		);
	});

	it('rejects a closure without a reason and a contact with zero minutes', () => {
		const { reason: _reason, ...noReason } = validClosure();
		expect(errorsOf('closure', noReason).fieldErrors).toEqual([
			{ path: '/reason', field: 'Grund der Beendigung', message: 'Bitte ausfüllen.' },
		]);
		expect(errorsOf('contact', { ...validContact(), minutes: 0 }).fieldErrors[0]).toEqual({
			path: '/minutes',
			field: 'Dauer (Minuten)',
			message: 'Der Wert muss mindestens 1 sein.',
		});
	});

	it('rejects unknown fields instead of silently storing them', () => {
		const error = errorsOf('contact', { ...validContact(), mood: 'gut' });
		expect(error.fieldErrors[0].message).toBe('Das Feld „mood“ ist hier nicht vorgesehen.');
	});

	it('lets only plain data reach the schema: no prototype keys, no inherited values, no getters', () => {
		const { person, intakeDate, ...rest } = validIntake();
		// Inherited values would pass a `required` check but never be stored.
		const inherited = Object.assign(Object.create({ person, intakeDate }), rest);
		expect(errorsOf('intake', inherited).fieldErrors).toEqual([
			expect.objectContaining({
				path: '',
				message: expect.stringMatching(/^Bitte nur einfache Angaben/),
			}),
		]);
		const parsed = JSON.parse(
			`{"__proto__": {"minutes": 5}, ${JSON.stringify(validContact()).slice(1)}`,
		);
		expect(errorsOf('contact', parsed).fieldErrors).toEqual([
			{ path: '', field: 'Beratungskontakt', message: 'Das Feld „__proto__“ ist nicht zulässig.' },
		]);
		const nested = validIntake() as unknown as { household: Record<string, unknown>[] };
		nested.household[1] = { ...nested.household[1], ['prototype']: {} };
		expect(errorsOf('intake', nested).fieldErrors).toEqual([
			{
				path: '/household/1',
				field: 'Haushaltsmitglieder Nr. 2',
				message: 'Das Feld „prototype“ ist nicht zulässig.',
			},
		]);
		const getter = {
			...validContact(),
			get minutes() {
				return 45;
			},
		};
		expect(errorsOf('contact', getter).fieldErrors[0].message).toBe(
			'Das Feld „minutes“ ist kein einfacher Wert.',
		);
		const cyclic: Record<string, unknown> = { ...validContact() };
		cyclic.note = cyclic;
		expect(errorsOf('contact', cyclic).fieldErrors[0].message).toBe(
			'Die Angaben verweisen auf sich selbst (Kreisbezug).',
		);
	});
});
