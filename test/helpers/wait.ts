/**
 * Waits until `condition` holds (checked again every `intervalMs`), instead of sleeping a fixed time: fast on a
 * fast machine, patient on a loaded one. Fails with `what` after `timeoutMs`.
 */
export async function waitFor<T>(
	condition: () => Promise<T> | T,
	what: string,
	{ timeoutMs = 30_000, intervalMs = 50 } = {},
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`Nicht eingetreten nach ${timeoutMs} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
