#!/usr/bin/env bash
# Builds the wire parsers' libFuzzer targets with clang in build-fuzz and runs each for N seconds
# (default 20) with the real samples as seed corpus. docs/wire-formats.md ("Fuzzing").
#   tests/fuzz/run.sh [seconds] [target...]    targets: newsml_g2 ninjs nitf newsml1 feed detect
# Exits 1 on a crash, leak or timeout (artifacts in $BUILD/<target>-*), 77 without clang. The
# CTest test fuzz.short runs it for a few seconds a target with GAZETTE_FUZZ_BUILD_DIR=<build>/fuzz.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_EACH=${1:-20}
shift || true
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(newsml_g2 ninjs nitf newsml1 feed detect)
BUILD=${GAZETTE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SHARED=${GAZETTE_SHARED:-$ROOT/../shared}
CLANG=$(command -v clang++-14 || command -v clang++ || true)
[ -n "$CLANG" ] || { echo "tests/fuzz/run.sh: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 77; }

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$CLANG" -DGAZETTE_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null  # Coverage everywhere.
ninja -C "$BUILD" -j "${GAZETTE_JOBS:-2}" $(printf '%s_fuzz ' "${TARGETS[@]}")

seeds() {  # The sample files each parser starts from.
  local data=$SHARED/data
  case $1 in
    newsml_g2) echo "$data/iptc-samples/newsml-g2/examples $data/iptc-samples/superdesk-fixtures" ;;
    ninjs) echo "$data/iptc-samples/ninjs/examples $data/iptc-samples/ninjs/doc-examples" ;;
    nitf) echo "$data/iptc-samples/nitf $data/iptc-samples/superdesk-fixtures" ;;
    newsml1) echo "$data/iptc-samples/newsml-1.x" ;;
    feed) echo "$data/feeds" ;;
    detect) echo "$data/iptc-samples/newsml-1.x $data/iptc-samples/nitf $data/feeds" ;;
  esac
}

inline_fixtures() {  # Without the samples: the documents written inline in the parsers' unit tests.
  perl -0777 -ne 'my $i = 0; (my $n = $ARGV) =~ s{.*/|\.cpp$}{}g;
    while (/R"\((.*?)\)"/sg) { open my $f, ">", "$ENV{CORPUS}/inline-$n-" . $i++; print $f $1; }' \
    "$ROOT"/src/ingest/formats_test.cpp "$ROOT"/src/ingest/hostile_input_test.cpp
}

status=0
for target in "${TARGETS[@]}"; do
  corpus=$BUILD/corpus/$target
  mkdir -p "$corpus"
  # Seed with copies of the samples' files (libFuzzer reads directories one level deep).
  found=0
  for dir in $(seeds "$target"); do
    [ -d "$dir" ] || continue
    found=1
    find "$dir" -type f \( -name '*.xml' -o -name '*.json' \) -size -200k \
      -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
  done
  if ((!found)); then
    echo "!!! WARNING: no samples in $SHARED/data for $target: seeding with the inline fixtures" \
      "of src/ingest/{formats,hostile_input}_test.cpp only" >&2
    CORPUS=$corpus inline_fixtures
  fi
  echo "== $target: ${SECONDS_EACH}s, corpus $(ls "$corpus" | wc -l) files" >&2
  if ! "$BUILD/src/ingest/${target}_fuzz" "$corpus" -max_total_time="$SECONDS_EACH" \
       -max_len=262144 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$BUILD/${target}-" 2>"$BUILD/${target}.log"; then
    echo "!! $target found a crash: see $BUILD/${target}.log and $BUILD/${target}-*" >&2
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$BUILD/${target}.log" >&2 || true
done
exit $status
