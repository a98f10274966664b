/** Record > Create or Update: matching by fields, and what one, none or several matches do. */
import { useTestBed } from '../harness/fixture';

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Record > Create or Update', () => {
	const bed = useTestBed();
	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	test('Create or Update: no match creates, one match updates, several matches fail or update all', async () => {
		const upsert = (value: object, extra: object = {}) => ({
			resource: 'record',
			operation: 'upsert',
			module: rl('Contacts'),
			fieldsInput: 'mapper',
			columns: { mappingMode: 'defineBelow', value, matchingColumns: ['email'], schema: [] },
			...extra,
		});
		// The e-mail address is unique to the run (the tag is empty on the emulator).
		const email = `${t().toLowerCase()}up@example.com`;
		const [created] = await bed.json(upsert({ email, lastname: `${t()}Upsert`, phone: '1' }));
		expect(created).toMatchObject({
			upsertAction: 'created',
			lastname: `${t()}Upsert`,
			phone: '1',
		});
		const [updated] = await bed.json(upsert({ email: email.toUpperCase(), phone: '2' }));
		expect(updated).toMatchObject({
			upsertAction: 'updated',
			id: created.id,
			lastname: `${t()}Upsert`,
			phone: '2',
		});

		const twin = await bed.crm.insert('Contacts', { lastname: `${t()}Twin`, email });
		const several = await bed.run(upsert({ email, phone: '3' }));
		expect(several.error?.message).toBe(
			`2 Contacts records match email: ${created.id}, ${twin} [item 0]`,
		);
		const all = await bed.json(upsert({ email, phone: '4' }, { onSeveralMatches: 'updateAll' }));
		expect(all.map((r) => [r.id, r.phone, r.upsertAction])).toEqual([
			[created.id, '4', 'updated'],
			[twin, '4', 'updated'],
		]);

		const [byJson] = await bed.json({
			resource: 'record',
			operation: 'upsert',
			module: rl('Accounts'),
			fieldsInput: 'json',
			fieldsJson: JSON.stringify({
				accountname: `${t()}Upsert Ltd`,
				website: 'https://upsert.example',
			}),
			matchFields: ['accountname'],
		});
		expect(byJson.upsertAction).toBe('created');
		const noValue = await bed.run(upsert({ lastname: `${t()}No e-mail` }));
		expect(noValue.error?.message).toBe(
			'The field "email" is used to match records but has no value [item 0]',
		);
	});
});
