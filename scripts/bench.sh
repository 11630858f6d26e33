#!/usr/bin/env bash
# The review-profile benchmark: one command, one table.
#
#   scripts/bench.sh              # 1k and 10k files
#   scripts/bench.sh 1000,10000,50000
#
# Builds the release binaries, generates a deterministic corpus per size (variations of the
# bundled Profiles/, see Sources/review-profile-bench/CorpusGenerator.swift) in a temporary
# directory with a copy of Rubrics/, and times on the same files: parse only (one core), validate,
# full review on one core (taskset -c 0) and on every core, an incremental `check` of one changed
# file (when the binary has that subcommand), and check-jsonschema's schema-only run when it is
# installed (`pip install check-jsonschema`; run on at most 200 files and extrapolated, because it
# takes ~30 ms a file). Peak RSS comes from /usr/bin/time. Set BENCH_KEEP=1 to keep the corpora,
# BENCH_TOOL to time another review-profile binary on the same corpus (e.g. an older build),
# BENCH_CORPUS_INDEX=N to time the cross-corpus index on N synthetic profiles (default 100000; 0 skips),
# BENCH_STATIC=0 to time a build against Swift's shared runtime (the default links it in statically).
set -euo pipefail
# A step that fails stops the run: say which one, not only the shell's silence.
trap 'echo "bench.sh: failed at line $LINENO (exit $?): $BASH_COMMAND" >&2' ERR

sizes="${1:-1000,10000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

command -v /usr/bin/time >/dev/null || { echo "bench.sh needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
have_taskset=0; command -v taskset >/dev/null && have_taskset=1

# The release build the README gives: Swift's runtime and Foundation linked in statically (direct
# calls instead of shared-library stubs, nothing to resolve at start; see BENCHMARKS.md for what it
# gives). BENCH_STATIC=0 builds against the shared runtime instead. The static link needs libcurl's
# development files (libcurl4-openssl-dev, in the README's set-up command).
static=(--static-swift-stdlib); [[ "${BENCH_STATIC:-1}" == 0 ]] && static=()
echo "building release binaries…" >&2
swift build -c release "${static[@]}" --product review-profile >&2
swift build -c release "${static[@]}" --product review-profile-bench >&2
bin="$(swift build -c release --show-bin-path)"
tool="${BENCH_TOOL:-$bin/review-profile}"   # BENCH_TOOL=/path/to/other/review-profile compares builds
bench="$bin/review-profile-bench"

work="$(mktemp -d "${TMPDIR:-/tmp}/review-profile-bench.XXXXXX")"
[[ "${BENCH_KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795600000}"

# measure LABEL CMD...: runs CMD (stdout discarded), records "wall user sys maxrss_kb".
measure() {
    local out="$work/time.txt"
    /usr/bin/time -o "$out" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr.txt" || {
        local status=$?
        # review/validate exit 1 when some profiles fail: that is a result, not a benchmark error.
        if [[ $status -ne 1 ]]; then echo "failed ($status): $*" >&2; cat "$work/stderr.txt" >&2; exit 3; fi
    }
    tail -n 1 "$out"
}

# measure_median RUNS LABEL CMD...: runs CMD RUNS times, records the run with the median wall time.
measure_median() {
    local runs="$1"; shift
    local results=()
    for ((i = 0; i < runs; i++)); do results+=("$(measure "$@")"); done
    printf '%s\n' "${results[@]}" | sort -n -k1,1 | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

rows=()
row() {  # size step files wall user sys rss_kb [note]
    rows+=("$(printf '%s|%s|%s|%s|%s|%s|%s|%s' "$@")")
}

IFS=',' read -r -a size_list <<<"$sizes"
cores="$(nproc)"
for size in "${size_list[@]}"; do
    corpus="$work/corpus-$size"
    mkdir -p "$corpus"
    cp -R "$root/Rubrics" "$corpus/Rubrics"
    echo "generating $size files…" >&2
    "$bench" generate --count "$size" --templates "$root/Profiles" --output "$corpus"
    cd "$corpus"

    pin=(); [[ $have_taskset == 1 ]] && pin=(taskset -c 0)
    read -r wall user sys rss < <(measure "${pin[@]}" "$bench" parse Profiles)
    row "$size" "parse only (1 core)" "$size" "$wall" "$user" "$sys" "$rss"
    read -r wall user sys rss < <(measure "$tool" validate Profiles --format json)
    row "$size" "validate ($cores cores)" "$size" "$wall" "$user" "$sys" "$rss"
    if [[ $have_taskset == 1 ]]; then
        read -r wall user sys rss < <(measure taskset -c 0 "$tool" review Profiles --format json --no-cache)
        row "$size" "review (1 core)" "$size" "$wall" "$user" "$sys" "$rss"
    fi
    read -r wall user sys rss < <(measure "$tool" review Profiles --format json --no-cache)
    row "$size" "review ($cores cores)" "$size" "$wall" "$user" "$sys" "$rss"
    review_wall="$wall"

    # The cache: a cold run fills .review-cache/, a warm one (nothing changed) reads it.
    rm -rf .review-cache
    read -r wall user sys rss < <(measure "$tool" review Profiles)
    row "$size" "review, text, cold cache" "$size" "$wall" "$user" "$sys" "$rss"
    read -r wall user sys rss < <(measure "$tool" review Profiles)
    row "$size" "review, text, warm cache" "$size" "$wall" "$user" "$sys" "$rss"

    if "$tool" --help 2>/dev/null | grep -qE "^ +check( |$)"; then
        # A repository as a pull request sees it: everything committed on main, one profile edited.
        printf '.review-cache/\n' > .gitignore
        # No automatic gc: a background repack would still be writing .git/ when the corpus is removed.
        git init -q -b main . && git config gc.auto 0 && git add -A && git -c user.name=bench -c user.email=bench@example.invalid commit -qm corpus
        changed="$(git ls-files 'Profiles/*.yaml' | awk 'NR == 1')"
        sed -i 's/^version: .*/version: 7/' "$changed"
        git status --porcelain >/dev/null   # git's own index refresh after the big commit, as any earlier git command would do
        read -r wall user sys rss < <(measure_median 5 "$tool" check --base main)
        row "$size" "check, 1 changed file, warm" "1" "$wall" "$user" "$sys" "$rss" "median of 5; cache and corpus index from the runs above"
        rm -rf .review-cache
        read -r wall user sys rss < <(measure "$tool" check --base main)
        row "$size" "check, 1 changed file, no cache" "1" "$wall" "$user" "$sys" "$rss" "corpus index rebuilt from every file"
        git checkout -q -- "$changed"
    else
        row "$size" "check, 1 changed file" "-" "n/a (no check subcommand)" "" "" ""
    fi

    if command -v check-jsonschema >/dev/null; then
        subset=$(( size < 200 ? size : 200 ))
        mapfile -t sample < <(find Profiles -name '*.yaml' | sort | head -n "$subset")
        read -r wall user sys rss < <(measure check-jsonschema --schemafile Rubrics/profile.schema.json "${sample[@]}")
        row "$size" "check-jsonschema ($subset files)" "$subset" "$wall" "$user" "$sys" "$rss"
        jsonschema_per_file=$(awk -v w="$wall" -v n="$subset" 'BEGIN { print w / n }')
        row "$size" "check-jsonschema, extrapolated" "$size" \
            "$(awk -v p="$jsonschema_per_file" -v n="$size" 'BEGIN { printf "%.1f", p * n }')" "" "" "" \
            "review is $(awk -v p="$jsonschema_per_file" -v n="$size" -v r="$review_wall" 'BEGIN { printf "%.0f", p * n / (r > 0 ? r : 0.001) }')x faster"
    else
        row "$size" "check-jsonschema" "-" "n/a (not installed: pip install check-jsonschema)" "" "" ""
    fi
    cd "$root"
    [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$corpus"
done

if [[ -n "${BENCH_CORPUS_INDEX:-100000}" && "${BENCH_CORPUS_INDEX:-100000}" != 0 ]]; then
    n="${BENCH_CORPUS_INDEX:-100000}"
    echo "timing the cross-corpus index on $n synthetic profiles…" >&2
    read -r wall user sys rss < <(measure "$bench" corpus-index --profiles "$n")   # its summary goes to stderr
    row "$n" "cross-corpus index (synthetic)" "$n" "$wall" "$user" "$sys" "$rss" "$(tail -n 1 "$work/stderr.txt")"
fi

echo
echo "review-profile benchmark — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
printf '%-7s %-34s %7s %9s %9s %8s %11s %9s  %s\n' "files" "step" "n" "wall s" "user s" "sys s" "ms/file" "RSS MB" "note"
for line in "${rows[@]}"; do
    IFS='|' read -r size step n wall user sys rss note <<<"$line"
    if [[ "$wall" =~ ^[0-9.]+$ && "$n" =~ ^[0-9]+$ ]]; then
        per=$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.3f", w * 1000 / n }')
    else
        per=""
    fi
    [[ "$rss" =~ ^[0-9]+$ ]] && rss=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    printf '%-7s %-34s %7s %9s %9s %8s %11s %9s  %s\n' "$size" "$step" "$n" "$wall" "$user" "$sys" "$per" "$rss" "$note"
done
