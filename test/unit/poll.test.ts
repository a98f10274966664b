import * as poll from '../../nodes/Vtiger/trigger/poll';

// The emulator's port of Vtiger's VTQL parser reads what the trigger sends (docs/vtiger-webservice.md#vtql-grammar, #quoting-and-escaping).
import { mysqlUnquote, parseVtql, type Operand, type Predicate } from '../emulator/vtql';

const { latestChange, pollChanges, startingState, timeFieldOf } = poll;
type PollState = poll.PollState;
type TriggerEvent = poll.TriggerEvent;

type Row = Record<string, string>;
type Client = Parameters<typeof pollChanges>[0];

/**
 * A module's rows answered the way Vtiger answers `query` (docs/vtiger-webservice.md#vtql): ids compare by the
 * number after the "x" (docs/vtiger-webservice.md#ids-in-conditions), AND binds tighter than OR, one ASC/DESC for the last ORDER BY
 * column, at most 100 rows, `id` always in the row. `afterQuery` may change the rows between pages.
 */
function vtiger(rows: Row[], afterQuery?: (queryNumber: number, rows: Row[]) => void) {
	const sent: string[] = [];
	const key = (field: string, value: string) =>
		field === 'id' ? Number(value.split('x')[1]) : value;
	const operand = (o: Operand) =>
		o.kind === 'string' ? (mysqlUnquote(o.raw) ?? '') : o.kind === 'int' ? o.text : '';
	const holds = (row: Row, p: Predicate) => {
		const have = key(p.field, row[p.field] ?? '');
		const want = p.values.map((v) => key(p.field, operand(v)));
		switch (p.op) {
			case '=':
				return have === want[0];
			case '!=':
				return have !== want[0];
			case '<':
				return have < want[0];
			case '>':
				return have > want[0];
			case '<=':
				return have <= want[0];
			case '>=':
				return have >= want[0];
			case 'in':
				return want.includes(have);
			default:
				throw new Error(`operator ${p.op} is not emulated here`);
		}
	};
	const client = {
		query: async (vtql: string) => {
			sent.push(vtql);
			if (sent.length > 100)
				throw new Error('the trigger keeps asking: its paging does not advance');
			const q = parseVtql(vtql);
			let found = rows.filter(
				(row) => q.where.length === 0 || q.where.some((group) => group.every((p) => holds(row, p))),
			);
			found.sort((a, b) => {
				for (const [i, field] of q.orderBy.entries()) {
					const [x, y] = [key(field, a[field]), key(field, b[field])];
					const descending = q.orderDesc && i === q.orderBy.length - 1;
					if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
				}
				return 0;
			});
			const offset = q.limit?.offset ? Number(operand(q.limit.offset)) : 0;
			const count = Math.min(q.limit ? Number(operand(q.limit.count)) : 100, 100);
			found = found.slice(offset, offset + count);
			const answer = found.map((row) =>
				q.select.kind === 'fields'
					? Object.fromEntries([...q.select.fields, 'id'].map((f) => [f, row[f]]))
					: { ...row },
			);
			afterQuery?.(sent.length, rows);
			return answer;
		},
	} as unknown as Client;
	return { client, sent };
}

const T0 = '2026-03-01 10:00:00';
const T1 = '2026-03-01 10:00:01';
const T2 = '2026-03-01 10:00:02';
const T3 = '2026-03-01 10:00:03';
const contact = (n: number, modifiedtime: string, more: Row = {}): Row => ({
	id: `12x${n}`,
	lastname: `Contact ${n}`,
	createdtime: T0,
	modifiedtime,
	...more,
});
const ids = (records: Array<Record<string, unknown>>) => records.map((r) => String(r.id));
const spec = { module: 'Contacts' };

describe('timeFieldOf', () => {
	test.each([
		['created', 'createdtime'],
		['createdOrUpdated', 'modifiedtime'],
	] as Array<[TriggerEvent, string]>)('%s watches %s', (event, field) => {
		expect(timeFieldOf(event)).toBe(field);
	});
});

describe('pollChanges', () => {
	test.each([
		[
			'the first poll without a state emits everything, oldest change first',
			[contact(1, T1), contact(2, T0)],
			{},
			['12x2', '12x1'],
			{ watermark: T1, seenIds: ['12x1'] },
		],
		[
			'nothing changed since the last poll',
			[contact(1, T1), contact(2, T0)],
			{ watermark: T1, seenIds: ['12x1'] },
			[],
			{ watermark: T1, seenIds: ['12x1'] },
		],
		[
			'an empty module',
			[],
			{ watermark: T1, seenIds: ['12x1'] },
			[],
			{ watermark: T1, seenIds: ['12x1'] },
		],
		[
			'a record changed later in the watermark second',
			[contact(1, T1), contact(3, T1)],
			{ watermark: T1, seenIds: ['12x1'] },
			['12x3'],
			{ watermark: T1, seenIds: ['12x1', '12x3'] },
		],
		[
			'an emitted record changed again in a later second',
			[contact(1, T2), contact(2, T0)],
			{ watermark: T1, seenIds: ['12x1'] },
			['12x1'],
			{ watermark: T2, seenIds: ['12x1'] },
		],
		[
			'several records in a newer second, ties in id order',
			[contact(10, T2), contact(9, T2), contact(100, T2), contact(2, T0)],
			{ watermark: T0, seenIds: ['12x2'] },
			['12x9', '12x10', '12x100'],
			{ watermark: T2, seenIds: ['12x9', '12x10', '12x100'] },
		],
		[
			'records in several newer seconds',
			[contact(5, T3), contact(6, T1), contact(7, T2), contact(8, T0)],
			{ watermark: T0, seenIds: ['12x8'] },
			['12x6', '12x7', '12x5'],
			{ watermark: T3, seenIds: ['12x5'] },
		],
		[
			'older records are never emitted again',
			[contact(1, T0), contact(2, T1)],
			{ watermark: T2, seenIds: [] },
			[],
			{ watermark: T2, seenIds: [] },
		],
		[
			'a record at the watermark second that is not among the seen ids',
			[contact(1, T1)],
			{ watermark: T1, seenIds: ['12x2'] },
			['12x1'],
			{ watermark: T1, seenIds: ['12x2', '12x1'] },
		],
		[
			'250 records in one second: three pages, each emitted once',
			Array.from({ length: 250 }, (_, i) => contact(i + 1, T1)),
			{ watermark: T0, seenIds: [] },
			Array.from({ length: 250 }, (_, i) => `12x${i + 1}`),
			{ watermark: T1, seenIds: Array.from({ length: 250 }, (_, i) => `12x${i + 1}`) },
		],
		[
			'150 records at the watermark second, 100 of them already emitted',
			Array.from({ length: 150 }, (_, i) => contact(i + 1, T1)),
			{ watermark: T1, seenIds: Array.from({ length: 100 }, (_, i) => `12x${i + 1}`) },
			Array.from({ length: 50 }, (_, i) => `12x${i + 101}`),
			{ watermark: T1, seenIds: Array.from({ length: 150 }, (_, i) => `12x${i + 1}`) },
		],
	] as Array<[string, Row[], PollState, string[], PollState]>)(
		'%s',
		async (_, rows, state, emitted, next) => {
			const { client, sent } = vtiger(rows);
			const result = await pollChanges(client, spec, 'createdOrUpdated', state);
			expect(ids(result.records)).toEqual(emitted);
			expect(result.state).toEqual(next);
			// Every page is a keyset query of at most 100 rows (docs/vtiger-webservice.md#row-cap-and-paging, #polling-for-changes).
			for (const query of sent) expect(query).toMatch(/ORDER BY modifiedtime, id LIMIT 100;$/);
			const matching = rows.filter((r) => r.modifiedtime >= (state.watermark ?? '')).length;
			expect(sent).toHaveLength(Math.ceil(matching / 100) + 1);
		},
	);

	test.each([
		[
			'"created" ignores updates of records it already emitted',
			'created',
			[contact(1, T3, { createdtime: T1 }), contact(2, T3, { createdtime: T0 })],
			{ watermark: T1, seenIds: ['12x1'] },
			[],
			{ watermark: T1, seenIds: ['12x1'] },
		],
		[
			'"created" emits a record created after the watermark',
			'created',
			[contact(1, T1, { createdtime: T1 }), contact(4, T2, { createdtime: T2 })],
			{ watermark: T1, seenIds: ['12x1'] },
			['12x4'],
			{ watermark: T2, seenIds: ['12x4'] },
		],
		[
			'"created or updated" emits those updates',
			'createdOrUpdated',
			[contact(1, T3, { createdtime: T1 }), contact(2, T3, { createdtime: T0 })],
			{ watermark: T1, seenIds: ['12x1'] },
			['12x1', '12x2'],
			{ watermark: T3, seenIds: ['12x1', '12x2'] },
		],
	] as Array<[string, TriggerEvent, Row[], PollState, string[], PollState]>)(
		'%s',
		async (_, event, rows, state, emitted, next) => {
			const { client } = vtiger(rows);
			const result = await pollChanges(client, spec, event, state);
			expect(ids(result.records)).toEqual(emitted);
			expect(result.state).toEqual(next);
		},
	);

	test.each([
		[
			{
				module: 'Contacts',
				conditions: [{ field: 'leadsource', operator: 'equal', value: 'Web' }],
			},
			['12x2', '12x4'],
		],
		[
			{
				module: 'Contacts',
				conditions: [
					{ field: 'leadsource', operator: 'equal', value: 'Web' },
					{ field: 'lastname', operator: 'equal', value: 'Contact 3' },
				],
				combineWith: 'OR',
			},
			['12x2', '12x3', '12x4'],
		],
	] as Array<[Parameters<typeof pollChanges>[1], string[]]>)(
		'only records matching %j are emitted',
		async (filtered, emitted) => {
			const rows = [
				contact(1, T1, { leadsource: 'Phone' }),
				contact(2, T1, { leadsource: 'Web' }),
				contact(3, T2, { leadsource: 'Phone' }),
				contact(4, T2, { leadsource: 'Web' }),
				contact(5, T0, { leadsource: 'Web' }),
			];
			const { client } = vtiger(rows);
			const result = await pollChanges(client, filtered, 'createdOrUpdated', {
				watermark: T1,
				seenIds: [],
			});
			expect(ids(result.records)).toEqual(emitted);
		},
	);

	// The keyset cannot be shifted by records that change while pages are read; a record seen twice
	// in one poll is emitted once, in its latest version.
	test.each([
		[
			'a record of the first page changes again before the second page',
			150,
			(n: number, rows: Row[]) => {
				if (n === 1) rows[4].modifiedtime = T3;
			},
			[
				...Array.from({ length: 150 }, (_, i) => `12x${i + 1}`).filter((id) => id !== '12x5'),
				'12x5',
			],
			{ watermark: T3, seenIds: ['12x5'] },
		],
		[
			'a record is created while pages are read',
			150,
			(n: number, rows: Row[]) => {
				if (n === 1) rows.push(contact(500, T2));
			},
			[...Array.from({ length: 150 }, (_, i) => `12x${i + 1}`), '12x500'],
			{ watermark: T2, seenIds: ['12x500'] },
		],
		[
			'a record of a later page changes before it is read',
			150,
			(n: number, rows: Row[]) => {
				if (n === 1) rows[139].modifiedtime = T2;
			},
			[
				...Array.from({ length: 150 }, (_, i) => `12x${i + 1}`).filter((id) => id !== '12x140'),
				'12x140',
			],
			{ watermark: T2, seenIds: ['12x140'] },
		],
	])('%s', async (_, count, afterQuery, emitted, next) => {
		const rows = Array.from({ length: count }, (_, i) => contact(i + 1, T1));
		const { client } = vtiger(rows, afterQuery);
		const result = await pollChanges(client, spec, 'createdOrUpdated', {
			watermark: T0,
			seenIds: [],
		});
		expect(ids(result.records)).toEqual(emitted);
		expect(result.state).toEqual(next);
		const latest = result.records.find((r) => r.id === emitted[emitted.length - 1]);
		expect(latest?.modifiedtime).toBe(next.watermark);
	});
});

describe('startingState and latestChange', () => {
	test.each([
		[
			'an empty module',
			'createdOrUpdated',
			[],
			{ watermark: '1970-01-01 00:00:00', seenIds: [] },
			[],
		],
		[
			'one record',
			'createdOrUpdated',
			[contact(1, T1)],
			{ watermark: T1, seenIds: ['12x1'] },
			['12x1'],
		],
		[
			'several records share the newest second',
			'createdOrUpdated',
			[contact(1, T0), contact(7, T2), contact(3, T2), contact(2, T1)],
			{ watermark: T2, seenIds: ['12x3', '12x7'] },
			['12x7', '12x3'],
		],
		[
			'"created" starts from the newest creation',
			'created',
			[contact(1, T3, { createdtime: T0 }), contact(2, T1, { createdtime: T1 })],
			{ watermark: T1, seenIds: ['12x2'] },
			['12x2'],
		],
	] as Array<[string, TriggerEvent, Row[], PollState, string[]]>)(
		'%s',
		async (_, event, rows, state, latestIds) => {
			const { client } = vtiger(rows);
			expect(await startingState(client, spec, event)).toEqual(state);
			const [latest] = await latestChange(client, spec, event);
			if (latestIds.length === 0) expect(latest).toBeUndefined();
			else expect(latestIds).toContain(latest.id);
			// Old records do not flood the workflow: the first poll after activation emits nothing.
			expect((await pollChanges(client, spec, event, state)).records).toEqual([]);
		},
	);

	test.each([
		[
			[
				{ change: (rows: Row[]) => rows.push(contact(4, T2)), emitted: ['12x4'] },
				{ change: () => undefined, emitted: [] },
				{ change: (rows: Row[]) => rows.push(contact(5, T2)), emitted: ['12x5'] },
				{ change: (rows: Row[]) => (rows[0].modifiedtime = T3), emitted: ['12x1'] },
				{
					change: (rows: Row[]) => rows.push(contact(6, T3)) && (rows[1].modifiedtime = T3),
					emitted: ['12x2', '12x6'],
				},
				{ change: () => undefined, emitted: [] },
			],
		],
	])('a sequence of polls from activation emits each change once (%#)', async (steps) => {
		const rows = [contact(1, T1), contact(2, T1), contact(3, T0)];
		const { client } = vtiger(rows);
		let state = await startingState(client, spec, 'createdOrUpdated');
		for (const step of steps) {
			step.change(rows);
			const result = await pollChanges(client, spec, 'createdOrUpdated', state);
			expect(ids(result.records)).toEqual(step.emitted);
			state = result.state;
		}
	});
});
