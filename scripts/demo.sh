#!/usr/bin/env bash
# `make demo`: the provider end to end against the local Instagram emulator.
#
#   1. build the provider and the emulator into a temp dir
#   2. start the emulator on 127.0.0.1 (random port), with an account that
#      already has posts of every kind, and wait until it is ready
#   3. plan examples/demo and preview the plan as a pull request would
#      (instagram-preview: the Markdown comment, the HTML page and a
#      screenshot of it, in demo-output/ or $DEMO_OUT), apply that plan, show
#      its outputs, check a second plan is empty
#   4. a content calendar: a post scheduled a few seconds ahead (publish_at)
#      is recorded as scheduled and not published; the plan before its time
#      is empty; the apply after its time publishes it
#   5. (Terraform >= 1.14) adopt the existing account: `terraform query` lists
#      its posts, -generate-config-out writes their configuration in a second
#      workspace, whose plan imports them all and publishes nothing
#   6. (Terraform >= 1.14) community management: comments from other users
#      arrive on the new post; a dry run of a moderation sweep, then the sweep
#      (`apply -invoke`), which hides the spam and lists what it did
#   7. destroy
#
# Uses the CLI from scripts/tf-cli.sh (terraform, or TF_CLI_KIND=tofu). The
# emulator is stopped on exit, success or failure. Set DEMO_KEEP=1 to keep the
# temp dir (logs, state) for inspection.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
root="$(repo_root)"
cd "$root"

# The emulator's seeded Facebook-login user token (see internal/emulator).
DEMO_ACCESS_TOKEN="EAAEmulatorFacebookUserToken0001"
# The emulator's seeded account (its posts are the preview's profile grid).
DEMO_ACCOUNT_ID="17841400000000001"
EMULATOR_START_TIMEOUT="${EMULATOR_START_TIMEOUT:-30}" # seconds
# Posts the account already has before Terraform (images, reels, carousels, stories).
DEMO_SEEDED_POSTS=8
# How far ahead the calendar step schedules its post.
DEMO_SCHEDULE_SECONDS="${DEMO_SCHEDULE_SECONDS:-15}"

[ -d examples/demo ] || die "examples/demo does not exist"

tmp="$(mktemp -d)"
emulator_pid=""
cleanup() {
	local rc=$?
	if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
		kill "$emulator_pid" 2>/dev/null || true
		wait "$emulator_pid" 2>/dev/null || true
	fi
	if [ "${DEMO_KEEP:-}" = 1 ] || [ "$rc" -ne 0 ]; then
		[ "$rc" -ne 0 ] && [ -s "$tmp/emulator.log" ] && {
			warn "emulator log (last 20 lines):"
			tail -n 20 "$tmp/emulator.log" >&2
		}
		warn "kept $tmp for inspection"
	else
		rm -rf "$tmp"
	fi
	exit "$rc"
}
trap cleanup EXIT
# INT/TERM: exit with the conventional status; the EXIT trap does the cleanup.
trap 'exit 130' INT
trap 'exit 143' TERM

cli="$(scripts/tf-cli.sh)"
kind="$(cli_kind "$cli")"

step "building the provider and the emulator"
mkdir -p "$tmp/bin"
go build -o "$tmp/bin/terraform-provider-${PROVIDER_TYPE}" .
go build -o "$tmp/instagram-emulator" ./internal/emulator/cmd/instagram-emulator
go build -o "$tmp/instagram-preview" ./internal/preview/cmd/instagram-preview

step "starting the emulator on 127.0.0.1"
"$tmp/instagram-emulator" -listen 127.0.0.1:0 -addr-file "$tmp/emulator.addr" -seed-posts "$DEMO_SEEDED_POSTS" >"$tmp/emulator.log" 2>&1 &
emulator_pid=$!
# The emulator writes its URL to the addr file once it is listening. Wait for a
# complete line (it may be mid-write), fail fast if the process dies.
deadline=$((SECONDS + EMULATOR_START_TIMEOUT))
addr=""
while :; do
	if [ -s "$tmp/emulator.addr" ]; then
		addr="$(head -n 1 "$tmp/emulator.addr" | tr -d '[:space:]')"
		case "$addr" in http://127.0.0.1:[0-9]*) break ;; esac
	fi
	kill -0 "$emulator_pid" 2>/dev/null || die "the emulator exited before it was ready"
	[ "$SECONDS" -lt "$deadline" ] || die "the emulator did not write $tmp/emulator.addr within ${EMULATOR_START_TIMEOUT}s"
	sleep 0.2
done
ok "emulator at $addr"

write_cli_config "$tmp/cli.tfrc" "$tmp/bin"
mkdir -p "$tmp/work"
cp -R examples/demo/. "$tmp/work/"
# Never pick up state or lock files someone left in examples/demo.
rm -rf "$tmp/work/.terraform" "$tmp/work"/terraform.tfstate* "$tmp/work/.terraform.lock.hcl"

export TF_CLI_CONFIG_FILE="$tmp/cli.tfrc"
export TF_IN_AUTOMATION=1
export INSTAGRAM_BASE_URL="$addr"
export INSTAGRAM_ACCESS_TOKEN="$DEMO_ACCESS_TOKEN"
# Only the emulator's variables reach the provider.
unset INSTAGRAM_ACCOUNT_ID INSTAGRAM_LOGIN INSTAGRAM_APP_ID INSTAGRAM_APP_SECRET INSTAGRAM_API_VERSION

tf() { (cd "$tmp/work" && "$cli" "$@"); }

# No `init`: with dev_overrides the CLI loads the provider straight from
# $tmp/bin, and `init` would still query the registry for it and fail offline.
step "$kind plan -out  ($cli), and the plan's preview for a pull request (instagram-preview)"
tf plan -input=false -no-color -out=demo.tfplan >"$tmp/plan-first.log" 2>&1 || {
	cat "$tmp/plan-first.log" >&2
	die "plan failed"
}
tf show -json demo.tfplan >"$tmp/plan.json"
preview_dir="${DEMO_OUT:-$root/demo-output}"
mkdir -p "$preview_dir"
# --account: the grid shows the account's current posts, read from the emulator.
"$tmp/instagram-preview" --account "$DEMO_ACCOUNT_ID" --dir "$tmp/work" --markdown "$preview_dir/preview.md" --html "$preview_dir/preview.html" "$tmp/plan.json"
rm -f "$tmp/plan.json" # it holds the token in clear
cat "$preview_dir/preview.md" >&2
# A screenshot of the page in headless Chromium (installed when missing). The
# demo's image URLs are not reachable from here: every host name is made to
# fail at once, so the page shows its placeholders and nothing leaves the machine.
if chromium="$(scripts/chromium.sh)"; then
	timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/chromium" \
		--host-resolver-rules='MAP * ~NOTFOUND' --hide-scrollbars --window-size=1280,1400 \
		--screenshot="$preview_dir/preview.png" "file://$preview_dir/preview.html" >"$tmp/chromium.log" 2>&1 ||
		warn "no screenshot: chromium failed (see $tmp/chromium.log)"
else
	warn "no screenshot: no chromium"
fi
ok "the pull-request comment: $preview_dir/preview.md"
ok "the HTML page:            $preview_dir/preview.html"
[ -s "$preview_dir/preview.png" ] && ok "its screenshot:           $preview_dir/preview.png"

step "$kind apply demo.tfplan"
tf apply -auto-approve -input=false -no-color demo.tfplan >"$tmp/apply.log" 2>&1 || {
	cat "$tmp/apply.log" >&2
	die "apply failed"
}
grep -E ': (Creation|Modifications) complete|^Apply complete' "$tmp/apply.log" >&2 || true

step "$kind output"
tf output -no-color

step "$kind plan -detailed-exitcode  (must be empty)"
set +e
tf plan -detailed-exitcode -input=false -no-color >"$tmp/plan.log" 2>&1
plan_rc=$?
set -e
case "$plan_rc" in
0) ok "no changes: the applied state matches the configuration" ;;
2)
	cat "$tmp/plan.log" >&2
	if ! grep -qE '^Plan: ' "$tmp/plan.log" && grep -q '^Changes to Outputs' "$tmp/plan.log"; then
		# Resources are in sync but an output moved: typically a data source
		# read during the first plan, before the resources it counts existed.
		die "a plan right after apply changes outputs only (see above): a data source was read before apply; make it depend_on the resources it reports on"
	fi
	die "PERPETUAL DIFF: a plan right after apply wants changes (see above)"
	;;
*)
	cat "$tmp/plan.log" >&2
	die "plan failed (exit $plan_rc)"
	;;
esac

step "a content calendar: a post scheduled ${DEMO_SCHEDULE_SECONDS}s ahead (publish_at)"
publish_at="$(date -u -d "+${DEMO_SCHEDULE_SECONDS} seconds" +%Y-%m-%dT%H:%M:%SZ)"
cat >"$tmp/work/scheduled.tf" <<HCL
resource "instagram_media" "scheduled" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/campaigns/spring/teaser.jpg"
  caption    = "Scheduled with Terraform: out at ${publish_at}. #contentcalendar"
  publish_at = "${publish_at}"
}
HCL
tf apply -auto-approve -input=false -no-color >"$tmp/schedule.log" 2>&1 || {
	cat "$tmp/schedule.log" >&2
	die "the apply that schedules the post failed"
}
grep -q 'Warning: Post scheduled for' "$tmp/schedule.log" || die "the apply did not say when the post goes out (see $tmp/schedule.log)"
status="$(tf state show -no-color instagram_media.scheduled | sed -n 's/^ *status *= "\(.*\)"/\1/p')"
[ "$status" = scheduled ] || die "the post is $status, not scheduled"
ok "recorded as scheduled for $publish_at; nothing published"
set +e
tf plan -detailed-exitcode -input=false -no-color >"$tmp/plan-before.log" 2>&1
plan_rc=$?
set -e
[ "$plan_rc" -eq 0 ] || {
	cat "$tmp/plan-before.log" >&2
	die "the plan before the post's time is not empty (exit $plan_rc)"
}
ok "the plan before its time is empty (exit 0)"
wait_s=$(($(date -u -d "$publish_at" +%s) - $(date -u +%s) + 1))
[ "$wait_s" -gt 0 ] && { step "waiting ${wait_s}s for its time"; sleep "$wait_s"; }
tf apply -auto-approve -input=false -no-color >"$tmp/publish.log" 2>&1 || {
	cat "$tmp/publish.log" >&2
	die "the apply at the post's time failed"
}
grep -E 'Warning: Scheduled post publishes now|Modifications complete' "$tmp/publish.log" >&2 || true
status="$(tf state show -no-color instagram_media.scheduled | sed -n 's/^ *status *= "\(.*\)"/\1/p')"
[ "$status" = published ] || die "the post is $status after its time, not published"
ok "published by the first apply at its time: $(tf state show -no-color instagram_media.scheduled | sed -n 's/^ *permalink *= "\(.*\)"/\1/p')"

if cli_has_query "$cli"; then
	step "$kind query  (the account's existing posts, found through the instagram_media list resource)"
	tf query -no-color >"$tmp/query.log" 2>&1 || {
		cat "$tmp/query.log" >&2
		die "query failed"
	}
	grep '^list\.' "$tmp/query.log" >&2 || true

	step "adopting them in a new workspace: $kind query -generate-config-out, then plan"
	mkdir -p "$tmp/adopt"
	cp examples/demo/adopt.tfquery.hcl "$tmp/adopt/"
	sed -n '/^terraform {/,/^}/p' examples/demo/main.tf >"$tmp/adopt/providers.tf"
	(cd "$tmp/adopt" && "$cli" query -generate-config-out=adopted.tf -no-color >"$tmp/generate.log" 2>&1) || {
		cat "$tmp/generate.log" >&2
		die "query -generate-config-out failed"
	}
	(cd "$tmp/adopt" && "$cli" plan -no-color >"$tmp/adopt-plan.log" 2>&1) || {
		cat "$tmp/adopt-plan.log" >&2
		die "the plan of the generated configuration failed"
	}
	grep -E '^Plan: ' "$tmp/adopt-plan.log" >&2
	# Each adopted post is imported, kept on destroy (deletion_policy =
	# "retain", as imported posts are): imports only.
	grep -qE '^Plan: [0-9]+ to import, 0 to add, 0 to change, 0 to destroy' "$tmp/adopt-plan.log" ||
		die "the generated configuration does not plan imports only (see $tmp/adopt-plan.log)"
	ok "adopting the account imports every post, keeps them on destroy (deletion_policy = \"retain\") and publishes nothing"
else
	warn "$kind has no list resources (terraform query needs Terraform >= 1.14): skipping the adoption demo"
fi

if cli_has_actions "$cli"; then
	step "community management: comments from other users arrive; a dry run, then the sweep (terraform apply -invoke)"
	post_id="$(tf output -raw published_post_id)"
	curl -fsS -X POST "$addr/_emulator/comments/bulk" -H 'Content-Type: application/json' \
		-d '{"media_ids":["'"$post_id"'"],"per_post":6,"usernames":["a_fan","spam_bot_42","b_fan"],"texts":["Love this!","FREE FOLLOWERS at bit.ly/x","Where can I buy it?"]}' >/dev/null
	cp examples/demo/moderation/moderate.tf "$tmp/work/"
	sed -i 's/operation    = "hide"/operation    = "hide"\n    dry_run      = true/' "$tmp/work/moderate.tf"
	tf apply -auto-approve -input=false -no-color -invoke=action.instagram_moderate_comments.hide_spam >"$tmp/dry-run.log" 2>&1 || {
		cat "$tmp/dry-run.log" >&2
		die "the dry run failed"
	}
	grep -E 'Dry run, nothing changed' "$tmp/dry-run.log" >&2 || die "the dry run printed no summary (see $tmp/dry-run.log)"
	cp examples/demo/moderation/moderate.tf "$tmp/work/"
	tf apply -auto-approve -input=false -no-color -invoke=action.instagram_moderate_comments.hide_spam >"$tmp/sweep.log" 2>&1 || {
		cat "$tmp/sweep.log" >&2
		die "the sweep failed"
	}
	# The summary line and the comments it lists (id, author, first words).
	sed -n '/comments read.*hidden\./,/^Action complete/p' "$tmp/sweep.log" | grep -v '^Action complete' >&2
	grep -qE 'comments read.*; [1-9][0-9]* hidden\.' "$tmp/sweep.log" || die "the sweep hid nothing (see $tmp/sweep.log)"
	rm -f "$tmp/work/moderate.tf"
	ok "spam hidden, the other comments untouched; the summary above lists them"
else
	warn "$kind has no actions (Terraform >= 1.14): skipping the community-management demo"
fi

step "$kind destroy"
tf destroy -auto-approve -input=false -no-color >"$tmp/destroy.log" 2>&1 || {
	cat "$tmp/destroy.log" >&2
	die "destroy failed"
}
grep -E ': Destruction complete|^Destroy complete' "$tmp/destroy.log" >&2 || true

ok "demo finished: apply, empty plan, a scheduled post published at its time, destroy"
