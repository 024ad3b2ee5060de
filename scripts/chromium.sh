#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium, and nothing else, on stdout,
# installing Debian's `chromium` package first when none is on PATH:
#
#   scripts/chromium.sh        # e.g. /usr/bin/chromium
#
# The preview's browser test (internal/preview, run by `make test`) calls it,
# so a fresh machine or CI gets the browser without a manual step. Installing
# needs root (CI runs as root) and Debian's package archive; it takes a few
# minutes the first time. CHROMIUM=/path/to/chrome uses that browser instead.
# Progress goes to stderr.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

find_chromium() {
	if [ -n "${CHROMIUM:-}" ]; then
		[ -x "$CHROMIUM" ] || die "CHROMIUM=$CHROMIUM is not an executable"
		printf '%s\n' "$CHROMIUM"
		return 0
	fi
	local name
	for name in chromium chromium-browser google-chrome-stable google-chrome; do
		if command -v "$name" >/dev/null 2>&1; then
			command -v "$name"
			return 0
		fi
	done
	return 1
}

install_chromium() {
	find_chromium >/dev/null && return 0 # another process installed it while we waited
	[ "$(id -u)" = 0 ] || die "Chromium is not installed and installing it needs root: run 'apt-get update && apt-get install -y chromium' (or set CHROMIUM=/path/to/chrome)"
	command -v apt-get >/dev/null 2>&1 || die "Chromium is not installed and there is no apt-get: install chromium (or set CHROMIUM=/path/to/chrome)"
	local start=$SECONDS
	step "installing Debian's chromium (apt-get update && apt-get install -y chromium; a few minutes the first time)"
	DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-color-emoji >&2 ||
		die "apt-get install chromium failed"
	ok "chromium installed in $((SECONDS - start))s"
}

if ! find_chromium; then
	with_lock "$(tools_cache_dir)/.chromium.lock" install_chromium
	find_chromium || die "chromium is still not on PATH after installing it"
fi
