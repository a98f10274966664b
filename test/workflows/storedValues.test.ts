/** What Vtiger stored otherwise than sent (Create, Update): warnings, or Fail the Item. */
import { createContact, mapperCreate as mapped, useTestBed } from '../harness/fixture';

describe('What Vtiger stores is what the user sees', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): the name of every record this file creates starts with it. */
	const t = () => bed.crm.tag;

	test('a task created through the mapper without Activity Type is a task that Get reads back', async () => {
		const [task] = await bed.json(
			mapped('Calendar', {
				subject: `${t()}Call back`,
				activitytype: '',
				taskstatus: 'Planned',
				date_start: '2026-12-01',
				time_start: '10:00',
				due_date: '2026-12-01',
			}),
		);
		expect(task).toMatchObject({ activitytype: 'Task' });
		const [read] = await bed.json({
			resource: 'record',
			operation: 'get',
			recordId: String(task.id),
			simplify: false,
		});
		expect(read).toMatchObject({ id: task.id, subject: `${t()}Call back`, activitytype: 'Task' });
	});

	test('an emoji and a last name over 80 characters: the output warns, naming field, sent and stored', async () => {
		const lastname = `${t()}${'L'.repeat(78 - t().length)}-Smithson`;
		const [contact] = await bed.json(createContact({ lastname, firstname: 'Ann 😀' }));
		expect(contact.warnings).toEqual([
			{
				field: 'lastname',
				sent: lastname,
				stored: lastname.slice(0, 80),
				message: 'Vtiger stored "lastname" cut to 80 characters (87 sent)',
			},
			{
				field: 'firstname',
				sent: 'Ann 😀',
				stored: 'Ann ????',
				message:
					'Vtiger stored "firstname" with "?" for characters it cannot store (such as emoji)',
			},
		]);
		const [updated] = await bed.json({
			resource: 'record',
			operation: 'update',
			recordId: String(contact.id),
			fieldsInput: 'json',
			fieldsJson: JSON.stringify({ lastname: `${t()}Kept`, firstname: '🎉🎉 Party' }),
		});
		expect(updated.warnings).toEqual([
			{
				field: 'firstname',
				sent: '🎉🎉 Party',
				stored: '???????? Party',
				message:
					'Vtiger stored "firstname" with "?" for characters it cannot store (such as emoji)',
			},
		]);
	});

	test('warnings never carry the access key or the session', async () => {
		const key = String(bed.credentials.data('cred-1').secretAccessKey);
		const [contact] = await bed.json(createContact({ lastname: `${t()}Key ${key} 😀` }));
		expect(contact.warnings).toEqual([
			expect.objectContaining({
				field: 'lastname',
				sent: `${t()}Key *** 😀`,
				stored: `${t()}Key *** ????`,
			}),
		]);
		expect(JSON.stringify(contact.warnings)).not.toContain(key);
	});

	test('values stored as sent give no warnings', async () => {
		const [contact] = await bed.json(
			createContact({ lastname: `${t()}Plain`, firstname: 'Zoë', email: 'zoe@example.com' }),
		);
		expect(contact).not.toHaveProperty('warnings');
	});

	test('"Fail the Item" fails instead, naming the field, the item and the saved record', async () => {
		const result = await bed.run(
			{ ...createContact({ lastname: `${t()}Ok` }), writeOptions: { storedDifferently: 'fail' } },
			[{}, {}],
		);
		expect(result.error).toBeUndefined();
		const failing = await bed.run(
			{
				...createContact({ lastname: `${t()}Star ⭐ and 🌟` }),
				writeOptions: { storedDifferently: 'fail' },
			},
			[{}],
			{ continueOnFail: true },
		);
		const [item] = failing.items;
		expect(item.json.error).toMatch(
			/^Vtiger stored "lastname" with "\?" for characters it cannot store \(such as emoji\); the record \d+x\d+ was saved that way \[item 0\]$/,
		);
		expect(item.json.description).toContain(
			`sent "${t()}Star ⭐ and 🌟", stored "${t()}Star ⭐ and ????"`,
		);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('an owner given by name in Fields (JSON) points at assigned_user_id and says JSON is sent as written', async () => {
		const owner = String(bed.credentials.data('cred-1').username);
		const result = await bed.run(
			createContact({ lastname: `${t()}Owned`, assigned_user_id: owner }),
		);
		expect(result.error?.message).toBe(
			`The owner "${owner}" in assigned_user_id is not the ID of a user or group, such as 19x1 [item 0]`,
		);
		expect(result.error?.description).toMatch(
			/^Values given as JSON or as name\/value pairs are sent to Vtiger as written; the field mapper and "Assign To" under Options also take user and group names/,
		);
	});
});
