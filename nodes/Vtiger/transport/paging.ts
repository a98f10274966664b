import type { VtigerClient, VtigerRecord } from './client';
import { inspectUserQuery, userQueryPage, VTQL_PAGE_SIZE } from './vtql';

export interface PagePosition {
	/** Rows read so far. */
	offset: number;
	/** `id` of the last row read so far. */
	lastId?: string;
}

/**
 * Reads pages of at most 100 rows until `max` rows are read or a page comes back empty.
 * A short page does not end the walk: Vtiger drops rows the user may not see after the SQL LIMIT
 * (reference 9.5), so only an empty page proves the end.
 */
export async function readPages(
	fetchPage: (position: PagePosition, pageSize: number) => Promise<VtigerRecord[]>,
	max = Infinity,
): Promise<VtigerRecord[]> {
	const rows: VtigerRecord[] = [];
	const position: PagePosition = { offset: 0 };
	while (rows.length < max) {
		const pageSize = Math.min(VTQL_PAGE_SIZE, max - rows.length);
		const page = await fetchPage(position, pageSize);
		if (page.length === 0) break;
		rows.push(...page.slice(0, max - rows.length));
		position.offset += page.length;
		position.lastId = String(page[page.length - 1].id ?? '');
		if (!position.lastId) break;
	}
	return rows;
}

/** Every row of a SELECT without LIMIT, read page by page in a stable order. */
export async function queryAll(client: VtigerClient, select: string): Promise<VtigerRecord[]> {
	const raw = inspectUserQuery(select);
	return await readPages(async (position, pageSize) => await client.query(userQueryPage(raw, position.offset, pageSize)));
}
