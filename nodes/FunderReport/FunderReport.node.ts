import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	loadShippedDefinition,
	parseDefinition,
	parseJsonParameter,
	renderSachbericht,
	renderWorkbook,
	resolvePeriod,
	systemClock,
	today,
	type FunderReport as Report,
	type Grouping,
	type PeriodChoice,
} from '../../src/index';
import { actorProperty, districtProfileProperties } from '../shared/district-parameters';
import * as credentialTest from '../shared/credential-test';
import { itemJson } from '../shared/items';
import { coresFor, forEachItem } from '../shared/transport';
import { funderReportProperties } from './properties';

export class FunderReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Funder Report',
		name: 'funderReport',
		icon: { light: 'file:funderReport.svg', dark: 'file:funderReport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["period"] }}',
		description:
			'Figures for the state funder ("Auswertung Zeitraum" per manager, all providers merged) as items, XLSX and a Sachbericht draft',
		defaults: { name: 'Funder Report' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{
				name: 'integrationCaseStoreApi',
				required: true,
				testedBy: 'integrationCaseStoreConnectionTest',
			},
		],
		properties: [
			...districtProfileProperties,
			{ ...actorProperty, default: '' },
			...funderReportProperties,
		],
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const withCore = await coresFor(this);
		return await forEachItem(this, async (i) => {
			const report = await withCore(i, (core) => {
				const actor = parseJsonParameter(this.getNodeParameter('actor', i), 'Actor');
				const period = resolvePeriod(
					periodChoice(this, i),
					(this.getNodeParameter('referenceDay', i, '') as string) || today(systemClock),
				);
				const definitionChoice = this.getNodeParameter('definition', i) as string;
				const definition =
					definitionChoice === 'custom'
						? parseDefinition(
								parseJsonParameter(
									this.getNodeParameter('definitionJson', i),
									'Report Definition JSON',
								),
							)
						: loadShippedDefinition(definitionChoice);
				return core.funderReport(actor, { period, definition });
			});
			return await reportItems(this, report, i);
		});
	}
}

/** A summary item with the files first, then one item per group (manager, organisation or municipality). */
async function reportItems(
	fns: IExecuteFunctions,
	report: Report,
	i: number,
): Promise<INodeExecutionData[]> {
	const grouping = fns.getNodeParameter('grouping', i) as Grouping;
	const files = fns.getNodeParameter('files', i) as string[];
	const base =
		`${fns.getNodeParameter('fileName', i) as string}`.trim() ||
		`Auswertung-${report.district.id}-${report.period.from}-${report.period.to}`;
	const summary: INodeExecutionData = {
		json: {
			kind: 'summary',
			report: report.reportId,
			district: report.district,
			period: report.period,
			scope: report.scope,
			generatedAt: report.generatedAt,
			generatedBy: report.generatedBy,
			rows: report.rows.map(itemJson),
			figures: report.total,
		},
		binary: {},
		pairedItem: { item: i },
	};
	if (files.includes('xlsx')) {
		summary.binary!.xlsx = await fns.helpers.prepareBinaryData(
			await renderWorkbook(report),
			`${base}.xlsx`,
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		);
	}
	if (files.includes('sachbericht')) {
		const custom = fns.getNodeParameter('sachberichtTemplate', i, '') as string;
		const html = renderSachbericht(report, custom.trim() ? custom : undefined);
		summary.binary!.sachbericht = await fns.helpers.prepareBinaryData(
			Buffer.from(html, 'utf8'),
			`Sachbericht-${base}.html`,
			'text/html',
		);
	}
	if (grouping === 'district') return [summary];
	const groups = report.groups[grouping].map((g) => ({
		json: {
			kind: grouping,
			period: report.period,
			groupId: g.id,
			groupName: g.name,
			organisation: g.organisation,
			figures: g.figures,
		},
		pairedItem: { item: i },
	}));
	return [summary, ...groups];
}

function periodChoice(fns: IExecuteFunctions, i: number): PeriodChoice {
	const kind = fns.getNodeParameter('period', i) as PeriodChoice['kind'];
	if (kind !== 'explicit') return { kind } as PeriodChoice;
	const date = (name: string) => String(fns.getNodeParameter(name, i, '')).slice(0, 10);
	return { kind, from: date('from'), to: date('to') };
}
