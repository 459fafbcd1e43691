/* bench-common.h — timing and the table of figures, shared by the benchmark programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib.h>

typedef struct
{
  const char *name;
  double      median_us;
  double      min_us;
  double      target_us;
  char       *note;
} Result;

static inline double
bench_common_now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static inline int
bench_common_compare_doubles (const void *a,
                              const void *b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

static inline void
bench_common_summarize (double *samples,
                        guint   n,
                        Result *result)
{
  qsort (samples, n, sizeof *samples, bench_common_compare_doubles);
  result->min_us = samples[0];
  result->median_us = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static inline char *
_format_time (double us)
{
  if (us < 1000)
    return g_strdup_printf ("%.1f µs", us);
  if (us < 1e6)
    return g_strdup_printf ("%.2f ms", us / 1e3);
  return g_strdup_printf ("%.3f s", us / 1e6);
}

/* printf pads by bytes, and "µ" is two of them. */
static inline void
_print_cell (const char *text,
             int         width)
{
  int pad = width - (int)g_utf8_strlen (text, -1);

  if (pad > 0)
    printf ("%*s", pad, "");
  printf ("%s", text);
}

/* The table, then each benchmark's note. */
static inline void
bench_common_print_results (Result *results,
                            guint   n_results)
{
  printf ("%-46s %11s %11s %11s  %s\n", "benchmark", "median", "min", "target", "verdict");
  for (guint i = 0; i < n_results; i++)
    {
      g_autofree char *median = _format_time (results[i].median_us);
      g_autofree char *min = _format_time (results[i].min_us);
      g_autofree char *target = _format_time (results[i].target_us);

      printf ("%-46s ", results[i].name);
      _print_cell (median, 11);
      printf (" ");
      _print_cell (min, 11);
      printf (" ");
      _print_cell (target, 11);
      printf ("  %s\n", results[i].median_us <= results[i].target_us ? "within target"
                                                                       : "OVER target");
    }

  printf ("\n");
  for (guint i = 0; i < n_results; i++)
    {
      printf ("%s: %s\n", results[i].name, results[i].note);
      g_free (results[i].note);
    }
}
