import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	PollContext,
	PollTriggerExecutor,
	WorkflowExecute,
} from 'n8n-core';
import {
	UnexpectedError,
	Workflow,
	type ICredentialsHelper,
	type INodeExecutionData,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>;

function additionalData(
	credentialsHelper: ICredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not available in in-process tests`);
	};
	return {
		credentialsHelper,
		hooks,
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: unsupported('getRunExecutionData'),
		startRunnerTask: unsupported('startRunnerTask'),
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
	} as IWorkflowExecuteAdditionalData;
}

export function buildWorkflow(json: WorkflowJson, nodeTypes: INodeTypes): Workflow {
	return new Workflow({
		id: json.id ?? 'wf-test',
		name: json.name ?? 'Test',
		nodes: json.nodes,
		connections: json.connections,
		settings: json.settings,
		staticData: json.staticData,
		active: false,
		nodeTypes,
	});
}

export interface Execution {
	run: IRun;
	/** Items of the node's first output in its last run. */
	output(nodeName: string): INodeExecutionData[];
}

/** Runs a workflow with n8n-core's WorkflowExecute, exactly as n8n does for a manual execution. */
export async function runWorkflow(
	json: WorkflowJson,
	nodeTypes: INodeTypes,
	credentials: ICredentialsHelper,
	mode: WorkflowExecuteMode = 'manual',
): Promise<Execution> {
	const workflow = buildWorkflow(json, nodeTypes);
	const hooks = new ExecutionLifecycleHooks(mode, `exec-${Date.now()}`, {
		...json,
		id: workflow.id,
		name: workflow.name,
		active: false,
	} as IWorkflowBase);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	await new WorkflowExecute(additionalData(credentials, hooks), mode).run({ workflow });
	const run = await finished;
	return {
		run,
		output(nodeName) {
			const tasks = run.data.resultData.runData[nodeName];
			if (!tasks?.length) throw new UnexpectedError(`Node "${nodeName}" did not run`);
			return tasks[tasks.length - 1].data?.main?.[0] ?? [];
		},
	};
}

/**
 * One scheduled poll of a polling trigger, the way an active workflow's cron tick runs it
 * (PollTriggerExecutor → poll() → emit), on the same Workflow so its static data persists.
 */
export async function pollOnce(
	workflow: Workflow,
	nodeName: string,
	credentials: ICredentialsHelper,
): Promise<INodeExecutionData[] | null> {
	const node = workflow.getNode(nodeName);
	if (!node) throw new UnexpectedError(`No node ${nodeName}`);
	const emitted: INodeExecutionData[][][] = [];
	const errors: Error[] = [];
	const context = new PollContext(
		workflow,
		node,
		additionalData(credentials),
		'trigger',
		'activate',
		(data) => emitted.push(data),
		(e) => errors.push(e),
	);
	await Container.get(PollTriggerExecutor).create(workflow, node, context, () => true)(false);
	if (errors.length) throw errors[0];
	return emitted.length ? emitted[0][0] : null;
}
