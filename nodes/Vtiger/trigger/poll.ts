import type { VtigerClient } from '../transport/client';
import type { VtigerRecord } from '../transport/types';
import {
	selectChanges,
	selectSorted,
	VTQL_PAGE_SIZE,
	type ChangeCursor,
	type SelectSpec,
} from '../vtql/select';

/** What the trigger keeps between polls (the node's static data). */
export interface PollState {
	/** Time (UTC, `YYYY-MM-DD HH:MM:SS`) of the newest change already emitted. */
	watermark?: string;
	/** Ids already emitted whose change happened exactly at the watermark second. */
	seenIds?: string[];
}

export type TriggerEvent = 'created' | 'createdOrUpdated';

export const timeFieldOf = (event: TriggerEvent) =>
	event === 'created' ? 'createdtime' : 'modifiedtime';

/** The most recent matching record, for manual runs (so a user can map fields). */
export async function latestChange(
	client: VtigerClient,
	spec: SelectSpec,
	event: TriggerEvent,
): Promise<VtigerRecord[]> {
	return await client.query(
		selectSorted({ ...spec, sortField: timeFieldOf(event), sortDirection: 'DESC' }, 0, 1),
	);
}

async function changesSince(
	client: VtigerClient,
	spec: SelectSpec,
	timeField: string,
	since: string,
): Promise<VtigerRecord[]> {
	const rows: VtigerRecord[] = [];
	let cursor: ChangeCursor = { since };
	for (;;) {
		const page = await client.query(selectChanges(spec, timeField, cursor, VTQL_PAGE_SIZE));
		if (page.length === 0) return rows;
		rows.push(...page);
		const last = page[page.length - 1];
		cursor = { time: String(last[timeField]), id: String(last.id) };
	}
}

/**
 * One poll. Times have one-second resolution and many records share a second, so the state is a
 * watermark plus the ids already emitted at that second; pages are read with a (time, id) keyset,
 * which a record changing while pages are read cannot shift. A record seen twice in one poll
 * (changed again meanwhile) is emitted once, in its latest version.
 */
export async function pollChanges(
	client: VtigerClient,
	spec: SelectSpec,
	event: TriggerEvent,
	state: PollState,
): Promise<{ records: VtigerRecord[]; state: PollState }> {
	const timeField = timeFieldOf(event);
	const rows = await changesSince(
		client,
		spec,
		timeField,
		state.watermark ?? '1970-01-01 00:00:00',
	);
	const seen = new Set(state.seenIds ?? []);
	const latestById = new Map<string, VtigerRecord>();
	for (const row of rows) {
		const id = String(row.id);
		if (String(row[timeField]) === state.watermark && seen.has(id)) continue;
		latestById.delete(id);
		latestById.set(id, row);
	}
	const newest = rows.length > 0 ? String(rows[rows.length - 1][timeField]) : state.watermark;
	const atNewest = rows.filter((r) => String(r[timeField]) === newest).map((r) => String(r.id));
	const seenIds = newest === state.watermark ? [...new Set([...seen, ...atNewest])] : atNewest;
	return { records: [...latestById.values()], state: { watermark: newest, seenIds } };
}

/** First activation: start from the newest existing change, so old records do not flood the workflow. */
export async function startingState(
	client: VtigerClient,
	spec: SelectSpec,
	event: TriggerEvent,
): Promise<PollState> {
	const [latest] = await latestChange(client, { ...spec, fields: [] }, event);
	if (!latest) return { watermark: '1970-01-01 00:00:00', seenIds: [] };
	const timeField = timeFieldOf(event);
	const watermark = String(latest[timeField]);
	const atWatermark = await changesSince(client, { ...spec, fields: ['id'] }, timeField, watermark);
	return {
		watermark,
		seenIds: atWatermark.filter((r) => String(r[timeField]) === watermark).map((r) => String(r.id)),
	};
}
