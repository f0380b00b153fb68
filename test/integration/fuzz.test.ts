import fc from 'fast-check';
import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { DomainError } from '../../src/errors';
import { inputKinds, type InputKind } from '../../src/validation/validate';
import { startFormServer, type FormServer } from '../helpers/form-server';
import { proxyPostHeaders, TEST_PROXY } from '../helpers/sign-in';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import {
	isGermanMessage,
	refusalFootprint,
	refusalOf,
	rowCounts,
	dataTables,
} from '../helpers/hardening';
import { mutate, mutationChoice, type MutationChoice } from '../helpers/fuzz/mutate';
import {
	bases,
	coreCalls,
	formKinds,
	fuzzNow,
	manager,
	profile,
	storeKinds,
} from '../helpers/fuzz/targets';

/**
 * Fuzz test of the "Done when": schema-guided mutations of valid inputs (each certainly invalid: see
 * mutate.ts) against the core on both backends, against the two parsers, and over HTTP against the form handlers.
 * Expected: 0 accepted, 0 refusals that are not German, 0 rows written by a refusal (the data tables unchanged, one
 * audit row per core call), 0 crashes. Bounded and seeded: IM_FUZZ_RUNS inputs per kind and backend (default 80,
 * about 2,400 in all), IM_FUZZ_SEED to replay a run.
 */
const runs = Number(process.env.IM_FUZZ_RUNS ?? 80);
const seed = Number(process.env.IM_FUZZ_SEED ?? 20261202);
const settings = { numRuns: runs, seed, endOnFailure: true };

jest.setTimeout(Math.max(60_000, runs * 1_000));

/** What is wrong with the answer to one mutant (empty: refused as it must be). */
function refusalProblems(outcome: DomainError | string): string[] {
	if (!(outcome instanceof DomainError)) return [`nicht abgelehnt: ${outcome.slice(0, 600)}`];
	const texts = [outcome.message, ...outcome.fieldErrors.map((e) => e.message)];
	return texts
		.filter((text) => !isGermanMessage(text))
		.map((text) => `nicht deutsch: ${JSON.stringify(text)}`);
}

function fail(kind: string, description: string, data: unknown, problems: string[]): never {
	throw new Error(
		`${kind} – ${description}\n${problems.join('\n')}\nEingabe: ${JSON.stringify(data)?.slice(0, 1500)}\n(IM_FUZZ_SEED=${seed})`,
	);
}

describe.each(backends)('fuzz: invalid input of every kind against the core on %s', (backend) => {
	let t: TestStore;
	let core: Core;
	beforeAll(async () => {
		t = await freshStore(backend);
		core = createCore({ store: t.store, profile, clock: fixedClock(fuzzNow) });
	});
	afterAll(() => t?.dispose());

	it.each(storeKinds.map((kind) => [kind]))(
		'refuses every mutant of a valid %s in German and writes only its audit row',
		async (kind: InputKind) => {
			const call = await coreCalls[kind](core);
			const base = bases[kind]();
			await fc.assert(
				fc.asyncProperty(mutationChoice, async (choice: MutationChoice) => {
					const { data, description } = mutate(inputKinds[kind].file, base, choice, false);
					const before = await rowCounts(t.store);
					const outcome = await refusalOf(call(data));
					const problems = [
						...refusalProblems(outcome),
						...refusalFootprint(before, await rowCounts(t.store)),
					];
					if (problems.length) fail(kind, description, data, problems);
				}),
				settings,
			);
			// The base itself is accepted: the mutants were refused for what was mutated, not for anything else.
			await expect(call(base)).resolves.toBeDefined();
		},
	);
});

describe('fuzz: invalid district profiles and report definitions', () => {
	it.each([['districtProfile'], ['reportDefinition']] as const)(
		'refuses every mutant of a valid %s in German',
		async (kind) => {
			const call = await coreCalls[kind](undefined as unknown as Core);
			const base = bases[kind]();
			await fc.assert(
				fc.asyncProperty(mutationChoice, async (choice: MutationChoice) => {
					const { data, description } = mutate(inputKinds[kind].file, base, choice, false);
					const problems = refusalProblems(await refusalOf(call(data)));
					if (problems.length) fail(kind, description, data, problems);
				}),
				settings,
			);
			await expect(call(base)).resolves.toBeDefined();
		},
	);
});

describe.each(backends)('fuzz: invalid form submissions over HTTP on %s', (backend) => {
	let t: TestStore;
	let server: FormServer;
	let core: Core;
	let signedIn: Record<string, string>;
	beforeAll(async () => {
		t = await freshStore(backend);
		core = createCore({ store: t.store, profile, clock: fixedClock(fuzzNow) });
		const config = { core, auth: TEST_PROXY, save: true };
		server = await startFormServer(Object.fromEntries(formKinds.map((f) => [f.form, config])), {
			sandbox: false,
		});
		signedIn = await proxyPostHeaders(core, manager.staffId);
	});
	afterAll(async () => {
		await server?.close();
		await t?.dispose();
	});

	const dataCounts = async () => {
		const counts = await rowCounts(t.store);
		return dataTables.map((table) => counts[table]).join(',');
	};

	it.each(formKinds.map((f) => [f.form, f]))(
		'answers every mutant of a valid %s form with a German 4xx and stores nothing',
		async (_form, { form, kind, open }) => {
			const { query, fill } = await open(core);
			const post = async (data: unknown) => {
				const response = await fetch(server.url(form, query), {
					method: 'POST',
					headers: { ...signedIn, 'Content-Type': 'application/json' },
					body: JSON.stringify({
						data: fill(data),
						submissionId: `fuzz-${Math.random().toString(36).slice(2)}`,
					}),
				});
				return { status: response.status, text: await response.text() };
			};
			const base = bases[kind]();
			await fc.assert(
				fc.asyncProperty(mutationChoice, async (choice: MutationChoice) => {
					const { data, description } = mutate(inputKinds[kind].file, base, choice, true);
					const [before, emitted] = [await dataCounts(), server.emissions.length];
					const answer = await post(data);
					if (process.env.FUZZ_DEBUG)
						console.log(
							answer.status,
							answer.text.slice(0, 300),
							JSON.stringify(fill(data)).slice(0, 300),
						);
					const problems: string[] = [];
					if (![400, 403, 404, 409, 422].includes(answer.status))
						problems.push(`HTTP ${answer.status}: ${answer.text.slice(0, 600)}`);
					else if (!isGermanMessage((JSON.parse(answer.text) as { message?: unknown }).message))
						problems.push(`nicht deutsch: ${answer.text.slice(0, 600)}`);
					if (server.emissions.length !== emitted) problems.push('an den Workflow übergeben');
					if ((await dataCounts()) !== before) problems.push('Daten geschrieben');
					if (problems.length) fail(`Formular ${form}`, description, data, problems);
				}),
				settings,
			);
			expect((await post(base)).status).toBe(200);
		},
	);
});
