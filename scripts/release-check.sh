#!/usr/bin/env bash
# Validates .goreleaser.yml with the pinned goreleaser (`goreleaser check`).
#
# goreleaser wants a git remote to derive the release repository from. When the
# checkout has none (a fresh `git init`, some CI clones), we supply a dummy
# origin through GIT_CONFIG_* environment variables, which git reads like
# config entries: nothing in .git/config is changed.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$(repo_root)"

goreleaser="$(scripts/tool.sh goreleaser)"

if [ -z "$(git remote 2>/dev/null)" ]; then
	step "no git remote configured: using a dummy origin for this check only"
	export GIT_CONFIG_COUNT=1
	export GIT_CONFIG_KEY_0=remote.origin.url
	export GIT_CONFIG_VALUE_0=https://github.com/terraform-instagram/terraform-provider-instagram.git
fi

step "goreleaser check ($goreleaser)"
"$goreleaser" check
