#!/usr/bin/env bash
# npm run vtiger:up: a real Vtiger CRM 8.3.0 on 127.0.0.1, installed once in VTIGER_HOME and
# (re)started on later runs. See test/vtiger/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bound_run "${VTIGER_UP_TIMEOUT:-1800}" "${BASH_SOURCE[0]}" "$@"
need_root vtiger:up
source "$VTIGER_SCRIPTS/system.sh"
source "$VTIGER_SCRIPTS/web.sh"
source "$VTIGER_SCRIPTS/state.sh"
take_lock
mkdir -p "$VTIGER_LOG"

install_packages
map_vtiger_hosts
prepare_dirs

fresh_install() {
	[[ -f $VTIGER_TARBALL ]] || die "Vtiger tarball not found: $VTIGER_TARBALL
  Set VTIGER_TARBALL to vtigercrm-8.3.0-with-vendor.tar.gz, or to the official vtigercrm8.3.0.tar.gz
  from Vtiger's SourceForge project (https://sourceforge.net/projects/vtigercrm/files/), whose vendor/
  folder is empty: unpack it, run 'composer install --no-dev' inside vtigercrm/, pack it again."
	log "no complete install in $VTIGER_HOME: installing from $VTIGER_TARBALL"
	web_stop
	db_stop
	rm -rf "$VTIGER_DIR" "$VTIGER_SNAPSHOT" "$VTIGER_LOG/web"
	find "$VTIGER_SESSIONS" -mindepth 1 -delete
	tar -C "$VTIGER_HOME" -xzf "$VTIGER_TARBALL"
	[[ -f "$VTIGER_DIR/vtigerversion.php" && -f "$VTIGER_DIR/vendor/autoload.php" ]] \
		|| die "$VTIGER_TARBALL did not unpack to vtigercrm/ with vendor/autoload.php (run composer install in it)"
	chown -R www-data:www-data "$VTIGER_DIR"
	db_init_datadir
	db_start
	db_create
	web_start
	web_install
	web_first_login admin "$VTIGER_ADMIN_PASSWORD"
	log "user $VTIGER_NONADMIN_USERNAME, role '$VTIGER_NONADMIN_ROLE' (through Vtiger's Users class)"
	install_tools
	php_cli "$VTIGER_HOME/tools/users.php" create "$VTIGER_NONADMIN_USERNAME" "$VTIGER_NONADMIN_PASSWORD" \
		"$VTIGER_NONADMIN_ROLE" >>"$VTIGER_LOG/users.log"
	web_first_login "$VTIGER_NONADMIN_USERNAME" "$VTIGER_NONADMIN_PASSWORD"
	snapshot_save
	printf 'VTIGER_INSTALLED_PORT=%s\nVTIGER_INSTALLED_DB_PORT=%s\nVTIGER_INSTALLED_AT=%s\n' \
		"$VTIGER_PORT" "$VTIGER_DB_PORT" "$(date -u +%FT%TZ)" >"$VTIGER_MARKER"
	log "installed"
}

if [[ -f $VTIGER_MARKER && ! ( -s "$VTIGER_DIR/config.inc.php" && -d "$VTIGER_DATADIR/$VTIGER_DB_NAME" && -s "$VTIGER_SNAPSHOT/vtiger.sql" ) ]]; then
	log "$VTIGER_HOME is marked installed but its Vtiger folder, database or snapshot is missing"
	rm -f "$VTIGER_MARKER"
fi
if [[ -f $VTIGER_MARKER ]]; then
	# shellcheck disable=SC1090
	source "$VTIGER_MARKER"
	[[ $VTIGER_INSTALLED_PORT == "$VTIGER_PORT" && $VTIGER_INSTALLED_DB_PORT == "$VTIGER_DB_PORT" ]] \
		|| die "the Vtiger in $VTIGER_HOME was installed for ports $VTIGER_INSTALLED_PORT/$VTIGER_INSTALLED_DB_PORT (its site_URL is fixed): use those, or delete $VTIGER_HOME"
	log "Vtiger installed in $VTIGER_HOME ($VTIGER_INSTALLED_AT): starting the services"
	db_start
	web_start
else
	fresh_install
fi
apply_global_permissions
write_target_env
smoke_check

cat >&2 <<INFO
[vtiger] ready in $(($(date +%s) - vt_t0)) s: $VTIGER_URL
[vtiger]   admin                     password $VTIGER_ADMIN_PASSWORD  access key $(access_key admin)
[vtiger]   $VTIGER_NONADMIN_USERNAME ($VTIGER_NONADMIN_ROLE)  password $VTIGER_NONADMIN_PASSWORD  access key $(access_key "$VTIGER_NONADMIN_USERNAME")
[vtiger]   target file: $VTIGER_TARGET_ENV (copy: $VTIGER_REPO_ENV); logs: $VTIGER_LOG
INFO
