#!/usr/bin/env bash
# Validates the GitHub Actions workflows that examples ship (e.g.
# examples/content-calendar/.github/workflows/) with the pinned actionlint
# (scripts/lib.sh; installed on first use). `make test` runs it.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$(repo_root)"

actionlint="$(scripts/tool.sh actionlint)"

shopt -s nullglob
workflows=(examples/*/.github/workflows/*.yml examples/*/.github/workflows/*.yaml)
[ "${#workflows[@]}" -gt 0 ] || die "no workflow files under examples/*/.github/workflows/"

step "actionlint ${workflows[*]}"
# shellcheck and pyflakes are turned off so that every machine checks the
# same thing, whether or not it has them.
"$actionlint" -no-color -shellcheck= -pyflakes= "${workflows[@]}"
ok "${#workflows[@]} workflow files are valid"
