// Types of instance.js for the TypeScript tests.
import type { N8nClient, N8nProcess } from './runtime';

export interface Smtp {
	host: string;
	port: number;
	user: string;
	password: string;
	secure: boolean;
	from?: string;
	to?: string;
}
export interface WebhookInfo {
	node: string;
	/** The path parameter of the node. */
	path: string;
	/** Below /webhook/: the path, or `<webhookId>/<path>` for a trigger without isFullPath. */
	urlPath: string;
	method: string;
	/** Case Form Trigger: the form kind (intake, plan, contact, referral, closure). */
	form?: string;
	url: string;
}
export interface DistrictInstance {
	n8n: N8nProcess;
	client: N8nClient;
	district: string;
	baseUrl: string;
	editorUrl: string;
	owner: { email: string; password: string; firstName: string; lastName: string };
	/** Password of the form pages (Basic Auth of the Case Form Triggers). */
	formPassword: string;
	/** Token of the JSON interface (header X-IM-Token). */
	apiToken: string;
	storeFile: string;
	/** Where workflows may write files (funder report). */
	reportsDir: string;
	userFolder: string;
	timings: Record<string, number>;
	workflows: { id: string; name: string; webhooks: WebhookInfo[] }[];
	stop(): Promise<{ code: number | null; signal: string | null }>;
}
export function launchDistrict(options: {
	district: string;
	userFolder: string;
	port: number;
	owner?: { email?: string; password?: string };
	formPassword?: string;
	apiToken?: string;
	smtp?: Smtp;
	reimport?: boolean;
	log?: (message: string) => void;
	packageRoot?: string;
	extraEnv?: Record<string, string>;
}): Promise<DistrictInstance>;
export function resolveDistrict(name: string): string;
export function templatesFor(district: string, packageRoot?: string, options?: { reportsDir?: string }): { file: string; workflow: any }[];
export function funderReportFor(district: string, packageRoot: string, reportsDir?: string): any | undefined;
export function webhooksOf(workflow: any, packageRoot?: string): Omit<WebhookInfo, 'url'>[];
export function smtpFromEnv(env?: NodeJS.ProcessEnv): Smtp | undefined;
export function withSmtp(workflow: any, smtp?: Smtp): any;
export const CASE_STORE_FILE: string;
