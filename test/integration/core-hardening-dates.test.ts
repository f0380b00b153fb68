import type { HouseholdMember, Intake } from '../../src/generated/types';
import { backends } from '../helpers/stores';
import { validPlan } from '../helpers/fixtures';
import { changedIntake, refusalSuite } from '../helpers/refusal-suite';

const JUSTIFICATION = 'Ausbildung endet im Sommer, Begleitung bis zur Prüfung nötig.';

/** An intake with a date out of range in every date field that can be checked on its own. */
const implausibleDates = (i: Intake) => {
	i.consent.date = '0001-01-01';
	i.person.birthDate = '1899-12-31';
	(i.household as HouseholdMember[])[1].birthDate = '1905-05-31';
	i.residence = {
		status: 'ukraine_temporary_protection',
		validUntil: '9999-12-31',
		ukraineEntryDate: '2025-04-01',
		ukraineRegistrationDate: '2021-05-01',
	};
};

/** Where and how the core refuses {@link implausibleDates}: each at its field, all in one refusal. */
const implausibleDateErrors = [
	[
		'/consent/date',
		'Einwilligung (DSGVO) – Datum der Einwilligung',
		'Das Datum 01.01.0001 liegt vor dem frühesten Datum für Fälle im Integrationsmanagement (01.01.2015).',
	],
	[
		'/person/birthDate',
		'Person – Geburtsdatum',
		'Das Datum 31.12.1899 liegt mehr als 120 Jahre zurück.',
	],
	[
		'/household/1/birthDate',
		'Haushaltsmitglieder Nr. 2 – Geburtsdatum',
		'Das Datum 31.05.1905 liegt mehr als 120 Jahre zurück.',
	],
	[
		'/residence/validUntil',
		'Aufenthalt – gültig bis',
		'Das Datum 31.12.9999 liegt mehr als 10 Jahre in der Zukunft.',
	],
	[
		'/residence/ukraineEntryDate',
		'Aufenthalt – Einreisedatum (Ukraine)',
		'Das Datum 01.04.2025 liegt nach dem Datum der Aufnahme (03.03.2025).',
	],
	[
		'/residence/ukraineRegistrationDate',
		'Aufenthalt – Datum der Registrierung nach § 24 AufenthG',
		'Das Datum 01.05.2021 liegt vor dem Beginn des vorübergehenden Schutzes nach § 24 AufenthG (04.03.2022).',
	],
];

// What the adversarial test of the issue found in the core's dates, on both backends: implausible dates. Each
// must be a German refusal at its field that writes nothing but its audit row.
describe.each(backends)('the core refuses dates it must not store, on %s', (backend) => {
	const suite = refusalSuite(backend);
	const { manager, refused, expectFieldError } = suite;

	it('refuses implausible dates of an intake, each at its field and all at once', async () => {
		const error = await refused(() =>
			suite.core.createCase(manager, { intake: changedIntake(implausibleDates) }),
		);
		expect(error.fieldErrors.map((e) => [e.path, e.field, e.message])).toEqual(
			implausibleDateErrors,
		);
		await expectFieldError(
			() =>
				suite.core.createCase(manager, {
					intake: changedIntake(
						(i) => ((i.intakeDate = '2014-12-31'), (i.consent.date = '2014-12-31')),
					),
				}),
			'/intakeDate',
			/^Das Datum 31\.12\.2014 liegt vor dem frühesten Datum/,
		);
		await expectFieldError(
			() =>
				suite.core.createCase(manager, {
					intake: changedIntake(
						(i) => ((i.household as HouseholdMember[])[2].birthDate = '2025-04-01'),
					),
				}),
			'/household/2/birthDate',
			'Das Datum 01.04.2025 liegt nach dem Datum der Aufnahme (03.03.2025).',
		);
	});

	it('refuses implausible dates in plans, justifications and parameters', async () => {
		const plan = validPlan('2025-06-01', '9999-12-31');
		plan.goals[0].steps![0].dueDate = '0001-01-01';
		const planError = await refused(() => suite.core.continuePlan(manager, suite.active.id, plan));
		expect(planError.fieldErrors.map((e) => e.path)).toEqual([
			'/reviewDate',
			'/goals/0/steps/0/dueDate',
		]);
		const version = await suite.active.version();
		await expectFieldError(
			() =>
				suite.core.updateCase(
					manager,
					suite.active.id,
					{ extensionJustification: { reason: JUSTIFICATION, date: '2025-01-01' } },
					{ expectedVersion: version },
				),
			'/extensionJustification/date',
			'Das Datum 01.01.2025 liegt vor der Aufnahme (03.03.2025).',
		);
		await expectFieldError(
			() => suite.core.listOverdueReferrals(manager, '2014-06-30'),
			'/asOf',
			/liegt vor dem frühesten Datum/,
		);
		await expectFieldError(
			() => suite.core.listOverdueReferrals(manager, '31.12.2025'),
			'/asOf',
			'Bitte ein Datum im Format JJJJ-MM-TT angeben.',
		);
		await expectFieldError(
			() => suite.core.listContacts(manager, suite.active.id, { from: '2025-02-30' }),
			'/from',
			'Bitte ein Datum im Format JJJJ-MM-TT angeben.',
		);
	});
});
