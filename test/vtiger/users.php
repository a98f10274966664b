<?php
/*
 * Test set-up helper of test/vtiger/up.sh, run with php-cli from inside the Vtiger folder (as
 * www-data), through Vtiger's own classes; it changes none of Vtiger's files.
 *
 *   php users.php create USER PASSWORD "ROLE NAME"   creates a non-admin user if missing
 *   php users.php global-permissions USER 1|0 [1|0]   grant (1) or revoke (0) "View all" and
 *                                                     "Edit all" (or each apart: VIEW EDIT) on
 *                                                     the profiles of USER's role, then
 *                                                     RecalculateSharingRules()
 * Prints one line of JSON.
 */
if (PHP_SAPI !== 'cli') { exit(1); }
// config.inc.php turns error_reporting off: report a fatal error ourselves.
register_shutdown_function(function () {
	$e = error_get_last();
	if ($e && in_array($e['type'], array(E_ERROR, E_PARSE, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR), true)) {
		fwrite(STDERR, "users.php: PHP fatal error: {$e['message']} in {$e['file']}:{$e['line']}\n");
	}
});
set_exception_handler(function ($e) { fwrite(STDERR, 'users.php: ' . get_class($e) . ': ' . $e->getMessage() . "\n" . $e->getTraceAsString() . "\n"); exit(1); });
require_once 'vendor/autoload.php';
require_once 'config.php';
require_once 'include/utils/utils.php';
vimport('includes.runtime.EntryPoint');
require_once 'modules/Users/CreateUserPrivilegeFile.php';

global $current_user, $adb;
$current_user = Users::getActiveAdminUser();
$adb = PearDatabase::getInstance();

function fail($message) { fwrite(STDERR, "users.php: $message\n"); exit(1); }
function userId($name) {
	global $adb;
	$r = $adb->pquery('SELECT id FROM vtiger_users WHERE user_name=? AND deleted=0', array($name));
	return $adb->num_rows($r) ? (int)$adb->query_result($r, 0, 'id') : 0;
}

$command = $argv[1] ?? '';
if ($command === 'create') {
	[$_, $_, $name, $password, $roleName] = $argv + array_fill(0, 5, '');
	if ($name === '' || $password === '' || $roleName === '') fail('usage: create USER PASSWORD ROLE');
	$r = $adb->pquery('SELECT roleid FROM vtiger_role WHERE rolename=?', array($roleName));
	if (!$adb->num_rows($r)) fail("no role named '$roleName'");
	$roleId = $adb->query_result($r, 0, 'roleid');
	$id = userId($name);
	$created = false;
	if (!$id) {
		$user = CRMEntity::getInstance('Users');
		$user->mode = '';
		$fields = array(
			'user_name' => $name, 'user_password' => $password, 'confirm_password' => $password,
			'first_name' => 'Test', 'last_name' => ucfirst($name), 'email1' => "$name@example.com",
			'roleid' => $roleId, 'is_admin' => 'off', 'status' => 'Active', 'language' => 'en_us',
			'time_zone' => 'UTC', 'date_format' => 'yyyy-mm-dd', 'currency_id' => 1,
			'lead_view' => 'Today', 'hour_format' => '24', 'start_hour' => '08:00',
			'end_hour' => '18:00', 'default_record_view' => 'Summary',
		);
		foreach ($fields as $field => $value) $user->column_fields[$field] = $value;
		$user->save('Users');
		$id = (int)$user->id;
		$created = true;
	}
	echo json_encode(array('id' => $id, 'roleid' => $roleId, 'created' => $created)), "\n";
} elseif ($command === 'global-permissions') {
	$name = $argv[2] ?? '';
	$viewAll = ($argv[3] ?? '') === '1';
	$editAll = ($argv[4] ?? ($argv[3] ?? '')) === '1';
	$id = userId($name);
	if (!$id) fail("no user $name");
	$profiles = array();
	$r = $adb->pquery('SELECT rp.profileid, p.profilename FROM vtiger_user2role ur
		JOIN vtiger_role2profile rp ON rp.roleid = ur.roleid JOIN vtiger_profile p ON p.profileid = rp.profileid
		WHERE ur.userid=?', array($id));
	while ($row = $adb->fetch_array($r)) $profiles[(int)$row['profileid']] = $row['profilename'];
	// globalactionid 1 = View all, 2 = Edit all; globalactionpermission 0 = granted, 1 = not.
	foreach (array_keys($profiles) as $profileId) {
		foreach (array(1 => $viewAll, 2 => $editAll) as $action => $grant) {
			$adb->pquery('DELETE FROM vtiger_profile2globalpermissions WHERE profileid=? AND globalactionid=?', array($profileId, $action));
			$adb->pquery('INSERT INTO vtiger_profile2globalpermissions(profileid, globalactionid, globalactionpermission) VALUES (?,?,?)',
				array($profileId, $action, $grant ? 0 : 1));
		}
	}
	RecalculateSharingRules();
	echo json_encode(array('user' => $name, 'profiles' => $profiles, 'viewAll' => $viewAll, 'editAll' => $editAll)), "\n";
} else {
	fail('usage: create USER PASSWORD ROLE | global-permissions USER 1|0 [1|0]');
}
