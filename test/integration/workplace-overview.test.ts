/**
 * The overview (Übersicht) through exactly the handler the Case Form Trigger calls, on SQLite and PostgreSQL: the
 * counts per provider and manager match hand-built cases of two providers and the lists they link to; a manager of
 * one provider sees only that provider; the administration is refused; one audit row per page.
 */
import type { Core } from '../../src/core';
import { actorFor, validClosure, validIntake, validPlan } from '../helpers/fixtures';
import { coreSuite, type CoreSuite } from '../helpers/core-suite';
import { backends } from '../helpers/stores';
import { openPage, sessionCookie } from '../helpers/workplace-pages';

jest.setTimeout(60_000);

const person = (firstName: string, lastName: string, birthDate: string) => ({
	...validIntake().person,
	firstName,
	lastName,
	birthDate,
});

/** A case of `managerId` in the municipality its provider serves (Waldkirch: Caritas, Endingen: DRK). */
async function caseOf(
	core: Core,
	managerId: string,
	who: ReturnType<typeof person>,
	intakeDate = '2025-03-03',
) {
	const drk = managerId.startsWith('em-drk');
	const intake = validIntake({
		intakeDate,
		municipality: drk ? '08316012' : '08316056',
		person: who,
		consent: { ...validIntake().consent, date: intakeDate, recordedBy: managerId },
	});
	const actor = actorFor(core.context.profile, managerId);
	return { actor, id: (await core.createCase(actor, { intake, managerId })).case.id };
}

/**
 * On 02.06.2025 (review lead 7 days, referral answer 30 days, limit lead 90 days):
 * Timo Quast (Caritas): Haddad in counselling, review 05.06. due; Nasser in intake, referral of 01.04. unanswered.
 * Anna Winter (Caritas): Berisha in counselling since 01.07.2022, limit 01.07.2025 near; Sahin closed (not counted).
 * Florian Pfeiffer (DRK): Demir review 09.06. due (last day of the lead); Okafor review 10.06. not yet; Yilmaz intake.
 */
async function twoProviders(core: Core) {
	const haddad = await caseOf(core, 'em-caritas-01', person('Amina', 'Haddad', '1988-06-14'));
	await core.createPlan(haddad.actor, haddad.id, validPlan('2025-03-20', '2025-06-05'));
	const nasser = await caseOf(core, 'em-caritas-01', person('Samir', 'Nasser', '1990-01-01'));
	await core.createReferral(nasser.actor, nasser.id, {
		date: '2025-04-01',
		serviceId: 'psz',
		reason: 'Belastung',
	});
	const berisha = await caseOf(
		core,
		'em-caritas-02',
		person('Arben', 'Berisha', '1981-02-02'),
		'2022-07-01',
	);
	await core.createPlan(berisha.actor, berisha.id, validPlan('2022-07-10', '2025-12-01'));
	const sahin = await caseOf(core, 'em-caritas-02', person('Elif', 'Sahin', '1995-05-05'));
	await core.closeCase(sahin.actor, sahin.id, validClosure('2025-05-04'));
	const demir = await caseOf(core, 'em-drk-01', person('Yusuf', 'Demir', '1979-11-30'));
	await core.createPlan(demir.actor, demir.id, validPlan('2025-03-20', '2025-06-09'));
	const okafor = await caseOf(core, 'em-drk-01', person('Grace', 'Okafor', '1992-03-03'));
	await core.createPlan(okafor.actor, okafor.id, validPlan('2025-03-20', '2025-06-10'));
	await caseOf(core, 'em-drk-01', person('Ali', 'Yilmaz', '1985-08-08'));
}

/** The six numbers of a table row (offen, Aufnahme, in Beratung, Planüberprüfung, Rückmeldung, Grenze). */
function rowOf(html: string, name: string, within?: string): number[] {
	const part = within ? html.slice(html.indexOf(`data-provider="${within}"`)) : html;
	const row = new RegExp(`<tr><th scope="row">${name}</th>(.*?)</tr>`).exec(part)?.[1];
	if (!row) throw new Error(`no row ${name}`);
	return [...row.matchAll(/<td>(?:<a href="[^"]*">)?(\d+)/g)].map((m) => Number(m[1]));
}

/** Runs a page request and gives back it and the audit rows it wrote. */
async function withAudit<T>(suite: CoreSuite, call: () => Promise<T>) {
	const before = (await suite.audit()).length;
	const page = await call();
	return { page, rows: (await suite.audit()).slice(before) };
}

describe.each(backends)('the overview on %s', (backend) => {
	const suite = coreSuite(backend, { start: '2025-06-02T08:00:00Z' });

	it('counts open and due cases per manager, provider and district, as the linked lists do', async () => {
		await twoProviders(suite.core);
		const cookie = await sessionCookie(suite.core, 'em-koordination');
		const { page, rows } = await withAudit(suite, () => openPage(suite.core, 'overview', cookie));
		expect(page.status).toBe(200);
		expect(rows.map((r) => [r.actor_id, r.action, r.outcome])).toEqual([
			['em-koordination', 'case.overview', 'ok'],
		]);
		const html = page.text;
		expect(html).toContain('Alle Träger des Kreises, Stand 02.06.2025.');
		expect(html).toContain(
			'6 offene Fälle (2 in Aufnahme, 4 in Beratung); 2 Fälle mit fälliger Planüberprüfung, 1 Fall mit überfälliger Rückmeldung, 1 Fall nahe der Grenze.',
		);
		expect(html).toContain(
			'3 offene Fälle (1 in Aufnahme, 2 in Beratung); 1 Fall mit fälliger Planüberprüfung, keine Fälle mit überfälliger Rückmeldung, keine Fälle nahe der Grenze.',
		);
		expect(rowOf(html, 'Timo Quast')).toEqual([2, 1, 1, 1, 1, 0]);
		expect(rowOf(html, 'Anna Winter')).toEqual([1, 0, 1, 0, 0, 1]);
		expect(rowOf(html, 'Tobias Stark')).toEqual([0, 0, 0, 0, 0, 0]);
		expect(rowOf(html, 'Florian Pfeiffer')).toEqual([3, 1, 2, 1, 0, 0]);
		expect(rowOf(html, 'Träger gesamt', 'caritas-em')).toEqual([3, 1, 2, 1, 1, 1]);
		expect(rowOf(html, 'Träger gesamt', 'drk-em')).toEqual([3, 1, 2, 1, 0, 0]);
		expect(rowOf(html, 'Träger gesamt', 'lra-em')).toEqual([0, 0, 0, 0, 0, 0]);
		expect(rowOf(html, 'DRK-Kreisverband Emmendingen e.V.')).toEqual([3, 1, 2, 1, 0, 0]);
		expect(rowOf(html, 'Kreis gesamt')).toEqual([6, 2, 4, 2, 1, 1]);
		expect(html).toContain('Planüberprüfung ab 7 Tagen vor dem Überprüfungsdatum');
		// Every number links to the list of exactly the cases it counts.
		const links = [...html.matchAll(/<a href="(faelle[^"]*)">(\d+)<\/a>/g)];
		expect(links.length).toBeGreaterThan(20);
		for (const [, href, count] of links) {
			const list = await openPage(
				suite.core,
				'cases',
				cookie,
				Object.fromEntries(new URL(href, 'http://x/').searchParams),
			);
			const expected = `<p id="caseload-count">${count === '1' ? '1 Fall' : `${count} Fälle`}, Fälliges zuerst.`;
			expect([href, list.text.includes(expected)]).toEqual([href, true]);
		}
		const timo = await openPage(suite.core, 'cases', cookie, {
			manager: 'em-caritas-01',
			faellig: 'rueckmeldung',
		});
		expect(timo.text).toContain('<h1 class="h3">Fälle von Timo Quast</h1>');
		expect(timo.text).toContain('Nasser, Samir');
		expect(timo.text).not.toContain('Haddad');
	});

	it('shows a manager only the own provider, and refuses the administration with one audit row', async () => {
		await twoProviders(suite.core);
		const drk = await openPage(
			suite.core,
			'overview',
			await sessionCookie(suite.core, 'em-drk-02'),
		);
		expect(drk.status).toBe(200);
		expect(drk.text).toContain('Träger: DRK-Kreisverband Emmendingen e.V., Stand 02.06.2025.');
		expect(drk.text).toContain('3 offene Fälle (1 in Aufnahme, 2 in Beratung)');
		expect(rowOf(drk.text, 'Florian Pfeiffer')).toEqual([3, 1, 2, 1, 0, 0]);
		expect(rowOf(drk.text, 'Felix Moser')).toEqual([0, 0, 0, 0, 0, 0]);
		for (const foreign of ['Caritas', 'Timo Quast', 'Anna Winter', 'Landratsamt', 'Kreis gesamt'])
			expect([foreign, drk.text.includes(foreign)]).toEqual([foreign, false]);
		// Following a provider filter out of the own scope finds nothing.
		const cookie = await sessionCookie(suite.core, 'em-drk-01');
		const list = await openPage(suite.core, 'cases', cookie, { traeger: 'caritas-em' });
		expect(list.text).toContain('Keine Fälle gefunden.');
		expect(list.text).not.toContain('Haddad');

		const { page, rows } = await withAudit(suite, async () =>
			openPage(suite.core, 'overview', await sessionCookie(suite.core, 'em-admin')),
		);
		expect(page.status).toBe(403);
		expect(page.text).toContain(
			'Paul Ulrich (Administration) darf die Übersicht der Fälle nicht sehen.',
		);
		for (const data of ['Haddad', 'Timo Quast', 'Florian Pfeiffer', 'offene Fälle'])
			expect([data, page.text.includes(data)]).toEqual([data, false]);
		const overviewRows = rows.filter((r) => r.action === 'case.overview');
		expect(overviewRows.map((r) => [r.actor_id, r.outcome])).toEqual([['em-admin', 'denied']]);
	});

	it('links the overview under the pages of staff, not of the administration', async () => {
		const coordinator = await openPage(
			suite.core,
			'cases',
			await sessionCookie(suite.core, 'em-koordination'),
		);
		expect(coordinator.text).toContain('<a href="uebersicht" class="me-3" id="nav-overview">');
		const admin = await openPage(suite.core, 'cases', await sessionCookie(suite.core, 'em-admin'));
		expect(admin.text).not.toContain('nav-overview');
	});
});
