import ExcelJS from 'exceljs';
import type { INode } from 'n8n-workflow';
import { FunderReport } from '../../nodes/FunderReport/FunderReport.node';
import { closeAllStores } from '../../nodes/shared/transport';
import { fixedClock } from '../../src/clock';
import { createCore } from '../../src/core';
import { backends, freshStore, type TestStore } from '../helpers/stores';
import { actorFor } from '../helpers/fixtures';
import { buildReportFixture, fixtureClock, fixtureProfile } from '../helpers/report-fixture';
import { runWorkflow } from '../helpers/n8n/run-workflow';
import {
	chain,
	packageNode,
	startNode,
	storeCredentialRef,
	storeCredentials,
} from '../helpers/n8n/case-nodes';
import { NodeTypes } from '../helpers/n8n/node-types';
import { TestStart } from '../helpers/n8n/start-node';

const profile = fixtureProfile();

function reportNode(parameters: INode['parameters']): INode {
	const fixed = {
		districtProfile: 'custom',
		districtProfileJson: JSON.stringify(profile),
		actor: '={{ $json.actor }}',
	};
	return packageNode(
		'funderReport',
		'Funder Report',
		[220, 0],
		{ ...fixed, ...parameters },
		{ credentials: storeCredentialRef },
	);
}

describe.each(backends)('Funder Report node in n8n’s WorkflowExecute on %s', (backend) => {
	let t: TestStore;
	const nodeTypes = new NodeTypes([new FunderReport(), new TestStart()]);

	beforeAll(async () => {
		t = await freshStore(backend);
		await buildReportFixture(
			createCore({ store: t.store, profile, clock: fixedClock(fixtureClock) }),
			profile,
		);
	});
	afterAll(async () => {
		await closeAllStores();
		await t.dispose();
	});

	it('puts out the figures, one item per manager and the XLSX and Sachbericht files', async () => {
		const workflow = chain([
			startNode([{ actor: actorFor(profile, 'em-koordination') }]),
			reportNode({
				period: 'previousQuarter',
				referenceDay: '2026-05-15',
				grouping: 'manager',
				files: ['xlsx', 'sachbericht'],
			}),
		]);
		const { output } = await runWorkflow(workflow, nodeTypes, storeCredentials(backend, t.target));
		const [summary, ...managers] = output('Funder Report');
		expect(summary.json).toMatchObject({
			kind: 'summary',
			period: { from: '2026-01-01', to: '2026-03-31', label: '1. Quartal 2026' },
		});
		expect(summary.json.figures).toMatchObject({
			persons_counselled: 13,
			persons_minors: 4,
			contacts: 3,
			closures: 3,
			care_rate: 0.35,
		});
		expect(managers).toHaveLength(23);
		expect(managers.find((m) => m.json.groupId === 'em-caritas-01')?.json).toMatchObject({
			groupName: 'Timo Quast',
			figures: { persons_counselled: 7 },
		});
		expect(summary.binary?.xlsx).toMatchObject({
			fileName: 'Auswertung-emmendingen-2026-01-01-2026-03-31.xlsx',
			fileExtension: 'xlsx',
		});
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			Buffer.from(summary.binary?.xlsx.data ?? '', 'base64') as unknown as ArrayBuffer,
		);
		expect(workbook.getWorksheet('Auswertung Zeitraum')?.getCell('A3').value).toBe(
			'Zeitraum: 1. Quartal 2026 (01.01.2026 – 31.03.2026)',
		);
		const html = Buffer.from(summary.binary?.sachbericht.data ?? '', 'base64').toString('utf8');
		expect(html).toContain('wurden 13 Personen in 7 Haushalten beraten');
	});

	it('refuses an admin with the stable code when the node continues on fail', async () => {
		const workflow = chain([
			startNode([{ actor: actorFor(profile, 'em-admin') }]),
			{
				...reportNode({
					period: 'explicit',
					from: '2026-01-01',
					to: '2026-03-31',
					grouping: 'district',
					files: [],
				}),
				onError: 'continueRegularOutput' as const,
			},
		]);
		const { output } = await runWorkflow(workflow, nodeTypes, storeCredentials(backend, t.target));
		expect(output('Funder Report')[0].json).toMatchObject({ code: 'FORBIDDEN' });
	});
});
