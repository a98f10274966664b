/** Record > Update: the given fields (revise), or all of them with Replace All Fields (update). */
import { useTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

describe('Record > Update', () => {
	const bed = useTestBed();
	const t = () => bed.crm.tag;

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
});
