import ExcelJS from 'exceljs';
import type { FunderReport, ReportGroup, ReportRow } from './report-types';
import { generatedText, periodText, scopeText } from './format';

const HEADER_ROW = 6;

/**
 * The report as an Excel workbook in the funder's shape: the sheet "Auswertung Zeitraum" (name from the definition)
 * with one column per manager and a total (all providers merged), the same per organisation and per municipality,
 * and the period rules of every indicator.
 */
export async function renderWorkbook(report: FunderReport): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'n8n-nodes-integrationsmanagement';
	workbook.created = new Date(report.generatedAt);
	addFigureSheet(
		workbook,
		report,
		report.sheetName,
		report.groups.manager,
		'Integrationsmanager*in',
		'Träger',
	);
	addFigureSheet(workbook, report, 'nach Träger', report.groups.organisation, 'Träger', null);
	addFigureSheet(
		workbook,
		report,
		'nach Gemeinde',
		report.groups.municipality,
		'Gemeinde',
		'Träger',
	);
	addRulesSheet(workbook, report);
	keepTextAsText(workbook);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Text a spreadsheet could take for a formula ("formula injection"): it starts with = + - @ (also their full-width
 * forms), or with a tab or line break before them. Names and labels come from profiles and definitions.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Every text cell that could be read as a formula gets a leading apostrophe, the spreadsheets' own mark for "text":
 * no spreadsheet evaluates it, not when the file is opened, nor when the cell is edited or the sheet saved as CSV.
 */
function keepTextAsText(workbook: ExcelJS.Workbook): void {
	workbook.eachSheet((sheet) =>
		sheet.eachRow((row) =>
			row.eachCell((cell) => {
				if (typeof cell.value === 'string' && FORMULA_START.test(cell.value))
					cell.value = `'${cell.value}`;
			}),
		),
	);
}

function addFigureSheet(
	workbook: ExcelJS.Workbook,
	report: FunderReport,
	name: string,
	groups: ReportGroup[],
	groupTitle: string,
	subTitle: string | null,
): void {
	const sheet = workbook.addWorksheet(name, {
		views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW + (subTitle ? 1 : 0) }],
	});
	sheet.getCell('A1').value = report.name;
	sheet.getCell('A1').font = { bold: true, size: 14 };
	sheet.getCell('A2').value =
		`Zuwendungsempfänger: ${report.district.funder ?? report.district.name} (${report.district.name})`;
	sheet.getCell('A3').value = `Zeitraum: ${periodText(report)}`;
	sheet.getCell('A4').value =
		`${groupTitle === 'Integrationsmanager*in' ? 'Je Integrationsmanager*in' : `Je ${groupTitle}`}, ${scopeText(report)}. Stand: ${generatedText(report.generatedAt)}, erstellt von ${report.generatedBy.name}.`;

	const header = sheet.getRow(HEADER_ROW);
	header.values = ['Kennzahl', ...groups.map((g) => g.name), 'Gesamt'];
	header.font = { bold: true };
	header.alignment = { wrapText: true, vertical: 'top' };
	let rowNumber = HEADER_ROW + 1;
	if (subTitle) {
		const sub = sheet.getRow(rowNumber++);
		sub.values = [
			subTitle,
			...groups.map((g) => g.organisation ?? ''),
			report.scope.organisationName ?? 'alle Träger',
		];
		sub.font = { italic: true };
		sub.alignment = { wrapText: true, vertical: 'top' };
	}
	let section: string | null = null;
	for (const row of report.rows) {
		if (row.section && row.section !== section) {
			section = row.section;
			const title = sheet.getRow(rowNumber++);
			title.getCell(1).value = section;
			title.font = { bold: true };
			title.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };
		}
		const line = sheet.getRow(rowNumber++);
		line.values = [
			row.label,
			...groups.map((g) => cellValue(g.figures[row.key])),
			cellValue(report.total[row.key]),
		];
		line.getCell(1).alignment = { indent: row.level === 1 ? 2 : 0 };
		line.getCell(groups.length + 2).font = { bold: true };
		if (row.format === 'share')
			for (let c = 2; c <= groups.length + 2; c++) line.getCell(c).numFmt = '0.0%';
		else for (let c = 2; c <= groups.length + 2; c++) line.getCell(c).numFmt = '#,##0';
	}
	sheet.getColumn(1).width = 58;
	for (let c = 2; c <= groups.length + 2; c++) sheet.getColumn(c).width = 16;
}

function cellValue(value: number | null | undefined): number | null {
	return value === undefined ? null : value;
}

function addRulesSheet(workbook: ExcelJS.Workbook, report: FunderReport): void {
	const sheet = workbook.addWorksheet('Erläuterungen');
	sheet.getRow(1).values = ['Kennzahl', 'Was im Zeitraum gezählt wird'];
	sheet.getRow(1).font = { bold: true };
	const seen = new Set<string>();
	let n = 2;
	for (const row of report.rows.filter((r: ReportRow) => r.level === 0)) {
		if (seen.has(row.indicatorId)) continue;
		seen.add(row.indicatorId);
		const line = sheet.getRow(n++);
		line.values = [row.label, row.periodRule];
		line.alignment = { wrapText: true, vertical: 'top' };
	}
	const notes = sheet.getRow(n + 1);
	notes.values = [
		'Hinweise',
		'Leere Felder: Die Zahl kann nicht angegeben werden (z. B. keine berechtigten Personen im Kreisprofil, oder ein Anteil an null). Fälle zählen bei der Integrationsmanager*in, dem Träger und der Gemeinde, denen sie bei Erstellung des Berichts zugeordnet sind.',
	];
	notes.alignment = { wrapText: true, vertical: 'top' };
	sheet.getColumn(1).width = 50;
	sheet.getColumn(2).width = 110;
}
