// Types of runtime.js for the TypeScript tests.
export const N8N_VERSION: string;
export const NODE_VERSION: string;
export const PACKAGE_NAME: string;
export const PACKAGE_ROOT: string;
export interface RuntimePaths {
	dir: string;
	nodeHome: string;
	node: string;
	n8nBin: string;
	marker: string;
	lock: string;
}
export function runtimeDir(): string;
export function paths(dir?: string): RuntimePaths;
export function isInstalled(dir?: string): boolean;
export function ensureRuntime(options?: { log?: (message: string) => void; force?: boolean }): Promise<RuntimePaths>;
export function freePort(): Promise<number>;
export function n8nEnv(options: { userFolder: string; port: number; brokerPort: number; encryptionKey: string; extra?: Record<string, string> }): Record<string, string>;
export function linkPackage(userFolder: string, packageRoot?: string): string;
export function runCli(env: Record<string, string>, args: string[], options?: { log?: (message: string) => void }): string;
export interface N8nProcess {
	pid: number;
	baseUrl: string;
	logFile: string;
	startupMs?: number;
	exited: Promise<{ code: number | null; signal: string | null }>;
	stop(graceMs?: number): Promise<{ code: number | null; signal: string | null }>;
}
export function startN8n(options: { env: Record<string, string>; logFile: string; timeoutMs?: number }): Promise<N8nProcess>;
export function bcryptHash(password: string): string;
export class N8nClient {
	constructor(baseUrl: string);
	baseUrl: string;
	cookie: string;
	request<T = any>(method: string, route: string, body?: unknown): Promise<T>;
	setupOwnerAndLogin(owner: { email: string; password: string; firstName: string; lastName: string }): Promise<void>;
	publishWorkflow(id: string): Promise<any>;
	listWorkflows(): Promise<any>;
}
export function tail(file: string, lines?: number): string;
