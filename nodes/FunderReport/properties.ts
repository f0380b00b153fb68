import type { INodeProperties } from 'n8n-workflow';
import { loadShippedDefinition, shippedReportIds } from '../../src/index';

export const funderReportProperties: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Explicit', value: 'explicit', description: 'From and to date (both days included)' },
			{ name: 'Previous Month', value: 'previousMonth' },
			{
				name: 'Previous Quarter',
				value: 'previousQuarter',
				description: 'The last full calendar quarter before the reference day',
			},
			{
				name: 'Previous Year',
				value: 'previousYear',
				description: 'The last full calendar year before the reference day',
			},
		],
		default: 'previousQuarter',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { period: ['explicit'] } },
		description: 'First day of the period (included)',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { period: ['explicit'] } },
		description: 'Last day of the period (included)',
	},
	{
		displayName: 'Reference Day',
		name: 'referenceDay',
		type: 'string',
		default: '',
		placeholder: '2026-04-01',
		displayOptions: { hide: { period: ['explicit'] } },
		description: 'Day from which "previous" is counted (YYYY-MM-DD); empty = today (Europe/Berlin)',
	},
	{
		displayName: 'Grouping',
		name: 'grouping',
		type: 'options',
		options: [
			{ name: 'District (One Item)', value: 'district' },
			{ name: 'Per Manager', value: 'manager' },
			{ name: 'Per Municipality', value: 'municipality' },
			{ name: 'Per Organisation', value: 'organisation' },
		],
		default: 'district',
		description:
			'Items after the summary item: one per manager, organisation or municipality. The XLSX always has all three sheets.',
	},
	{
		displayName: 'Report Definition',
		name: 'definition',
		type: 'options',
		options: [
			...shippedReportIds().map((id) => ({ name: loadShippedDefinition(id).name, value: id })),
			{
				name: 'Custom (JSON)',
				value: 'custom',
				description: 'A definition that follows report-definition.schema.json',
			},
		],
		default: 'land-bw-auswertung',
		description: 'Which indicators the report contains',
	},
	{
		displayName: 'Report Definition JSON',
		name: 'definitionJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { definition: ['custom'] } },
		description: 'Report definition as JSON (validated against report-definition.schema.json)',
	},
	{
		displayName: 'Files',
		name: 'files',
		type: 'multiOptions',
		options: [
			{ name: 'Sachbericht Draft (HTML)', value: 'sachbericht' },
			{ name: 'XLSX "Auswertung Zeitraum"', value: 'xlsx' },
		],
		default: ['xlsx', 'sachbericht'],
		description: 'Files attached to the summary item (binary properties "xlsx" and "sachbericht")',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'Auswertung-ludwigsburg-2026-01-01-2026-03-31',
		description:
			'File name without extension; empty = Auswertung-&lt;district&gt;-&lt;from&gt;-&lt;to&gt;',
	},
	{
		displayName: 'Sachbericht Template',
		name: 'sachberichtTemplate',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		displayOptions: { show: { files: ['sachbericht'] } },
		description:
			'Handlebars template of the district (HTML); empty = the shipped template (reports/sachbericht.hbs). Figures: {{wert "persons_counselled"}}.',
	},
];
