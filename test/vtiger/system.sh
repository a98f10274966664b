# Debian packages and /etc/hosts. Sourced.
# shellcheck shell=bash

install_packages() {
	local missing=() p
	for p in "${VTIGER_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if ((${#missing[@]} == 0)); then log "Debian packages present"; return; fi
	log "Debian packages missing: ${missing[*]} (apt-get update + install, several minutes)"
	# Package scripts must not start Apache or MariaDB on their default ports: we run our own.
	local policy=/usr/sbin/policy-rc.d ours=0
	if [[ ! -e $policy ]]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && ours=1
	fi
	local rc=0
	{
		DEBIAN_FRONTEND=noninteractive apt-get update -q &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
	} >"$VTIGER_LOG/apt.log" 2>&1 || rc=$?
	((ours)) && rm -f "$policy"
	((rc == 0)) || die "apt-get failed (exit $rc), see $VTIGER_LOG/apt.log"
}

# The installer posts to stats.vtiger.com; Vtiger may reach for marketplace.vtiger.com.
map_vtiger_hosts() {
	local h
	for h in stats.vtiger.com marketplace.vtiger.com; do
		if ! grep -Eq "^[[:space:]]*127\.0\.0\.1[[:space:]]+(.*[[:space:]])?${h//./\\.}([[:space:]]|$)" /etc/hosts; then
			log "/etc/hosts: $h -> 127.0.0.1"
			# append in place: /etc/hosts may be a bind mount that cannot be replaced
			printf '127.0.0.1 %s # n8n-nodes-vtiger-webservice test/vtiger\n' "$h" >>/etc/hosts
		fi
	done
}
