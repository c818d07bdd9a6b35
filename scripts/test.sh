#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs every unit and integration test.
#   scripts/test.sh [extra Maven arguments]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_packages "${BASE_PACKAGES[@]}" "${PCSC_PACKAGES[@]}" "${BROWSER_PACKAGES[@]}" "${POSTGRES_PACKAGES[@]}"
ensure_jdk

for tool in pcscd socat scriptor opensc-tool openssl unshare chromium chromedriver; do
  command -v "$tool" >/dev/null || die "$tool is not on the PATH after installing its package"
done
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || die "the vpcd driver (vsmartcard-vpcd) is missing"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || die "PostgreSQL's initdb is missing (package postgresql)"
ensure_node_tools

say "running ./mvnw verify (unit tests with Surefire, integration tests with Failsafe)"
status=0
./mvnw -B -ntp verify "$@" || status=$?

# One closing line over every module's reports, whatever Maven printed above.
passed=0; failed=0; skipped=0
for f in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
  [ -e "$f" ] || continue
  read -r t fl er sk < <(sed -n 's/.*<testsuite [^>]*tests="\([0-9]*\)"[^>]*/&/p' "$f" | head -1 \
    | awk '{ match($0,/tests="[0-9]+"/); t=substr($0,RSTART+7,RLENGTH-8);
             match($0,/failures="[0-9]+"/); f=substr($0,RSTART+10,RLENGTH-11);
             match($0,/errors="[0-9]+"/); e=substr($0,RSTART+8,RLENGTH-9);
             match($0,/skipped="[0-9]+"/); s=substr($0,RSTART+9,RLENGTH-10);
             print t+0, f+0, e+0, s+0 }')
  passed=$((passed + t - fl - er - sk)); failed=$((failed + fl + er)); skipped=$((skipped + sk))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
