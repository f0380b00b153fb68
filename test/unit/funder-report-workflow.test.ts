import * as fs from 'node:fs';
import * as path from 'node:path';
import { FunderReport } from '../../nodes/FunderReport/FunderReport.node';
import { loadShippedProfile } from '../../src/districts/profile';
import { resolveActor } from '../../src/access/actor';

interface WorkflowNode {
	name: string;
	type: string;
	disabled?: boolean;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string }>;
}

const workflow = JSON.parse(
	fs.readFileSync(
		path.join(__dirname, '..', '..', 'workflows', 'funder-report-quarterly.json'),
		'utf8',
	),
) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: { node: string }[][] }>;
	settings: { timezone: string };
};
const byType = (type: string) => workflow.nodes.filter((n) => n.type === type);

describe('workflow template "funder-report-quarterly"', () => {
	it('runs quarterly: schedule → Funder Report for the previous quarter → files and (disabled) e-mail', () => {
		const [schedule] = byType('n8n-nodes-base.scheduleTrigger');
		expect(JSON.stringify(schedule.parameters)).toContain('0 6 3 1,4,7,10 *');
		expect(workflow.settings.timezone).toBe('Europe/Berlin');
		expect(workflow.connections[schedule.name].main[0].map((c) => c.node)).toEqual([
			'Funder Report',
		]);
		expect(workflow.connections['Funder Report'].main[0].map((c) => c.node).sort()).toEqual([
			'Per E-Mail an die Koordination',
			'Sachbericht ablegen',
			'Tabelle ablegen',
		]);
		const [email] = byType('n8n-nodes-base.emailSend');
		expect(email.disabled).toBe(true);
		expect(email.credentials).toBeUndefined();
		expect(
			byType('n8n-nodes-base.readWriteFile')
				.map((n) => n.parameters.dataPropertyName)
				.sort(),
		).toEqual(['sachbericht', 'xlsx']);
	});

	it('sets only parameters the Funder Report node has, with a coordinator of the chosen profile as actor', () => {
		const [node] = byType('n8n-nodes-integrationsmanagement.funderReport');
		const known = new Set(new FunderReport().description.properties.map((p) => p.name));
		expect(Object.keys(node.parameters).filter((name) => !known.has(name))).toEqual([]);
		expect(node.parameters).toMatchObject({
			period: 'previousQuarter',
			files: ['xlsx', 'sachbericht'],
		});
		const profile = loadShippedProfile(String(node.parameters.districtProfile));
		expect(resolveActor(profile, JSON.parse(String(node.parameters.actor))).role).toBe(
			'coordinator',
		);
	});

	it('tells the admin in German what to adapt', () => {
		const notes = byType('n8n-nodes-base.stickyNote')
			.map((n) => String(n.parameters.content))
			.join('\n');
		for (const phrase of [
			'Bitte anpassen',
			'Kreisprofil',
			'Koordination',
			'SMTP',
			'ausgeschaltet',
			'vorige Quartal',
		])
			expect(notes).toContain(phrase);
	});
});
