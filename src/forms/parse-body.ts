/** The submission as the page sends it (`payload=<json>`, form-encoded) or as JSON from another client. */
export function parseSubmissionBody(body: unknown): { data: unknown; submissionId?: string } {
	let value: unknown = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value.trim();
		value = text.startsWith('{') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { payload?: unknown }).payload === 'string'
	)
		value = JSON.parse((value as { payload: string }).payload);
	const v = (value ?? {}) as { data?: unknown; submissionId?: unknown };
	return {
		data: v.data ?? value,
		submissionId: typeof v.submissionId === 'string' ? v.submissionId : undefined,
	};
}
