/**
 * Every version of the integration plan as a readable, printable German document on the case page
 * (`fall?case=…&fassung=N`), through exactly the handler the Case Form Trigger calls on a real SQLite store: the
 * case page links every version, an earlier version keeps its old goals, the labels come from the plan's schema,
 * the print button is a script of our own URL; one audit row `plan.read` per document; another provider is refused.
 */
import type { IntegrationPlan } from '../../src/generated/types';
import { handleWorkplaceRequest } from '../../src/workplace/workplace';
import { coreSuite } from '../helpers/core-suite';
import { actorFor, validIntake, validPlan } from '../helpers/fixtures';
import { openPage, sessionCookie } from '../helpers/workplace-pages';

jest.setTimeout(60_000);

const suite = coreSuite('SQLite', { start: '2025-06-02T08:00:00Z' });

/** Haddad (Caritas, Timo Quast): plan of 20.03.2025, continued on 20.05.2025 with a goal reached and a new one. */
async function caseWithTwoVersions() {
	const timo = actorFor(suite.profile, 'em-caritas-01');
	const { case: created } = await suite.core.createCase(timo, { intake: validIntake() });
	await suite.core.createPlan(timo, created.id, validPlan('2025-03-20', '2025-06-05'));
	const first = validPlan('2025-05-20', '2025-11-20');
	const continued: IntegrationPlan = {
		...first,
		note: 'Kurs begonnen.\nWohnungssuche mit dem Wohnraumprojekt.',
		goals: [
			{ ...first.goals[0], status: 'achieved' },
			first.goals[1],
			{
				domain: 'work',
				goal: 'Minijob im Einzelhandel',
				status: 'open',
				dueDate: '2025-10-31',
				steps: [
					{
						description: 'Bewerbung mit der Beraterin schreiben',
						responsible: 'together',
						status: 'done',
					},
				],
			},
		] as unknown as IntegrationPlan['goals'], // PlanStep.description is mistyped by the generator
	};
	await suite.core.continuePlan(timo, created.id, continued);
	return created.caseNumber;
}

/** Opens a page and gives back it and the audit rows it wrote. */
async function withAudit(open: () => ReturnType<typeof openPage>) {
	const before = (await suite.audit()).length;
	const page = await open();
	return { page, rows: (await suite.audit()).slice(before) };
}

describe('plan versions on the case page', () => {
	it('lists every version on the case page as a link to its document', async () => {
		const number = await caseWithTwoVersions();
		const cookie = await sessionCookie(suite.core, 'em-caritas-01');
		const page = await openPage(suite.core, 'case', cookie, { case: number });
		expect(page.text).toContain(
			`<ul id="plan-versions"><li><a href="fall?case=${number}&fassung=1">Fassung 1 vom 20.03.2025 (erstellt)</a></li>` +
				`<li><a href="fall?case=${number}&fassung=2">Fassung 2 vom 20.05.2025 (fortgeschrieben)</a> (aktuell)</li></ul>`,
		);
	});

	it('shows an earlier version with its own goals and German labels, printable, with one audit row', async () => {
		const number = await caseWithTwoVersions();
		const cookie = await sessionCookie(suite.core, 'em-caritas-01');
		const { page, rows } = await withAudit(() =>
			openPage(suite.core, 'case', cookie, { case: number, fassung: '1' }),
		);
		expect(page.status).toBe(200);
		expect(rows.map((r) => [r.actor_id, r.action, r.outcome, r.detail])).toEqual([
			['em-caritas-01', 'plan.read', 'ok', 'Fassung 1'],
		]);
		const text = page.text;
		expect(text).toContain('<h1 class="h3">Integrationsplan Fassung 1</h1>');
		for (const [label, value] of [
			['Fallnummer', number],
			['Name', 'Haddad, Amina'],
			['Geburtsdatum', '14.06.1988'],
			['Fassung', '1 (erstellt)'],
			['Datum des Plans', '20.03.2025'],
			['Nächste Überprüfung', '05.06.2025'],
			['Erfasst', 'von Timo Quast am 02.06.2025, 10:00 Uhr'],
			['Handlungsfeld', 'Sprache'],
			['Stand', 'in Arbeit'],
			['Handlungsfeld', 'Wohnen'],
		])
			expect(text).toContain(
				`<dt class="col-sm-3">${label}</dt><dd class="col-sm-9">${value}</dd>`,
			);
		expect(text).toContain('<h3 class="h6 fw-bold">Ziel 1: Deutsch B1 erreichen</h3>');
		expect(text).toContain(
			'<th scope="col">Schritt</th><th scope="col">Wer</th><th scope="col">bis</th><th scope="col">Stand</th>',
		);
		expect(text).toContain(
			'<td>Anmeldung Integrationskurs VHS</td><td>die beratene Person</td><td>30.04.2025</td><td>offen</td>',
		);
		expect(text).toContain('Dies ist eine frühere Fassung. Aktuell ist Fassung 2 vom 20.05.2025.');
		// The goal of version 2 is not in version 1, and version 1's goal is not reached there.
		expect(text).not.toContain('Minijob');
		expect(text).not.toContain('erreicht');
		// Printing: a button our own script shows and wires (the CSP allows no inline script), print CSS.
		expect(text).toContain('id="print-plan" data-print hidden>Drucken</button>');
		expect(text).toContain('<script src="?asset=workplace.js" defer></script>');
		expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
		expect(page.headers['Content-Security-Policy']).toContain("script-src 'self';");
	});

	it('shows the current version with its new goal, steps and note', async () => {
		const number = await caseWithTwoVersions();
		const cookie = await sessionCookie(suite.core, 'em-koordination');
		const page = await openPage(suite.core, 'case', cookie, { case: number, fassung: '2' });
		expect(page.status).toBe(200);
		expect(page.text).toContain(
			'<dt class="col-sm-3">Stand</dt><dd class="col-sm-9">erreicht</dd>',
		);
		expect(page.text).toContain('<h3 class="h6 fw-bold">Ziel 3: Minijob im Einzelhandel</h3>');
		expect(page.text).toContain(
			'<dt class="col-sm-3">Handlungsfeld</dt><dd class="col-sm-9">Arbeit</dd>',
		);
		expect(page.text).toContain(
			'<dt class="col-sm-3">Zieldatum</dt><dd class="col-sm-9">31.10.2025</dd>',
		);
		expect(page.text).toContain(
			'<td>Bewerbung mit der Beraterin schreiben</td><td>gemeinsam</td><td>–</td><td>erledigt</td>',
		);
		expect(page.text).toContain(
			'<p class="plan-note" id="plan-note">Kurs begonnen.\nWohnungssuche mit dem Wohnraumprojekt.</p>',
		);
		expect(page.text).not.toContain('frühere Fassung');
	});

	it('answers an unknown version and a case without plan with a German 404', async () => {
		const number = await caseWithTwoVersions();
		const cookie = await sessionCookie(suite.core, 'em-caritas-01');
		const { page, rows } = await withAudit(() =>
			openPage(suite.core, 'case', cookie, { case: number, fassung: '9' }),
		);
		expect(page.status).toBe(404);
		expect(page.text).toContain(
			'Den Integrationsplan in Fassung 9 gibt es nicht (vorhanden: 1–2).',
		);
		expect(rows.map((r) => [r.action, r.outcome])).toEqual([['plan.read', 'not_found']]);
		const word = await openPage(suite.core, 'case', cookie, { case: number, fassung: 'erste' });
		expect(word.status).toBe(404);
		expect(word.text).toContain('Diese Fassung des Integrationsplans gibt es nicht.');
		const timo = actorFor(suite.profile, 'em-caritas-01');
		const { case: planless } = await suite.core.createCase(timo, { intake: validIntake() });
		const none = await openPage(suite.core, 'case', cookie, {
			case: planless.caseNumber,
			fassung: '1',
		});
		expect(none.status).toBe(404);
		expect(none.text).toContain('Für diesen Fall gibt es noch keinen Integrationsplan.');
	});

	it('refuses a manager of another provider and the administration, with one audit row each', async () => {
		const number = await caseWithTwoVersions();
		for (const staffId of ['em-drk-01', 'em-admin']) {
			const cookie = await sessionCookie(suite.core, staffId);
			const { page, rows } = await withAudit(() =>
				openPage(suite.core, 'case', cookie, { case: number, fassung: '1' }),
			);
			expect(page.status).toBe(403);
			for (const data of ['Haddad', 'Deutsch B1', 'Integrationskurs'])
				expect([staffId, data, page.text.includes(data)]).toEqual([staffId, data, false]);
			expect(rows.map((r) => [r.actor_id, r.action, r.outcome])).toEqual([
				[staffId, 'plan.read', 'denied'],
			]);
		}
	});

	it('serves the print script and the print style sheet from the page’s own URL', async () => {
		const asset = (name: string) =>
			handleWorkplaceRequest(
				{ core: suite.core, kind: 'case', auth: { mode: 'personal' } },
				{ method: 'GET', query: { asset: name }, headers: {} },
			);
		const script = await asset('workplace.js');
		expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
		expect(String(script.body)).toContain('window.print()');
		const css = String((await asset('workplace.css')).body);
		expect(css).toMatch(/@media print \{[^@]*\.workplace-page nav[^}]*display: none !important/);
	});
});
