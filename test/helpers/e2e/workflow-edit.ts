// Changes a published workflow the way a district admin does it in the editor: node parameters and credentials
// saved over n8n's REST API, then published again.
import type { RunningDistrict } from './district-e2e';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

/** A credential as the editor creates it; gives back its id and name. */
export async function createCredential(
	run: RunningDistrict,
	name: string,
	type: string,
	data: object,
) {
	const created = await run.instance.client.request<{ id: string; name: string }>(
		'POST',
		'/rest/credentials',
		{
			name,
			type,
			data,
		},
	);
	return { id: created.id, name: created.name };
}

/** Edits the Case Form Trigger of the workflow whose name ends with `nameEnd`, saves and publishes it again. */
export async function editFormTrigger(
	run: RunningDistrict,
	nameEnd: string,
	edit: (node: WorkflowNode) => void,
): Promise<void> {
	const client = run.instance.client;
	const summary = run.instance.workflows.find((w) => w.name.endsWith(nameEnd));
	if (!summary) throw new Error(`no workflow „…${nameEnd}“`);
	const workflow = await client.request<{ nodes: WorkflowNode[]; versionId: string }>(
		'GET',
		`/rest/workflows/${summary.id}`,
	);
	const trigger = workflow.nodes.find((n) => n.type.endsWith('.caseFormTrigger'));
	if (!trigger) throw new Error(`no Case Form Trigger in „${summary.name}“`);
	edit(trigger);
	await client.request('PATCH', `/rest/workflows/${summary.id}`, {
		nodes: workflow.nodes,
		versionId: workflow.versionId,
	});
	await client.request('POST', `/rest/workflows/${summary.id}/deactivate`, {});
	await client.publishWorkflow(summary.id);
}
