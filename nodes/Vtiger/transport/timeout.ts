export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The credential's "Timeout (Seconds)" in milliseconds; credentials saved before the field existed get the default. */
export function timeoutMs(seconds: unknown): number {
	const value = Number(seconds);
	return (Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_SECONDS) * 1000;
}
