// A small builder for one workflow template: nodes, connections, sticky notes. Everything an admin reads in
// them (sticky notes, answers, e-mails) is German.
import type { DistrictProfile } from '../../src/generated/types';
import {
	API_TOKEN_CREDENTIAL,
	CASE_NODE,
	CASE_STORE_CREDENTIAL,
	EVENT_TRIGGER,
	FORM_FOLDER,
	FORM_TRIGGER,
	SMTP_CREDENTIAL,
	uuid,
	workflowId,
} from './identifiers';
import type { Connections, INode, INodeParameters, Position, WorkflowJson } from './workflow-json';

/** What an e-mail node sends (n8n expressions allowed). */
export interface Mail {
	to: string;
	subject: string;
	text: string;
}

export class Flow {
	private readonly nodes: INode[] = [];
	private readonly connections: Connections = {};

	constructor(
		readonly profile: DistrictProfile,
		readonly name: string,
		private readonly title: string,
	) {}

	/** Adds a node; returns its name (what connections refer to). */
	add(
		name: string,
		type: string,
		typeVersion: number,
		position: Position,
		parameters: INodeParameters,
		extra: Partial<INode> = {},
	): string {
		this.nodes.push({ parameters, id: this.id(name), name, type, typeVersion, position, ...extra });
		return name;
	}

	/** A stable id for something of this workflow (a node, a webhook, a condition). */
	id(part: string): string {
		return uuid(`${this.profile.id}/${this.name}/${part}`);
	}

	connect(from: string, to: string, output = 0): void {
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
	}

	note(
		key: string,
		content: string,
		position: Position,
		width = 420,
		height = 260,
		color = 7,
	): void {
		this.add(`Hinweis ${key}`, 'n8n-nodes-base.stickyNote', 1, position, {
			content,
			height,
			width,
			color,
		});
	}

	/** An Integration Case node of this district; a refused operation goes on as an item with `code` and `error`. */
	caseNode(
		name: string,
		position: Position,
		resource: string,
		operation: string,
		parameters: INodeParameters,
	): string {
		return this.add(
			name,
			CASE_NODE,
			1,
			position,
			{ resource, operation, districtProfile: this.profile.id, ...parameters },
			{
				credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL },
				onError: 'continueRegularOutput',
			},
		);
	}

	/** A Case Event Trigger of this district that polls the case store every day at `hour:minute`. */
	eventTrigger(
		name: string,
		position: Position,
		events: string[],
		hour: number,
		minute: number,
	): string {
		return this.add(
			name,
			EVENT_TRIGGER,
			1,
			position,
			{
				districtProfile: this.profile.id,
				events,
				options: {},
				pollTimes: { item: [{ mode: 'everyDay', hour, minute }] },
			},
			{ credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL } },
		);
	}

	/** A JSON interface (n8n Webhook with Header Auth) whose body is `{actor, data, submissionId, caseId?}`; returns the node with the body. */
	jsonInput(path: string, label: string, position: Position, dataName: string): string {
		const hook = this.add(
			`Eingang: ${label}`,
			'n8n-nodes-base.webhook',
			2.1,
			position,
			{
				httpMethod: 'POST',
				path,
				authentication: 'headerAuth',
				responseMode: 'responseNode',
				options: {},
			},
			{
				webhookId: this.id(`webhook/${path}`),
				credentials: { httpHeaderAuth: API_TOKEN_CREDENTIAL },
			},
		);
		const data = this.add(dataName, 'n8n-nodes-base.set', 3.4, [position[0] + 220, position[1]], {
			mode: 'raw',
			// Only an object passes as it is; anything else (a list, a text) arrives as `data` for the node to refuse in German.
			jsonOutput:
				"={{ JSON.stringify($json.body && typeof $json.body === 'object' && !Array.isArray($json.body) ? $json.body : { data: $json.body }) }}",
			options: {},
		});
		this.connect(hook, data);
		return data;
	}

	/**
	 * A Case Form Trigger under `formulare/`: GET serves the form (after the personal sign-in), POST stores the
	 * submission through the core and answers the manager in German; the workflow then gets
	 * `{kind, data, extras, actor, submissionId, caseId, caseNumber, result}`.
	 */
	/** A Case Form Trigger in the forms' folder; `output: 'ids'` when no later node needs the submitted data. */
	formTrigger(
		path: string,
		label: string,
		form: string,
		position: Position = [0, 300],
		output: 'full' | 'ids' = 'full',
	): string {
		return this.add(
			`Formular: ${label}`,
			FORM_TRIGGER,
			1,
			position,
			{
				form,
				path: `${FORM_FOLDER}/${path}`,
				districtProfile: this.profile.id,
				authentication: 'personal',
				save: true,
				...(output === 'ids' ? { output } : {}),
			},
			{
				webhookId: this.id(`webhook/${path}`),
				credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL },
			},
		);
	}

	respond(name: string, position: Position, status: number, body: string): string {
		return this.add(name, 'n8n-nodes-base.respondToWebhook', 1.5, position, {
			respondWith: 'json',
			responseBody: `={{ JSON.stringify(${body}) }}`,
			options: { responseCode: status },
		});
	}

	/** `If` on a boolean expression. */
	ifTrue(name: string, position: Position, expression: string): string {
		return this.add(name, 'n8n-nodes-base.if', 2.2, position, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: this.id(`${name}/c`),
						leftValue: `={{ ${expression} }}`,
						rightValue: '',
						operator: { type: 'boolean', operation: 'true', singleValue: true },
					},
				],
				combinator: 'and',
			},
			looseTypeValidation: true,
			options: {},
		});
	}

	/** A refused operation (German message, code, field errors) → HTTP 422; otherwise on to `next`. */
	checked(caseNode: string, position: Position, next: string): void {
		const check = this.ifTrue(`${caseNode} abgelehnt?`, position, '!!$json.code');
		this.connect(caseNode, check);
		const refused = this.respond(
			`Antwort: ${caseNode} abgelehnt`,
			[position[0] + 260, position[1] - 120],
			422,
			"{ status: 'abgelehnt', code: $json.code, message: $json.error, fieldErrors: $json.fieldErrors ?? [] }",
		);
		this.connect(check, refused, 0);
		this.connect(check, next, 1);
	}

	/** E-mail node: disabled until SMTP is set up (`npm start` with IM_SMTP_HOST enables it). */
	email(name: string, position: Position, { to, subject, text }: Mail): string {
		return this.add(
			name,
			'n8n-nodes-base.emailSend',
			2.1,
			position,
			{
				fromEmail: `integrationsmanagement@${this.profile.id}.example`,
				toEmail: to,
				subject,
				emailFormat: 'text',
				text,
				options: {},
			},
			{
				disabled: true,
				credentials: { smtp: SMTP_CREDENTIAL },
				notesInFlow: true,
				notes: 'Ohne SMTP deaktiviert',
			},
		);
	}

	toJSON(): WorkflowJson {
		return {
			id: workflowId(this.profile.id, this.name),
			name: `${this.profile.name}: ${this.title}`,
			nodes: this.nodes,
			connections: this.connections,
			settings: {
				executionOrder: 'v1',
				timezone: 'Europe/Berlin',
				saveManualExecutions: true,
				callerPolicy: 'workflowsFromSameOwner',
			},
			pinData: {},
			meta: {
				templateCredsSetupCompleted: true,
				integrationsmanagement: { district: this.profile.id, template: this.name },
			},
			tags: [],
		};
	}
}
