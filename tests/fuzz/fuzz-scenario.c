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

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "margin-lab-core.h"

/* Larger inputs only make each run slower: every limit in the reader is reached well before. */
#define MAX_INPUT_SIZE (64 * 1024)

int         LLVMFuzzerInitialize      (int            *argc,
                                       char         ***argv);
int         LLVMFuzzerTestOneInput    (const uint8_t  *data,
                                       size_t          size);
const char *__asan_default_options    (void);
const char *__ubsan_default_options   (void);

/* The sanitizers' defaults when the environment says nothing: a UBSan report must stop the
 * run (by default it is printed and the fuzzer carries on, never saving the input). */
const char *
__asan_default_options (void)
{
  return "detect_leaks=1";
}

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}

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
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* GLib 2.74 serves small blocks (every GObject, every GHashTable) from its own slabs, where
   * LeakSanitizer cannot see a leak; only G_SLICE=always-malloc hands them to malloc. GLib reads
   * it once, before any code of ours runs, so start again with it set. */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      execv ("/proc/self/exe", *argv);
      fprintf (stderr, "fuzz-scenario: cannot restart with G_SLICE=always-malloc: %s\n",
               g_strerror (errno));
      abort ();
    }

  /* A warning or critical reached from a file is a bug, however the reader goes on. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
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
