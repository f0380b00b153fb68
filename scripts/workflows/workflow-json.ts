// The n8n workflow JSON the templates are written in (workflows/<district>/*.json) and imported with n8n's CLI.
import type { INode, IWorkflowSettings } from 'n8n-workflow';

export type { INode, INodeParameters } from 'n8n-workflow';

/** Canvas position [x, y]. */
export type Position = [number, number];

/** Outgoing connections of a node: per output, the nodes it feeds (n8n's IConnections, main outputs only). */
export type Connections = Record<
	string,
	{ main: { node: string; type: 'main'; index: number }[][] }
>;

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: INode[];
	connections: Connections;
	settings: IWorkflowSettings;
	pinData?: Record<string, never>;
	meta?: {
		templateCredsSetupCompleted: boolean;
		integrationsmanagement: { district: string; template: string };
	};
	tags?: string[];
	/** Set in an export of a running n8n; left out of what is imported. */
	active?: boolean;
}
