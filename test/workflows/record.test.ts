import { startTestBed, type VtigerTestBed } from '../harness/fixture';

const fromItem = { fieldsInput: 'json', fieldsJson: '={{ JSON.stringify($json) }}' };

describe('Record operations through the n8n engine', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());

	test('Create makes one record per item, paired to its item, owned by the credential user by default', async () => {
		const input = [
			{ lastname: 'Create-A', firstname: 'Ann' },
			{ lastname: 'Create-B', email: 'b@example.com' },
			{ lastname: 'Create-C', assigned_user_id: '20x3' },
		];
		const result = await bed.run({ resource: 'record', operation: 'create', module: 'Contacts', ...fromItem }, input);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.map((i) => i.json.lastname)).toEqual(['Create-A', 'Create-B', 'Create-C']);
		expect(result.items[0].json.id).toMatch(new RegExp(`^${bed.emulator.idPrefix('Contacts')}x\\d+$`));
		expect(result.items[0].json.assigned_user_id).toBe('19x1');
		expect(result.items[2].json.assigned_user_id).toBe('20x3');
		const stored = bed.emulator.records('Contacts').filter((r) => String(r.lastname).startsWith('Create-'));
		expect(stored.map((r) => r.id).sort()).toEqual(result.items.map((i) => i.json.id).sort());
	});

	test('Create with name/value pairs', async () => {
		const [record] = await bed.json({
			resource: 'record',
			operation: 'create',
			module: 'Accounts',
			fieldsInput: 'keyValue',
			fieldsUi: { field: [{ name: 'accountname', value: 'Pairs Ltd' }, { name: 'website', value: 'https://pairs.example' }] },
		});
		expect(record).toMatchObject({ accountname: 'Pairs Ltd', website: 'https://pairs.example' });
	});

	test('a missing mandatory field names the field and the item; Continue On Fail keeps the other items', async () => {
		const input = [{ lastname: 'Fine-1' }, { firstname: 'No last name' }, { lastname: 'Fine-2' }];
		const params = { resource: 'record', operation: 'create', module: 'Contacts', ...fromItem };
		const stopped = await bed.run(params, input);
		expect(stopped.error?.message).toBe('The mandatory field "lastname" has no value [item 1]');

		const before = bed.emulator.records('Contacts').length;
		const continued = await bed.run(params, input, { continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(3);
		expect(continued.items[1]).toEqual({
			json: expect.objectContaining({ error: 'The mandatory field "lastname" has no value [item 1]' }),
			pairedItem: { item: 1 },
		});
		expect(continued.items[0].json.lastname).toBe('Fine-1');
		expect(continued.items[2].json.lastname).toBe('Fine-2');
		expect(bed.emulator.records('Contacts').length).toBe(before + 2);
	});

	test('malformed JSON and an unknown module are refused with a clear message', async () => {
		const badJson = await bed.run(
			{ resource: 'record', operation: 'create', module: 'Contacts', fieldsInput: 'json', fieldsJson: '{"lastname": "x",' },
			[{}],
			{ continueOnFail: true },
		);
		expect(String(badJson.items[0].json.error)).toMatch(/^"Fields \(JSON\)" is not valid JSON: .+ \[item 0\]$/);

		const unknown = await bed.run({ resource: 'record', operation: 'create', module: 'contacts', fieldsInput: 'json', fieldsJson: '{"lastname":"x"}' });
		expect(unknown.error?.message).toBe(
			'The module "contacts" does not exist or this user may not use it [item 0]',
		);
	});

	test('Get returns the record; a bad or unknown ID is reported clearly', async () => {
		const id = bed.emulator.insert('Contacts', { lastname: 'Getme', firstname: 'Gus' });
		const [record] = await bed.json({ resource: 'record', operation: 'get', recordId: id });
		expect(record).toMatchObject({ id, lastname: 'Getme', firstname: 'Gus' });

		const malformed = await bed.run({ resource: 'record', operation: 'get', recordId: '12X3' });
		expect(malformed.error?.message).toBe('"Record" must be a Vtiger record ID such as 12x34, not "12X3" [item 0]');

		const gone = await bed.run({ resource: 'record', operation: 'get', recordId: `${bed.emulator.idPrefix('Contacts')}x999999` });
		expect(gone.error?.message).toBe(
			`The record ${bed.emulator.idPrefix('Contacts')}x999999 was not found, was deleted, or this user may not access it [item 0]`,
		);
	});

	test('Update changes only the given fields; Replace All Fields uses the full update', async () => {
		const id = bed.emulator.insert('Contacts', { lastname: 'Upd', firstname: 'Una', phone: '111' });
		const [revised] = await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: id,
			fieldsInput: 'json',
			fieldsJson: '{"phone": "222"}',
		});
		expect(revised).toMatchObject({ id, lastname: 'Upd', firstname: 'Una', phone: '222' });
		expect(bed.emulator.requests.at(-1)?.operation).toBe('revise');

		const incomplete = await bed.run({
			resource: 'record',
			operation: 'update',
			recordId: id,
			fieldsInput: 'json',
			fieldsJson: '{"phone": "333"}',
			replaceAllFields: true,
		});
		expect(incomplete.error?.message).toMatch(/^The mandatory field "(lastname|assigned_user_id)" has no value \[item 0\]$/);

		const [replaced] = await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: id,
			fieldsInput: 'json',
			fieldsJson: '{"lastname": "Upd2", "assigned_user_id": "19x1", "firstname": ""}',
			replaceAllFields: true,
		});
		expect(bed.emulator.requests.at(-1)?.operation).toBe('update');
		expect(replaced).toMatchObject({ lastname: 'Upd2', firstname: '', phone: '222' });
	});

	test('Delete removes the record', async () => {
		const id = bed.emulator.insert('Leads', { lastname: 'Delme', company: 'Gone Inc' });
		const [result] = await bed.json({ resource: 'record', operation: 'delete', recordId: id });
		expect(result).toEqual({ id, deleted: true });
		expect(bed.emulator.records('Leads').some((r) => r.id === id)).toBe(false);
		const again = await bed.run({ resource: 'record', operation: 'delete', recordId: id });
		expect(again.error?.message).toMatch(/was not found, was deleted/);
	});
});
