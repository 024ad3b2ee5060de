#!/usr/bin/env bash
# Prints the path of a pinned development tool, installing it with `go install`
# into the tools cache (outside the repo) the first time:
#
#   scripts/tool.sh golangci-lint   # v2.15.0, ~2.7 min cold
#   scripts/tool.sh goreleaser      # v2.16.0, ~4.3 min cold (the only v2 that builds here)
#   scripts/tool.sh actionlint      # v1.7.12, for the GitHub Actions workflows under examples/
#
# Versions are pinned in scripts/lib.sh. Progress goes to stderr.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

case "${1:-}" in
golangci-lint)
	go_install_tool golangci-lint github.com/golangci/golangci-lint/v2/cmd/golangci-lint "$GOLANGCI_LINT_VERSION"
	;;
goreleaser)
	go_install_tool goreleaser github.com/goreleaser/goreleaser/v2 "$GORELEASER_VERSION"
	;;
actionlint)
	go_install_tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$ACTIONLINT_VERSION"
	;;
*) die "usage: $0 golangci-lint|goreleaser|actionlint" ;;
esac
