import { NodeOperationError } from 'n8n-workflow';

import type { VtigerClient } from '../transport/client';
import { selectWhere } from '../vtql/select';

/**
 * The ws id of the user the credential logs in as, which its login stored. A credential without a
 * session yet logs in on the first request (listtypes, kept for the execution); one whose session
 * predates the stored id asks Vtiger for the user by name.
 */
export async function currentUserId(client: VtigerClient): Promise<string> {
	return await client.memo('userId', async () => {
		const before = await client.credentialUser();
		if (!before.userId && !before.loggedIn) await client.listTypes();
		const { username, userId } = await client.credentialUser();
		if (userId) return userId;
		const [user] = await client.query(
			selectWhere(
				{
					module: 'Users',
					fields: ['id'],
					conditions: [{ field: 'user_name', operator: 'equal', value: username }],
				},
				1,
			),
		);
		if (typeof user?.id === 'string' && user.id) return user.id;
		throw new NodeOperationError(
			client.node,
			`Vtiger did not say which user "${username}" is, so no default owner can be set`,
			{ description: 'Choose the owner under "Assign To", or run the workflow again.' },
		);
	});
}
