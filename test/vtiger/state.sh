# Database set-up, the clean snapshot, the target file, the smoke check. Sourced.
# shellcheck shell=bash

SNAPSHOT_FILES=(storage test/upload user_privileges tabdata.php parent_tabdata.php)

db_create() {
	log "MariaDB: database $VTIGER_DB_NAME (utf8) and user $VTIGER_DB_USER"
	sql <<SQL
CREATE DATABASE IF NOT EXISTS \`$VTIGER_DB_NAME\` DEFAULT CHARACTER SET utf8 COLLATE utf8_general_ci;
CREATE USER IF NOT EXISTS '$VTIGER_DB_USER'@'127.0.0.1' IDENTIFIED BY '$VTIGER_DB_PASSWORD';
CREATE USER IF NOT EXISTS '$VTIGER_DB_USER'@'localhost' IDENTIFIED BY '$VTIGER_DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$VTIGER_DB_NAME\`.* TO '$VTIGER_DB_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$VTIGER_DB_NAME\`.* TO '$VTIGER_DB_USER'@'localhost';
SQL
}

snapshot_save() {
	log "snapshot: mysqldump + ${SNAPSHOT_FILES[*]}"
	rm -rf "$VTIGER_SNAPSHOT"
	mkdir -p "$VTIGER_SNAPSHOT"
	mariadb-dump --socket="$VTIGER_SOCKET" -uroot --single-transaction --routines --triggers \
		--databases "$VTIGER_DB_NAME" >"$VTIGER_SNAPSHOT/vtiger.sql.tmp"
	mv "$VTIGER_SNAPSHOT/vtiger.sql.tmp" "$VTIGER_SNAPSHOT/vtiger.sql"
	tar -C "$VTIGER_DIR" -cf "$VTIGER_SNAPSHOT/files.tar" "${SNAPSHOT_FILES[@]}"
}

snapshot_restore() {
	[[ -s "$VTIGER_SNAPSHOT/vtiger.sql" && -s "$VTIGER_SNAPSHOT/files.tar" ]] || die "no snapshot in $VTIGER_SNAPSHOT: run npm run vtiger:up"
	log "snapshot: restoring the database"
	sql -e "DROP DATABASE IF EXISTS \`$VTIGER_DB_NAME\`"
	sql <"$VTIGER_SNAPSHOT/vtiger.sql"
	log "snapshot: restoring ${SNAPSHOT_FILES[*]}"
	(cd "$VTIGER_DIR" && rm -rf "${SNAPSHOT_FILES[@]}")
	tar -C "$VTIGER_DIR" -xpf "$VTIGER_SNAPSHOT/files.tar"
	# every webservice and web session ends, as after a restart of a real server
	find "$VTIGER_SESSIONS" -mindepth 1 -delete
}

apply_global_permissions() {
	local want=$VTIGER_NONADMIN_GLOBAL_PERMISSIONS
	[[ $want == 1 ]] || return 0
	log "profile of $VTIGER_NONADMIN_USERNAME: granting View all + Edit all (VTIGER_NONADMIN_GLOBAL_PERMISSIONS=1)"
	install_tools
	php_cli "$VTIGER_HOME/tools/users.php" global-permissions "$VTIGER_NONADMIN_USERNAME" 1 >>"$VTIGER_LOG/users.log"
}

install_tools() {
	mkdir -p "$VTIGER_HOME/tools"
	cp "$VTIGER_SCRIPTS/users.php" "$VTIGER_SCRIPTS/ws.php" "$VTIGER_HOME/tools/"
	chmod 644 "$VTIGER_HOME/tools/"*.php
}

access_key() {
	local key
	key=$(sql "$VTIGER_DB_NAME" -e "SELECT accesskey FROM vtiger_users WHERE user_name='$1' AND deleted=0")
	[[ -n $key ]] || die "no access key for user $1 in vtiger_users"
	printf '%s' "$key"
}

write_target_env() {
	local admin_key nonadmin_key
	admin_key=$(access_key admin)
	nonadmin_key=$(access_key "$VTIGER_NONADMIN_USERNAME")
	cat >"$VTIGER_TARGET_ENV.tmp" <<ENV
# Written by npm run vtiger:up ($(date -u +%FT%TZ)): the local Vtiger CRM 8.3.0 test server.
VTIGER_URL=${VTIGER_URL%/}
VTIGER_USERNAME=admin
VTIGER_ACCESS_KEY=$admin_key
VTIGER_PASSWORD=$VTIGER_ADMIN_PASSWORD
VTIGER_NONADMIN_USERNAME=$VTIGER_NONADMIN_USERNAME
VTIGER_NONADMIN_ACCESS_KEY=$nonadmin_key
VTIGER_NONADMIN_PASSWORD=$VTIGER_NONADMIN_PASSWORD
VTIGER_NONADMIN_ROLE='$VTIGER_NONADMIN_ROLE'
VTIGER_NONADMIN_GLOBAL_PERMISSIONS=$VTIGER_NONADMIN_GLOBAL_PERMISSIONS
VTIGER_VERSION=8.3.0
VTIGER_HOME=$VTIGER_HOME
VTIGER_SESSION_DIR=$VTIGER_SESSIONS
ENV
	mv "$VTIGER_TARGET_ENV.tmp" "$VTIGER_TARGET_ENV"
	chmod 644 "$VTIGER_TARGET_ENV"
	mkdir -p "$(dirname "$VTIGER_REPO_ENV")"
	cp "$VTIGER_TARGET_ENV" "$VTIGER_REPO_ENV"
}

smoke_check() {
	local key answer count
	key=$(access_key admin)
	answer=$(php "$VTIGER_SCRIPTS/ws.php" "$VTIGER_URL" admin "$key" listtypes) \
		|| die "smoke check failed: getchallenge + login + listtypes for admin answered: $answer"
	count=$(printf '%s' "$answer" | php -r '$j = json_decode(stream_get_contents(STDIN), true); echo count($j["result"]["types"]);')
	log "smoke check: admin logged in over webservice.php, listtypes returned $count types"
}
