<?php
/*
 * Minimal webservice client of test/vtiger (php-cli + curl), for the smoke check and for poking
 * at the server by hand:
 *   php ws.php URL USER ACCESS_KEY OPERATION [name=value ...]
 * Logs in (getchallenge, login with md5(token . accessKey)), runs OPERATION (GET for listtypes,
 * describe, query, retrieve; POST otherwise) and prints the raw JSON answer of OPERATION.
 * With OPERATION "login" it prints the login answer only. Exit code 0 when success is true.
 */
if (PHP_SAPI !== 'cli' || $argc < 5) { fwrite(STDERR, "usage: php ws.php URL USER ACCESS_KEY OPERATION [name=value ...]\n"); exit(2); }
[$_, $url, $user, $key, $operation] = $argv;
$endpoint = rtrim($url, '/') . '/webservice.php';

function call($endpoint, $method, $params) {
	$ch = curl_init();
	$query = http_build_query($params);
	curl_setopt_array($ch, array(CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 60, CURLOPT_CONNECTTIMEOUT => 5));
	if ($method === 'GET') {
		curl_setopt($ch, CURLOPT_URL, "$endpoint?$query");
	} else {
		curl_setopt_array($ch, array(CURLOPT_URL => $endpoint, CURLOPT_POST => true, CURLOPT_POSTFIELDS => $query));
	}
	$body = curl_exec($ch);
	$code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
	if ($body === false) { fwrite(STDERR, "ws.php: " . curl_error($ch) . "\n"); exit(3); }
	$json = json_decode($body, true);
	if (!is_array($json)) { fwrite(STDERR, "ws.php: HTTP $code, not JSON: " . substr($body, 0, 300) . "\n"); exit(3); }
	return array($body, $json);
}

[, $challenge] = call($endpoint, 'GET', array('operation' => 'getchallenge', 'username' => $user));
if (empty($challenge['success'])) { echo json_encode($challenge), "\n"; exit(1); }
[$loginBody, $login] = call($endpoint, 'POST', array('operation' => 'login', 'username' => $user,
	'accessKey' => md5($challenge['result']['token'] . $key)));
if ($operation === 'login' || empty($login['success'])) { echo $loginBody, "\n"; exit(empty($login['success']) ? 1 : 0); }

$params = array('operation' => $operation, 'sessionName' => $login['result']['sessionName']);
for ($i = 5; $i < $argc; $i++) {
	$eq = strpos($argv[$i], '=');
	if ($eq === false) { fwrite(STDERR, "ws.php: argument '{$argv[$i]}' is not name=value\n"); exit(2); }
	$params[substr($argv[$i], 0, $eq)] = substr($argv[$i], $eq + 1);
}
$method = in_array($operation, array('listtypes', 'describe', 'query', 'retrieve', 'sync', 'relatedtypes', 'retrieve_related', 'query_related', 'files_retrieve', 'retrieve_inventory'), true) ? 'GET' : 'POST';
[$body, $json] = call($endpoint, $method, $params);
echo $body, "\n";
exit(empty($json['success']) ? 1 : 0);
