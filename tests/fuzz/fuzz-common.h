/* fuzz-common.h — what every libFuzzer target of ours sets up the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by exactly one file of each target (each target is its own program), before its
 * LLVMFuzzerTestOneInput (). The including file defines G_LOG_DOMAIN as its own name.
 */

#pragma once

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib.h>

/* Larger inputs only make each run slower: every limit in the readers is reached well before. */
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
      fprintf (stderr, G_LOG_DOMAIN ": cannot restart with G_SLICE=always-malloc: %s\n", g_strerror (errno));
      abort ();
    }

  /* A warning or critical reached from a file is a bug, however the reader goes on. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}
