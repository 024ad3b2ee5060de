#!/usr/bin/env bash
# Regenerates docs/ from the provider schema, examples/ and templates/, offline,
# then runs `tfplugindocs validate`.
#
#   scripts/docs.sh           regenerate docs/ and validate
#   scripts/docs.sh --check   the same, then fail if docs/ differs from what is
#                             committed/staged or has untracked files (CI)
#
# The one way we do it, for terraform and OpenTofu alike: we ask the CLI from
# scripts/tf-cli.sh for the schema ourselves (`providers schema -json` on a
# config that only requires our provider, installed through dev_overrides),
# rewrite the provider's key to registry.terraform.io/hashicorp/instagram (the
# key tfplugindocs looks up) and pass the file with --providers-schema, so
# tfplugindocs neither builds the provider nor looks for terraform on PATH
# (it would try to download one otherwise). Never pass --tf-version: it downloads.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
root="$(repo_root)"
cd "$root"

check=false
case "${1:-}" in
"") ;;
--check) check=true ;;
*) die "usage: $0 [--check]" ;;
esac

cli="$(scripts/tf-cli.sh)"
kind="$(cli_kind "$cli")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step "docs: building the provider"
mkdir -p "$tmp/bin" "$tmp/work"
go build -o "$tmp/bin/terraform-provider-${PROVIDER_TYPE}" .

write_cli_config "$tmp/cli.tfrc" "$tmp/bin"
cat >"$tmp/work/main.tf" <<EOF
terraform {
  required_providers {
    ${PROVIDER_TYPE} = {
      source = "${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}"
    }
  }
}
EOF

step "docs: reading the schema with $kind ($cli)"
# No `init`: with dev_overrides the CLI uses the local binary directly, and
# init would try the registry and fail. The dev_overrides warning goes to stderr.
if ! (cd "$tmp/work" && TF_CLI_CONFIG_FILE="$tmp/cli.tfrc" TF_IN_AUTOMATION=1 \
	"$cli" providers schema -json >"$tmp/schema.raw.json" 2>"$tmp/schema.err"); then
	cat "$tmp/schema.err" >&2
	die "docs: '$kind providers schema -json' failed"
fi
# terraform keys the provider registry.terraform.io/..., tofu registry.opentofu.org/...
sed -E 's#"registry\.(terraform\.io|opentofu\.org)/'"${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}"'"#"registry.terraform.io/hashicorp/'"${PROVIDER_TYPE}"'"#' \
	"$tmp/schema.raw.json" >"$tmp/schema.json"
grep -q "\"registry.terraform.io/hashicorp/${PROVIDER_TYPE}\"" "$tmp/schema.json" ||
	die "docs: the schema JSON has no entry for ${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}"

# tfplugindocs is chatty (DEBUG lines): keep its output for failures only.
for cmd in generate validate; do
	step "docs: tfplugindocs $cmd"
	if ! go tool tfplugindocs "$cmd" --provider-name "$PROVIDER_TYPE" \
		--providers-schema "$tmp/schema.json" >"$tmp/tfplugindocs-$cmd.log" 2>&1; then
		cat "$tmp/tfplugindocs-$cmd.log" >&2
		die "docs: tfplugindocs $cmd failed"
	fi
done

if $check; then
	# `validate` does not notice a stale, deleted or hand-edited page: compare
	# with git. Staged changes count as "committed" here (CI runs on a fresh clone).
	untracked="$(git ls-files --others --exclude-standard -- docs/)"
	if ! git diff --exit-code --stat -- docs/ >&2 || [ -n "$untracked" ]; then
		[ -n "$untracked" ] && printf 'untracked:\n%s\n' "$untracked" >&2
		die "docs/ is out of date: run 'make docs' and commit the result"
	fi
	ok "docs/ is up to date"
else
	ok "docs/ regenerated"
fi
