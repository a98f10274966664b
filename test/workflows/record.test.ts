import { startTestBed, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

const fromItem = { fieldsInput: 'json', fieldsJson: '={{ JSON.stringify($json) }}' };

describe('Record operations through the n8n engine', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());
	const t = () => bed.crm.tag;

	test('Create makes one record per item, paired to its item, owned by the credential user by default', async () => {
		const group = await bed.crm.groupId('Marketing Group');
		const input = [
			{ lastname: `${t()}Create-A`, firstname: 'Ann' },
			{ lastname: `${t()}Create-B`, email: 'b@example.com' },
			{ lastname: `${t()}Create-C`, assigned_user_id: group },
		];
		const result = await bed.run(
			{ resource: 'record', operation: 'create', module: 'Contacts', ...fromItem },
			input,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.map((i) => i.json.lastname)).toEqual([
			`${t()}Create-A`,
			`${t()}Create-B`,
			`${t()}Create-C`,
		]);
		expect(result.items[0].json.id).toMatch(
			new RegExp(`^${await bed.crm.idPrefix('Contacts')}x\\d+$`),
		);
		expect(result.items[0].json.assigned_user_id).toBe(bed.crm.userId);
		expect(result.items[2].json.assigned_user_id).toBe(group);
		const stored = (await bed.crm.records('Contacts', 'lastname')).filter((r) =>
			String(r.lastname).startsWith(`${t()}Create-`),
		);
		expect(stored.map((r) => r.id).sort()).toEqual(result.items.map((i) => i.json.id).sort());
	});

	test('Create with name/value pairs', async () => {
		const [record] = await bed.json({
			resource: 'record',
			operation: 'create',
			module: 'Accounts',
			fieldsInput: 'keyValue',
			fieldsUi: {
				field: [
					{ name: 'accountname', value: `${t()}Pairs Ltd` },
					{ name: 'website', value: 'https://pairs.example' },
				],
			},
		});
		expect(record).toMatchObject({
			accountname: `${t()}Pairs Ltd`,
			website: 'https://pairs.example',
		});
	});

	test('a missing mandatory field names the field and the item; Continue On Fail keeps the other items', async () => {
		const input = [
			{ lastname: `${t()}Fine-1` },
			{ firstname: 'No last name' },
			{ lastname: `${t()}Fine-2` },
		];
		const params = { resource: 'record', operation: 'create', module: 'Contacts', ...fromItem };
		const stopped = await bed.run(params, input);
		expect(stopped.error?.message).toBe('The mandatory field "lastname" has no value [item 1]');

		const before = (await bed.crm.records('Contacts', 'lastname')).length;
		const continued = await bed.run(params, input, { continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(3);
		expect(continued.items[1]).toEqual({
			json: expect.objectContaining({
				error: 'The mandatory field "lastname" has no value [item 1]',
			}),
			pairedItem: { item: 1 },
		});
		expect(continued.items[0].json.lastname).toBe(`${t()}Fine-1`);
		expect(continued.items[2].json.lastname).toBe(`${t()}Fine-2`);
		expect((await bed.crm.records('Contacts', 'lastname')).length).toBe(before + 2);
	});

	test('malformed JSON and an unknown module are refused with a clear message', async () => {
		const badJson = await bed.run(
			{
				resource: 'record',
				operation: 'create',
				module: 'Contacts',
				fieldsInput: 'json',
				fieldsJson: '{"lastname": "x",',
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(String(badJson.items[0].json.error)).toMatch(
			/^"Fields \(JSON\)" is not valid JSON: .+ \[item 0\]$/,
		);

		const unknown = await bed.run({
			resource: 'record',
			operation: 'create',
			module: 'contacts',
			fieldsInput: 'json',
			fieldsJson: '{"lastname":"x"}',
		});
		expect(unknown.error?.message).toBe(
			'The module "contacts" does not exist or this user may not use it [item 0]',
		);
	});

	test('Get returns the record; a bad or unknown ID is reported clearly', async () => {
		const id = await bed.crm.insert('Contacts', { lastname: `${t()}Getme`, firstname: 'Gus' });
		const [record] = await bed.json({ resource: 'record', operation: 'get', recordId: id });
		expect(record).toMatchObject({ id, lastname: `${t()}Getme`, firstname: 'Gus' });

		const malformed = await bed.run({ resource: 'record', operation: 'get', recordId: '12X3' });
		expect(malformed.error?.message).toBe(
			'"Record" must be a Vtiger record ID such as 12x34, not "12X3" [item 0]',
		);

		const prefix = await bed.crm.idPrefix('Contacts');
		const gone = await bed.run({
			resource: 'record',
			operation: 'get',
			recordId: `${prefix}x999999`,
		});
		expect(gone.error?.message).toBe(
			`The record ${prefix}x999999 was not found, was deleted, or this user may not access it [item 0]`,
		);
	});

	test('Update changes only the given fields; Replace All Fields uses the full update', async () => {
		const id = await bed.crm.insert('Contacts', {
			lastname: `${t()}Upd`,
			firstname: 'Una',
			phone: '111',
		});
		const [revised] = await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: id,
			fieldsInput: 'json',
			fieldsJson: '{"phone": "222"}',
		});
		expect(revised).toMatchObject({ id, lastname: `${t()}Upd`, firstname: 'Una', phone: '222' });

		const incomplete = await bed.run({
			resource: 'record',
			operation: 'update',
			recordId: id,
			fieldsInput: 'json',
			fieldsJson: '{"phone": "333"}',
			replaceAllFields: true,
		});
		expect(incomplete.error?.message).toMatch(
			/^The mandatory field "(lastname|assigned_user_id)" has no value \[item 0\]$/,
		);

		const [replaced] = await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: id,
			fieldsInput: 'json',
			fieldsJson: JSON.stringify({
				lastname: `${t()}Upd2`,
				assigned_user_id: bed.crm.userId,
				firstname: '',
			}),
			replaceAllFields: true,
		});
		expect(replaced).toMatchObject({ lastname: `${t()}Upd2`, firstname: '', phone: '222' });
	});

	emulatorOnly('reads the request log')(
		'Update sends revise; Replace All Fields sends update',
		async () => {
			const id = bed.emulator.insert('Contacts', {
				lastname: 'Upd',
				firstname: 'Una',
				phone: '111',
			});
			await bed.json({
				resource: 'record',
				operation: 'update',
				recordId: id,
				fieldsInput: 'json',
				fieldsJson: '{"phone": "222"}',
			});
			expect(bed.emulator.requests.at(-1)?.operation).toBe('revise');
			await bed.json({
				resource: 'record',
				operation: 'update',
				recordId: id,
				fieldsInput: 'json',
				fieldsJson: '{"lastname": "Upd2", "assigned_user_id": "19x1", "firstname": ""}',
				replaceAllFields: true,
			});
			expect(bed.emulator.requests.at(-1)?.operation).toBe('update');
		},
	);

	test('Delete removes the record', async () => {
		const id = await bed.crm.insert('Leads', { lastname: `${t()}Delme`, company: 'Gone Inc' });
		const [result] = await bed.json({ resource: 'record', operation: 'delete', recordId: id });
		expect(result).toEqual({ id, deleted: true });
		expect((await bed.crm.records('Leads', 'lastname')).some((r) => r.id === id)).toBe(false);
		const again = await bed.run({ resource: 'record', operation: 'delete', recordId: id });
		expect(again.error?.message).toMatch(/was not found, was deleted/);
	});
});
