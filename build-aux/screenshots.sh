#!/bin/bash
# Regenerates screenshots/ from the sample scenarios, never by hand: the collateral chart as
# margin-lab --export-chart draws it. Builds first, like run.sh.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ml_build_app
mkdir -p screenshots

# The C locale, so the pictures do not depend on who made them.
export LC_ALL=C.UTF-8
export_chart () {
  ./_build/src/margin-lab --export-chart "data/scenarios/$1.mlscenario" --output "screenshots/$2.png" \
    --size 1200x700 "${@:3}"
}
export_chart same-long-two-modes chart-same-long-two-modes
export_chart same-long-two-modes chart-same-long-two-modes-compare --compare
export_chart same-long-two-modes chart-same-long-two-modes-dark --dark
export_chart hedged-cross-pool chart-hedged-cross-pool
ls screenshots
