// Demo data for `npm start -- --demo`: invented families, written through the real domain core (dist/) into
// the district's case store, so that lists, reminders and reports have something to show.
// Idempotent: every write carries a fixed submissionId, a second run changes nothing.
import type {
	Actor,
	Closure,
	Contact,
	Intake,
	Person,
	Referral,
	StaffMember,
} from '../src/generated/types';
import type * as CoreModule from '../src/index';
import { requireBuilt } from './n8n-runtime/built-package';
import families from './demo-families.json';

interface Family {
	first: string;
	last: string;
	birth: string;
	gender: Person['gender'];
	nationality: string;
	languages: Intake['languages'];
	german: Person['germanLevel'];
	household: Intake['household'];
	status?: 'ukraine_temporary_protection';
}

/** Invented families (`demo-families.json`), one case each. */
const FAMILIES = families as Family[];

type Api = ReturnType<typeof CoreModule.createCore>;
type Profile = ReturnType<typeof CoreModule.loadShippedProfile>;

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const daysAgo = (n: number): string => iso(new Date(Date.now() - n * 86_400_000));
const daysAhead = (n: number): string => iso(new Date(Date.now() + n * 86_400_000));
const asActor = (s: StaffMember): Actor => ({
	staffId: s.id,
	role: s.role,
	organisationId: s.organisationId,
});

/** The intake of the i-th family, in a served municipality, recorded by the coordinator. */
function intakeOf(f: Family, i: number, profile: Profile, coordinator: StaffMember): Intake {
	const served = profile.municipalities.filter((m) => m.programme === 'served');
	const municipality = served[(i * 7) % served.length];
	const intakeDate = daysAgo(420 - i * 60);
	return {
		intakeDate,
		municipality: municipality.ags,
		accommodation: 'follow_up_housing',
		person: {
			firstName: f.first,
			lastName: f.last,
			birthDate: f.birth,
			gender: f.gender,
			nationality: f.nationality,
			germanLevel: f.german,
		},
		household: f.household,
		residence: f.status
			? { status: f.status, ukraineEntryDate: daysAgo(500) }
			: { status: 'refugee_protection' },
		languages: f.languages,
		consent: {
			given: true,
			purposes: ['counselling', 'statistics'],
			date: intakeDate,
			recordedBy: coordinator.id,
		},
	};
}

/** A plan with three goals (not typed as IntegrationPlan: the generated PlanStep type is wrong, see the type generator). */
function planOf(i: number) {
	return {
		planDate: daysAgo(400 - i * 60),
		reviewDate: i % 2 === 0 ? daysAhead(5) : daysAhead(120),
		goals: [
			{
				domain: 'language',
				goal: 'Deutsch B1 erreichen',
				status: 'in_progress',
				steps: [
					{ description: 'Anmeldung Integrationskurs', responsible: 'client', status: 'done' },
				],
			},
			{ domain: 'housing', goal: 'Eigene Wohnung finden', status: 'open' },
			{ domain: 'work', goal: 'Arbeit oder Ausbildung finden', status: 'open' },
		],
	};
}

/** The three contacts every counselled case gets. */
const CONTACTS: Pick<Contact, 'channel' | 'minutes' | 'topics'>[] = [
	{ channel: 'in_person', minutes: 45, topics: ['language'] },
	{ channel: 'phone', minutes: 15, topics: ['housing'] },
	{ channel: 'home_visit', minutes: 60, topics: ['work', 'family'] },
];

/** Plan, three contacts, for every second family a referral, for the third a closure; returns the number of contacts. */
async function documentCase(
	api: Api,
	profile: Profile,
	manager: Actor,
	caseId: string,
	i: number,
	key: string,
): Promise<number> {
	await api.createPlan(manager, caseId, planOf(i), { submissionId: `${key}-plan` });
	for (const [c, contact] of CONTACTS.entries()) {
		await api.logContact(
			manager,
			caseId,
			{ date: daysAgo(380 - i * 60 - c * 20), ...contact, note: 'Demo-Eintrag' },
			{ submissionId: `${key}-contact-${c}` },
		);
	}
	if (i % 2 === 1) {
		const referral: Referral = {
			serviceId: profile.services[i % profile.services.length].id,
			date: daysAgo(45),
			reason: 'Unterstützung durch den Fachdienst',
		};
		await api.createReferral(manager, caseId, referral, { submissionId: `${key}-referral` });
	}
	if (i === 2) {
		const closure: Closure = {
			date: daysAgo(10),
			reason: 'self_reliant',
			outcomes: {
				ownTenancy: true,
				germanLevel: 'B1',
				employmentSocialInsurance: true,
				trainingInternshipStudy: false,
			},
		};
		await api.closeCase(manager, caseId, closure, { submissionId: `${key}-closure` });
	}
	return CONTACTS.length;
}

export async function loadDemoData({
	district,
	storeFile,
	packageRoot,
}: {
	district: string;
	storeFile: string;
	packageRoot: string;
}): Promise<string> {
	const core = requireBuilt<typeof CoreModule>(packageRoot, 'src/index.js');
	const profile = core.loadShippedProfile(district);
	const store = await core.openStore({ backend: 'sqlite', file: storeFile });
	try {
		const api = core.createCore({ store, profile });
		const coordinator = profile.staff.find((s) => s.role === 'coordinator');
		if (!coordinator) throw new Error(`Das Kreisprofil ${district} hat keine Koordination.`);
		let cases = 0;
		let contacts = 0;
		for (const [i, f] of FAMILIES.entries()) {
			const key = `demo-${district}-${i}`;
			const created = await api.createCase(
				asActor(coordinator),
				{ intake: intakeOf(f, i, profile, coordinator) },
				{ submissionId: `${key}-intake` },
			);
			cases++;
			if (i === FAMILIES.length - 1) continue; // one case stays in "Aufnahme"
			const manager = profile.staff.find((s) => s.id === created.routing.managerId);
			if (!manager)
				throw new Error(`Unbekannte Integrationsmanager*in ${created.routing.managerId}.`);
			contacts += await documentCase(api, profile, asActor(manager), created.case.id, i, key);
		}
		return `${cases} Fälle, ${contacts} Beratungskontakte (erfundene Personen) in ${storeFile}`;
	} finally {
		await store.close();
	}
}
