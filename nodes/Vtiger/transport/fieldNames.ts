/**
 * The field names of a module per credential and CRM user, remembered by this n8n process for ten
 * minutes, so that checking the names a user typed costs no request in later executions.
 */
const TEN_MINUTES = 10 * 60 * 1000;
const remembered = new Map<string, { names: Set<string>; until: number }>();

export function rememberedFieldNames(key: string): Set<string> | undefined {
	const entry = remembered.get(key);
	return entry && entry.until > Date.now() ? entry.names : undefined;
}

export function rememberFieldNames(key: string, names: Set<string>): void {
	remembered.set(key, { names, until: Date.now() + TEN_MINUTES });
}
