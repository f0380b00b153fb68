import { validClosure, validContact, validIntake, validPlan } from '../helpers/fixtures';
import { body, bootOf, formHandlerSuite, manager, proxy } from '../helpers/form-handlers';

const suite = formHandlerSuite();

describe('Case Form Trigger handlers: forms of a case', () => {
	it("prefills the case forms only within the actor's scope", async () => {
		const c = await suite.createdCase();
		expect((await suite.get('contact')).status).toBe(404);
		expect(String((await suite.get('contact')).body)).toMatch(
			/Bitte den Fall unter „Meine Fälle“ öffnen/,
		);
		const other = await suite.get('contact', { case: c.id }, proxy('em-lra-01'));
		expect(other.status).toBe(403);
		expect(String(other.body)).not.toContain('Haddad');
		expect((await suite.get('contact', { case: 'gibt-es-nicht' })).status).toBe(404);
		const own = await suite.get('contact', { case: c.id });
		expect(String(own.body)).toContain(
			'Fall: Haddad, Amina (geb. 14.06.1988) · Aufnahme am 03.03.2025 · Aufnahme',
		);
		expect(bootOf(own.body).data).toEqual({
			caseInfo: { caseId: c.id, version: 1, justificationNeeded: false },
			date: '2025-06-02',
		});
		// The coordinator reads the case but documents nothing.
		expect((await suite.get('contact', { case: c.id }, proxy('em-koordination'))).status).toBe(200);
		const denied = await suite.post('contact', validContact('2025-06-01'), {
			query: { case: c.id },
			staffId: 'em-koordination',
		});
		expect(denied.response.status).toBe(403);
	});

	it('creates the integration plan, then prefills the current plan for continuing it', async () => {
		const c = await suite.createdCase();
		expect(bootOf((await suite.get('plan', { case: c.id })).body).data).toMatchObject({
			planDate: '2025-06-02',
		});
		const created = await suite.post(
			'plan',
			{ ...validPlan('2025-05-20', '2025-11-20'), caseInfo: { version: 1 } },
			{ query: { case: c.id } },
		);
		expect(body(created.response).message).toBe(
			'Der Integrationsplan ist erstellt. Nächste Überprüfung: 20.11.2025.',
		);
		const page = await suite.get('plan', { case: c.id });
		expect(String(page.body)).toContain('Fortschreibung von Fassung 1');
		const boot = bootOf(page.body);
		expect(boot.data.goals).toEqual(validPlan().goals);
		expect(boot.data).not.toHaveProperty('reviewDate');
		const continued = await suite.post(
			'plan',
			{ ...boot.data, reviewDate: '2025-12-01' },
			{ query: { case: c.id } },
		);
		expect(body(continued.response).message).toBe(
			'Der Integrationsplan ist fortgeschrieben (Fassung 2). Nächste Überprüfung: 01.12.2025.',
		);
		expect((await suite.core.getPlan(manager, c.id)).versions.map((v) => v.version)).toEqual([
			1, 2,
		]);
		// A page built from an older case version is a conflict, not a silent overwrite.
		const stale = await suite.post(
			'plan',
			{ ...boot.data, reviewDate: '2025-12-01' },
			{ query: { case: c.id } },
		);
		expect(stale.response.status).toBe(409);
	});

	it('asks for and records the justification when counselling goes beyond 3 years', async () => {
		const c = await suite.createdCase();
		suite.clock.set('2028-04-10T10:00:00+02:00');
		const boot = bootOf((await suite.get('contact', { case: c.id })).body);
		expect(boot.data.caseInfo.justificationNeeded).toBe(true);
		const without = await suite.post(
			'contact',
			{ ...validContact('2028-04-09'), caseInfo: boot.data.caseInfo },
			{ query: { case: c.id } },
		);
		expect(without.response.status).toBe(422);
		expect(body(without.response)).toMatchObject({
			code: 'JUSTIFICATION_REQUIRED',
			errors: [{ path: '', field: 'Beratungskontakt' }],
		});
		const tooShort = await suite.post(
			'contact',
			{
				...validContact('2028-04-09'),
				extensionJustification: { reason: 'kurz', date: '2028-04-09' },
			},
			{ query: { case: c.id } },
		);
		expect(body(tooShort.response).errors).toEqual([
			{
				path: 'extensionJustification.reason',
				field: 'Begründung für Beratung über 3 Jahre – Begründung',
				message: 'Bitte mindestens 20 Zeichen eingeben.',
			},
		]);
		const withReason = await suite.post(
			'contact',
			{
				...validContact('2028-04-09'),
				caseInfo: boot.data.caseInfo,
				extensionJustification: {
					reason: 'Ausbildung endet im Sommer 2028, Begleitung bis zur Prüfung nötig.',
					date: '2028-04-09T00:00:00+02:00',
				},
			},
			{ query: { case: c.id } },
		);
		expect(withReason.response.status).toBe(200);
		expect((await suite.core.getCase(manager, c.id)).extension).toEqual({
			reason: 'Ausbildung endet im Sommer 2028, Begleitung bis zur Prüfung nötig.',
			date: '2028-04-09',
		});
		expect(await suite.core.listContacts(manager, c.id)).toHaveLength(1);
		expect(
			bootOf((await suite.get('contact', { case: c.id })).body).data.caseInfo.justificationNeeded,
		).toBe(false);
	});

	it('refers to a service of the profile and closes with outcomes prefilled from the case file', async () => {
		const c = await suite.createdCase(validIntake({ accommodation: 'own_tenancy' }));
		const unknown = await suite.post(
			'referral',
			{ date: '2025-05-02', serviceId: 'gibt-es-nicht', reason: 'Traumaberatung' },
			{ query: { case: c.id } },
		);
		expect(body(unknown.response)).toMatchObject({
			code: 'UNKNOWN_SERVICE',
			errors: [{ path: 'serviceId' }],
		});
		const referral = await suite.post(
			'referral',
			{ date: '2025-05-02', serviceId: 'psz', reason: 'Traumaberatung' },
			{ query: { case: c.id } },
		);
		expect(body(referral.response).message).toBe(
			'Die Weitervermittlung an „Psychosoziales Zentrum für Geflüchtete“ vom 02.05.2025 ist gespeichert.',
		);
		const boot = bootOf((await suite.get('closure', { case: c.id })).body);
		expect(boot.data.outcomes).toEqual({
			ownTenancy: true,
			germanLevel: 'A2',
			employmentSocialInsurance: false,
			trainingInternshipStudy: false,
		});
		const closed = await suite.post(
			'closure',
			{ ...validClosure('2025-06-01'), caseInfo: boot.data.caseInfo },
			{ query: { case: c.id } },
		);
		expect(body(closed.response).message).toBe(
			'Der Fall ist zum 01.06.2025 beendet (selbständig (nutzt die Regeldienste eigenständig)).',
		);
		expect((await suite.core.getCase(manager, c.id)).status).toBe('closed');
	});

	it('without saving: validates and hands the data to the workflow, the store stays untouched', async () => {
		const result = await suite.post('intake', validIntake(), {
			extra: { save: false },
			submissionId: 'only-emit',
		});
		expect(result.response.status).toBe(200);
		expect(body(result.response).message).toBe('Aufnahme übermittelt.');
		expect(result.emission).toMatchObject({
			kind: 'intake',
			submissionId: 'only-emit',
			actor: manager,
		});
		expect((await suite.core.searchCases(manager)).total).toBe(0);
	});
});
