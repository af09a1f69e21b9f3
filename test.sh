#!/usr/bin/env bash
# Every test of the repository, on a machine that has only the .NET SDK (README's second command).
#
#   ./test.sh                          build and run every test (dotnet test Generator.sln)
#   ./test.sh -c Release --no-build    extra arguments go to dotnet test
#   ./test.sh --prerequisites          only install what the tests and the native AOT publish need
#
# First installs the Debian packages the tests need when they are missing: redis-server (tests/Redis.Tests and
# tests/AspNetCore.Tests start their own on a free loopback port), wrk (load checks), clang and zlib1g-dev
# (native AOT publishing). Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

install_prerequisites() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v clang >/dev/null 2>&1 || missing+=(clang)
  dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q "install ok installed" || missing+=(zlib1g-dev)
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "The tests need these Debian packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]}) and run again." >&2
      exit 1
    fi
    sudo=(sudo)
  fi

  echo "== Installing ${missing[*]}"
  local log
  log=$(mktemp)
  if ! { "${sudo[@]}" apt-get update -qq \
      && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -50 "$log" >&2
    echo "Installing ${missing[*]} failed (the log is above)." >&2
    exit 1
  fi
  rm -f "$log"
}

install_prerequisites
if [ "${1:-}" = "--prerequisites" ]; then
  exit 0
fi

if [ ! -d ../shared/corpus ]; then
  echo "Note: ../shared/corpus is missing beside the repository; the tests that read the corpora will fail and say so." >&2
fi

log=$(mktemp)
status=0
dotnet test Generator.sln "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line across the test assemblies.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
if [ "$status" -eq 0 ] && [ "$failed" -ne 0 ]; then
  status=1
fi
exit "$status"
