'use strict';
// Demo data for `npm start -- --demo`: invented families, written through the real domain core (dist/) into
// the district's case store, so that lists, reminders and reports have something to show.
// Idempotent: every write carries a fixed submissionId, a second run changes nothing.
const path = require('node:path');

const FAMILIES = [
	{ first: 'Amina', last: 'Haddad', birth: '1988-06-14', gender: 'female', nationality: 'syrisch', languages: ['Arabisch', 'Englisch'], german: 'A2', household: [{ firstName: 'Karim', lastName: 'Haddad', birthDate: '1985-01-20', relationship: 'spouse', germanLevel: 'B1' }, { firstName: 'Lina', birthDate: '2012-09-01', relationship: 'child' }] },
	{ first: 'Olena', last: 'Kovalenko', birth: '1979-03-02', gender: 'female', nationality: 'ukrainisch', languages: ['Ukrainisch', 'Russisch'], german: 'A1', household: [{ firstName: 'Marta', birthDate: '2010-05-11', relationship: 'child' }], status: 'ukraine_temporary_protection' },
	{ first: 'Yonas', last: 'Tesfaye', birth: '1996-11-23', gender: 'male', nationality: 'eritreisch', languages: ['Tigrinya', 'Englisch'], german: 'B1', household: [] },
	{ first: 'Farid', last: 'Ahmadi', birth: '1990-07-07', gender: 'male', nationality: 'afghanisch', languages: ['Dari', 'Paschtu'], german: 'A2', household: [{ firstName: 'Zahra', lastName: 'Ahmadi', birthDate: '1993-02-14', relationship: 'spouse' }, { firstName: 'Ali', birthDate: '2016-08-30', relationship: 'child' }, { firstName: 'Sara', birthDate: '2020-12-01', relationship: 'child' }] },
	{ first: 'Dilan', last: 'Yildiz', birth: '2001-04-18', gender: 'diverse', nationality: 'türkisch', languages: ['Kurdisch', 'Türkisch'], german: 'A2', household: [] },
	{ first: 'Grace', last: 'Okafor', birth: '1985-09-09', gender: 'female', nationality: 'nigerianisch', languages: ['Englisch', 'Igbo'], german: 'B1', household: [{ firstName: 'David', birthDate: '2014-03-03', relationship: 'child' }] },
];

const iso = (date) => date.toISOString().slice(0, 10);
const daysAgo = (n) => iso(new Date(Date.now() - n * 86_400_000));
const daysAhead = (n) => iso(new Date(Date.now() + n * 86_400_000));

async function loadDemoData({ district, storeFile, packageRoot }) {
	const core = require(path.join(packageRoot, 'dist', 'src', 'index.js'));
	const profile = core.loadShippedProfile(district);
	const store = await core.openStore({ backend: 'sqlite', file: storeFile });
	try {
		const api = core.createCore({ store, profile });
		const coordinator = profile.staff.find((s) => s.role === 'coordinator');
		const asActor = (s) => ({ staffId: s.id, role: s.role, organisationId: s.organisationId });
		const served = profile.municipalities.filter((m) => m.programme === 'served');
		let cases = 0;
		let contacts = 0;
		for (const [i, f] of FAMILIES.entries()) {
			const municipality = served[(i * 7) % served.length];
			const intakeDate = daysAgo(420 - i * 60);
			const intake = {
				intakeDate,
				municipality: municipality.ags,
				accommodation: 'follow_up_housing',
				person: { firstName: f.first, lastName: f.last, birthDate: f.birth, gender: f.gender, nationality: f.nationality, germanLevel: f.german },
				household: f.household,
				residence: f.status ? { status: f.status, ukraineEntryDate: daysAgo(500) } : { status: 'refugee_protection' },
				languages: f.languages,
				consent: { given: true, purposes: ['counselling', 'statistics'], date: intakeDate, recordedBy: coordinator.id },
			};
			const key = `demo-${district}-${i}`;
			const created = await api.createCase(asActor(coordinator), { intake }, { submissionId: `${key}-intake` });
			cases++;
			const manager = asActor(profile.staff.find((s) => s.id === created.routing.managerId));
			const caseId = created.case.id;
			if (i === FAMILIES.length - 1) continue; // one case stays in "Aufnahme"
			const planDate = daysAgo(400 - i * 60);
			await api.createPlan(manager, caseId, {
				planDate,
				reviewDate: i % 2 === 0 ? daysAhead(5) : daysAhead(120),
				goals: [
					{ domain: 'language', goal: 'Deutsch B1 erreichen', status: 'in_progress', steps: [{ description: 'Anmeldung Integrationskurs', responsible: 'client', status: 'done' }] },
					{ domain: 'housing', goal: 'Eigene Wohnung finden', status: 'open' },
					{ domain: 'work', goal: 'Arbeit oder Ausbildung finden', status: 'open' },
				],
			}, { submissionId: `${key}-plan` });
			for (let c = 0; c < 3; c++) {
				await api.logContact(manager, caseId, { date: daysAgo(380 - i * 60 - c * 20), channel: ['in_person', 'phone', 'home_visit'][c], minutes: [45, 15, 60][c], topics: [['language'], ['housing'], ['work', 'family']][c], note: 'Demo-Eintrag' }, { submissionId: `${key}-contact-${c}` });
				contacts++;
			}
			if (i % 2 === 1) {
				await api.createReferral(manager, caseId, { serviceId: profile.services[i % profile.services.length].id, date: daysAgo(45), reason: 'Unterstützung durch den Fachdienst' }, { submissionId: `${key}-referral` });
			}
			if (i === 2) {
				await api.closeCase(manager, caseId, { date: daysAgo(10), reason: 'self_reliant', outcomes: { ownTenancy: true, germanLevel: 'B1', employmentSocialInsurance: true, trainingInternshipStudy: false } }, { submissionId: `${key}-closure` });
			}
		}
		return `${cases} Fälle, ${contacts} Beratungskontakte (erfundene Personen) in ${storeFile}`;
	} finally {
		await store.close();
	}
}

module.exports = { loadDemoData };
