#!/usr/bin/env bash
# npm run vtiger:down: stops the Apache and the MariaDB that vtiger:up started. Keeps the install.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bound_run "${VTIGER_DOWN_TIMEOUT:-180}" "${BASH_SOURCE[0]}" "$@"
need_root vtiger:down
[[ -d $VTIGER_HOME ]] || { log "nothing in $VTIGER_HOME"; exit 0; }
take_lock
web_stop
db_stop
! pid_alive "$VTIGER_RUN/apache2.pid" && ! pid_alive "$VTIGER_RUN/mysqld.pid" || die "something is still running"
log "stopped"
