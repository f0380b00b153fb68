import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { DomainError } from '../../src/errors';
import { pollCaseEvents } from '../../src/events/case-events';
import type { HouseholdMember, Intake } from '../../src/generated/types';
import { addDays, germanDate } from '../../src/lifecycle/dates';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import {
	actorFor,
	emmendingen,
	validClosure,
	validContact,
	validIntake,
	validPlan,
} from '../helpers/fixtures';
import { isGermanMessage, refusalFootprint, refusalOf, rowCounts } from '../helpers/hardening';

const CONTROL = 'Enthält ein unzulässiges Steuerzeichen';
const BLANK = 'Bitte ausfüllen – nur Leerzeichen genügen nicht.';
const ONE_LINE = 'Bitte in einer Zeile eingeben, ohne Zeilenumbruch und Tabulator.';
const JUSTIFICATION = 'Ausbildung endet im Sommer, Begleitung bis zur Prüfung nötig.';

// What the adversarial test of the issue found in the core, on both backends: control characters, blank texts,
// implausible dates. Each must be a German refusal at its field that writes nothing but its audit row.
describe.each(backends)('the core refuses what it must not store, on %s', (backend) => {
	const profile = emmendingen();
	const manager = actorFor(profile, 'em-caritas-01');
	let t: TestStore;
	let core: Core;
	let active: { id: string; version: () => Promise<number> };
	let closedId: string;
	let referralId: string;

	beforeAll(async () => {
		t = await freshStore(backend);
		core = createCore({ store: t.store, profile, clock: fixedClock('2026-06-01T10:00:00Z') });
		const id = (await core.createCase(manager, { intake: validIntake() })).case.id;
		await core.createPlan(manager, id, validPlan());
		referralId = (
			await core.createReferral(manager, id, {
				date: '2025-05-02',
				serviceId: 'psz',
				reason: 'Traumaberatung',
			})
		).id;
		// Read without the core: a read through it would add an audit row of its own.
		active = {
			id,
			version: async () =>
				Number(
					(
						await t.store.db
							.selectFrom('cases')
							.select('version')
							.where('id', '=', id)
							.executeTakeFirstOrThrow()
					).version,
				),
		};
		closedId = (await core.createCase(manager, { intake: validIntake() })).case.id;
		await core.closeCase(manager, closedId, validClosure('2025-06-01'));
	});
	afterAll(() => t?.dispose());

	const intake = (change: (i: Intake) => void) => {
		const data = validIntake();
		change(data);
		return data;
	};

	/** Runs a write that must be refused; returns its error after checking the German wording and the footprint. */
	async function refused(write: () => Promise<unknown>): Promise<DomainError> {
		const before = await rowCounts(t.store);
		const outcome = await refusalOf(write());
		if (!(outcome instanceof DomainError))
			throw new Error(`erwartet: eine Ablehnung, erhalten: ${outcome}`);
		expect(isGermanMessage(outcome.message)).toBe(true);
		for (const e of outcome.fieldErrors) expect(isGermanMessage(e.message)).toBe(true);
		expect(refusalFootprint(before, await rowCounts(t.store))).toEqual([]);
		return outcome;
	}
	const expectFieldError = async (
		write: () => Promise<unknown>,
		path: string,
		message: string | RegExp,
	) => {
		const error = await refused(write);
		expect(error.code).toBe('VALIDATION_FAILED');
		expect(error.fieldErrors).toContainEqual(
			expect.objectContaining({
				path,
				message: typeof message === 'string' ? message : expect.stringMatching(message),
			}),
		);
	};

	const texts: [string, (bad: string) => Promise<unknown>, string][] = [
		[
			'first name',
			(bad) => core.createCase(manager, { intake: intake((i) => (i.person.firstName = bad)) }),
			'/person/firstName',
		],
		[
			'language',
			(bad) => core.createCase(manager, { intake: intake((i) => (i.languages = [bad])) }),
			'/languages/0',
		],
		[
			'intake note',
			(bad) => core.createCase(manager, { intake: intake((i) => (i.note = bad)) }),
			'/note',
		],
		[
			'contact note',
			(bad) => core.logContact(manager, active.id, { ...validContact(), note: bad }),
			'/note',
		],
		[
			'referral reason',
			(bad) =>
				core.createReferral(manager, active.id, {
					date: '2025-05-03',
					serviceId: 'psz',
					reason: bad,
				}),
			'/reason',
		],
		[
			'plan goal',
			(bad) =>
				core.continuePlan(manager, active.id, {
					...validPlan('2025-06-01'),
					goals: [{ domain: 'work', goal: bad, status: 'open' }],
				}),
			'/goals/0/goal',
		],
		[
			'closure note',
			(bad) =>
				core.closeCase(manager, active.id, {
					...validClosure('2025-06-02'),
					reason: 'other',
					reasonNote: bad,
				}),
			'/reasonNote',
		],
		[
			'referral feedback note',
			(bad) =>
				core.setReferralStatus(manager, referralId, {
					status: 'accepted',
					date: '2025-05-03',
					note: bad,
				}),
			'/note',
		],
		[
			'reopening reason',
			(bad) => core.reopenCase(manager, closedId, { date: '2025-07-01', reason: bad }),
			'/reason',
		],
		[
			'justification',
			async (bad) =>
				core.updateCase(
					manager,
					active.id,
					{ extensionJustification: { reason: bad, date: '2026-05-01' } },
					{ expectedVersion: await active.version() },
				),
			'/extensionJustification/reason',
		],
	];

	it.each(texts)(
		'refuses a NUL or another control character in the %s',
		async (_what, write, path) => {
			await expectFieldError(
				() => write(`Amina\u0000${JUSTIFICATION}`),
				path,
				`${CONTROL} (U+0000). Bitte ohne Steuerzeichen eingeben.`,
			);
			await expectFieldError(
				() => write(`\u001b[31m${JUSTIFICATION}`),
				path,
				new RegExp(`^${CONTROL} \\(U\\+001B\\)`),
			);
			await expectFieldError(
				() => write(`${JUSTIFICATION}\u0085`),
				path,
				new RegExp(`^${CONTROL} \\(U\\+0085\\)`),
			);
		},
	);

	it.each(texts)(
		'refuses a blank %s (only spaces, tabs, line breaks)',
		async (_what, write, path) => {
			await expectFieldError(() => write(' '.repeat(25)), path, BLANK);
			await expectFieldError(() => write(' \t\n\u00a0'.repeat(6)), path, BLANK);
		},
	);

	it('keeps line breaks and tabs in long texts, and refuses them in one-line texts', async () => {
		const contact = await core.logContact(manager, active.id, {
			...validContact('2025-06-03'),
			note: 'Termin Jobcenter:\n\t- Unterlagen\r\n\t- Antrag',
		});
		expect(contact.note).toBe('Termin Jobcenter:\n\t- Unterlagen\r\n\t- Antrag');
		await expectFieldError(
			() =>
				core.createCase(manager, { intake: intake((i) => (i.person.lastName = 'Haddad\nNeu')) }),
			'/person/lastName',
			ONE_LINE,
		);
	});

	it('refuses control characters in ids and search terms in German and still writes the audit row, quoting them escaped', async () => {
		const notFound = await refused(() => core.getCase(manager, 'x\u0000y'));
		expect(notFound).toMatchObject({
			code: 'NOT_FOUND',
			message: 'Keine gültige Fallnummer angegeben.',
		});
		const audit = await t.store.db
			.selectFrom('audit_log')
			.selectAll()
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			action: 'case.read',
			case_id: 'x\\u0000y',
			outcome: 'not_found',
		});
		expect(
			(
				await refused(() =>
					core.setReferralStatus(manager, 'r\u0000', { status: 'accepted', date: '2025-05-03' }),
				)
			).code,
		).toBe('NOT_FOUND');
		expect((await refused(() => core.searchCases(manager, { name: 'Had\u0000' }))).message).toBe(
			'Suche – Name: Der Suchbegriff enthält ein unzulässiges Steuerzeichen (U+0000).',
		);
		const unknownKey = await refused(() =>
			core.logContact(manager, active.id, { ...validContact(), ['ton\u0000']: 'laut' }),
		);
		expect(unknownKey.fieldErrors[0].message).toBe(
			'Das Feld „ton\\u0000“ ist hier nicht vorgesehen.',
		);
		const stranger = await refused(() =>
			core.getCase(
				{ staffId: 'em-caritas-01\u0000', role: 'manager', organisationId: 'caritas-em' },
				active.id,
			),
		);
		expect(stranger.code).toBe('FORBIDDEN');
		const denied = await t.store.db
			.selectFrom('audit_log')
			.selectAll()
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(denied).toMatchObject({ actor_id: 'em-caritas-01\\u0000', outcome: 'denied' });
	});

	it('escapes what an event message embeds (a service name from an unchecked profile)', async () => {
		const services = profile.services.map((s) =>
			s.id === 'psz' ? { ...s, name: 'PSZ\n=HYPERLINK("x")\u0000' } : s,
		);
		const ctx = { ...core.context, profile: { ...profile, services } };
		const { events } = await pollCaseEvents(ctx, {
			triggerId: 'hardening',
			types: ['referralOverdue'],
			record: false,
		});
		expect(events.map((e) => e.message)).toEqual([
			`Die Weitervermittlung an „PSZ\\u000A=HYPERLINK("x")\\u0000“ vom 02.05.2025 ist seit ${germanDate(addDays('2025-05-02', profile.settings.referralOverdueDays))} ohne Rückmeldung.`,
		]);
	});

	it('refuses implausible dates of an intake, each at its field and all at once', async () => {
		const error = await refused(() =>
			core.createCase(manager, {
				intake: intake((i) => {
					i.consent.date = '0001-01-01';
					i.person.birthDate = '1899-12-31';
					(i.household as HouseholdMember[])[1].birthDate = '1905-05-31';
					i.residence = {
						status: 'ukraine_temporary_protection',
						validUntil: '9999-12-31',
						ukraineEntryDate: '2025-04-01',
						ukraineRegistrationDate: '2021-05-01',
					};
				}),
			}),
		);
		expect(error.fieldErrors.map((e) => [e.path, e.field, e.message])).toEqual([
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
		]);
		await expectFieldError(
			() =>
				core.createCase(manager, {
					intake: intake((i) => ((i.intakeDate = '2014-12-31'), (i.consent.date = '2014-12-31'))),
				}),
			'/intakeDate',
			/^Das Datum 31\.12\.2014 liegt vor dem frühesten Datum/,
		);
		await expectFieldError(
			() =>
				core.createCase(manager, {
					intake: intake((i) => ((i.household as HouseholdMember[])[2].birthDate = '2025-04-01')),
				}),
			'/household/2/birthDate',
			'Das Datum 01.04.2025 liegt nach dem Datum der Aufnahme (03.03.2025).',
		);
	});

	it('refuses implausible dates in plans, justifications and parameters', async () => {
		const plan = validPlan('2025-06-01', '9999-12-31');
		plan.goals[0].steps![0].dueDate = '0001-01-01';
		const planError = await refused(() => core.continuePlan(manager, active.id, plan));
		expect(planError.fieldErrors.map((e) => e.path)).toEqual([
			'/reviewDate',
			'/goals/0/steps/0/dueDate',
		]);
		const version = await active.version();
		await expectFieldError(
			() =>
				core.updateCase(
					manager,
					active.id,
					{ extensionJustification: { reason: JUSTIFICATION, date: '2025-01-01' } },
					{ expectedVersion: version },
				),
			'/extensionJustification/date',
			'Das Datum 01.01.2025 liegt vor der Aufnahme (03.03.2025).',
		);
		await expectFieldError(
			() => core.listOverdueReferrals(manager, '2014-06-30'),
			'/asOf',
			/liegt vor dem frühesten Datum/,
		);
		await expectFieldError(
			() => core.listOverdueReferrals(manager, '31.12.2025'),
			'/asOf',
			'Bitte ein Datum im Format JJJJ-MM-TT angeben.',
		);
		await expectFieldError(
			() => core.listContacts(manager, active.id, { from: '2025-02-30' }),
			'/from',
			'Bitte ein Datum im Format JJJJ-MM-TT angeben.',
		);
	});
});
