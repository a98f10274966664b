/** User > Get Current. What a user who may not read Users sees: credential.test.ts. */
import { useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

emulatorOnlyDescribe('reads the request log and the seeded admin')('User resource', () => {
	const bed = useTestBed();

	test('User > Get Current returns the credential user', async () => {
		const [user] = await bed.json({ resource: 'user', operation: 'getCurrent' });
		expect(user).toMatchObject({ id: '19x1', user_name: 'admin' });
	});
});
