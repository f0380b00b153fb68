import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Everything the form page loads, served by the node itself (no CDN). The files are read from the installed
 * packages (runtime dependencies, see docs/forms.md) and from `assets/` next to this module.
 * The page asks for them as `?asset=<name>` on its own URL, so they work under any webhook path.
 */
interface AssetSpec {
	/** Resolved lazily: `require.resolve` target or a file next to this module. */
	file: () => string;
	type: string;
	/** Rewrites the file once (e.g. font URLs inside a style sheet). */
	transform?: (content: Buffer) => Buffer | string;
}

const own = (name: string) => () => path.join(__dirname, 'assets', name);
const pkg = (request: string) => () => require.resolve(request);

/** Form.io's style sheet loads its icon font from `fonts/…` relative to itself; here fonts are `?asset=…` too. */
const rewriteFontUrls = (css: Buffer) =>
	css
		.toString('utf8')
		.replace(/url\(fonts\/(bootstrap-icons\.woff2?)\?[0-9a-f]*\)/g, 'url(?asset=$1)');

/** Only the zones a German district needs from moment-timezone's 700 KB table (Form.io fetches it for every date field). */
const TIME_ZONES = new Set(['Europe/Berlin', 'Etc/UTC']);
function timeZoneSubset(content: Buffer): string {
	const all = JSON.parse(content.toString('utf8')) as {
		version: string;
		zones: string[];
		links: string[];
	};
	return JSON.stringify({
		version: all.version,
		zones: all.zones.filter((z) => TIME_ZONES.has(z.split('|')[0])),
		links: all.links.filter((l) => TIME_ZONES.has(l.split('|')[0])),
	});
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

export const assets: Record<string, AssetSpec> = {
	'formio.form.min.js': { file: pkg('@formio/js/dist/formio.form.min.js'), type: JS },
	'formio.full.min.css': {
		file: pkg('@formio/js/dist/formio.full.min.css'),
		type: CSS,
		transform: rewriteFontUrls,
	},
	'bootstrap-icons.woff2': {
		file: pkg('@formio/js/dist/fonts/bootstrap-icons.woff2'),
		type: 'font/woff2',
	},
	'bootstrap-icons.woff': {
		file: pkg('@formio/js/dist/fonts/bootstrap-icons.woff'),
		type: 'font/woff',
	},
	'bootstrap.min.css': { file: pkg('bootstrap/dist/css/bootstrap.min.css'), type: CSS },
	'flatpickr.min.js': { file: pkg('flatpickr/dist/flatpickr.min.js'), type: JS },
	'flatpickr.min.css': { file: pkg('flatpickr/dist/flatpickr.min.css'), type: CSS },
	'flatpickr-de.js': { file: pkg('flatpickr/dist/l10n/de.js'), type: JS },
	// Form.io's lazy loader asks `${Formio.cdn.baseUrl}/moment-timezone/data/packed/latest.json`; the page sets the base to `?asset=cdn`.
	'cdn/moment-timezone/data/packed/latest.json': {
		file: pkg('moment-timezone/data/packed/latest.json'),
		type: 'application/json',
		transform: timeZoneSubset,
	},
	'case-form.js': { file: own('case-form.js'), type: JS },
	'case-form.css': { file: own('case-form.css'), type: CSS },
	'workplace.js': { file: own('workplace.js'), type: JS },
	'workplace.css': { file: own('workplace.css'), type: CSS },
};

export interface AssetContent {
	body: Buffer;
	type: string;
}

const loaded = new Map<string, AssetContent>();

/** The asset's content, or undefined for anything not on the list (no paths from the request reach the file system). */
export function readAsset(name: string): AssetContent | undefined {
	if (!Object.prototype.hasOwnProperty.call(assets, name)) return undefined;
	let content = loaded.get(name);
	if (!content) {
		const spec = assets[name];
		const raw = fs.readFileSync(spec.file());
		const transformed = spec.transform ? spec.transform(raw) : raw;
		content = {
			body: Buffer.isBuffer(transformed) ? transformed : Buffer.from(transformed, 'utf8'),
			type: spec.type,
		};
		loaded.set(name, content);
	}
	return content;
}
