import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadShippedProfile, parseProfile, shippedProfileIds } from '../../src/districts/profile';
import { routeIntake } from '../../src/districts/routing';
import { thrownError } from '../helpers/fixtures';

const csv = fs.readFileSync(
	path.join(__dirname, '..', '..', '..', 'shared', 'data', 'municipalities-bw.csv'),
	'utf8',
);
const official = new Map(
	csv
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => {
			const [ags, ...rest] = line.split(',');
			const name = rest.slice(0, -2).join(',').replace(/^"|"$/g, '');
			return [ags, { name, districtKey: rest[rest.length - 2] }] as const;
		}),
);

const noLoad = new Map<string, number>();

describe('district profiles', () => {
	it('ships the five models and every one validates', () => {
		expect(shippedProfileIds()).toEqual([
			'emmendingen',
			'ludwigsburg',
			'ortenaukreis',
			'sigmaringen',
			'wehr',
		]);
		const models = shippedProfileIds().map((id) => loadShippedProfile(id).model);
		expect(models).toEqual([
			'central',
			'provider_network',
			'mixed',
			'central_delegated',
			'municipal',
		]);
	});

	it.each(shippedProfileIds())(
		'%s uses the real municipalities of its district with their official names',
		(id) => {
			const profile = loadShippedProfile(id);
			const inDistrict = [...official].filter(([, m]) => m.districtKey === profile.districtKey);
			expect(profile.municipalities.map((m) => m.ags).sort()).toEqual(
				inDistrict.map(([ags]) => ags).sort(),
			);
			for (const m of profile.municipalities) expect(m.name).toBe(official.get(m.ags)?.name);
		},
	);

	it('follows the structure reported in the seeds', () => {
		const count = (id: string) => {
			const p = loadShippedProfile(id);
			return {
				served: p.municipalities.filter((m) => m.programme === 'served').length,
				total: p.municipalities.length,
				managers: p.staff.filter((s) => s.role === 'manager').length,
				fte:
					Math.round(
						p.staff.filter((s) => s.role === 'manager').reduce((sum, s) => sum + (s.fte ?? 0), 0) *
							10,
					) / 10,
				organisations: p.organisations.map((o) => o.kind).sort(),
			};
		};
		expect(count('emmendingen')).toEqual({
			served: 24,
			total: 24,
			managers: 23,
			fte: 17.4,
			organisations: ['caritas', 'district_office', 'drk'],
		});
		expect(count('sigmaringen')).toMatchObject({ served: 25, total: 25, fte: 5 });
		expect(
			loadShippedProfile('sigmaringen')
				.staff.filter((s) => s.role === 'manager')
				.every((s) => s.organisationId === 'caritas-sig'),
		).toBe(true);
		expect(count('ortenaukreis')).toMatchObject({ served: 40, total: 51, managers: 25 });
		expect(count('ludwigsburg')).toMatchObject({
			served: 34,
			total: 39,
			managers: 48,
			organisations: ['awo', 'caritas', 'diakonie', 'district_office', 'drk'],
		});
		expect(count('wehr')).toMatchObject({ served: 1, managers: 1 });
		expect(
			loadShippedProfile('wehr').municipalities.find((m) => m.programme === 'served'),
		).toMatchObject({ name: 'Wehr, Stadt', eligiblePersons: 209 });
	});

	it('rejects a profile whose references do not resolve, in German', () => {
		const broken = structuredClone(loadShippedProfile('wehr'));
		broken.staff[0].organisationId = 'gibt-es-nicht';
		const error = thrownError(() => parseProfile(broken));
		expect(error.code).toBe('PROFILE_INVALID');
		expect(error.message).toContain('Träger „gibt-es-nicht“ fehlt im Profil');
	});

	it('rejects a profile that breaks the schema', () => {
		const broken = { ...loadShippedProfile('wehr'), model: 'anarchie' };
		const error = thrownError(() => parseProfile(broken));
		expect(error.code).toBe('PROFILE_INVALID');
		expect(error.fieldErrors[0]).toMatchObject({ path: '/model', field: 'Organisationsmodell' });
	});
});

describe('routing an intake per district model', () => {
	it('Emmendingen (central): each municipality goes to its organisation, the least loaded manager first', () => {
		const p = loadShippedProfile('emmendingen');
		const waldkirch = '08316056';
		const first = routeIntake(p, waldkirch, noLoad);
		expect(first).toMatchObject({ organisationId: 'caritas-em', rule: 'least_caseload' });
		// The two Caritas managers with Waldkirch in their list take Waldkirch; the emptier one first.
		expect(['em-caritas-01', 'em-caritas-02']).toContain(first.managerId);
		const busy = new Map([[first.managerId, 5]]);
		expect(routeIntake(p, waldkirch, busy).managerId).not.toBe(first.managerId);
		for (const m of p.municipalities)
			expect(routeIntake(p, m.ags, noLoad).organisationId).toBe(m.organisationId);
	});

	it('Emmendingen: an explicitly named manager must belong to the responsible organisation', () => {
		const p = loadShippedProfile('emmendingen');
		expect(routeIntake(p, '08316056', noLoad, 'em-caritas-02')).toMatchObject({
			managerId: 'em-caritas-02',
			rule: 'explicit',
		});
		expect(thrownError(() => routeIntake(p, '08316056', noLoad, 'em-drk-01')).code).toBe(
			'UNKNOWN_STAFF',
		);
	});

	it('Sigmaringen (delegated): every municipality reaches Caritas', () => {
		const p = loadShippedProfile('sigmaringen');
		for (const m of p.municipalities)
			expect(routeIntake(p, m.ags, noLoad).organisationId).toBe('caritas-sig');
	});

	it('Ortenaukreis (mixed): a self-managed municipality is answered, not routed', () => {
		const p = loadShippedProfile('ortenaukreis');
		const offenburg = p.municipalities.find((m) => m.name === 'Offenburg, Stadt')!;
		const error = thrownError(() => routeIntake(p, offenburg.ags, noLoad));
		expect(error.code).toBe('NOT_IN_PROGRAMME');
		expect(error.message).toBe(
			'Offenburg, Stadt nimmt nicht am Integrationsmanagement von „Ortenaukreis“ teil. Die Stadt Offenburg organisiert das Integrationsmanagement selbst (Stadtverwaltung Offenburg).',
		);
		const outside = p.municipalities.filter((m) => m.programme !== 'served');
		expect(outside).toHaveLength(11);
		for (const m of outside)
			expect(thrownError(() => routeIntake(p, m.ags, noLoad)).code).toBe('NOT_IN_PROGRAMME');
		const served = p.municipalities.filter((m) => m.programme === 'served');
		for (const m of served) expect(routeIntake(p, m.ags, noLoad).organisationId).toBe('lra-og');
	});

	it('Ludwigsburg (provider network): each municipality reaches its provider', () => {
		const p = loadShippedProfile('ludwigsburg');
		const providers = new Set<string>();
		for (const m of p.municipalities.filter((x) => x.programme === 'served')) {
			const routing = routeIntake(p, m.ags, noLoad);
			expect(routing.organisationId).toBe(m.organisationId);
			const manager = p.staff.find((s) => s.id === routing.managerId)!;
			expect(manager.organisationId).toBe(m.organisationId);
			expect(manager.municipalities === undefined || manager.municipalities.includes(m.ags)).toBe(
				true,
			);
			providers.add(routing.organisationId);
		}
		expect(providers.size).toBe(5);
		const ludwigsburgCity = p.municipalities.find((m) => m.name === 'Ludwigsburg, Stadt')!;
		expect(thrownError(() => routeIntake(p, ludwigsburgCity.ags, noLoad)).code).toBe(
			'NOT_IN_PROGRAMME',
		);
	});

	it('Wehr (municipal): Wehr goes to its one manager; neighbours are told who is responsible', () => {
		const p = loadShippedProfile('wehr');
		expect(routeIntake(p, '08337116', noLoad)).toEqual({
			organisationId: 'stadt-wehr',
			managerId: 'wehr-im',
			rule: 'least_caseload',
		});
		const other = p.municipalities.find((m) => m.ags !== '08337116')!;
		expect(thrownError(() => routeIntake(p, other.ags, noLoad)).message).toContain(
			'nicht die Stadt Wehr zuständig',
		);
	});

	it('an unknown municipality gets a clear answer', () => {
		const error = thrownError(() => routeIntake(loadShippedProfile('wehr'), '08111000', noLoad));
		expect(error.code).toBe('UNKNOWN_MUNICIPALITY');
		expect(error.message).toContain('gehört nicht zu „Stadt Wehr“');
	});
});
