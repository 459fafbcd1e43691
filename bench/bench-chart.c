/* bench-chart.c — how fast the collateral chart paints, against the lab's target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A program of its own so that bench-core measures the margin core linked alone: cairo, Pango
 * and fontconfig in the same process slow it measurably. Prints figures, never fails on time.
 */

#define G_LOG_DOMAIN "bench-chart"

#include "config.h"

#include "bench-common.h"
#include "ml-chart.h"

#define POSITIONS   20
#define WIDTH       1920
#define HEIGHT      1080
#define REPETITIONS 100
#define TARGET_US   4000.0
#define WARM_UP     3

/* Twenty positions, both sides and both modes, at leverages that open at the mark. */
static MlAccount *
_account (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  MlAccount *account = ml_account_new (NULL, 100000, 60000);

  for (guint i = 0; i < POSITIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      MlOrder order = { NULL, i % 2 ? ML_SIDE_LONG : ML_SIDE_SHORT,
                        i % 3 ? ML_MARGIN_MODE_ISOLATED : ML_MARGIN_MODE_CROSS,
                        g_rand_int_range (rand, 10, 5001) / 10000.0, 60000,
                        g_rand_int_range (rand, 2, 51), 0 };

      if (!ml_account_open_position (account, &order, &error))
        g_error ("Benchmark order %u refused: %s", i, error->message);
    }
  return account;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MlAccount) account = _account ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  g_autofree double *samples = g_new (double, REPETITIONS);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  Result result = { "paint the chart, 20 positions, 1920x1080" };

  /* Compare modes on: the most there is to draw. */
  ml_chart_set_compare (chart, TRUE);
  for (guint i = 0; i < WARM_UP + REPETITIONS; i++)
    {
      double start = _now_us ();

      ml_chart_draw (chart, cr, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      if (i >= WARM_UP)
        samples[i - WARM_UP] = _now_us () - start;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  result.target_us = TARGET_US;
  result.note = g_strdup_printf ("into a cairo image surface, Compare modes on; %u positions",
                                 POSITIONS);
  _summarize (samples, REPETITIONS, &result);

  printf ("Margin Lab chart benchmark (%s build; the median and min of %u runs)\n\n",
          ML_BENCH_BUILD, REPETITIONS);
  _print_results (&result, 1);
  return 0;
}
