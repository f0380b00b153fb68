/**
 * The workplace pages through exactly the handler the Case Form Trigger calls, on a real store: Meine Fälle (scope,
 * search, filters, due first) and the case page (timeline, steps); a manager of one provider never sees another
 * provider's case in the list, the search or the case page.
 */
import type { FormRequest } from '../../src/forms/http';
import type { PageKind } from '../../src/workplace/workplace';
import { actorFor, validContact, validIntake, validPlan } from '../helpers/fixtures';
import { formHandlerSuite, profile } from '../helpers/form-handlers';
import { openPage, sessionCookie as cookieOf } from '../helpers/workplace-pages';

const suite = formHandlerSuite();
const caritas = actorFor(profile, 'em-caritas-01');
const drk = actorFor(profile, 'em-drk-01');

const open = (kind: PageKind, cookie: string, query: FormRequest['query'] = {}) =>
	openPage(suite.core, kind, cookie, query);

/** Waldkirch (Caritas) and Endingen (DRK): one case each, the Caritas one with a plan due for review. */
async function twoProviders() {
	const waldkirch = await suite.core.createCase(caritas, { intake: validIntake() });
	await suite.core.createPlan(caritas, waldkirch.case.id, validPlan('2025-03-20', '2025-06-05'));
	await suite.core.logContact(caritas, waldkirch.case.id, validContact('2025-04-02'));
	const endingen = await suite.core.createCase(drk, {
		intake: validIntake({
			municipality: '08316012',
			person: {
				...validIntake().person,
				firstName: 'Yusuf',
				lastName: 'Demir',
				birthDate: '1979-11-30',
			},
			consent: { ...validIntake().consent, recordedBy: 'em-drk-01' },
		}),
	});
	return { waldkirch: waldkirch.case.caseNumber, endingen: endingen.case.caseNumber };
}

describe('workplace pages', () => {
	it('lists only the own provider’s open cases, due first, with last contact and review', async () => {
		const { waldkirch, endingen } = await twoProviders();
		const page = await open('cases', await cookieOf(suite.core, 'em-caritas-01'));
		expect(page.status).toBe(200);
		expect(page.text).toContain('Meine Fälle');
		expect(page.text).toContain(`fall?case=${waldkirch}`);
		expect(page.text).not.toContain(endingen);
		expect(page.text).not.toContain('Demir');
		expect(page.text).toContain('Haddad, Amina');
		expect(page.text).toContain('02.04.2025'); // last contact
		expect(page.text).toContain('Planüberprüfung'); // review on 05.06. is due on 02.06. (7 days lead)
		expect(page.text).toContain('1 Fall, Fälliges zuerst.');
		// The case of the other provider is neither found by name nor opened by its id.
		expect(
			(await open('cases', await cookieOf(suite.core, 'em-caritas-02'), { q: 'Demir' })).text,
		).toContain('Keine Fälle gefunden.');
		const foreign = await open('case', await cookieOf(suite.core, 'em-caritas-03'), {
			case: endingen,
		});
		expect(foreign.status).toBe(403);
		expect(foreign.text).not.toContain('Demir');
	});

	it('finds by part of the name and by date of birth, filters by status', async () => {
		const { endingen } = await twoProviders();
		const coordinator = await cookieOf(suite.core, 'em-koordination');
		const all = await open('cases', coordinator);
		expect(all.text).toContain('Fälle des Kreises');
		expect(all.text).toContain('2 Fälle, Fälliges zuerst.');
		expect(all.text).toContain('Integrationsmanager*in'); // the manager column for the coordinator
		expect((await open('cases', coordinator, { q: 'emi' })).text).toContain(
			`fall?case=${endingen}`,
		);
		const byBirth = await open('cases', coordinator, { q: '30.11.1979' });
		expect(byBirth.text).toContain('1 Fall');
		expect(byBirth.text).toContain('Demir, Yusuf');
		expect((await open('cases', coordinator, { status: 'closed' })).text).toContain(
			'Keine Fälle gefunden.',
		);
		expect((await open('cases', coordinator, { faellig: '1' })).text).toContain('1 Fall');
	});

	it('shows the case page with household, plan, timeline and the steps as links to the forms', async () => {
		const { waldkirch } = await twoProviders();
		const page = await open('case', await cookieOf(suite.core, 'em-caritas-01'), {
			case: waldkirch,
		});
		expect(page.status).toBe(200);
		expect(page.text).toContain(`Fallnummer ${waldkirch} · Haddad, Amina (geb. 14.06.1988)`);
		expect(page.text).toContain(`href="kontakt?case=${waldkirch}"`);
		expect(page.text).toContain('Integrationsplan fortschreiben');
		expect(page.text).toContain('Fassung 1 vom 20.03.2025, Überprüfung am 05.06.2025');
		expect(page.text).toContain('Beratungskontakt (persönlich'); // channel label from the schema
		expect(page.text).toContain('Karim Haddad, geb. 20.01.1985');
		expect((await open('case', await cookieOf(suite.core, 'em-caritas-02'))).status).toBe(404);
	});

	it('shows no case data to the administration and asks for sign-in without a session', async () => {
		await twoProviders();
		const admin = await open('cases', await cookieOf(suite.core, 'em-admin'));
		expect(admin.status).toBe(403);
		expect(admin.text).not.toContain('Haddad');
		const anonymous = await open('cases', '');
		expect(anonymous.status).toBe(401);
		expect(anonymous.text).toContain('Kennung oder dienstliche E-Mail-Adresse');
	});
});
