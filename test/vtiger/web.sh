# The web installer and the first-login pages, driven with curl and a cookie jar. Sourced.
# shellcheck shell=bash

WEB_WORK="$VTIGER_LOG/web"

# web_get NAME PATH_AND_QUERY: GET, page saved as $WEB_WORK/NAME.html
# web_post NAME PATH FIELD=VALUE...: POST (fields url-encoded), page saved likewise.
_web() {
	local name=$1 max=$2
	shift 2
	local code
	code=$(curl -sS --max-time "$max" -o "$WEB_WORK/$name.html" -D "$WEB_WORK/$name.headers" -w '%{http_code}' \
		-b "$WEB_JAR" -c "$WEB_JAR" "$@") || die "web request $name failed (curl), see $WEB_WORK/$name.html"
	[[ $code == 200 || $code == 302 || $code == 303 ]] || die "web request $name answered HTTP $code, see $WEB_WORK/$name.html"
	printf '%s %s\n' "$name" "$code" >>"$WEB_WORK/requests.log"
}
web_get() { local name=$1; _web "$name" 60 "${VTIGER_URL}$2"; }
web_post() {
	local name=$1 path=$2 max=${WEB_MAX:-60} f args=()
	shift 2
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	_web "$name" "$max" "${args[@]}" "${VTIGER_URL}$path"
}
# CSRF token (__vtrftk) that csrf-magic put into the page NAME.
web_token() {
	local t
	t=$(grep -o 'csrfMagicToken = "[^"]*"' "$WEB_WORK/$1.html" | head -1 | sed 's/^csrfMagicToken = "//; s/"$//')
	[[ -n $t ]] || die "no __vtrftk token in page $1 ($WEB_WORK/$1.html)"
	printf '%s' "$t"
}
web_new_session() {
	mkdir -p "$WEB_WORK"
	WEB_JAR="$WEB_WORK/$1.cookies"
	rm -f "$WEB_JAR"
}

web_install() {
	web_new_session install
	local base='index.php?module=Install&view=Index'
	log "installer step 1 (language)"
	web_get step1 "$base"
	web_post step2 index.php module=Install view=Index mode=Step2 lang=en_us "__vtrftk=$(web_token step1)"
	log "installer steps 2-3 (licence, PHP checks)"
	web_get step3 "$base&mode=Step3"
	web_get step4 "$base&mode=Step4"
	log "installer step 4 (database, admin, currency, time zone, date format)"
	web_post step5 index.php module=Install view=Index mode=Step5 "__vtrftk=$(web_token step4)" \
		db_type=mysqli "db_hostname=127.0.0.1:$VTIGER_DB_PORT" "db_username=$VTIGER_DB_USER" \
		"db_password=$VTIGER_DB_PASSWORD" "db_name=$VTIGER_DB_NAME" \
		"currency_name=USA, Dollars" admin=admin "password=$VTIGER_ADMIN_PASSWORD" \
		"retype_password=$VTIGER_ADMIN_PASSWORD" firstname=Test lastname=Administrator \
		admin_email=admin@example.com dateformat=yyyy-mm-dd timezone=UTC
	local auth_key
	auth_key=$(grep -o 'name="auth_key" value="[^"]*"' "$WEB_WORK/step5.html" | head -1 | sed 's/.*value="//; s/"$//')
	if [[ -z $auth_key ]] || grep -q 'ERR_\|errorMessage' "$WEB_WORK/step5.html"; then
		grep -o '<p[^>]*>[^<]*</p>' "$WEB_WORK/step5.html" | head -5 >&2 || true
		die "installer step 5 refused the database settings, see $WEB_WORK/step5.html"
	fi
	log "installer step 5 (confirm)"
	web_post step6 index.php module=Install view=Index mode=Step6 "__vtrftk=$(web_token step5)" "auth_key=$auth_key"
	log "installer step 6 -> 7: creating the tables, installing the modules (20 s to 2 min)"
	WEB_MAX=900 web_post step7 index.php module=Install view=Index mode=Step7 "__vtrftk=$(web_token step6)" \
		"auth_key=$auth_key" myname=Test myemail=admin@example.com industry=Other
	[[ -s "$VTIGER_DIR/config.inc.php" ]] || die "installer did not write config.inc.php, see $WEB_WORK/step7.html"
	grep -q 'action="?module=Users&action=Login"' "$WEB_WORK/step7.html" \
		|| die "installer step 7 did not end on its login form, see $WEB_WORK/step7.html"
	log "installer finished"
}

# Log USER in through the login form; then walk the first-login pages (SystemSetup for the
# first admin: all feature packages; UserSetup: currency, language, time zone, date format).
web_first_login() {
	local user=$1 password=$2
	web_new_session "login-$user"
	web_get "$user-loginpage" 'index.php?module=Users&view=Login'
	web_post "$user-login" index.php module=Users action=Login "username=$user" "password=$password" \
		"__vtrftk=$(web_token "$user-loginpage")"
	grep -qi '^location:.*error=login' "$WEB_WORK/$user-login.headers" && die "web login of $user refused"
	web_get "$user-systemsetup" 'index.php?module=Users&parent=Settings&view=SystemSetup'
	if grep -q 'SystemSetupSave' "$WEB_WORK/$user-systemsetup.html"; then
		log "first login of $user: SystemSetup (all feature packages)"
		web_post "$user-systemsetupsave" 'index.php?module=Users&action=SystemSetupSave' \
			"__vtrftk=$(web_token "$user-systemsetup")" packages[Tools]=on packages[Sales]=on \
			packages[Marketing]=on packages[Support]=on packages[Inventory]=on packages[Project]=on
	fi
	web_get "$user-usersetup" 'index.php?module=Users&parent=Settings&view=UserSetup'
	if grep -q 'UserSetupSave' "$WEB_WORK/$user-usersetup.html"; then
		log "first login of $user: UserSetup (currency, language, time zone, date format)"
		local record
		record=$(grep -o 'name="record" value="[0-9]*"' "$WEB_WORK/$user-usersetup.html" | head -1 | grep -o '[0-9]*' || true)
		web_post "$user-usersetupsave" 'index.php?module=Users&action=UserSetupSave' \
			"__vtrftk=$(web_token "$user-usersetup")" "record=$record" "currency_name=USA, Dollars" \
			lang_name=en_us time_zone=UTC date_format=yyyy-mm-dd
	fi
	web_get "$user-home" 'index.php'
	grep -qi '^location:.*\(SystemSetup\|UserSetup\|Login\)' "$WEB_WORK/$user-home.headers" \
		&& die "first-login set-up of $user did not finish, see $WEB_WORK/$user-home.headers"
	return 0
}
