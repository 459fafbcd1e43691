#!/bin/bash
# Installs what is missing, builds Margin Lab and starts it. Safe to run again: it then only
# rebuilds what changed. Arguments go to margin-lab; with none it prints the report of the
# sample scenario (the lab window arrives with its own issue).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ml_build_app

if [ $# -eq 0 ]; then
  set -- --report data/scenarios/same-long-two-modes.mlscenario
fi
exec ./_build/src/margin-lab "$@"
