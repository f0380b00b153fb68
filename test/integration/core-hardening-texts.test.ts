import { pollCaseEvents } from '../../src/events/case-events';
import { addDays, germanDate } from '../../src/lifecycle/dates';
import { backends } from '../helpers/stores';
import { validClosure, validContact, validPlan } from '../helpers/fixtures';
import { changedIntake, refusalSuite } from '../helpers/refusal-suite';

const CONTROL = 'Enthält ein unzulässiges Steuerzeichen';
const BLANK = 'Bitte ausfüllen – nur Leerzeichen genügen nicht.';
const ONE_LINE = 'Bitte in einer Zeile eingeben, ohne Zeilenumbruch und Tabulator.';
const JUSTIFICATION = 'Ausbildung endet im Sommer, Begleitung bis zur Prüfung nötig.';

// What the adversarial test of the issue found in the core's texts, on both backends: control characters and
// blank texts, in fields, ids and search terms. Each must be a German refusal at its field that writes nothing
// but its audit row.
describe.each(backends)('the core refuses texts it must not store, on %s', (backend) => {
	const suite = refusalSuite(backend);
	const { profile, manager, refused, expectFieldError } = suite;

	const texts: [string, (bad: string) => Promise<unknown>, string][] = [
		[
			'first name',
			(bad) =>
				suite.core.createCase(manager, {
					intake: changedIntake((i) => (i.person.firstName = bad)),
				}),
			'/person/firstName',
		],
		[
			'language',
			(bad) =>
				suite.core.createCase(manager, { intake: changedIntake((i) => (i.languages = [bad])) }),
			'/languages/0',
		],
		[
			'intake note',
			(bad) => suite.core.createCase(manager, { intake: changedIntake((i) => (i.note = bad)) }),
			'/note',
		],
		[
			'contact note',
			(bad) => suite.core.logContact(manager, suite.active.id, { ...validContact(), note: bad }),
			'/note',
		],
		[
			'referral reason',
			(bad) =>
				suite.core.createReferral(manager, suite.active.id, {
					date: '2025-05-03',
					serviceId: 'psz',
					reason: bad,
				}),
			'/reason',
		],
		[
			'plan goal',
			(bad) =>
				suite.core.continuePlan(manager, suite.active.id, {
					...validPlan('2025-06-01'),
					goals: [{ domain: 'work', goal: bad, status: 'open' }],
				}),
			'/goals/0/goal',
		],
		[
			'closure note',
			(bad) =>
				suite.core.closeCase(manager, suite.active.id, {
					...validClosure('2025-06-02'),
					reason: 'other',
					reasonNote: bad,
				}),
			'/reasonNote',
		],
		[
			'referral feedback note',
			(bad) =>
				suite.core.setReferralStatus(manager, suite.referralId, {
					status: 'accepted',
					date: '2025-05-03',
					note: bad,
				}),
			'/note',
		],
		[
			'reopening reason',
			(bad) => suite.core.reopenCase(manager, suite.closedId, { date: '2025-07-01', reason: bad }),
			'/reason',
		],
		[
			'justification',
			async (bad) =>
				suite.core.updateCase(
					manager,
					suite.active.id,
					{ extensionJustification: { reason: bad, date: '2026-05-01' } },
					{ expectedVersion: await suite.active.version() },
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
		const contact = await suite.core.logContact(manager, suite.active.id, {
			...validContact('2025-06-03'),
			note: 'Termin Jobcenter:\n\t- Unterlagen\r\n\t- Antrag',
		});
		expect(contact.note).toBe('Termin Jobcenter:\n\t- Unterlagen\r\n\t- Antrag');
		await expectFieldError(
			() =>
				suite.core.createCase(manager, {
					intake: changedIntake((i) => (i.person.lastName = 'Haddad\nNeu')),
				}),
			'/person/lastName',
			ONE_LINE,
		);
	});

	it('refuses control characters in ids and search terms in German and still writes the audit row, quoting them escaped', async () => {
		const notFound = await refused(() => suite.core.getCase(manager, 'x\u0000y'));
		expect(notFound).toMatchObject({
			code: 'NOT_FOUND',
			message: 'Keine gültige Fallnummer angegeben.',
		});
		const audit = await suite.t.store.db
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
					suite.core.setReferralStatus(manager, 'r\u0000', {
						status: 'accepted',
						date: '2025-05-03',
					}),
				)
			).code,
		).toBe('NOT_FOUND');
		expect(
			(await refused(() => suite.core.searchCases(manager, { name: 'Had\u0000' }))).message,
		).toBe('Suche – Name: Der Suchbegriff enthält ein unzulässiges Steuerzeichen (U+0000).');
		const unknownKey = await refused(() =>
			suite.core.logContact(manager, suite.active.id, { ...validContact(), ['ton\u0000']: 'laut' }),
		);
		expect(unknownKey.fieldErrors[0].message).toBe(
			'Das Feld „ton\\u0000“ ist hier nicht vorgesehen.',
		);
		const stranger = await refused(() =>
			suite.core.getCase(
				{ staffId: 'em-caritas-01\u0000', role: 'manager', organisationId: 'caritas-em' },
				suite.active.id,
			),
		);
		expect(stranger.code).toBe('FORBIDDEN');
		const denied = await suite.t.store.db
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
		const ctx = { ...suite.core.context, profile: { ...profile, services } };
		const { events } = await pollCaseEvents(ctx, {
			triggerId: 'hardening',
			types: ['referralOverdue'],
			record: false,
		});
		expect(events.map((e) => e.message)).toEqual([
			`Die Weitervermittlung an „PSZ\\u000A=HYPERLINK("x")\\u0000“ vom 02.05.2025 ist seit ${germanDate(addDays('2025-05-02', profile.settings.referralOverdueDays))} ohne Rückmeldung.`,
		]);
	});
});
