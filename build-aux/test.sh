#!/bin/bash
# Installs what is missing, builds Margin Lab and runs the whole test suite:
#   1. every test of the normal build, under an X server (xvfb-run) for those that need one;
#   2. the same tests built with clang under AddressSanitizer and UndefinedBehaviorSanitizer,
#      and the libFuzzer targets (scenarios, lesson packs) over their seed corpora for a short while.
# Safe to run again: it then only rebuilds what changed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

# shellcheck disable=SC2086
ml_install_packages $ML_TEST_PACKAGES
for locale in $ML_TEST_LOCALES; do
  ml_ensure_locale "$locale"
done
# The locales are there now: a test that finds one missing fails rather than skips.
export ML_TEST_REQUIRE_LOCALES=1

echo "== Tests"
ml_setup _build -Ddevelopment=true
ninja -C _build --quiet
meson test -C _build --setup display --print-errorlogs --no-suite fuzz

echo "== Tests under AddressSanitizer and UndefinedBehaviorSanitizer, and the fuzzer"
CC=clang ml_setup _build-sanitize -Ddevelopment=true -Dfuzzing=true \
  -Db_sanitize=address,undefined -Db_lundef=false
ninja -C _build-sanitize --quiet
meson test -C _build-sanitize --setup display --print-errorlogs
