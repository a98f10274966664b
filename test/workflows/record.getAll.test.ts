/**
 * Record > Get Many: Return All past the 100-row cap, Limit, conditions, fields and sorting, on one
 * session and on several at once. Values that try to break out of VTQL: vtql.values.test.ts.
 */
import { useTestBed } from '../harness/fixture';
import { insertLeads } from '../harness/seed';
import { emulatorOnly } from '../harness/target';
import { vtqlString } from '../harness/webservice';

describe('Record > Get Many', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): the names and cities of the leads of this file start with it. */
	const t = () => bed.crm.tag;

	/** On a real CRM, AND-combined conditions are kept to this run's leads; OR tests match tagged values only. */
	const getMany = (extra: Record<string, unknown>) => {
		const conditions = (extra.conditions as { condition: object[] } | undefined)?.condition ?? [];
		const scoped =
			extra.combineWith === 'OR' ? conditions : [...bed.crm.scope('lastname'), ...conditions];
		return {
			resource: 'record',
			operation: 'getAll',
			module: 'Leads',
			returnAll: true,
			...extra,
			...(scoped.length > 0 ? { conditions: { condition: scoped } } : {}),
		};
	};

	/** VTQL WHERE keeping a query to this run's leads ('' on the emulator). */
	const ours = () => (t() ? ` WHERE lastname LIKE ${vtqlString(`${t()}%`)}` : '');

	beforeAll(async () => await insertLeads(bed));

	test('Return All walks past the 100-row cap: 250 rows, in id order, no duplicates, no gaps', async () => {
		const rows = await bed.json(getMany({ parallelRequests: 1 }));
		expect(rows).toHaveLength(250);
		const ids = rows.map((r) => Number(String(r.id).split('x')[1]));
		expect(new Set(ids).size).toBe(250);
		expect([...ids].sort((a, b) => a - b)).toEqual(ids);
	});

	emulatorOnly('counts requests')('Return All of 250 rows takes 4 queries', async () => {
		bed.emulator.clearRequests();
		await bed.json(getMany({ parallelRequests: 1 }));
		expect(bed.emulator.count('query')).toBe(4);
	});

	emulatorOnly('reads the sessions of the request log')(
		'Return All with 4 parallel requests uses 4 sessions',
		async () => {
			bed.emulator.clearRequests();
			await bed.json(getMany({ parallelRequests: 4 }));
			expect(
				new Set(
					bed.emulator.requests.filter((r) => r.operation === 'query').map((r) => r.sessionName),
				).size,
			).toBe(4);
		},
	);

	test('Return All on 4 sessions at once gives exactly the same rows in the same order', async () => {
		const sequential = await bed.json(getMany({ parallelRequests: 1 }));
		const parallel = await bed.json(getMany({ parallelRequests: 4 }));
		expect(parallel).toEqual(sequential);
		const query = {
			resource: 'query',
			operation: 'run',
			query: `SELECT lastname, city FROM Leads${ours()} ORDER BY city;`,
			returnAll: true,
		};
		expect(await bed.json({ ...query, parallelRequests: 4 })).toEqual(
			await bed.json({ ...query, parallelRequests: 1 }),
		);
		const where = getMany({
			conditions: { condition: [{ field: 'city', operator: 'equal', value: `${t()}Rome` }] },
		});
		expect(await bed.json({ ...where, parallelRequests: 3 })).toEqual(
			await bed.json({ ...where, parallelRequests: 1 }),
		);
	});

	test('Limit returns exactly that many rows', async () => {
		const rows = await bed.json(getMany({ returnAll: false, limit: 130 }));
		expect(rows).toHaveLength(130);
		expect(rows[0].lastname).toBe(`${t()}Lead000`);
		expect(rows[129].lastname).toBe(`${t()}Lead129`);
	});

	test('conditions with each operator, combined with AND and OR', async () => {
		const where = async (conditions: object[], combineWith = 'AND') =>
			(await bed.json(getMany({ conditions: { condition: conditions }, combineWith }))).map(
				(r) => r.lastname,
			);

		const lead = (n: string) => `${t()}Lead${n}`;
		expect(await where([{ field: 'lastname', operator: 'equal', value: `${t()}lead007` }])).toEqual(
			[lead('007')],
		);
		expect(
			(await where([{ field: 'city', operator: 'notEqual', value: `${t()}Berlin` }])).length,
		).toBe(166);
		expect(await where([{ field: 'annualrevenue', operator: 'lessThan', value: '2000' }])).toEqual([
			lead('000'),
			lead('001'),
		]);
		expect(
			await where([{ field: 'annualrevenue', operator: 'lessOrEqual', value: '2000' }]),
		).toHaveLength(3);
		expect(
			await where([{ field: 'annualrevenue', operator: 'greaterThan', value: '248000' }]),
		).toEqual([lead('249')]);
		expect(
			await where([{ field: 'annualrevenue', operator: 'greaterOrEqual', value: '248000' }]),
		).toHaveLength(2);
		expect(
			await where([{ field: 'lastname', operator: 'startsWith', value: lead('24') }]),
		).toHaveLength(10);
		expect(await where([{ field: 'lastname', operator: 'endsWith', value: '99' }])).toEqual([
			lead('099'),
			lead('199'),
		]);
		expect(await where([{ field: 'lastname', operator: 'contains', value: 'ad12' }])).toHaveLength(
			10,
		);
		expect(
			await where([
				{
					field: 'lastname',
					operator: 'isOneOf',
					value: `${lead('001')}, ${lead('002')},${lead('100')}`,
				},
			]),
		).toEqual([lead('001'), lead('002'), lead('100')]);
		expect(
			await where([
				{ field: 'city', operator: 'equal', value: `${t()}Rome` },
				{ field: 'company', operator: 'equal', value: 'Company 0' },
			]),
		).toHaveLength(12);
		const either = await where(
			[
				{ field: 'lastname', operator: 'equal', value: lead('001') },
				{ field: 'lastname', operator: 'equal', value: lead('200') },
			],
			'OR',
		);
		expect(either).toEqual([lead('001'), lead('200')]);
	});

	test('OR conditions with Return All stay exact across pages', async () => {
		const rows = await bed.json(
			getMany({
				conditions: {
					condition: [
						{ field: 'city', operator: 'equal', value: `${t()}Berlin` },
						{ field: 'city', operator: 'equal', value: `${t()}Paris` },
					],
				},
				combineWith: 'OR',
			}),
		);
		expect(rows).toHaveLength(167);
		expect(new Set(rows.map((r) => r.id)).size).toBe(167);
		expect(rows.every((r) => r.city === `${t()}Berlin` || r.city === `${t()}Paris`)).toBe(true);
	});

	test('fields to return and sorting, both directions, with Return All', async () => {
		const asc = await bed.json(
			getMany({ options: { fields: 'lastname, city', sortField: 'city', sortDirection: 'ASC' } }),
		);
		expect(asc).toHaveLength(250);
		expect(Object.keys(asc[0]).sort()).toEqual(['city', 'id', 'lastname']);
		expect(asc[0].city).toBe(`${t()}Berlin`);
		expect(asc[249].city).toBe(`${t()}Rome`);
		const desc = await bed.json(
			getMany({ options: { sortField: 'lastname', sortDirection: 'DESC' } }),
		);
		expect(desc.map((r) => r.lastname)).toEqual(
			asc
				.map((r) => r.lastname)
				.sort()
				.reverse(),
		);
		const top = await bed.json(
			getMany({
				returnAll: false,
				limit: 3,
				options: { sortField: 'annualrevenue', sortDirection: 'DESC' },
			}),
		);
		expect(top.map((r) => r.lastname)).toEqual([`${t()}Lead249`, `${t()}Lead248`, `${t()}Lead247`]);
	});

	test('unknown fields are named before anything is queried', async () => {
		const result = await bed.run(getMany({ options: { sortField: 'nosuchfield' } }));
		expect(result.error?.message).toBe(
			'"Sort By Field": Leads has no field "nosuchfield" [item 0]',
		);
		const inCondition = await bed.run(
			getMany({ conditions: { condition: [{ field: 'Lastname', value: 'x' }] } }),
		);
		expect(inCondition.error?.message).toBe('"Conditions": Leads has no field "Lastname" [item 0]');
	});
});
