import { dateOnly, normaliseSubmission } from '../../src/forms/normalise';
import { loadForm } from '../../src/forms/form-definitions';
import { validateInput } from '../../src/validation/validate';
import { validIntake } from '../helpers/fixtures';

const intakeSource = loadForm('intake')['x-source'];
const contactSource = loadForm('contact')['x-source'];
const closureSource = loadForm('closure')['x-source'];

/** An intake the way Form.io posts it: envelope, submit key, ISO date-times, select boxes, blank strings, a blank grid row. */
function formioIntake() {
	return {
		data: {
			intakeDate: '2025-03-03T00:00:00+01:00',
			municipality: '08316056',
			accommodation: 'follow_up_housing',
			person: {
				firstName: ' Amina ',
				lastName: 'Haddad',
				birthDate: '1988-06-14T00:00:00+02:00',
				gender: 'female',
				nationality: '',
				phone: '',
				email: '',
				germanLevel: 'A2',
				occupation: '',
			},
			household: [
				{
					firstName: 'Lina',
					lastName: '',
					birthDate: '2012-09-01T00:00:00+02:00',
					gender: '',
					relationship: 'child',
					germanLevel: '',
					occupation: '',
				},
				{
					firstName: '',
					lastName: '',
					birthDate: '',
					gender: '',
					relationship: '',
					germanLevel: '',
					occupation: '',
				},
			],
			residence: { status: 'refugee_protection', validUntil: '', statusNote: '' },
			languages: ['Arabisch', '', '  '],
			consent: {
				given: true,
				purposes: { counselling: true, referral: false, statistics: true, handover: false },
				date: '2025-03-03T00:00:00+01:00',
				recordedBy: 'em-caritas-01',
			},
			note: '',
			submit: true,
		},
	};
}

describe('normalising what Form.io posts into what the schemas describe', () => {
	it('turns a whole Form.io intake into a valid intake', () => {
		const { data } = normaliseSubmission(intakeSource, formioIntake());
		// The fixture's intake without what the Form.io intake leaves blank (nationality, phone, occupation, …).
		const { nationality: _n, phone: _p, occupation: _o, ...person } = validIntake().person;
		expect(validateInput('intake', data)).toEqual({
			...validIntake(),
			person,
			household: [{ firstName: 'Lina', birthDate: '2012-09-01', relationship: 'child' }],
			residence: { status: 'refugee_protection' },
			languages: ['Arabisch'],
		});
	});

	it('drops the `submit` key of the button and accepts the data with or without the {data} envelope', () => {
		const inner = formioIntake().data;
		expect(normaliseSubmission(intakeSource, inner).data).toEqual(
			normaliseSubmission(intakeSource, { data: inner }).data,
		);
		expect(normaliseSubmission(intakeSource, inner).data).not.toHaveProperty('submit');
	});

	it('treats empty strings, whitespace and null as "not given", so the schema names a missing required field', () => {
		const { data } = normaliseSubmission(contactSource, {
			date: '2025-04-02',
			channel: '',
			minutes: null,
			topics: { language: true },
			note: '   ',
		});
		expect(data).toEqual({ date: '2025-04-02', topics: ['language'] });
	});

	it('keeps the calendar day of a date-only field, whatever the offset, and reads a typed German date', () => {
		expect(dateOnly('1990-03-15T00:00:00+01:00')).toBe('1990-03-15');
		expect(dateOnly('1990-03-15T23:30:00-05:00')).toBe('1990-03-15');
		expect(dateOnly('5.3.1990')).toBe('1990-03-05');
		expect(dateOnly('15/03/1990')).toBe('15/03/1990'); // left for the validator to reject
	});

	it('turns select boxes into the ticked values in the order of the schema', () => {
		const { data } = normaliseSubmission(contactSource, {
			topics: { work: true, language: true, housing: false },
		});
		expect(data.topics).toEqual(['language', 'work']);
		const none = normaliseSubmission(contactSource, { topics: { work: false } }).data;
		expect(none.topics).toEqual([]);
	});

	it('leaves an unknown select-box value in the list, so the validator rejects it', () => {
		const { data } = normaliseSubmission(contactSource, {
			topics: { language: true, weather: true },
		});
		expect(data.topics).toEqual(['language', 'weather']);
	});

	it('turns a number typed as text into a number, a German decimal comma too', () => {
		expect(normaliseSubmission(contactSource, { minutes: '45' }).data.minutes).toBe(45);
		expect(normaliseSubmission(contactSource, { minutes: '1,5' }).data.minutes).toBe(1.5);
		expect(normaliseSubmission(contactSource, { minutes: 'viel' }).data.minutes).toBe('viel');
	});

	it('keeps an unticked checkbox (false is an answer) and reads "true"/"false" text', () => {
		const { data } = normaliseSubmission(closureSource, {
			outcomes: {
				ownTenancy: false,
				employmentSocialInsurance: 'true',
				trainingInternshipStudy: false,
			},
		});
		expect(data.outcomes).toEqual({
			ownTenancy: false,
			employmentSocialInsurance: true,
			trainingInternshipStudy: false,
		});
	});

	it('drops blank grid rows and blank entries of a multiple text field', () => {
		const { data } = normaliseSubmission(intakeSource, {
			household: [{ firstName: '', relationship: '' }, {}],
			languages: ['', 'Farsi'],
		});
		expect(data).toEqual({ household: [], languages: ['Farsi'] });
	});

	it('reads a change of the case file: an empty group is not given, chosen member numbers become numbers', () => {
		const source = loadForm('caseFileChange')['x-source'];
		const { data } = normaliseSubmission(source, {
			validFrom: '2026-03-02T00:00:00+01:00',
			municipality: '',
			person: { germanLevel: '', occupation: '' },
			members: [{ member: '2', germanLevel: 'B1', occupation: '' }, {}],
			joined: [],
			left: ['1'],
			submit: true,
		});
		expect(data).toEqual({
			validFrom: '2026-03-02',
			members: [{ member: 2, germanLevel: 'B1' }],
			joined: [],
			left: [1],
		});
		expect(() => validateInput('caseFileChange', data)).not.toThrow();
		// A group with required fields stays, so that each missing field is named.
		const intake = normaliseSubmission(intakeSource, { person: { firstName: '' } }).data;
		expect(intake.person).toEqual({});
	});

	it('passes unknown keys through, so that the validator names them', () => {
		const { data } = normaliseSubmission(contactSource, { date: '2025-04-02', mood: 'gut' });
		expect(data.mood).toBe('gut');
	});

	it('takes the hidden case context and the extra parts out of the data', () => {
		const result = normaliseSubmission(contactSource, {
			date: '2025-04-02T00:00:00+02:00',
			caseInfo: { caseId: 'c-1', version: 4, justificationNeeded: true },
			extensionJustification: {
				reason: ' Ausbildung läuft noch bis zum Sommer ',
				date: '2025-04-01T00:00:00+02:00',
			},
		});
		expect(result.context).toEqual({ caseId: 'c-1', version: 4, justificationNeeded: true });
		expect(result.extras).toEqual({
			extensionJustification: {
				reason: 'Ausbildung läuft noch bis zum Sommer',
				date: '2025-04-01',
			},
		});
		expect(result.data).toEqual({ date: '2025-04-02' });
	});

	it('gives empty data for a body that is not an object', () => {
		expect(normaliseSubmission(contactSource, 'kaputt').data).toEqual({});
		expect(normaliseSubmission(contactSource, null).data).toEqual({});
	});

	it('keeps a "__proto__" key a key (refused by the validator) instead of replacing the prototype', () => {
		const { person, intakeDate, ...rest } = formioIntake().data;
		const body = JSON.parse(
			JSON.stringify({ data: { ...rest, ['__proto__']: { person, intakeDate } } }),
		);
		const { data } = normaliseSubmission(intakeSource, body);
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		expect('person' in data).toBe(false);
		expect(Object.keys(data)).toContain('__proto__');
		expect(() => validateInput('intake', data)).toThrow('Das Feld „__proto__“ ist nicht zulässig.');
		// `constructor` is no field of the schema, even though every object inherits one.
		const withConstructor = normaliseSubmission(intakeSource, {
			data: { ...formioIntake().data, ['constructor']: ' x ' },
		}).data;
		expect(withConstructor.constructor).toBe(' x ');
	});
});
