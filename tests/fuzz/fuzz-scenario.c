/* fuzz-scenario.c — libFuzzer target for the scenario reader, writer and report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario file is untrusted input. This reads each input; when it is accepted, it builds
 * the report, writes the scenario, reads what was written (which must succeed), writes that
 * again (which must give the same bytes) and builds its report (which must be the same).
 * Anything else is a finding: a crash, a sanitizer report, a leak, a GLib warning or critical
 * (made fatal below), or an abort() here.
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C _build-fuzz tests/fuzz/fuzz-scenario
 *   ./_build-fuzz/tests/fuzz/fuzz-scenario -max_total_time=60 -dict=tests/fuzz/scenario.dict \
 *       _build-fuzz/tests/fuzz/corpus tests/fuzz/corpus
 *
 * The first corpus folder receives what the fuzzer finds: keep it in the build folder, and the
 * committed seeds second, so that the source tree is never written to. A finding is written to
 * the current folder unless -artifact_prefix=_build-fuzz/tests/fuzz/artifacts/ says otherwise;
 * run the target on that one file to see it again, with ASAN_OPTIONS=fast_unwind_on_malloc=0
 * for whole stacks (GLib is built without frame pointers, so leak stacks stop at g_malloc).
 */

#define G_LOG_DOMAIN "fuzz-scenario"

#include "config.h"

#include <string.h>

#include "margin-lab-core.h"
#include "fuzz-common.h"

static void
fuzz_scenario_fail (const char *what,
                    const char *written,
                    gsize       length,
                    const char *again,
                    gsize       again_length)
{
  fprintf (stderr, "fuzz-scenario: %s\n", what);
  if (written != NULL)
    fprintf (stderr, "--- written (%" G_GSIZE_FORMAT " bytes) ---\n%.*s\n",
             length, (int)MIN (length, 8192), written);
  if (again != NULL)
    fprintf (stderr, "--- written again (%" G_GSIZE_FORMAT " bytes) ---\n%.*s\n",
             again_length, (int)MIN (again_length, 8192), again);
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(MlScenario) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autofree char *report = NULL;
  g_autofree char *report_again = NULL;
  gsize written_length = 0, again_length = 0, report_length = 0, report_again_length = 0;

  if (size > MAX_INPUT_SIZE)
    return -1; /* not added to the corpus */

  scenario = ml_scenario_new_from_data ((const char *)data, size, "fuzz", &error);
  if (scenario == NULL)
    {
      /* Refused: one line, naming the input. */
      if (error == NULL || !g_str_has_prefix (error->message, "fuzz: ") ||
          strchr (error->message, '\n') != NULL)
        fuzz_scenario_fail ("a refused input has no error, or one that is not one line naming the input",
               error ? error->message : NULL, error ? strlen (error->message) : 0, NULL, 0);
      return 0;
    }
  if (error != NULL)
    fuzz_scenario_fail ("an accepted input also set an error", error->message, strlen (error->message), NULL, 0);

  report = ml_scenario_build_report (scenario, &report_length);
  if (report == NULL || report_length == 0 || strlen (report) != report_length)
    fuzz_scenario_fail ("the report is empty or its length is wrong", report, report_length, NULL, 0);

  written = ml_scenario_to_data (scenario, &written_length);
  if (written == NULL || strlen (written) != written_length)
    fuzz_scenario_fail ("the written scenario's length is wrong", written, written_length, NULL, 0);

  reloaded = ml_scenario_new_from_data (written, written_length, "written", &error);
  if (reloaded == NULL)
    fuzz_scenario_fail (error->message, written, written_length, NULL, 0);

  again = ml_scenario_to_data (reloaded, &again_length);
  if (again_length != written_length || memcmp (again, written, written_length) != 0)
    fuzz_scenario_fail ("save → load → save changed the bytes", written, written_length, again, again_length);

  /* What was written is the same lab state: the same report, to the byte. */
  report_again = ml_scenario_build_report (reloaded, &report_again_length);
  if (report_again_length != report_length || memcmp (report_again, report, report_length) != 0)
    fuzz_scenario_fail ("the written scenario gives another report", report, report_length,
           report_again, report_again_length);

  return 0;
}
