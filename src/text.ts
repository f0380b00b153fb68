/** Control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The control characters a multi-line text may not contain either: all of them except tab, line feed and carriage return. */
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Text safe to write anywhere (log, audit, message): every control character becomes a visible `\u0000` escape. */
export function printable(text: string): string {
	return text.replace(new RegExp(CONTROL.source, 'g'), (c) => `\\u${hex(c)}`);
}

/**
 * The first control character a text may not contain, as `U+0000`; `multiLine` allows tab and line breaks.
 * Undefined when the text is clean.
 */
export function forbiddenControl(text: string, multiLine: boolean): string | undefined {
	const found = (multiLine ? CONTROL_IN_LINES : CONTROL).exec(text);
	return found ? `U+${hex(found[0])}` : undefined;
}
