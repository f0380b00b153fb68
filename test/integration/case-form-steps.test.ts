import { validClosure, validPlan } from '../helpers/fixtures';
import { body, bootOf, formHandlerSuite, manager, profile, proxy } from '../helpers/form-handlers';
import { casePageModel } from '../../src/workplace/case-page';

const suite = formHandlerSuite();

/** The choices a served form offers for one field (filled from the case and the profile when served). */
function choices(page: { body: string | Buffer }, key: string): { label: string; value: string }[] {
	const found: { data?: { values: { label: string; value: string }[] } }[] = [];
	const walk = (components: any[]) => {
		for (const c of components ?? []) {
			if (c.key === key) found.push(c);
			walk(c.components);
			for (const column of c.columns ?? []) walk(column.components);
		}
	};
	walk(bootOf(page.body).form.components);
	return found[0]?.data?.values ?? [];
}

const referral = (date = '2025-05-02', serviceId = 'psz') => ({
	date,
	serviceId,
	reason: 'Psychologische Beratung',
});

describe('Case Form Trigger handlers: the further steps of a case', () => {
	it('records a service’s answer for a referral of this case, chosen by its number on the case page', async () => {
		const c = await suite.createdCase();
		await suite.core.createReferral(manager, c.id, referral('2025-04-02', 'bewerbung'));
		const second = await suite.core.createReferral(manager, c.id, referral());
		const casePage = casePageModel(
			profile,
			await suite.core.getCaseFile(manager, c.id),
			'2025-06-02',
		);
		expect(casePage.referrals.map((r) => r.feedback)).toEqual([
			`rueckmeldung?case=${c.caseNumber}&vermittlung=2`,
			`rueckmeldung?case=${c.caseNumber}&vermittlung=1`,
		]);
		const page = await suite.get('referralFeedback', { case: c.caseNumber, vermittlung: '2' });
		expect(page.status).toBe(200);
		expect(choices(page, 'referralId').map((o) => o.label)).toEqual([
			'Nr. 2: Psychosoziales Zentrum für Geflüchtete, vermittelt am 02.05.2025 (offen)',
			'Nr. 1: Bewerbungstraining der Agentur für Arbeit, vermittelt am 02.04.2025 (offen)',
		]);
		expect(bootOf(page.body).data).toMatchObject({ referralId: second.id, date: '2025-06-02' });
		const saved = await suite.post(
			'referralFeedback',
			{ referralId: second.id, status: 'accepted', date: '2025-05-20', note: 'Termin im Juni' },
			{ query: { case: c.caseNumber } },
		);
		expect(saved.response.status).toBe(200);
		expect(body(saved.response).message).toBe(
			'Die Rückmeldung von „Psychosoziales Zentrum für Geflüchtete“ ist gespeichert: angenommen am 20.05.2025.',
		);
		const [latest] = await suite.core.listReferrals(manager, c.id);
		expect(latest).toMatchObject({ id: second.id, status: 'accepted', statusOn: '2025-05-20' });
		// Finished referrals are no longer offered.
		await suite.post(
			'referralFeedback',
			{ referralId: second.id, status: 'done', date: '2025-05-30' },
			{ query: { case: c.caseNumber } },
		);
		const after = await suite.get('referralFeedback', { case: c.caseNumber });
		expect(choices(after, 'referralId').map((o) => o.value)).not.toContain(second.id);
	});

	it('refuses a referral of another case at its field and changes nothing', async () => {
		const c = await suite.createdCase();
		const other = await suite.createdCase();
		const foreign = await suite.core.createReferral(manager, other.id, referral());
		const refused = await suite.post(
			'referralFeedback',
			{ referralId: foreign.id, status: 'declined', date: '2025-05-20' },
			{ query: { case: c.caseNumber } },
		);
		expect(refused.response.status).toBe(422);
		expect(body(refused.response).errors).toEqual([
			expect.objectContaining({
				path: 'referralId',
				message: 'Bitte eine Weitervermittlung dieses Falls wählen.',
			}),
		]);
		expect((await suite.core.listReferrals(manager, other.id))[0].status).toBe('open');
	});

	it('records a dated change of the case file, offering the household members by name', async () => {
		const c = await suite.createdCase();
		const page = await suite.get('caseFileChange', { case: c.caseNumber });
		expect(String(page.body)).toContain(
			'bisher: Deutsch A2, Tätigkeit: im Sprach- oder Integrationskurs',
		);
		expect(choices(page, 'member').map((o) => o.label)).toEqual([
			'1: Karim Haddad, geb. 20.01.1985',
			'2: Lina, geb. 01.09.2012',
			'3: Omar, geb. 11.02.2019',
		]);
		const boot = bootOf(page.body);
		expect(boot.data).toMatchObject({ validFrom: '2025-06-02', caseInfo: { version: 1 } });
		const saved = await suite.post(
			'caseFileChange',
			{
				caseInfo: boot.data.caseInfo,
				validFrom: '2025-05-15T00:00:00+02:00',
				person: { germanLevel: 'B1', occupation: '' },
				members: [{ member: '3', germanLevel: 'A1' }],
				left: ['1'],
			},
			{ query: { case: c.caseNumber } },
		);
		expect(body(saved.response).message).toBe(
			'Die Veränderung ist in der Fallakte gespeichert (gültig ab 15.05.2025).',
		);
		const now = await suite.core.getCase(manager, c.id);
		expect(now.data.person.germanLevel).toBe('B1');
		expect(now.data.household?.map((m) => m.firstName)).toEqual(['Lina', 'Omar']);
		const page2 = casePageModel(profile, await suite.core.getCaseFile(manager, c.id), '2025-06-02');
		expect(page2.timeline[0]).toEqual({
			date: '15.05.2025',
			text: 'Veränderung in der Fallakte: Amina: Deutsch B1, Haushaltsmitglied: Deutsch A1, ausgezogen: 1 – Timo Quast',
		});
		// The page was built from version 1: sending it again is a conflict, not a second change.
		const stale = await suite.post(
			'caseFileChange',
			{ caseInfo: boot.data.caseInfo, validFrom: '2025-05-16', person: { germanLevel: 'B2' } },
			{ query: { case: c.caseNumber } },
		);
		expect(stale.response.status).toBe(409);
		const empty = await suite.post(
			'caseFileChange',
			{ caseInfo: { version: now.version }, validFrom: '2025-05-16', person: {} },
			{ query: { case: c.caseNumber } },
		);
		expect(empty.response.status).toBe(422);
		expect(body(empty.response).message).toMatch(/mindestens eine Veränderung/);
	});

	it('reopens a closed case; the case page then offers the steps again', async () => {
		const c = await suite.createdCase();
		await suite.core.createPlan(manager, c.id, validPlan());
		const closed = await suite.core.closeCase(manager, c.id, validClosure('2025-05-01'));
		const steps = async () =>
			casePageModel(profile, await suite.core.getCaseFile(manager, c.id), '2025-06-02').actions.map(
				(a) => a.href.replace(/\?.*/, ''),
			);
		expect(await steps()).toEqual(['wiederaufnahme']);
		const page = await suite.get('reopen', { case: c.caseNumber });
		expect(bootOf(page.body).data).toMatchObject({ date: '2025-06-02' });
		const saved = await suite.post(
			'reopen',
			{ caseInfo: { version: closed.version }, date: '2025-06-01', reason: 'Neuer Bedarf' },
			{ query: { case: c.caseNumber } },
		);
		expect(body(saved.response).message).toBe('Der Fall ist zum 01.06.2025 wieder aufgenommen.');
		expect((await suite.core.getCase(manager, c.id)).status).toBe('active');
		expect(await steps()).toEqual([
			'kontakt',
			'integrationsplan',
			'weitervermittlung',
			'veraenderung',
			'beendigung',
			'zustaendigkeit',
		]);
		const again = await suite.post(
			'reopen',
			{ caseInfo: { version: closed.version + 1 }, date: '2025-06-01', reason: 'Noch einmal' },
			{ query: { case: c.caseNumber } },
		);
		expect(again.response.status).toBe(422);
		expect(body(again.response).message).toBe(
			'Nur ein beendeter Fall kann wieder aufgenommen werden.',
		);
	});

	it('lets the coordinator hand a case to any manager of the district, a manager only within the provider', async () => {
		const c = await suite.createdCase();
		const asCoordinator = await suite.get(
			'reassign',
			{ case: c.caseNumber },
			proxy('em-koordination'),
		);
		const all = choices(asCoordinator, 'managerId');
		expect(all.map((o) => o.value)).toContain('em-drk-01');
		expect(all.map((o) => o.value)).not.toContain(c.managerId);
		expect(all.find((o) => o.value === 'em-drk-01')?.label).toBe(
			'Florian Pfeiffer (DRK-Kreisverband Emmendingen e.V.)',
		);
		const own = choices(await suite.get('reassign', { case: c.caseNumber }), 'managerId');
		expect(own.length).toBeGreaterThan(0);
		expect(own.every((o) => o.label.includes('Caritasverband'))).toBe(true);
		const crossing = await suite.post(
			'reassign',
			{ caseInfo: { version: c.version }, managerId: 'em-drk-01' },
			{ query: { case: c.caseNumber } },
		);
		expect(crossing.response.status).toBe(403);
		expect(body(crossing.response).message).toMatch(/nur innerhalb von Caritasverband/);
		const saved = await suite.post(
			'reassign',
			{ caseInfo: { version: c.version }, managerId: 'em-drk-01' },
			{ query: { case: c.caseNumber }, staffId: 'em-koordination' },
		);
		expect(body(saved.response).message).toBe(
			'Der Fall ist ab heute Florian Pfeiffer (DRK-Kreisverband Emmendingen e.V.) zugewiesen.',
		);
		const now = await suite.core.getCase(proxyActor('em-koordination'), c.id);
		expect(now).toMatchObject({ managerId: 'em-drk-01', organisationId: 'drk-em' });
		const file = await suite.core.getCaseFile(proxyActor('em-koordination'), c.id);
		expect(casePageModel(profile, file, '2025-06-02').timeline[0].text).toMatch(
			/^Neu zugewiesen: Florian Pfeiffer \(DRK-Kreisverband Emmendingen e\.V\.\) – /,
		);
		// The former provider no longer reaches the case.
		expect((await suite.get('reassign', { case: c.caseNumber })).status).toBe(403);
	});
});

function proxyActor(staffId: string) {
	const staff = suite.core.context.profile.staff.find((s) => s.id === staffId)!;
	return { staffId, role: staff.role, organisationId: staff.organisationId };
}
