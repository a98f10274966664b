import * as paging from '../../nodes/Vtiger/vtql/paging';

const { queryAll, readAllById, readPages, readPagesInParallel } = paging;

type Row = { id: string };
const num = (id: string | undefined) => Number(String(id ?? '0x0').split('x')[1]);
const rowsOf = (nums: number[], prefix = '12') => nums.map((n) => ({ id: `${prefix}x${n}` }));
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Vtiger answering `... WHERE id > after [AND id <= upTo] ORDER BY id LIMIT n`: the SQL takes up to
 * n rows, then rows the user may not see are dropped (docs/vtiger-webservice.md#row-cap-and-paging), so a page can be short.
 */
function keysetServer(nums: number[], hidden: number[] = []) {
	const calls: Array<{ after?: string; upTo?: string; pageSize: number; lane: number }> = [];
	const fetch = async (
		bounds: { after?: string; upTo?: string },
		pageSize: number,
		lane = 0,
	): Promise<Row[]> => {
		calls.push({ ...bounds, pageSize, lane });
		if (calls.length > 1000) throw new Error('the walk does not advance');
		const sql = [...nums]
			.sort((a, b) => a - b)
			.filter((n) => n > num(bounds.after) && (bounds.upTo === undefined || n <= num(bounds.upTo)))
			.slice(0, Math.min(pageSize, 100));
		return rowsOf(sql.filter((n) => !hidden.includes(n)));
	};
	return { calls, fetch };
}

/** Vtiger answering `... ORDER BY id LIMIT offset, n`; rows the user may not see are dropped after the LIMIT. */
function offsetServer(total: number, hidden: number[] = []) {
	const calls: string[] = [];
	const all = rowsOf(range(1, total));
	const fetch = async (offset: number, pageSize: number): Promise<Row[]> => {
		calls.push(`${offset},${pageSize}`);
		if (calls.length > 1000) throw new Error('the walk does not advance');
		return all
			.slice(offset, offset + Math.min(pageSize, 100))
			.filter((row) => !hidden.includes(num(row.id)));
	};
	return { calls, fetch };
}

describe('readPages', () => {
	test.each([
		[0, Infinity, ['0,100'], 0],
		[1, Infinity, ['0,100', '100,100'], 1],
		[99, Infinity, ['0,100', '100,100'], 99],
		[100, Infinity, ['0,100', '100,100'], 100],
		[250, Infinity, ['0,100', '100,100', '200,100', '300,100'], 250],
		[250, 100, ['0,100'], 100],
		[250, 150, ['0,100', '100,50'], 150],
		[250, 250, ['0,100', '100,100', '200,50'], 250],
		[250, 1, ['0,1'], 1],
		[250, 0, [], 0],
		[50, 120, ['0,100', '100,70'], 50],
		[130, 1000, ['0,100', '100,100', '200,100'], 130],
	])(
		'%i rows, at most %p: pages asked (offset,size) %j, %i rows read',
		async (total, max, pages, count) => {
			const server = offsetServer(total);
			const rows = await readPages(
				async (position, pageSize) => await server.fetch(position.offset, pageSize),
				max,
			);
			expect(server.calls).toEqual(pages);
			expect(rows).toEqual(rowsOf(range(1, count)));
		},
	);

	test('offset pages move by the page size asked: rows dropped after the LIMIT shift nothing', async () => {
		const server = offsetServer(250, [10, 20, 30]);
		const rows = await readPages(
			async (position, pageSize) => await server.fetch(position.offset, pageSize),
		);
		expect(server.calls).toEqual(['0,100', '100,100', '200,100', '300,100']);
		expect(rows).toEqual(rowsOf(range(1, 250).filter((n) => ![10, 20, 30].includes(n))));
	});

	// A short page is not the end (docs/vtiger-webservice.md#row-cap-and-paging): keyset paging on lastId stops on an empty page.
	test.each([
		['no hidden rows', range(1, 230), [], Infinity],
		['rows hidden in the first page', range(1, 230), [3, 50, 99], Infinity],
		['a whole page hidden but one', range(1, 300), range(101, 199), Infinity],
		['sparse ids', range(1, 120).map((n) => n * 7), [14, 700], Infinity],
		['hidden rows with a maximum', range(1, 230), [10, 20, 30], 150],
	])('keyset walk, %s: every visible row once, in id order', async (_, nums, hidden, max) => {
		const server = keysetServer(nums, hidden);
		const rows = await readPages(
			async (position, pageSize) => await server.fetch({ after: position.lastId }, pageSize),
			max,
		);
		const visible = nums.filter((n) => !hidden.includes(n));
		expect(rows).toEqual(rowsOf(visible.slice(0, max === Infinity ? undefined : max)));
		expect(server.calls.every((call) => call.pageSize <= 100)).toBe(true);
	});
});

describe('readAllById', () => {
	test.each([
		['an empty module', [], [], 4, undefined],
		['one short page', range(1, 50), [], 4, undefined],
		['one lane', range(1, 450), [], 1, undefined],
		['4 lanes over 1000 ids', range(1, 1000), [], 4, undefined],
		['3 lanes over sparse ids', range(1, 700).map((n) => n * 7 + 3), [], 3, undefined],
		['8 lanes, fewer ids above the first page than lanes', range(1, 103), [], 8, undefined],
		['4 lanes with hidden rows', range(1, 900), [101, 102, 350, 351, 352, 899], 4, undefined],
		['no highest id known', range(1, 333), [], 4, 'none'],
		['a highest id below the first page', range(1, 333), [], 4, '12x50'],
	] as Array<[string, number[], number[], number, string | undefined]>)(
		'%s: every visible row once, in id order',
		async (_, nums, hidden, lanes, top) => {
			const server = keysetServer(nums, hidden);
			const highest = async () =>
				top === 'none' ? undefined : (top ?? (nums.length ? `12x${Math.max(...nums)}` : undefined));
			const rows = await readAllById(
				async (bounds, pageSize, lane) => await server.fetch(bounds, pageSize, lane),
				highest,
				lanes,
			);
			expect(rows).toEqual(rowsOf(nums.filter((n) => !hidden.includes(n))));
			expect(server.calls.every((call) => call.pageSize <= 100)).toBe(true);
			expect(server.calls.every((call) => call.lane >= 0 && call.lane < lanes)).toBe(true);
		},
	);

	test.each([
		[1000, 4, [0, 1, 2, 3]],
		[1000, 1, [0]],
		[90, 4, [0]],
		[450, 2, [0, 1]],
	])('%i ids on %i lanes are read on lanes %j', async (count, lanes, used) => {
		const server = keysetServer(range(1, count));
		await readAllById(
			async (bounds, pageSize, lane) => await server.fetch(bounds, pageSize, lane),
			async () => `12x${count}`,
			lanes,
		);
		expect([...new Set(server.calls.map((call) => call.lane))].sort()).toEqual(used);
	});

	test.each([
		[range(1, 600), '12x400', 400],
		[range(1, 600), '12x100', 600],
		[range(1, 250), '12x250', 250],
	])(
		'records above the highest id found at the start (%#) are left for the next run',
		async (nums, top, count) => {
			const server = keysetServer(nums);
			const rows = await readAllById(
				async (bounds, pageSize, lane) => await server.fetch(bounds, pageSize, lane),
				async () => top,
				4,
			);
			expect(rows).toEqual(rowsOf(range(1, count)));
		},
	);
});

describe('readPagesInParallel', () => {
	test.each([
		[0, 3, ['0,100'], 0],
		[40, 3, ['0,100', '100,100', '200,100', '300,100'], 40],
		[100, 3, ['0,100', '100,100', '200,100', '300,100'], 100],
		[250, 2, ['0,100', '100,100', '200,100', '300,100', '400,100'], 250],
		[250, 1, ['0,100', '100,100', '200,100', '300,100'], 250],
		[1000, 4, ['0,100', ...range(1, 12).map((k) => `${k * 100},100`)], 1000],
	])('%i rows on %i lanes: pages %j, %i rows in order', async (total, lanes, pages, count) => {
		const server = offsetServer(total);
		const rows = await readPagesInParallel(
			async (offset, pageSize) => await server.fetch(offset, pageSize),
			lanes,
		);
		expect([...server.calls].sort((a, b) => parseInt(a) - parseInt(b))).toEqual(pages);
		expect(rows).toEqual(rowsOf(range(1, count)));
	});

	test('rows dropped after the LIMIT of the first page shift nothing', async () => {
		const server = offsetServer(250, [10, 20, 30]);
		const rows = await readPagesInParallel(
			async (offset, pageSize) => await server.fetch(offset, pageSize),
			2,
		);
		expect(rows).toEqual(rowsOf(range(1, 250).filter((n) => ![10, 20, 30].includes(n))));
	});
});

describe('queryAll', () => {
	test.each([
		[
			{ module: 'Users', fields: ['user_name'] },
			230,
			[
				'SELECT user_name FROM Users ORDER BY id LIMIT 0, 100;',
				'SELECT user_name FROM Users ORDER BY id LIMIT 100, 100;',
				'SELECT user_name FROM Users ORDER BY id LIMIT 200, 100;',
				'SELECT user_name FROM Users ORDER BY id LIMIT 300, 100;',
			],
		],
		[
			{ module: 'Groups', fields: ['groupname'], sortField: 'groupname' },
			3,
			[
				'SELECT groupname FROM Groups ORDER BY groupname, id LIMIT 0, 100;',
				'SELECT groupname FROM Groups ORDER BY groupname, id LIMIT 100, 100;',
			],
		],
	])('%j over %i rows sends %j', async (select, total, queries) => {
		const all = rowsOf(range(1, total), '19');
		const sent: string[] = [];
		const client = {
			query: async (vtql: string) => {
				sent.push(vtql);
				const [, offset, count] = /LIMIT (\d+), (\d+);$/.exec(vtql) ?? [];
				return all.slice(Number(offset), Number(offset) + Number(count));
			},
		} as unknown as Parameters<typeof queryAll>[0];
		expect(await queryAll(client, select)).toEqual(all);
		expect(sent).toEqual(queries);
	});
});
