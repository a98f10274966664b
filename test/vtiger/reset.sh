#!/usr/bin/env bash
# npm run vtiger:reset: back to the clean state kept right after the install.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bound_run "${VTIGER_RESET_TIMEOUT:-300}" "${BASH_SOURCE[0]}" "$@"
need_root vtiger:reset
source "$VTIGER_SCRIPTS/state.sh"
[[ -f $VTIGER_MARKER ]] || die "no complete install in $VTIGER_HOME: run npm run vtiger:up"
take_lock
prepare_dirs
db_start
web_start
snapshot_restore
apply_global_permissions
write_target_env
smoke_check
log "reset done"
