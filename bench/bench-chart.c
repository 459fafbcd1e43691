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
#include "bench-positions.h"
#include "ml-chart.h"

#define WIDTH       1920
#define HEIGHT      1080
#define REPETITIONS 100
#define PAINT_TARGET_US 4000.0
#define STEP_TARGET_US  8000.0
#define WARM_UP     3

/* Painting alone: Compare modes on, the most there is to draw. */
static void
bench_chart_bench_paint (MlChart *chart,
              cairo_t *cr,
              Result  *result)
{
  g_autofree double *samples = g_new (double, REPETITIONS);

  ml_chart_set_compare (chart, TRUE);
  for (guint i = 0; i < WARM_UP + REPETITIONS; i++)
    {
      double start = _now_us ();

      ml_chart_draw (chart, cr, WIDTH, HEIGHT);
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= WARM_UP)
        samples[i - WARM_UP] = _now_us () - start;
    }
  result->target_us = PAINT_TARGET_US;
  result->note = g_strdup_printf ("into a cairo image surface, Compare modes on; %u positions", POSITIONS);
  _summarize (samples, REPETITIONS, result);
}

/* One step of a mark-price drag without a window: the model moves, the chart repaints. */
static void
bench_chart_bench_step (MlAccount *account,
             MlChart   *chart,
             cairo_t   *cr,
             Result    *result)
{
  g_autofree double *samples = g_new (double, REPETITIONS);

  ml_chart_set_compare (chart, FALSE);
  for (guint i = 0; i < WARM_UP + REPETITIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      double price = DRAG_LOW + (DRAG_HIGH - DRAG_LOW) * (i % 10) / 9;
      double start = _now_us ();

      if (!ml_account_move_mark_price (account, price, NULL, &error))
        g_error ("%s", error->message);
      ml_chart_draw (chart, cr, WIDTH, HEIGHT);
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= WARM_UP)
        samples[i - WARM_UP] = _now_us () - start;
    }
  result->target_us = STEP_TARGET_US;
  result->note = g_strdup_printf ("ml_account_move_mark_price() and ml_chart_draw(), %u positions; "
                                  "bench-window measures the same step through the real window", POSITIONS);
  _summarize (samples, REPETITIONS, result);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MlAccount) account = _bench_account ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  Result results[] = {
    { "paint the chart, 20 positions, 1920x1080" },
    { "drag step: move the mark, repaint (no window)" },
  };

  bench_chart_bench_paint (chart, cr, &results[0]);
  bench_chart_bench_step (account, chart, cr, &results[1]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  printf ("Margin Lab chart benchmark (%s build; the median and min of %u runs)\n\n",
          ML_BENCH_BUILD, REPETITIONS);
  _print_results (results, G_N_ELEMENTS (results));
  return 0;
}
