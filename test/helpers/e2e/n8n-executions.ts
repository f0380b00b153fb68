// What n8n recorded about the runs of a district's workflows (its REST API, logged in as the owner).
import type { RunningDistrict } from './district-e2e';

/** n8n's list of the executions of one workflow (`results`: id, workflowId, status …). */
export const executionsOf = (run: RunningDistrict, workflowId: string) =>
	run.instance.client.request(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
	);

/** Deactivated and published again: n8n runs a polling trigger once on every activation. */
export async function publishAgain(run: RunningDistrict, workflowId: string) {
	await run.instance.client.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	await run.instance.client.publishWorkflow(workflowId);
}

/** The "Träger informieren: <provider>" nodes the successful executions of the intake workflow passed, sorted. */
export async function providerBranches(run: RunningDistrict, intakeWorkflowId: string) {
	const list = await executionsOf(run, intakeWorkflowId);
	const found: string[] = [];
	for (const e of list.results as { id: string; status: string }[]) {
		if (e.status !== 'success') continue;
		const execution = await run.instance.client.request('GET', `/rest/executions/${e.id}`);
		found.push(
			...new Set(JSON.stringify(execution.data).match(/Träger informieren: [^\\"]+/g) ?? []),
		);
	}
	return found.sort();
}
