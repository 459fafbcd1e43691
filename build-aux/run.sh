#!/bin/bash
# Installs what is missing, builds Margin Lab and opens the lab window. Safe to run again: it
# then only rebuilds what changed. Arguments go to margin-lab: a scenario file to open, or
# --report FILE and the other command-line options.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ml_build_app

# Uninstalled, the app finds its settings schema and its translations in the build folder.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export MARGIN_LAB_LOCALEDIR="$PWD/_build/po"
exec ./_build/src/margin-lab "$@"
