import { startTestBed, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';
import { vtqlString } from '../harness/webservice';

describe('Record > Get Many and Query > Run VTQL', () => {
	let bed: VtigerTestBed;
	/** The run's tag (empty on the emulator): the names and cities of the leads of this file start with it. */
	const t = () => bed.crm.tag;
	const cities = ['Berlin', 'Paris', 'Rome'];
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

	beforeAll(async () => {
		bed = await startTestBed();
		for (let n = 0; n < 250; n++) {
			await bed.crm.insert('Leads', {
				lastname: `${t()}Lead${String(n).padStart(3, '0')}`,
				company: `Company ${n % 7}`,
				city: `${t()}${cities[n % 3]}`,
				annualrevenue: String(n * 1000),
			});
		}
	});
	afterAll(async () => await bed.stop());

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

	test('Run VTQL: Return All over 250 rows, a LIMIT of its own, and only single SELECT statements', async () => {
		const all = await bed.json({
			resource: 'query',
			operation: 'run',
			query: `SELECT lastname FROM Leads${ours()};`,
			returnAll: true,
		});
		expect(all).toHaveLength(250);
		expect(new Set(all.map((r) => r.id)).size).toBe(250);

		const sorted = await bed.json({
			resource: 'query',
			operation: 'run',
			query: `select lastname, city from Leads where city = ${vtqlString(`${t()}Paris`)} order by lastname`,
			returnAll: true,
		});
		expect(sorted).toHaveLength(83);
		expect(sorted.map((r) => r.lastname)).toEqual(sorted.map((r) => r.lastname).sort());

		const own = await bed.json({
			resource: 'query',
			operation: 'run',
			query: 'SELECT * FROM Leads LIMIT 5;',
			returnAll: true,
		});
		expect(own).toHaveLength(5);

		for (const query of [
			'SELECT * FROM Leads; DELETE FROM Leads;',
			'DELETE FROM Leads;',
			'SELECT * FROM Leads;;',
		]) {
			const refused = await bed.run({
				resource: 'query',
				operation: 'run',
				query,
				returnAll: true,
			});
			expect(refused.error?.message).toMatch(
				/^"Query": (Only SELECT queries|The query must be a single SELECT)/,
			);
		}
		const semicolonInValue = await bed.json({
			resource: 'query',
			operation: 'run',
			query: "SELECT * FROM Leads WHERE lastname = 'a;b';",
			returnAll: false,
			limit: 10,
		});
		expect(semicolonInValue).toEqual([]);
	});
});

describe('Values typed by users never break out of VTQL strings', () => {
	let bed: VtigerTestBed;
	const tricky = [
		"O'Brien",
		'C:\\dir',
		'50%',
		'a;b',
		'Zoë 東京',
		'under_score',
		'quote"double',
		"back\\'slash",
	];

	/** The run's tag (empty on the emulator): every name of this block starts with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		bed = await startTestBed();
		for (const name of tricky) await bed.crm.insert('Contacts', { lastname: `${t()}${name}` });
		for (const name of ['Oxbrien', 'C:dir', '500', 'ab', 'underXscore', 'Other'])
			await bed.crm.insert('Contacts', { lastname: `${t()}${name}` });
	});
	afterAll(async () => await bed.stop());

	const find = async (operator: string, value: string) =>
		(
			await bed.json({
				resource: 'record',
				operation: 'getAll',
				module: 'Contacts',
				returnAll: true,
				conditions: {
					condition: [...bed.crm.scope('lastname'), { field: 'lastname', operator, value }],
				},
			})
		).map((r) => r.lastname);

	test.each(tricky)('equal matches %s exactly', async (name) => {
		expect(await find('equal', `${t()}${name}`)).toEqual([`${t()}${name}`]);
	});

	test('LIKE operators treat % and _ literally', async () => {
		expect(await find('contains', '%')).toEqual([`${t()}50%`]);
		expect(await find('startsWith', `${t()}under_`)).toEqual([`${t()}under_score`]);
		expect(await find('endsWith', '\\dir')).toEqual([`${t()}C:\\dir`]);
	});

	test('attempts to close the string and add a condition match nothing', async () => {
		expect(await find('equal', "x' OR lastname != 'x")).toEqual([]);
		expect(await find('equal', "x\\' OR lastname != 'x")).toEqual([]);
		expect(await find('contains', "%' OR '1' = '1")).toEqual([]);
		expect(await find('isOneOf', "a'), lastname != ('b")).toEqual([]);
	});

	test('a trailing backslash cannot swallow the closing quote', async () => {
		await bed.crm.insert('Contacts', { lastname: `${t()}trail\\` });
		expect(await find('equal', `${t()}trail\\`)).toEqual([`${t()}trail\\`]);
		expect(await find('endsWith', 'l\\')).toEqual([`${t()}trail\\`]);
		expect(await find('equal', "trail\\' OR lastname != '")).toEqual([]);
	});

	test('Count and Create or Update build their queries the same way', async () => {
		const attack = `${t()}x' OR lastname != 'x`;
		const [counted] = await bed.json({
			resource: 'record',
			operation: 'count',
			module: 'Contacts',
			conditions: {
				condition: [
					...bed.crm.scope('lastname'),
					{ field: 'lastname', operator: 'equal', value: attack },
				],
			},
		});
		expect(counted.count).toBe(0);
		const before = await bed.crm.records('Contacts', 'lastname');
		const [upserted] = await bed.json({
			resource: 'record',
			operation: 'upsert',
			module: 'Contacts',
			fieldsInput: 'json',
			fieldsJson: JSON.stringify({ lastname: attack, phone: '666' }),
			matchFields: ['lastname'],
		});
		expect(upserted).toMatchObject({ upsertAction: 'created', lastname: attack });
		const after = await bed.crm.records('Contacts', 'lastname');
		expect(after.filter((r) => r.phone === '666')).toHaveLength(1);
		expect(after).toHaveLength(before.length + 1);
	});

	test('an empty value is refused with a message naming the field', async () => {
		const result = await bed.run({
			resource: 'record',
			operation: 'getAll',
			module: 'Contacts',
			returnAll: true,
			conditions: { condition: [{ field: 'lastname', operator: 'equal', value: '' }] },
		});
		expect(result.error?.message).toMatch(/cannot compare "lastname" with an empty value/);
	});
});
