# shellcheck shell=bash
# Shared helpers for the scripts in this directory. Source it; do not run it.
#
#   . "$(dirname "$0")/lib.sh"
#
# Everything here writes progress to stderr so that scripts whose stdout is
# machine-read (tf-cli.sh prints a path) stay clean.

# shellcheck disable=SC2034 # used by the scripts that source this file
# Pinned tool versions. Only these are known to build from the Go module proxy
# on our machines (checked Nov 2026).
TOFU_VERSION="1.12.6"
TERRAFORM_VERSION="1.16.4"
# Terraform's nested modules that the Go module proxy does not serve (see
# build_terraform in tf-cli.sh).
TERRAFORM_STUB_BACKENDS="azure consul cos gcs kubernetes oss pg s3 oci"
GOLANGCI_LINT_VERSION="v2.15.0"
GORELEASER_VERSION="v2.16.0"
ACTIONLINT_VERSION="v1.7.12"

# Provider addresses: the one users write, under each CLI's default registry.
PROVIDER_NAMESPACE="terraform-instagram"
PROVIDER_TYPE="instagram"
PROVIDER_ADDR_TERRAFORM="registry.terraform.io/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}"
PROVIDER_ADDR_TOFU="registry.opentofu.org/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}"

# Let `set -e` apply inside $(...) too (bash >= 4.4).
shopt -s inherit_errexit 2>/dev/null || true

# Never let a CLI phone home (checkpoint) from scripts or tests.
export CHECKPOINT_DISABLE=1

# repo_root prints the absolute path of the repository root.
repo_root() {
	(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
}

# tools_cache_dir prints (and creates) the directory that caches tools built
# from source. It is outside the repository so that fresh clones and
# `git clean` keep it, and it is shared by every checkout on the machine.
tools_cache_dir() {
	local dir="${INSTAGRAM_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-instagram}"
	mkdir -p "$dir"
	(cd "$dir" && pwd -P)
}

# Colours only when stderr is a terminal (CI logs stay plain).
if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then
	_c_step=$'\033[1;34m' _c_ok=$'\033[1;32m' _c_err=$'\033[1;31m' _c_off=$'\033[0m'
else
	_c_step='' _c_ok='' _c_err='' _c_off=''
fi

# step/ok/warn/die print one short progress line to stderr.
step() { printf '%s==>%s %s\n' "$_c_step" "$_c_off" "$*" >&2; }
ok() { printf '%s ok%s %s\n' "$_c_ok" "$_c_off" "$*" >&2; }
warn() { printf '%swarn%s %s\n' "$_c_err" "$_c_off" "$*" >&2; }
die() {
	printf '%sFAIL%s %s\n' "$_c_err" "$_c_off" "$*" >&2
	exit 1
}

# with_lock LOCKFILE CMD... runs CMD while holding an exclusive lock, so that
# two concurrent `make` runs do not build the same tool twice. Without flock
# it just runs CMD (builds go to a temp path and are moved into place, so a
# race only wastes time).
with_lock() {
	local lock="$1"
	shift
	if command -v flock >/dev/null 2>&1; then
		(
			flock 9
			"$@"
		) 9>"$lock"
	else
		"$@"
	fi
}

# go_install_tool NAME PKG VERSION prints the path of NAME installed with
# `go install PKG@VERSION` into $(tools_cache_dir)/bin/NAME-VERSION/NAME,
# installing it first if needed. The versioned directory keeps a pin bump from
# silently reusing an old binary.
go_install_tool() {
	local name="$1" pkg="$2" version="$3"
	local bindir dir
	bindir="$(tools_cache_dir)/bin"
	dir="$bindir/$name-$version"
	if [ ! -x "$dir/$name" ]; then
		mkdir -p "$bindir"
		with_lock "$bindir/.$name.lock" _go_install_tool_locked "$name" "$pkg" "$version" "$dir" || return 1
	fi
	[ -x "$dir/$name" ] || die "no $name binary at $dir/$name"
	printf '%s\n' "$dir/$name"
}

# _go_install_tool_locked NAME PKG VERSION DIR: the install itself, under the lock.
_go_install_tool_locked() {
	local name="$1" pkg="$2" version="$3" dir="$4"
	[ -x "$dir/$name" ] && return 0 # another process installed it while we waited
	local tmp start=$SECONDS
	tmp="$(mktemp -d "$(dirname "$dir")/.$name-XXXXXX")" || return 1
	step "installing $name $version (go install $pkg@$version; several minutes the first time)"
	# GOFLAGS is reset so that a caller's -mod=... cannot break a module-mode install.
	if ! GOBIN="$tmp" GOFLAGS=-buildvcs=false GOTOOLCHAIN=local go install "$pkg@$version" >&2; then
		rm -rf "$tmp"
		die "go install $pkg@$version failed"
	fi
	mkdir -p "$dir" && mv -f "$tmp/$name" "$dir/$name" || return 1
	rm -rf "$tmp"
	ok "$name $version installed in $((SECONDS - start))s: $dir/$name"
}

# cli_kind CLI prints "tofu" or "terraform" for the given CLI binary.
cli_kind() {
	local cli="$1" cfg out
	cfg="$(mktemp)"
	# A valid (empty) CLI config: a missing TF_CLI_CONFIG_FILE makes OpenTofu
	# print a warning on stdout.
	out="$(TF_CLI_CONFIG_FILE="$cfg" "$cli" version 2>/dev/null || true)"
	rm -f "$cfg"
	case "$out" in
	OpenTofu*) echo tofu ;;
	*) echo terraform ;;
	esac
}

# cli_has_query CLI: the CLI has list resources (`terraform query`, Terraform >= 1.14).
cli_has_query() {
	local cli="$1" cfg help
	cfg="$(mktemp)"
	help="$(TF_CLI_CONFIG_FILE="$cfg" "$cli" -help 2>/dev/null || true)"
	rm -f "$cfg"
	grep -qE '^  query ' <<<"$help"
}

# cli_has_actions CLI: the CLI runs actions (`apply -invoke`). They came with
# list resources in Terraform 1.14 (apply -help does not mention -invoke).
cli_has_actions() { cli_has_query "$1"; }

# write_cli_config FILE [PROVIDER_BIN_DIR] writes a Terraform/OpenTofu CLI
# configuration to FILE. Without a directory it is empty (what the acceptance
# tests want: terraform-plugin-testing wires the provider in-process). With one,
# it adds dev_overrides for our provider under both registries' addresses so
# the same file works with terraform and tofu. Always point TF_CLI_CONFIG_FILE
# at such a file: the environment may set it to a missing path, and OpenTofu
# then prints a warning on stdout, which breaks terraform-exec.
write_cli_config() {
	local file="$1" bindir="${2:-}"
	if [ -z "$bindir" ]; then
		: >"$file"
		return
	fi
	cat >"$file" <<EOF
# Generated by scripts/lib.sh (write_cli_config). Do not edit.
provider_installation {
  dev_overrides {
    "${PROVIDER_ADDR_TERRAFORM}" = "${bindir}"
    "${PROVIDER_ADDR_TOFU}"   = "${bindir}"
  }
  # Every other provider installs as usual (none do: there is no registry here).
  direct {}
}
EOF
}
