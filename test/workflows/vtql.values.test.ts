/**
 * Values typed by users never change a query: the conditions of Get Many and Count and the
 * matching of Create or Update escape them in VTQL strings (quotes, backslashes, % and _, ;).
 */
import { useTestBed } from '../harness/fixture';

describe('Values typed by users never break out of VTQL strings', () => {
	const bed = useTestBed();

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
		for (const name of tricky) await bed.crm.insert('Contacts', { lastname: `${t()}${name}` });
		for (const name of ['Oxbrien', 'C:dir', '500', 'ab', 'underXscore', 'Other'])
			await bed.crm.insert('Contacts', { lastname: `${t()}${name}` });
	});

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
