/** The funder report: definitions as data, computed in SQL, rendered as XLSX and Sachbericht. */
export { runFunderReport, type RunReportOptions } from './run-report';
export {
	loadShippedDefinition,
	parseDefinition,
	shippedReportIds,
	DEFAULT_REPORT_ID,
} from './definitions';
export { resolvePeriod, periodLabel, checkPeriod, type Period, type PeriodChoice } from './period';
export type { FunderReport, ReportRow, ReportGroup, Figures, Grouping } from './report-types';
export { renderWorkbook } from './xlsx';
export { renderSachbericht, shippedSachberichtTemplate } from './sachbericht';
