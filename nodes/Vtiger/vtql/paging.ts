import type { VtigerClient } from '../transport/client';
import type { VtigerRecord } from '../transport/types';
import { selectSorted, VTQL_PAGE_SIZE, type SelectSpec } from './select';

export interface PagePosition {
	/** Rows read so far. */
	offset: number;
	/** `id` of the last row read so far. */
	lastId?: string;
}

/**
 * Reads pages of at most 100 rows until `max` rows are read or a page comes back empty.
 * A short page does not end the walk: Vtiger drops rows the user may not see after the SQL LIMIT
 * (docs/vtiger-webservice.md#row-cap-and-paging), so only an empty page proves the end.
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
		position.offset += pageSize;
		position.lastId = String(page[page.length - 1].id ?? '');
		if (!position.lastId) break;
	}
	return rows;
}

/** Every row of a SELECT, read page by page in id order. */
export async function queryAll(client: VtigerClient, spec: SelectSpec): Promise<VtigerRecord[]> {
	return await readPages(
		async (position, pageSize) => await client.query(selectSorted(spec, position.offset, pageSize)),
	);
}

const idNumber = (id: unknown) => Number(String(id ?? '').split('x')[1] ?? NaN);

/**
 * Return All ordered by id, on several lanes at once: after the first page, the ids up to the
 * highest matching one are split into one range per lane, each read with its own keyset (exact:
 * no offsets that shift when records change). Records created after the walk started are left
 * for the next run.
 */
export async function readAllById(
	fetchRange: (
		range: { after?: string; upTo?: string },
		pageSize: number,
		lane: number,
	) => Promise<VtigerRecord[]>,
	highestId: () => Promise<string | undefined>,
	lanes: number,
): Promise<VtigerRecord[]> {
	const walk = async (after: string | undefined, upTo: string | undefined, lane: number) =>
		await readPages(
			async (position, pageSize) =>
				await fetchRange({ after: position.lastId ?? after, upTo }, pageSize, lane),
		);
	const first = await fetchRange({}, VTQL_PAGE_SIZE, 0);
	const last = first[first.length - 1]?.id;
	if (lanes <= 1 || first.length < VTQL_PAGE_SIZE)
		return [...first, ...(last ? await walk(String(last), undefined, 0) : [])];
	const top = await highestId();
	const [from, to] = [idNumber(last), idNumber(top)];
	if (!top || !(to > from)) return [...first, ...(await walk(String(last), undefined, 0))];
	const prefix = String(top).split('x')[0];
	const bound = (k: number) => `${prefix}x${from + Math.ceil(((to - from) * k) / lanes)}`;
	const ranges = await Promise.all(
		Array.from({ length: lanes }, async (_, k) => await walk(bound(k), bound(k + 1), k)),
	);
	return [...first, ...ranges.flat()];
}

/** Offset pages on several lanes at once: after a full first page, `lanes` pages are asked together until one is empty. */
export async function readPagesInParallel(
	fetchPage: (offset: number, pageSize: number, lane: number) => Promise<VtigerRecord[]>,
	lanes: number,
): Promise<VtigerRecord[]> {
	const rows = await fetchPage(0, VTQL_PAGE_SIZE, 0);
	if (rows.length === 0) return rows;
	for (let offset = VTQL_PAGE_SIZE; ; ) {
		const batch = await Promise.all(
			Array.from(
				{ length: lanes },
				async (_, k) => await fetchPage(offset + k * VTQL_PAGE_SIZE, VTQL_PAGE_SIZE, k),
			),
		);
		const end = batch.findIndex((page) => page.length === 0);
		for (const page of end < 0 ? batch : batch.slice(0, end)) rows.push(...page);
		if (end >= 0) return rows;
		offset += lanes * VTQL_PAGE_SIZE;
	}
}
