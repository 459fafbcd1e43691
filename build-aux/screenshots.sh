#!/bin/bash
# Makes every PNG in screenshots/: the real window through `margin-lab --screenshot`, framed
# with its rounded corners and shadow as software centres ask (but presentation mode, which
# fills the projector's screen), the chart alone through `margin-lab --export-chart`, a
# worksheet's first page through `margin-lab --export-worksheet` and pdftoppm. Never edit
# those files by hand; run this.
# It installs what it needs (an X server, a session bus, pdftoppm, the en_US.UTF-8 locale), so
# that the numbers show with digit grouping, as most learners see them.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

# shellcheck disable=SC2086 # one word per package
ml_install_packages $ML_SCREENSHOT_PACKAGES
ml_build_app
ml_ensure_locale en_US.UTF-8
# The translated shots show numbers as German and Arabic write them.
ml_ensure_locale de_DE.UTF-8
ml_ensure_locale ar_EG.UTF-8
mkdir -p screenshots

export LC_ALL=en_US.UTF-8
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export MARGIN_LAB_LOCALEDIR="$PWD/_build/po"
export GSETTINGS_BACKEND=memory
# Lesson progress goes to a folder of the script's own, never the user's; the shots share it, so
# that the later ones show the earlier ones' check marks in the sidebar.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
lab=./_build/src/margin-lab
scenarios=data/scenarios

# One X server and one session bus for all the window shots; their chatter goes to a log that
# is shown only if a shot fails.
log=$(mktemp)
trap 'rm -rf "$log" "$XDG_DATA_HOME"' EXIT
if ! dbus-run-session -- xvfb-run -a -s "-screen 0 2200x1300x24" bash -e -c "
  $lab --frame --screenshot screenshots/window-light.png $scenarios/article-long-isolated.mlscenario
  $lab --frame --screenshot screenshots/window-dark.png --dark $scenarios/article-long-cross.mlscenario
  $lab --frame --screenshot screenshots/window-compare.png --compare $scenarios/same-long-two-modes.mlscenario
  $lab --frame --screenshot screenshots/window-hedged.png $scenarios/hedged-cross-pool.mlscenario
  $lab --frame --screenshot screenshots/window-800x600.png --size 800x600 $scenarios/same-long-two-modes.mlscenario
  $lab --frame --screenshot screenshots/window-fresh.png --size 1920x1080
  $lab --frame --screenshot screenshots/lesson-start.png --lesson what-is-margin
  $lab --frame --screenshot screenshots/lesson-wrong-prediction.png --lesson what-is-margin --step 2 --answer 2
  $lab --frame --screenshot screenshots/lesson-task-done.png --lesson isolated-margin --step 1 --solve
  $lab --frame --screenshot screenshots/lesson-answered.png --lesson worked-example --step 2 --answer 1
  $lab --frame --screenshot screenshots/lesson-dark.png --dark --lesson worked-example --step 2 --answer 1
  $lab --frame --screenshot screenshots/lesson-800x600.png --size 800x600 --lesson cross-margin --step 1 --solve
  $lab --frame --screenshot screenshots/lesson-quiz.png --lesson rule-of-thumb --step 5 --answer 1
  $lab --screenshot screenshots/presentation.png --size 1920x1080 --lesson cross-margin --step 2 --presentation
  $lab --screenshot screenshots/presentation-1024x768.png --size 1024x768 --lesson cross-margin --step 2 --presentation
  LANGUAGE=de LC_ALL=de_DE.UTF-8 $lab --frame --screenshot screenshots/window-de.png --lesson worked-example --step 2 --answer 1
  LANGUAGE=ar LC_ALL=ar_EG.UTF-8 $lab --frame --screenshot screenshots/window-ar.png --lesson worked-example --step 2 --answer 1
  LANGUAGE=ar LC_ALL=ar_EG.UTF-8 $lab --frame --screenshot screenshots/window-ar-800x600.png --size 800x600 --lesson cross-margin --step 1 --solve
" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi

export_chart () {
  $lab --export-chart "$scenarios/$1.mlscenario" --output "screenshots/$2.png" --size 1200x700 "${@:3}"
}
export_chart same-long-two-modes chart-same-long-two-modes
export_chart same-long-two-modes chart-same-long-two-modes-compare --compare
export_chart same-long-two-modes chart-same-long-two-modes-dark --dark
export_chart hedged-cross-pool chart-hedged-cross-pool

# A worksheet's first page, as a teacher prints it (on the locale's paper: Letter here).
$lab --export-worksheet worked-example --output "$XDG_DATA_HOME/worksheet.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$XDG_DATA_HOME/worksheet.pdf" screenshots/worksheet
# And in Arabic, on A4: shaped and laid out right to left by Pango.
LANGUAGE=ar LC_ALL=ar_EG.UTF-8 $lab --export-worksheet worked-example --output "$XDG_DATA_HOME/worksheet-ar.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$XDG_DATA_HOME/worksheet-ar.pdf" screenshots/worksheet-ar
ls screenshots
