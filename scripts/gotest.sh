#!/usr/bin/env bash
# Runs `go test` with the acceptance-test environment set up, passing all
# arguments through:
#
#   scripts/gotest.sh ./... -count=1 -timeout 60m
#   scripts/gotest.sh ./internal/provider -run TestAccMedia -count=1 -v
#   TF_CLI_KIND=tofu scripts/gotest.sh ./... -run TestAcc
#
# Environment it sets for go test:
#   TF_ACC=1                          run acceptance tests (against the in-process emulator)
#   TF_ACC_TERRAFORM_PATH=<cli>       from scripts/tf-cli.sh: the harness never downloads a CLI
#   TF_CLI_CONFIG_FILE=<empty file>   created here; the inherited one may point at a missing file
#   TF_ACC_PROVIDER_NAMESPACE=terraform-instagram
#                                     the provider's real namespace, for both CLIs, so a test
#                                     config with a `terraform {}` block behaves the same under both
#   TF_ACC_PROVIDER_HOST=registry.opentofu.org   (tofu only) tofu's default registry host
#   CHECKPOINT_DISABLE=1
# and unsets TF_ACC_TERRAFORM_VERSION (setting it makes the harness download terraform).
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$(repo_root)"

# --env prints TF_CLI_PATH=... and TF_CLI_KIND=...; the OpenTofu build (if
# any) logs to stderr. Assign first so that a failure stops the script.
cli_env="$(scripts/tf-cli.sh --env)"
eval "$cli_env"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
write_cli_config "$tmp/cli.tfrc"

export TF_ACC=1
export TF_ACC_TERRAFORM_PATH="$TF_CLI_PATH"
export TF_CLI_CONFIG_FILE="$tmp/cli.tfrc"
export TF_ACC_PROVIDER_NAMESPACE="$PROVIDER_NAMESPACE"
unset TF_ACC_TERRAFORM_VERSION
if [ "$TF_CLI_KIND" = tofu ]; then
	export TF_ACC_PROVIDER_HOST=registry.opentofu.org
else
	unset TF_ACC_PROVIDER_HOST
fi
# Let tests gate on the CLI kind (tfversion checks compare tofu's own version
# numbers against terraform's feature versions).
export TF_CLI_KIND

step "go test $* (TF_ACC=1, $TF_CLI_KIND: $TF_CLI_PATH)"
go test "$@"
