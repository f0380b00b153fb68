import { fixedClock } from '../../src/clock';
import { createCore } from '../../src/core';
import { startFormServer, type FormServer } from '../helpers/form-server';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { emmendingen, validIntake } from '../helpers/fixtures';
import { isGermanMessage, refusalFootprint, rowCounts } from '../helpers/hardening';
import { proxyPostHeaders, TEST_PROXY } from '../helpers/sign-in';

// Hostile submissions over HTTP against the handlers of the Case Form Trigger, with a real store behind them.
describe.each(backends)(
	'form submissions that try to get around the validation, on %s',
	(backend) => {
		const profile = emmendingen();
		let t: TestStore;
		let server: FormServer;
		let signedIn: Record<string, string>;

		beforeAll(async () => {
			t = await freshStore(backend);
			const core = createCore({
				store: t.store,
				profile,
				clock: fixedClock('2025-06-02T10:00:00+02:00'),
			});
			server = await startFormServer(
				{
					intake: {
						core,
						auth: TEST_PROXY,
						save: true,
					},
				},
				{ sandbox: false },
			);
			signedIn = await proxyPostHeaders(core, 'em-caritas-01');
		});
		afterAll(async () => {
			await server?.close();
			await t?.dispose();
		});

		const send = async (body: string, contentType: string) => {
			const response = await fetch(server.url('intake'), {
				method: 'POST',
				headers: { ...signedIn, 'Content-Type': contentType },
				body,
			});
			return {
				status: response.status,
				body: (await response.json()) as {
					message: string;
					errors?: { path: string; message: string }[];
				},
			};
		};
		const asJson = (data: unknown) =>
			send(
				JSON.stringify({ data, submissionId: `s-${Math.random().toString(36).slice(2)}` }),
				'application/json',
			);
		const asForm = (data: unknown) =>
			send(
				new URLSearchParams({ payload: JSON.stringify({ data }) }).toString(),
				'application/x-www-form-urlencoded',
			);

		/** The attack of the issue: person and intake date moved under a "__proto__" key (an own key in JSON). */
		function smuggled() {
			const { person, intakeDate, ...rest } = validIntake();
			return { ...rest, ['__proto__']: { person, intakeDate } };
		}

		it.each([
			['JSON', asJson],
			['form-encoded', asForm],
		])(
			'refuses keys that reach a prototype (%s) with German messages and stores nothing',
			async (_how, submit) => {
				const before = await rowCounts(t.store);
				const answer = await submit(smuggled());
				expect(answer.status).toBe(422);
				expect(isGermanMessage(answer.body.message)).toBe(true);
				expect(answer.body.errors).toEqual(
					expect.arrayContaining([
						expect.objectContaining({ message: 'Das Feld „__proto__“ ist nicht zulässig.' }),
					]),
				);
				const nested = validIntake() as unknown as Record<string, Record<string, unknown>>;
				nested.person = { ...nested.person, ['constructor']: { prototype: { firstName: 'X' } } };
				const second = await submit(nested);
				expect(second.status).toBe(422);
				expect(second.body.errors).toEqual([
					expect.objectContaining({
						path: 'person',
						message: 'Das Feld „constructor“ ist nicht zulässig.',
					}),
				]);
				// Nothing stored; each refusal is one audit row.
				expect(await rowCounts(t.store)).toEqual({ ...before, audit_log: before.audit_log + 2 });
			},
		);

		it('answers a NUL or another control character in a text with 422 at the field, in German (no database error)', async () => {
			const before = await rowCounts(t.store);
			const nul = validIntake();
			nul.person.firstName = 'Ami\u0000na';
			nul.note = 'Bemerkung\u0007';
			const answer = await asJson(nul);
			expect(answer.status).toBe(422);
			expect(answer.body.errors).toEqual([
				{
					path: 'person.firstName',
					field: 'Person – Vorname',
					message:
						'Enthält ein unzulässiges Steuerzeichen (U+0000). Bitte ohne Steuerzeichen eingeben.',
				},
				{
					path: 'note',
					field: 'Bemerkung',
					message:
						'Enthält ein unzulässiges Steuerzeichen (U+0007). Bitte ohne Steuerzeichen eingeben.',
				},
			]);
			expect(refusalFootprint(before, await rowCounts(t.store))).toEqual([]);
		});
	},
);
