// A small REST client for n8n's internal API (cookie session of the owner).

export interface OwnerLogin {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface WorkflowSummary {
	id: string;
	name: string;
	active: boolean;
	versionId: string;
}

export class N8nClient {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	/**
	 * Calls the REST API as the logged-in owner and answers the body's `data` (or the body). n8n's answers are
	 * untyped: callers name the shape they rely on, untyped callers (tests that look into executions) get `any`.
	 */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	async request<T = any>(method: string, route: string, body?: unknown): Promise<T> {
		const send = () =>
			fetch(`${this.baseUrl}${route}`, {
				method,
				headers: {
					'content-type': 'application/json',
					...(this.cookie ? { cookie: this.cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		// A kept-alive connection that n8n closed at that very moment (late timers on a loaded machine) fails before
		// anything was sent: a read is simply asked again on a new connection.
		const response = await send().catch((error: unknown) => {
			if (method === 'GET' && closedSocket(error)) return send();
			throw error;
		});
		const auth = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
		const json = parseJson(text);
		return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
	}

	/** Creates the owner on a fresh instance (no-op when one exists), then logs in. */
	async setupOwnerAndLogin({ email, password, firstName, lastName }: OwnerLogin): Promise<void> {
		const settings = await this.request<
			{ userManagement?: { showSetupOnFirstLoad?: boolean } } | undefined
		>('GET', '/rest/settings');
		if (settings?.userManagement?.showSetupOnFirstLoad) {
			await this.request('POST', '/rest/owner/setup', { email, password, firstName, lastName });
		}
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Publishes (activates) the current version of a workflow; takes effect at once. */
	async publishWorkflow(id: string): Promise<unknown> {
		const workflow = await this.request<WorkflowSummary>('GET', `/rest/workflows/${id}`);
		return this.request('POST', `/rest/workflows/${id}/activate`, {
			versionId: workflow.versionId,
		});
	}

	async listWorkflows(): Promise<WorkflowSummary[]> {
		return this.request<WorkflowSummary[]>('GET', '/rest/workflows');
	}
}

function parseJson(text: string): unknown {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

/** undici's error for a connection the other side closed (`other side closed`, UND_ERR_SOCKET). */
function closedSocket(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
	return cause?.code === 'UND_ERR_SOCKET';
}
