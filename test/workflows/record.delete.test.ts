/** Record > Delete. */
import { useTestBed } from '../harness/fixture';

describe('Record > Delete', () => {
	const bed = useTestBed();
	const t = () => bed.crm.tag;

	test('Delete removes the record', async () => {
		const id = await bed.crm.insert('Leads', { lastname: `${t()}Delme`, company: 'Gone Inc' });
		const [result] = await bed.json({ resource: 'record', operation: 'delete', recordId: id });
		expect(result).toEqual({ id, deleted: true });
		expect((await bed.crm.records('Leads', 'lastname')).some((r) => r.id === id)).toBe(false);
		const again = await bed.run({ resource: 'record', operation: 'delete', recordId: id });
		expect(again.error?.message).toMatch(/was not found, was deleted/);
	});
});
