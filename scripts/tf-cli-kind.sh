#!/usr/bin/env bash
# Prints "terraform" or "tofu": the kind of CLI that scripts/tf-cli.sh selects
# (honouring TF_CLI_KIND), or of the CLI given as the first argument.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

cli="${1:-$("$(dirname "$0")/tf-cli.sh")}"
cli_kind "$cli"
