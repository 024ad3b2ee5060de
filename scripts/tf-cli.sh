#!/usr/bin/env bash
# Prints the absolute path of a Terraform-compatible CLI, and nothing else, on stdout.
#
#   scripts/tf-cli.sh           terraform from PATH if present and working, else OpenTofu
#   TF_CLI_KIND=tofu  ...       always OpenTofu
#   TF_CLI_KIND=terraform ...   terraform from PATH, or fail
#   scripts/tf-cli.sh --env     prints `TF_CLI_PATH=...` and `TF_CLI_KIND=terraform|tofu`
#                               lines (for `eval` or a Makefile)
#
# OpenTofu is built once from the Go module proxy (there is no other way to get
# it here: no Debian/npm package, and `go install .../cmd/tofu@v` fails because
# of a replace directive) and cached outside the repository in
#   ${INSTAGRAM_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-instagram}/tofu-v1.12.6/tofu
# A cold build takes about 6.5 minutes and about 3 GB of module downloads.
#
# Acceptance tests must get this path in TF_ACC_TERRAFORM_PATH so that
# terraform-plugin-testing never tries to download a CLI (never set
# TF_ACC_TERRAFORM_VERSION).
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

mode="path"
case "${1:-}" in
"") ;;
--env) mode="env" ;;
-h | --help)
	sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
*) die "usage: $0 [--env]" ;;
esac

# terraform_from_path prints the absolute path of a working terraform on PATH.
terraform_from_path() {
	local tf cfg
	tf="$(command -v terraform 2>/dev/null)" || return 1
	tf="$(realpath "$tf")"
	cfg="$(mktemp)"
	# "Working" = `terraform version` runs with a valid CLI config.
	if TF_CLI_CONFIG_FILE="$cfg" "$tf" version >/dev/null 2>&1; then
		rm -f "$cfg"
		printf '%s\n' "$tf"
		return 0
	fi
	rm -f "$cfg"
	warn "terraform on PATH ($tf) does not run; falling back to OpenTofu"
	return 1
}

# build_tofu builds OpenTofu into $dest (called under a lock).
build_tofu() {
	local dest="$1" dir="$2"
	[ -x "$dest" ] && return 0

	local src="$dir/src" start=$SECONDS
	step "building OpenTofu v${TOFU_VERSION} from the Go module proxy into $dir (once; ~6.5 min, ~3 GB of modules)"
	rm -rf "$src"
	mkdir -p "$src"
	# The wrapper module: OpenTofu's own go.mod replaces hcl/v2 with its fork,
	# and replace directives of dependencies are ignored, so we repeat it here.
	cat >"$src/go.mod" <<EOF
module local/tofu-build

go 1.25

require github.com/opentofu/opentofu v${TOFU_VERSION}

replace github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828
EOF
	cat >"$src/tools.go" <<'EOF'
//go:build tools

package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
EOF
	# Commands are chained with && because `set -e` is off inside `( ... ) || ...`.
	(
		cd "$src" &&
			# Isolate from any workspace or -mod flag of the caller.
			export GOWORK=off GOFLAGS=-buildvcs=false GOTOOLCHAIN=local &&
			step "go mod tidy (downloads OpenTofu's dependencies)" &&
			go mod tidy >&2 &&
			step "go build github.com/opentofu/opentofu/cmd/tofu" &&
			# version.dev=no makes `tofu version` report a release, not a dev build.
			go build -trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
				-o "$dest.tmp.$$" github.com/opentofu/opentofu/cmd/tofu >&2
	) || {
		rm -rf "$dest.tmp.$$" "$src"
		die "building OpenTofu v${TOFU_VERSION} failed (see above)"
	}
	# Atomic on the same filesystem: a concurrent reader sees no binary or a whole one.
	mv -f "$dest.tmp.$$" "$dest"
	rm -rf "$src"
	ok "OpenTofu v${TOFU_VERSION} built in $((SECONDS - start))s: $dest"
}

# tofu_path prints the path of the cached OpenTofu, building it if needed.
tofu_path() {
	local dir dest
	dir="$(tools_cache_dir)/tofu-v${TOFU_VERSION}"
	dest="$dir/tofu"
	if [ ! -x "$dest" ]; then
		mkdir -p "$dir"
		with_lock "$dir/.build.lock" build_tofu "$dest" "$dir" || return 1
	fi
	[ -x "$dest" ] || die "no OpenTofu binary at $dest"
	printf '%s\n' "$dest"
}

kind="${TF_CLI_KIND:-}"
case "$kind" in
tofu) cli="$(tofu_path)" || exit 1 ;;
terraform) cli="$(terraform_from_path)" || die "TF_CLI_KIND=terraform but no working terraform on PATH" ;;
"")
	if cli="$(terraform_from_path)"; then
		kind=terraform
	else
		cli="$(tofu_path)" || exit 1
		kind=tofu
	fi
	;;
*) die "TF_CLI_KIND must be terraform, tofu or empty (got '$kind')" ;;
esac

if [ "$mode" = env ]; then
	printf 'TF_CLI_PATH=%s\nTF_CLI_KIND=%s\n' "$cli" "$kind"
else
	printf '%s\n' "$cli"
fi
