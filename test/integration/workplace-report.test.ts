/**
 * The page Auswertung (funder report on demand) through exactly the handler the Case Form Trigger calls, on a real
 * SQLite store with the hand-computed report fixture (1st quarter 2026): the coordinator downloads the district's
 * workbook for a chosen period, a manager gets only the own provider's figures, the administration is refused, an
 * invalid period is a German message on the page; one audit row per download.
 */
import ExcelJS from 'exceljs';
import { SystemActor } from '../../src/access/actor';
import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import type { FormRequest } from '../../src/forms/http';
import { handleWorkplaceRequest } from '../../src/workplace/workplace';
import { actorFor } from '../helpers/fixtures';
import {
	buildReportFixture,
	fixtureClock,
	fixturePeriod,
	fixtureProfile,
} from '../helpers/report-fixture';
import { freshStore, type TestStore } from '../helpers/stores';

const PASSWORD = 'Ein Fall nach dem anderen, mit Ruhe';
const profile = fixtureProfile();
let t: TestStore;
let core: Core;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	t = await freshStore('SQLite');
	core = createCore({ store: t.store, profile, clock: fixedClock(fixtureClock) });
	await buildReportFixture(core, profile);
	for (const staffId of ['em-koordination', 'em-drk-01', 'em-admin']) {
		const { token } = await core.signIn.invite(new SystemActor('test', 'Test'), staffId);
		const session = await core.signIn.acceptInvitation(token, PASSWORD, {});
		cookies[staffId] = `im_session=${session.sessionId}`;
	}
});
afterAll(() => t.dispose());

const open = (staffId: string, query: FormRequest['query'] = {}) =>
	handleWorkplaceRequest(
		{ core, kind: 'report', auth: { mode: 'personal' }, formPath: 'formulare/auswertung' },
		{
			method: 'GET',
			query,
			headers: { cookie: cookies[staffId] ?? '' },
			path: '/webhook/formulare/auswertung',
		},
	);

const text = (r: { body: string | Buffer }) =>
	String(r.body)
		.replace(/&#x3D;/g, '=')
		.replace(/&amp;/g, '&');

async function sheetOf(body: string | Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Auswertung Zeitraum');
	if (!sheet) throw new Error('sheet missing');
	const header = (sheet.getRow(6).values as unknown[]).slice(1);
	let total: unknown;
	sheet.eachRow((row) => {
		if (row.getCell(1).value === 'Beratene Personen im Zeitraum')
			total = row.getCell(header.length).value;
	});
	const cells: string[] = [];
	workbook.eachSheet((s) =>
		s.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
	);
	return { title: sheet.getCell('A3').value, header, total, all: cells.join('\n') };
}

const reportAudit = () =>
	t.store.db
		.selectFrom('audit_log')
		.select(['actor_id', 'outcome'])
		.where('action', '=', 'report.run')
		.orderBy('id')
		.execute();

describe('workplace page Auswertung', () => {
	it('offers the period form with the last complete quarter preselected and the presets', async () => {
		const page = await open('em-koordination');
		expect(page.status).toBe(200);
		const html = text(page);
		expect(html).toContain('<title>Auswertung – Integrationsmanagement</title>');
		expect(html).toContain('Gewählter Zeitraum: <strong>1. Quartal 2026 (01.01.2026 – 31.03.2026)');
		expect(html).toContain('href="auswertung?zeitraum=q1&jahr=2026"');
		expect(html).toContain('Letztes Jahr (2025)');
		expect(html).toContain('Umfang: Landkreis Emmendingen, alle Träger zusammengeführt.');
		expect(html).toContain('name="datei" value="xlsx"');
		expect(html).toContain('href="faelle"'); // back to Meine Fälle
	});

	it('lets the coordinator download the district’s workbook of the chosen period, audited once per download', async () => {
		const before = (await reportAudit()).length;
		const q1 = await open('em-koordination', { zeitraum: 'q1', jahr: '2026', datei: 'xlsx' });
		expect(q1.status).toBe(200);
		expect(q1.headers['Content-Disposition']).toBe(
			'attachment; filename="Auswertung-emmendingen-1-Quartal-2026.xlsx"',
		);
		expect(q1.headers['Cache-Control']).toBe('no-store');
		const sheet = await sheetOf(q1.body);
		expect(sheet.title).toBe('Zeitraum: 1. Quartal 2026 (01.01.2026 – 31.03.2026)');
		expect(sheet.total).toBe(13); // hand-computed in test/helpers/report-fixture.ts
		expect(sheet.header).toContain('Timo Quast');
		const range = { zeitraum: 'frei', von: '2026-02-11', bis: '2026-05-31', datei: 'xlsx' };
		const free = await open('em-koordination', range);
		expect(free.headers['Content-Disposition']).toBe(
			'attachment; filename="Auswertung-emmendingen-2026-02-11-bis-2026-05-31.xlsx"',
		);
		const expected = await core.funderReport(actorFor(profile, 'em-koordination'), {
			period: { from: '2026-02-11', to: '2026-05-31' },
		});
		expect((await sheetOf(free.body)).total).toBe(expected.total.persons_counselled);
		const draft = await open('em-koordination', {
			zeitraum: 'h1',
			jahr: '2026',
			datei: 'sachbericht',
		});
		expect(draft.headers['Content-Type']).toBe('text/html; charset=utf-8');
		expect(draft.headers['Content-Disposition']).toBe(
			'attachment; filename="Auswertung-emmendingen-1-Halbjahr-2026-Sachbericht.html"',
		);
		expect(String(draft.body)).toContain('1. Halbjahr 2026');
		expect((await reportAudit()).slice(before)).toEqual(
			Array(4).fill({ actor_id: 'em-koordination', outcome: 'ok' }),
		);
	});

	it('gives a manager only the own provider’s figures, never another provider’s', async () => {
		const page = text(await open('em-drk-01'));
		expect(page).toContain('Umfang: nur die Zahlen Ihres Trägers (DRK');
		const download = await open('em-drk-01', { zeitraum: 'q1', jahr: '2026', datei: 'xlsx' });
		expect(download.status).toBe(200);
		const sheet = await sheetOf(download.body);
		const own = await core.funderReport(actorFor(profile, 'em-drk-01'), { period: fixturePeriod });
		expect(own.scope.organisationId).toBe('drk-em');
		expect(sheet.total).toBe(own.total.persons_counselled);
		expect(sheet.total).toBeLessThan(13);
		expect(sheet.header).not.toContain('Timo Quast');
		expect(sheet.all).not.toContain('Caritas');
		const others = profile.staff.filter(
			(s) => s.role === 'manager' && s.organisationId !== 'drk-em',
		);
		expect(others.length).toBeGreaterThan(0);
		for (const other of others) expect(sheet.all).not.toContain(other.name);
		const draft = await open('em-drk-01', { zeitraum: 'q1', jahr: '2026', datei: 'sachbericht' });
		expect(String(draft.body)).not.toContain('Caritas');
	});

	it('refuses the administration in German, with an audit row and no file', async () => {
		const page = await open('em-admin', { zeitraum: 'q1', jahr: '2026', datei: 'xlsx' });
		expect(page.status).toBe(403);
		expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
		expect(text(page)).toContain('darf keine Auswertungen der Falldaten erstellen');
		expect(text(page)).not.toContain('name="datei"');
		expect((await reportAudit()).at(-1)).toEqual({ actor_id: 'em-admin', outcome: 'denied' });
	});

	it('refuses invalid periods with a German message on the page', async () => {
		const refusals: [FormRequest['query'], string][] = [
			[{ zeitraum: 'frei', von: '2026-04-01', bis: '2026-03-01' }, 'liegt nach dem Ende'],
			[{ zeitraum: 'frei', von: '31.02.2026', bis: '2026-03-01' }, 'als Datum angeben'],
			[{ zeitraum: 'frei', von: '2015-01-01', bis: '2026-03-31' }, 'länger als 5 Jahre'],
			[{ zeitraum: 'q2', jahr: '26' }, 'Jahr vierstellig'],
			[{ zeitraum: 'jahr', jahr: '2014' }, 'liegt vor'],
			[{ zeitraum: 'jahr', jahr: '2031' }, 'mehr als ein Jahr in der Zukunft'],
			[{ zeitraum: 'woche', jahr: '2026' }, 'Quartal, Halbjahr, Jahr'],
		];
		for (const [query, message] of refusals) {
			const before = (await reportAudit()).length;
			const page = await open('em-koordination', { ...query, datei: 'xlsx' });
			expect(page.status).toBe(422);
			expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
			expect(text(page)).toContain('id="workplace-error"');
			expect(text(page)).toContain(message);
			expect((await reportAudit()).slice(before)).toEqual([
				{ actor_id: 'em-koordination', outcome: 'rejected' },
			]);
		}
	});
});
