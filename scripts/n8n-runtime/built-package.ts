// This package as n8n sees it: its built code (dist/), linked into an n8n user folder as a community package.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-integrationsmanagement';
export const PACKAGE_ROOT = path.join(__dirname, '..', '..');

/**
 * Makes this package visible to n8n as an installed community package:
 * `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-integrationsmanagement` → the package root (needs `dist/`).
 * Node types are then `n8n-nodes-integrationsmanagement.<name>`.
 */
export function linkPackage(userFolder: string, packageRoot = PACKAGE_ROOT): string {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(dir, { recursive: true });
	const link = path.join(dir, PACKAGE_NAME);
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(packageRoot, link, 'dir');
	return link;
}

/** Loads a module of the built package (`dist/<file>`): the code n8n runs, not the sources. */
export function requireBuilt<Module>(packageRoot: string, file: string): Module {
	return createRequire(path.join(packageRoot, 'package.json'))(
		path.join(packageRoot, 'dist', file),
	) as Module;
}
