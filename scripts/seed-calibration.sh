#!/usr/bin/env bash
# Calibration against the seed: renders the published upstream-supervision profile from
# ../shared/seeds (its prose is not committed here), reviews it, and checks that it is approved
# with every dimension within ±0.5 of the scores its expert panel published.
# Usage: scripts/seed-calibration.sh [SEED_FILE] [REVIEW_PROFILE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-../shared/seeds/000_2de75357f79aa723.txt}
bin=${2:-$(swift build --show-bin-path)/review-profile}
if [ ! -f "$seed" ]; then
  echo "seed not found: $seed (skipping seed calibration)" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/render-seed.py "$seed" > "$work/seed-upstream.json"
status=0
"$bin" review --format json "$work/seed-upstream.json" > "$work/review.json" || status=$?
if [ "$status" -gt 1 ]; then
  echo "review-profile failed with exit code $status" >&2
  exit "$status"
fi
python3 - "$work/review.json" <<'PY'
import json, sys
published = {"level_differentiation": 4.0, "focus_specificity": 5.0, "concreteness": 5.0,
             "factual_accuracy": 4.5, "real_world_coverage": 4.5}
review = json.load(open(sys.argv[1]))
ok = True
print(f"{'level profile':28} " + " ".join(f"{k[:12]:>12}" for k in published) + "  decision")
print(f"{'published (seed, M3)':28} " + " ".join(f"{v:>12.1f}" for v in published.values()) + "  approved")
# The seed is the M3 page: its published scores are M3's. The other levels are shown for context.
for profile in review["profiles"]:
    scores = profile.get("scores") or {}
    row = " ".join(f"{scores.get(k, 0):>12.1f}" for k in published)
    print(f"{profile['id']:28} {row}  {profile['decision']}")
    if not profile["id"].endswith(".M3"):
        continue
    if profile["decision"] != "approved":
        ok = False
        for finding in profile.get("findings", []):
            if finding["severity"] != "info":
                print(f"    [{finding['severity']}] {finding['rule']}: {finding['message']}")
    off = {k: scores.get(k, 0) - v for k, v in published.items() if abs(scores.get(k, 0) - v) > 0.5}
    if off:
        ok = False
        print(f"    outside ±0.5 of published: {off}")
if not any(p["id"].endswith(".M3") for p in review["profiles"]):
    ok = False
    print("no M3 level profile in the review")
print("seed calibration:", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
