# Shared settings and helpers of the vtiger:* scripts. Sourced, not run.
# shellcheck shell=bash

VTIGER_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VTIGER_SCRIPTS="$VTIGER_REPO/test/vtiger"

: "${VTIGER_HOME:=/var/tmp/n8n-vtiger-test}"
: "${VTIGER_PORT:=8088}"
: "${VTIGER_DB_PORT:=3307}"
: "${VTIGER_TARBALL:=$VTIGER_REPO/../shared/vtiger/vtigercrm-8.3.0-with-vendor.tar.gz}"
: "${VTIGER_ADMIN_PASSWORD:=Admin@2026test}"
: "${VTIGER_NONADMIN_USERNAME:=salesrep}"
: "${VTIGER_NONADMIN_PASSWORD:=Sales@2026test}"
: "${VTIGER_NONADMIN_ROLE:=Sales Person}"
# 1 = give the non-admin user's profile the global "View all" and "Edit all" permissions.
: "${VTIGER_NONADMIN_GLOBAL_PERMISSIONS:=0}"
export VTIGER_HOME VTIGER_PORT VTIGER_DB_PORT VTIGER_TARBALL

VTIGER_DIR="$VTIGER_HOME/vtigercrm"         # document root
VTIGER_DATADIR="$VTIGER_HOME/mysql"         # MariaDB data of this instance only
VTIGER_RUN="$VTIGER_HOME/run"               # pid files, socket, apache mutexes
VTIGER_LOG="$VTIGER_HOME/log"
VTIGER_SESSIONS="$VTIGER_HOME/php-sessions" # PHP session.save_path of this Apache
VTIGER_SNAPSHOT="$VTIGER_HOME/snapshot"
VTIGER_MARKER="$VTIGER_HOME/installed.env"  # written last: its absence = install (re)done
VTIGER_TARGET_ENV="$VTIGER_HOME/target.env"
VTIGER_REPO_ENV="$VTIGER_REPO/.cache/vtiger/target.env"
VTIGER_APACHE_CONF="$VTIGER_HOME/apache2.conf"
VTIGER_SOCKET="$VTIGER_RUN/mysqld.sock"
VTIGER_URL="http://127.0.0.1:$VTIGER_PORT/"
VTIGER_DB_NAME=vtiger
VTIGER_DB_USER=vtiger
VTIGER_DB_PASSWORD=vtiger

VTIGER_PACKAGES=(apache2 libapache2-mod-php8.2 php8.2 php8.2-cli php8.2-mysql php8.2-gd
	php8.2-curl php8.2-xml php8.2-mbstring php8.2-zip php8.2-intl php8.2-imap php8.2-bcmath
	php8.2-soap mariadb-server mariadb-client curl)

# PHP settings Vtiger asks for (Apache through php_admin_value, php-cli through -d).
VTIGER_PHP_SETTINGS=(display_errors=Off max_execution_time=600 memory_limit=512M
	upload_max_filesize=16M post_max_size=16M max_input_vars=10000 date.timezone=UTC)

vt_t0=${vt_t0:-$(date +%s)}
log() { printf '[vtiger %4ss] %s\n' "$(($(date +%s) - vt_t0))" "$*" >&2; }
die() { printf '[vtiger] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() {
	[[ $EUID -eq 0 ]] || die "run as root (it installs Debian packages, runs Apache and MariaDB, edits /etc/hosts); e.g. sudo -E npm run $1"
}

# One vtiger:* command at a time on this machine (several worktrees share VTIGER_HOME).
take_lock() {
	mkdir -p "$VTIGER_HOME"
	exec 9>"$VTIGER_HOME/.lock"
	flock -w 1200 9 || die "another vtiger:* command holds $VTIGER_HOME/.lock"
}

# Whole-run bound: re-run the calling script under timeout(1) once.
bound_run() {
	local seconds=$1 script=$2
	shift 2
	if [[ -z "${VTIGER_BOUNDED:-}" ]]; then
		export VTIGER_BOUNDED=1
		# --foreground: stay in the caller's process group, so that Ctrl-C or a CI cancel reaches the run
		exec timeout --foreground -k 15 "$seconds" bash "$script" "$@"
	fi
}

pid_alive() { [[ -s "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

sql() { mariadb --socket="$VTIGER_SOCKET" -uroot --batch --skip-column-names "$@"; }

php_cli() {
	local args=() s
	for s in "${VTIGER_PHP_SETTINGS[@]}"; do args+=(-d "$s"); done
	(cd "$VTIGER_DIR" && runuser -u www-data -- php "${args[@]}" "$@")
}

# --- MariaDB -------------------------------------------------------------------
db_init_datadir() {
	log "MariaDB: new data directory $VTIGER_DATADIR"
	rm -rf "$VTIGER_DATADIR"
	mkdir -p "$VTIGER_DATADIR"
	chown mysql:mysql "$VTIGER_DATADIR"
	mariadb-install-db --no-defaults --user=mysql --datadir="$VTIGER_DATADIR" \
		--auth-root-authentication-method=socket --skip-test-db >"$VTIGER_LOG/mariadb-install-db.log" 2>&1 \
		|| die "mariadb-install-db failed, see $VTIGER_LOG/mariadb-install-db.log"
}

db_start() {
	if pid_alive "$VTIGER_RUN/mysqld.pid"; then log "MariaDB already running"; return; fi
	port_open "$VTIGER_DB_PORT" && die "port 127.0.0.1:$VTIGER_DB_PORT is taken by another program (set VTIGER_DB_PORT)"
	log "MariaDB: starting on 127.0.0.1:$VTIGER_DB_PORT"
	setsid mariadbd --no-defaults --user=mysql --datadir="$VTIGER_DATADIR" \
		--bind-address=127.0.0.1 --port="$VTIGER_DB_PORT" --socket="$VTIGER_SOCKET" \
		--pid-file="$VTIGER_RUN/mysqld.pid" --log-error="$VTIGER_LOG/mariadb.err" \
		--sql-mode=NO_ENGINE_SUBSTITUTION --character-set-server=utf8 --collation-server=utf8_general_ci \
		--skip-name-resolve --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
		--max-allowed-packet=64M </dev/null >>"$VTIGER_LOG/mariadb.out" 2>&1 9>&- &
	local i
	for i in $(seq 1 120); do
		mariadb-admin --socket="$VTIGER_SOCKET" -uroot ping >/dev/null 2>&1 && return
		sleep 0.5
	done
	die "MariaDB did not start within 60 s, see $VTIGER_LOG/mariadb.err"
}

db_stop() {
	pid_alive "$VTIGER_RUN/mysqld.pid" || return 0
	local pid
	pid=$(cat "$VTIGER_RUN/mysqld.pid")
	log "MariaDB: stopping (pid $pid)"
	mariadb-admin --socket="$VTIGER_SOCKET" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
	local i
	for i in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
	kill -9 "$pid" 2>/dev/null || true
}

# --- Apache --------------------------------------------------------------------
apache_write_conf() {
	local s php_lines=""
	for s in "${VTIGER_PHP_SETTINGS[@]}"; do php_lines+="	php_admin_value ${s%%=*} ${s#*=}"$'\n'; done
	cat >"$VTIGER_APACHE_CONF" <<CONF
# Generated by test/vtiger/lib.sh: an Apache serving only the Vtiger of $VTIGER_HOME.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$VTIGER_PORT
PidFile $VTIGER_RUN/apache2.pid
DefaultRuntimeDir $VTIGER_RUN
Mutex file:$VTIGER_RUN default
User www-data
Group www-data
ErrorLog $VTIGER_LOG/apache-error.log
LogFormat "%h %t \"%r\" %>s %b %D" timed
CustomLog $VTIGER_LOG/apache-access.log timed
LogLevel warn
Timeout 600
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 2
MinSpareServers 2
MaxSpareServers 6
MaxRequestWorkers 24
TypesConfig /etc/mime.types
DocumentRoot $VTIGER_DIR
DirectoryIndex index.php index.html
<Directory />
	AllowOverride None
	Require all denied
</Directory>
<Directory $VTIGER_DIR>
	Require all granted
</Directory>
<FilesMatch "\.php$">
	SetHandler application/x-httpd-php
</FilesMatch>
$php_lines	php_admin_value session.save_path $VTIGER_SESSIONS
	php_admin_value log_errors On
	php_admin_value error_log $VTIGER_LOG/php-error.log
CONF
}

apache_ctl() {
	# APACHE_STARTED_BY_SYSTEMD: apache2ctl must not hand over to systemctl on a systemd machine.
	# 9>&-: the daemons must not inherit (and so hold) the lock of take_lock.
	APACHE_STARTED_BY_SYSTEMD=1 APACHE_ARGUMENTS="-f $VTIGER_APACHE_CONF" apache2ctl "$@" 9>&-
}

web_start() {
	apache_write_conf
	if pid_alive "$VTIGER_RUN/apache2.pid"; then log "Apache already running"; return; fi
	port_open "$VTIGER_PORT" && die "port 127.0.0.1:$VTIGER_PORT is taken by another program (set VTIGER_PORT)"
	log "Apache: starting on $VTIGER_URL"
	apache_ctl start >>"$VTIGER_LOG/apache-ctl.log" 2>&1 || die "apache2ctl start failed, see $VTIGER_LOG/apache-ctl.log and apache-error.log"
	local i
	for i in $(seq 1 60); do
		port_open "$VTIGER_PORT" && return
		sleep 0.5
	done
	die "Apache did not listen on $VTIGER_PORT within 30 s, see $VTIGER_LOG/apache-error.log"
}

web_stop() {
	pid_alive "$VTIGER_RUN/apache2.pid" || return 0
	local pid
	pid=$(cat "$VTIGER_RUN/apache2.pid")
	log "Apache: stopping (pid $pid)"
	apache_ctl stop >>"$VTIGER_LOG/apache-ctl.log" 2>&1 || kill "$pid" 2>/dev/null || true
	local i
	for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
	kill -9 "$pid" 2>/dev/null || true
}

prepare_dirs() {
	mkdir -p "$VTIGER_HOME" "$VTIGER_RUN" "$VTIGER_LOG" "$VTIGER_SESSIONS"
	chmod 755 "$VTIGER_HOME"
	chown mysql:mysql "$VTIGER_RUN"
	chmod 755 "$VTIGER_RUN"
	chown www-data:www-data "$VTIGER_SESSIONS"
	chmod 700 "$VTIGER_SESSIONS"
	touch "$VTIGER_LOG/php-error.log"
	chown www-data:www-data "$VTIGER_LOG/php-error.log"
}
