import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadShippedProfile, shippedProfileIds } from '../../src/districts/profile';

/** Structure of the generated workflow templates (workflows/<district>/*.json); the e2e suite runs them in n8n. */
const root = path.join(__dirname, '..', '..');
interface WfNode {
	id: string;
	name: string;
	type: string;
	disabled?: boolean;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	id: string;
	name: string;
	nodes: WfNode[];
	connections: Record<string, { main: { node: string }[][] }>;
}

const load = (district: string): Workflow[] =>
	fs
		.readdirSync(path.join(root, 'workflows', district))
		.sort()
		.map(
			(f) =>
				JSON.parse(fs.readFileSync(path.join(root, 'workflows', district, f), 'utf8')) as Workflow,
		);

const knownTypes = new Set([
	'n8n-nodes-integrationsmanagement.integrationCase',
	'n8n-nodes-integrationsmanagement.caseEventTrigger',
	'n8n-nodes-integrationsmanagement.caseFormTrigger',
	'n8n-nodes-integrationsmanagement.funderReport',
	'n8n-nodes-base.webhook',
	'n8n-nodes-base.set',
	'n8n-nodes-base.if',
	'n8n-nodes-base.switch',
	'n8n-nodes-base.respondToWebhook',
	'n8n-nodes-base.emailSend',
	'n8n-nodes-base.stickyNote',
	'n8n-nodes-base.scheduleTrigger',
]);

describe.each(shippedProfileIds())('workflow templates of %s', (district) => {
	const workflows = load(district);
	const profile = loadShippedProfile(district);

	it('are the seven workflows, named for the district, with unique ids', () => {
		expect(workflows.map((w) => w.name.replace(`${profile.name}: `, ''))).toEqual([
			'Aufnahme',
			'Integrationsplan',
			'Beratungskontakt',
			'Weitervermittlung',
			'Beendigung',
			'Tägliche Erinnerungen',
			'Arbeitsplatz',
		]);
		expect(new Set(workflows.map((w) => w.id)).size).toBe(workflows.length);
		for (const w of workflows) expect(w.id).toMatch(/^[A-Za-z0-9]{16}$/);
	});

	it('connect only existing nodes, with unique names and ids, of known types', () => {
		for (const w of workflows) {
			const names = new Set(w.nodes.map((n) => n.name));
			expect(names.size).toBe(w.nodes.length);
			expect(new Set(w.nodes.map((n) => n.id)).size).toBe(w.nodes.length);
			for (const n of w.nodes) expect(knownTypes).toContain(n.type);
			for (const [from, { main }] of Object.entries(w.connections)) {
				expect(names).toContain(from);
				for (const target of main.flat()) expect(names).toContain(target.node);
			}
		}
	});

	it('use the district profile and the case-store credential in every case node', () => {
		for (const n of workflows
			.flatMap((w) => w.nodes)
			.filter((x) => x.type.startsWith('n8n-nodes-integrationsmanagement.'))) {
			expect(n.parameters.districtProfile).toBe(district);
			expect(n.credentials?.integrationCaseStoreApi?.id).toBe('imCaseStoreCred1');
		}
	});

	it('explain themselves to the admin in German sticky notes', () => {
		for (const w of workflows) {
			const notes = w.nodes
				.filter((n) => n.type === 'n8n-nodes-base.stickyNote')
				.map((n) => String(n.parameters.content));
			expect(notes.length).toBeGreaterThanOrEqual(2);
			expect(notes.join('\n')).toMatch(/Kreisprofil/);
		}
	});

	it('keep e-mail off until SMTP is set up', () => {
		const mails = workflows
			.flatMap((w) => w.nodes)
			.filter((n) => n.type === 'n8n-nodes-base.emailSend');
		expect(mails.length).toBeGreaterThan(0);
		for (const m of mails) expect(m.disabled).toBe(true);
	});

	it('take each form through a Case Form Trigger with personal sign-in, in one folder, that stores through the core', () => {
		const forms = workflows
			.slice(0, 5)
			.map((w) =>
				w.nodes.find((n) => n.type === 'n8n-nodes-integrationsmanagement.caseFormTrigger'),
			);
		expect(forms.map((n) => n?.parameters.form)).toEqual([
			'intake',
			'plan',
			'contact',
			'referral',
			'closure',
		]);
		expect(forms.map((n) => n?.parameters.path)).toEqual([
			'formulare/aufnahme',
			'formulare/integrationsplan',
			'formulare/kontakt',
			'formulare/weitervermittlung',
			'formulare/beendigung',
		]);
		for (const n of forms) {
			expect(n?.parameters).toMatchObject({
				authentication: 'personal',
				save: true,
				districtProfile: district,
			});
			// No shared form password: the case store is the trigger's only credential.
			expect(Object.keys(n?.credentials ?? {})).toEqual(['integrationCaseStoreApi']);
		}
	});

	it('serve the workplace pages and the further steps of the case file in the same folder from template 07', () => {
		const pages = workflows[6].nodes.filter(
			(n) => n.type === 'n8n-nodes-integrationsmanagement.caseFormTrigger',
		);
		expect(pages.map((n) => [n.parameters.form, n.parameters.path])).toEqual([
			['cases', 'formulare/faelle'],
			['case', 'formulare/fall'],
			['report', 'formulare/auswertung'],
			['overview', 'formulare/uebersicht'],
			['referralFeedback', 'formulare/rueckmeldung'],
			['caseFileChange', 'formulare/veraenderung'],
			['reopen', 'formulare/wiederaufnahme'],
			['reassign', 'formulare/zustaendigkeit'],
		]);
		for (const n of pages)
			expect(n.parameters).toMatchObject({ authentication: 'personal', districtProfile: district });
		// The further steps start no follow-up: their executions carry ids only, no personal data.
		expect(
			pages.filter((n) => n.parameters.output === 'ids').map((n) => n.parameters.form),
		).toEqual(['referralFeedback', 'caseFileChange', 'reopen', 'reassign']);
	});

	it('tell the admin which municipalities get a notice instead of a case, exactly when the profile has some', () => {
		const intake = workflows[0];
		const notServed = profile.municipalities.filter((m) => m.programme !== 'served');
		const note = intake.nodes.find((n) => n.name === 'Hinweis Gemeinden mit eigener Zuständigkeit');
		expect(Boolean(note)).toBe(notServed.length > 0);
		for (const m of notServed) expect(String(note?.parameters.content)).toContain(m.name);
	});
});

describe('district differences in the templates', () => {
	it('Ludwigsburg routes an intake by provider: one Switch output and notification per organisation', () => {
		const intake = load('ludwigsburg')[0];
		const profile = loadShippedProfile('ludwigsburg');
		const route = intake.nodes.find((n) => n.name === 'An Träger weiterleiten')!;
		expect(route.type).toBe('n8n-nodes-base.switch');
		expect(intake.connections[route.name].main).toHaveLength(profile.organisations.length);
		expect(intake.connections[route.name].main.map((targets) => targets[0].node)).toEqual(
			profile.organisations.map((o) => `Träger informieren: ${o.name}`),
		);
	});

	it('Emmendingen has neither a notice branch nor a provider switch', () => {
		const names = load('emmendingen')[0].nodes.map((n) => n.name);
		expect(names).not.toContain('Gemeinde selbst zuständig?');
		expect(names).not.toContain('An Träger weiterleiten');
	});
});
