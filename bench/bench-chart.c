/* bench-chart.c — how fast the collateral chart lays out and paints, against the lab's target
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
#include "ml-chart-private.h"

#define WIDTH       1920
#define HEIGHT      1080
#define REPETITIONS 100
#define PAINT_TARGET_US 4000.0
#define STEP_TARGET_US  8000.0
#define WARM_UP     3
#define MANY        1000

/* A thousand positions: all but one isolated, both sides at 2x to 50x, and one small cross
 * short whose pool is liquidated only near 67 million, far outside the range. */
static MlAccount *
bench_chart_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  MlAccount *account = ml_account_new (NULL, 5000000, 60000);
  MlOrder cross = { "cross", ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.065, 60000, 10, 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < MANY - 1; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MlOrder order = { id, i % 2 ? ML_SIDE_LONG : ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED,
                        g_rand_int_range (rand, 10, 5001) / 10000.0, 60000, g_rand_int_range (rand, 2, 51), 0 };

      if (!ml_account_open_position (account, &order, &error))
        g_error ("Benchmark order %u refused: %s", i, error->message);
    }
  if (!ml_account_open_position (account, &cross, &error))
    g_error ("Benchmark cross order refused: %s", error->message);
  return account;
}

/* Painting alone, from the layout made once: Compare modes on, the most there is to draw. */
static void
bench_chart_bench_paint (MlChart *chart,
                         cairo_t *cr,
                         guint    n_positions,
                         Result  *result)
{
  g_autofree double *samples = g_new (double, REPETITIONS);

  ml_chart_set_compare (chart, TRUE);
  for (guint i = 0; i < WARM_UP + REPETITIONS; i++)
    {
      double start = bench_common_now_us ();

      ml_chart_draw (chart, cr, WIDTH, HEIGHT);
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= WARM_UP)
        samples[i - WARM_UP] = bench_common_now_us () - start;
    }
  result->target_us = PAINT_TARGET_US;
  result->note = g_strdup_printf ("into a cairo image surface, Compare modes on; %u positions", n_positions);
  bench_common_summarize (samples, REPETITIONS, result);
}

/* One step of a mark-price drag without a window: the model moves, the chart lays itself out
 * again (timed apart in @layout), and repaints. */
static void
bench_chart_bench_step (MlAccount *account,
                        MlChart   *chart,
                        cairo_t   *cr,
                        guint      n_positions,
                        Result    *result,
                        Result    *layout)
{
  g_autofree double *samples = g_new (double, REPETITIONS);
  g_autofree double *layouts = g_new (double, REPETITIONS);

  ml_chart_set_compare (chart, FALSE);
  for (guint i = 0; i < WARM_UP + REPETITIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      double price = DRAG_LOW + (DRAG_HIGH - DRAG_LOW) * (i % 10) / 9;
      double start = bench_common_now_us (), moved, laid_out;

      if (!ml_account_move_mark_price (account, price, NULL, &error))
        g_error ("%s", error->message);
      moved = bench_common_now_us ();
      _ml_chart_get_layout (chart, WIDTH, HEIGHT);
      laid_out = bench_common_now_us ();
      ml_chart_draw (chart, cr, WIDTH, HEIGHT);
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= WARM_UP)
        {
          samples[i - WARM_UP] = bench_common_now_us () - start;
          layouts[i - WARM_UP] = laid_out - moved;
        }
    }
  result->target_us = STEP_TARGET_US;
  result->note = g_strdup_printf ("ml_account_move_mark_price(), the layout and ml_chart_draw(), %u positions; "
                                  "bench-window measures the same step through the real window", n_positions);
  bench_common_summarize (samples, REPETITIONS, result);
  layout->target_us = STEP_TARGET_US;
  layout->note = g_strdup_printf ("of that step, the chart's layout alone: lines, markers, range, ticks, legend "
                                  "and labels, %u positions", n_positions);
  bench_common_summarize (layouts, REPETITIONS, layout);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MlAccount) account = bench_positions_account ();
  g_autoptr(MlAccount) many = bench_chart_many ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  g_autoptr(MlChart) many_chart = ml_chart_new (many);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  Result results[] = {
    { "paint the chart, 20 positions, 1920x1080" },
    { "drag step: move, lay out, repaint, 20" },
    { "  of which the layout, 20 positions" },
    { "paint the chart, 1,000 positions, 1920x1080" },
    { "drag step: move, lay out, repaint, 1,000" },
    { "  of which the layout, 1,000 positions" },
  };

  bench_chart_bench_paint (chart, cr, POSITIONS, &results[0]);
  bench_chart_bench_step (account, chart, cr, POSITIONS, &results[1], &results[2]);
  bench_chart_bench_paint (many_chart, cr, MANY, &results[3]);
  bench_chart_bench_step (many, many_chart, cr, MANY, &results[4], &results[5]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  printf ("Margin Lab chart benchmark (%s build; the median and min of %u runs)\n\n",
          ML_BENCH_BUILD, REPETITIONS);
  bench_common_print_results (results, G_N_ELEMENTS (results));
  return 0;
}
