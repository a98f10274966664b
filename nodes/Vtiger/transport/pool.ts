import type { VtigerLogin } from './session';

/**
 * Extra sessions for parallel requests. Vtiger handles the requests of one session one at a time
 * (PHP session locking, reference 4.5), so lane k > 0 uses its own session. They are kept for the
 * life of the n8n process per credential and CRM user, so later executions reuse them.
 */
const lanesByUser = new Map<string, Array<Promise<VtigerLogin> | undefined>>();
const namesByUser = new Map<string, string[]>();
const loggedIn = new WeakMap<Promise<VtigerLogin>, string>();

/**
 * The lane's session; `rejected` names a session the server refused: a new one is opened unless
 * another execution already replaced it (then that one is used, so a lost session means one login).
 */
export async function laneSession(
	key: string,
	lane: number,
	login: () => Promise<VtigerLogin>,
	rejected?: string,
): Promise<VtigerLogin> {
	const lanes = lanesByUser.get(key) ?? [];
	lanesByUser.set(key, lanes);
	let session = lanes[lane];
	if (!session || (rejected !== undefined && loggedIn.get(session) === rejected)) {
		const opened = login();
		lanes[lane] = opened;
		opened.then(
			({ sessionName }) => {
				loggedIn.set(opened, sessionName);
				const names = namesByUser.get(key) ?? [];
				names[lane] = sessionName;
				namesByUser.set(key, names);
			},
			() => {
				if (lanes[lane] === opened) lanes[lane] = undefined;
			},
		);
		session = opened;
	}
	return await session;
}

/**
 * Session names the lanes have had, to blank them out of error texts. Never waits for a login in
 * progress: a failing login builds its own error text while its lane still waits for it.
 */
export function laneSessionNames(key: string): string[] {
	return (namesByUser.get(key) ?? []).filter(Boolean);
}
