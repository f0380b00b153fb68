import type {
	FormComponent as Component,
	FormDefinition as FormDef,
} from '../../scripts/forms/formio';
import { layouts } from '../../scripts/forms/layouts';
import { buildForm, generateForms } from '../../scripts/generate-forms';

/** Every component with its data path (containers and grids nest data; panels, columns, fieldsets do not). */
function byPath(form: FormDef): Map<string, Component> {
	const result = new Map<string, Component>();
	const walk = (components: Component[], prefix: string) => {
		for (const c of components) {
			const isData = c.input && c.type !== 'button';
			const p = isData ? `${prefix}${c.key}` : prefix.replace(/\.$/, '');
			if (isData) result.set(p, c);
			const childPrefix = isData ? `${p}.` : prefix;
			if (c.components) walk(c.components, childPrefix);
			for (const col of c.columns ?? []) walk(col.components, childPrefix);
		}
	};
	walk(form.components, '');
	return result;
}

/** Each named component matches what is expected of it (`toMatchObject`, one field after the other). */
function expectFields(fields: Map<string, Component>, expected: Record<string, object>): void {
	for (const [dataPath, component] of Object.entries(expected))
		expect(fields.get(dataPath)).toMatchObject(component);
}

const intake = buildForm('intake');
const intakeFields = byPath(intake);

describe('form generator: schema feature → Form.io component', () => {
	it('builds the intake as a wizard with the five German pages', () => {
		expect(intake.display).toBe('wizard');
		expect(intake.title).toBe('Aufnahme');
		expect(intake.components.map((p) => [p.type, p.title])).toEqual([
			['panel', 'Person'],
			['panel', 'Haushalt'],
			['panel', 'Aufenthalt'],
			['panel', 'Sprachen'],
			['panel', 'Einwilligung'],
		]);
	});

	it('turns an object into a container whose fields keep the data nesting', () => {
		expect(intakeFields.get('person')).toMatchObject({ type: 'container', label: 'Person' });
		expect(intakeFields.get('person.firstName')).toMatchObject({
			type: 'textfield',
			label: 'Vorname',
			validate: { required: true, maxLength: 200 },
		});
	});

	it('turns a date into a German date-only picker', () => {
		expect(intakeFields.get('person.birthDate')).toMatchObject({
			type: 'datetime',
			label: 'Geburtsdatum',
			format: 'dd.MM.yyyy',
			enableTime: false,
			widget: { type: 'calendar', locale: 'de', enableTime: false },
			validate: { required: true },
		});
		// The shared definition's technical note (JJJJ-MM-TT) is not shown next to a picker.
		expect(intakeFields.get('person.birthDate')?.description).toBeUndefined();
		expect(intakeFields.get('intakeDate')?.description).toMatch(/Höchstdauer/);
	});

	it('turns an enum into a select with the German x-enumLabels, or a radio by hint', () => {
		const level = intakeFields.get('person.germanLevel');
		expect(level).toMatchObject({
			type: 'select',
			widget: 'html5',
			dataSrc: 'values',
			label: 'Deutschkenntnisse',
		});
		expect(level?.data?.values[1]).toEqual({
			label: 'im Alphabetisierungskurs',
			value: 'literacy_course',
		});
		const gender = intakeFields.get('person.gender');
		expect(gender).toMatchObject({ type: 'radio', label: 'Geschlecht' });
		expect(gender?.values?.map((v) => v.label)).toEqual([
			'weiblich',
			'männlich',
			'divers',
			'keine Angabe',
		]);
	});

	it('takes the schema default as the default value', () => {
		expect(intakeFields.get('accommodation')).toMatchObject({
			type: 'select',
			defaultValue: 'follow_up_housing',
		});
	});

	it('turns an array of objects into a grid that starts empty unless items are required', () => {
		expectFields(intakeFields, {
			household: {
				type: 'datagrid',
				label: 'Haushaltsmitglieder',
				initEmpty: true,
				validate: { maxLength: 20 },
			},
			'household.relationship': { type: 'select', validate: { required: true } },
		});
		const plan = byPath(buildForm('plan'));
		expectFields(plan, {
			goals: {
				type: 'datagrid',
				initEmpty: false,
				validate: { required: true, minLength: 1, maxLength: 30 },
			},
			'goals.steps': { type: 'datagrid', initEmpty: true },
		});
		expect(plan.get('goals.steps.responsible')?.data?.values[2]).toEqual({
			label: 'gemeinsam',
			value: 'together',
		});
	});

	it('turns an array of enum values into select boxes and an array of strings into a multiple text field', () => {
		expect(intakeFields.get('consent.purposes')).toMatchObject({
			type: 'selectboxes',
			validate: { minSelectedCount: 1 },
		});
		expect(intakeFields.get('consent.purposes')?.values?.[0]).toEqual({
			label: 'Beratung und Dokumentation im Integrationsmanagement',
			value: 'counselling',
		});
		expect(intakeFields.get('languages')).toMatchObject({
			type: 'textfield',
			multiple: true,
			validate: { required: true, maxLength: 200 },
		});
	});

	it('turns `const: true` into a checkbox that must be ticked, a plain boolean into an optional one', () => {
		expectFields(intakeFields, {
			'consent.given': { type: 'checkbox', validate: { required: true } },
		});
		const closure = byPath(buildForm('closure'));
		expectFields(closure, { 'outcomes.ownTenancy': { type: 'checkbox', defaultValue: false } });
		expect(closure.get('outcomes.ownTenancy')?.validate).toBeUndefined();
	});

	it('turns integers with bounds into a number without decimals, long text into a textarea, patterns into validate.pattern', () => {
		const contact = byPath(buildForm('contact'));
		expect(contact.get('minutes')).toMatchObject({
			type: 'number',
			decimalLimit: 0,
			validate: { required: true, min: 1, max: 600 },
		});
		expect(contact.get('note')).toMatchObject({
			type: 'textarea',
			rows: 2,
			validate: { maxLength: 4000 },
		});
		expect(intakeFields.get('person.phone')?.validate).toEqual({ pattern: '^[+0-9 ()/-]{3,30}$' });
		expect(intakeFields.get('person.email')).toMatchObject({ type: 'email' });
	});

	it('turns if/then on a const into a JSONLogic condition plus required (Ukraine fields, closure notes)', () => {
		expect(intakeFields.get('residence.ukraineEntryDate')).toMatchObject({
			conditional: {
				show: true,
				json: { '===': [{ var: 'data.residence.status' }, 'ukraine_temporary_protection'] },
			},
			validate: { required: true },
		});
		// Asked under the same condition by hint, but optional.
		expect(intakeFields.get('residence.ukraineRegistrationDate')?.conditional?.json).toEqual({
			'===': [{ var: 'data.residence.status' }, 'ukraine_temporary_protection'],
		});
		expect(intakeFields.get('residence.ukraineRegistrationDate')?.validate).toBeUndefined();
		const closure = byPath(buildForm('closure'));
		expect(closure.get('movedTo')).toMatchObject({
			conditional: { json: { '===': [{ var: 'data.reason' }, 'moved_away'] } },
			validate: { required: true },
		});
		expect(closure.get('reasonNote')?.conditional?.json).toEqual({
			'===': [{ var: 'data.reason' }, 'other'],
		});
	});

	it('never uses JavaScript strings for logic (runs with noeval)', () => {
		const text = Object.values(generateForms()).join('\n');
		for (const key of [
			'customConditional',
			'calculateValue',
			'customDefaultValue',
			'"custom"',
			'validate.custom',
		])
			expect(text).not.toContain(key);
	});

	it('asks the justification for counselling beyond 3 years only when the case needs it', () => {
		for (const kind of ['plan', 'contact', 'referral']) {
			const form = buildForm(kind);
			const fields = byPath(form);
			expect(fields.get('caseInfo')).toMatchObject({ type: 'hidden' });
			expect(fields.get('extensionJustification')).toMatchObject({
				type: 'container',
				label: 'Begründung für Beratung über 3 Jahre',
				conditional: { json: { '===': [{ var: 'data.caseInfo.justificationNeeded' }, true] } },
			});
			expect(fields.get('extensionJustification.reason')).toMatchObject({
				type: 'textarea',
				validate: { required: true, minLength: 20, maxLength: 2000 },
			});
			expect(form['x-source'].extras).toEqual([
				{
					key: 'extensionJustification',
					schema: 'case-update.schema.json',
					property: 'extensionJustification',
				},
			]);
		}
	});

	it('fills municipality, service and staff choices from the district profile at serving time', () => {
		expect(intakeFields.get('municipality')).toMatchObject({
			type: 'select',
			properties: { profileOptions: 'municipalities' },
			data: { values: [] },
		});
		expect(intakeFields.get('consent.recordedBy')?.properties).toEqual({
			profileOptions: 'staff',
			defaultActor: 'true',
		});
		expect(byPath(buildForm('referral')).get('serviceId')?.properties).toEqual({
			profileOptions: 'services',
		});
	});

	it('leaves choices of the case (its referrals, household members, managers) to the page, also for numbers and lists', () => {
		const change = byPath(buildForm('caseFileChange'));
		expect(change.get('members.member')).toMatchObject({
			type: 'select',
			properties: { profileOptions: 'householdMembers' },
			validate: { required: true },
		});
		expect(change.get('left')).toMatchObject({
			type: 'select',
			multiple: true,
			properties: { profileOptions: 'householdMembers' },
		});
		expect(byPath(buildForm('referralFeedback')).get('referralId')).toMatchObject({
			type: 'select',
			properties: { profileOptions: 'caseReferrals' },
			validate: { required: true },
		});
		expect(byPath(buildForm('reassign')).get('managerId')?.properties).toEqual({
			profileOptions: 'managers',
		});
	});

	it('puts the contact form in one screen: date, kind and minutes in one row', () => {
		const contact = buildForm('contact');
		expect(contact.display).toBe('form');
		const row = contact.components.find((c) => c.type === 'columns');
		expect(row?.columns?.map((c) => c.components[0].key)).toEqual(['date', 'channel', 'minutes']);
		expect(contact.components.at(-1)).toMatchObject({
			type: 'button',
			action: 'submit',
			label: 'Speichern',
		});
	});

	it('refuses a layout that forgets a schema field, names an unknown one or leaves a hint unused', () => {
		const base = layouts.contact;
		expect(() =>
			buildForm('contact', {
				...base,
				rows: ['date', 'channel', 'minutes', 'topics', 'extensionJustification'],
			}),
		).toThrow(/Im Layout fehlen Felder des Schemas: note/);
		expect(() => buildForm('contact', { ...base, rows: [...base.rows, 'weather'] })).toThrow(
			/„weather“, das Schema kennt es nicht/,
		);
		expect(() =>
			buildForm('contact', {
				...base,
				fields: { ...base.fields, 'person.x': { widget: 'radio' } },
			}),
		).toThrow(/Layout-Hinweise ohne Feld: person\.x/);
	});
});
