/* bench-window.c — a mark-price drag step through the real window, against the lab's target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drags the chart's price marker in a 1920×1080 lab holding twenty positions, then a thousand,
 * and times each step from the pointer's move until GTK has painted the frame that shows it:
 * the model, every view that follows it (chart, account bar, positions, order preview) and the
 * render. Then opens a scenario of a thousand positions and times it until its first frame is
 * painted, with the memory it took. Needs a display; under `meson test --benchmark --setup
 * display` that is Xvfb, which renders in software. Prints figures, never fails on time.
 */

#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <unistd.h>
#include <adwaita.h>

#include "bench-common.h"
#include "bench-frames.h"
#include "bench-positions.h"
#include "ml-chart-view.h"
#include "ml-window.h"

#define WIDTH       1920
#define HEIGHT      1080
#define REPETITIONS 60
#define WARM_UP     5
#define TARGET_US   8000.0
#define MANY        1000
#define OPEN_TARGET_US 500000.0
#define OPENINGS    5
#define EXIT_SKIP   77

static GtkGesture *
bench_window_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  g_error ("the chart has no drag gesture");
}

/* Lets the window settle: a few frames. */
static void
bench_window_wait_for_frames (MlWindow *window)
{
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 3; i++)
    bench_frames_wait (GTK_WIDGET (window));
}

static MlWindow *
bench_window_lab (guint n_positions)
{
  g_autoptr(MlAccount) account = bench_positions_account_of (n_positions);
  g_autoptr(MlScenario) scenario = ml_scenario_new (account);
  MlWindow *window = ml_window_new (NULL);

  ml_lab_set_scenario (ml_window_get_lab (window), scenario, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  bench_window_wait_for_frames (window);
  return window;
}

/* The resident memory of this process, in MiB. */
static double
bench_window_rss_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (double)sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* Drags the mark in a lab of @n_positions and fills three results: the whole step, our share
 * (the model and every view's update) and GTK's frame. */
static void
bench_window_drag (guint   n_positions,
                   Result *results)
{
  g_autofree double *samples = g_new (double, REPETITIONS);
  g_autofree double *updates = g_new (double, REPETITIONS);
  g_autofree double *frames = g_new (double, REPETITIONS);
  MlWindow *window = bench_window_lab (n_positions);
  MlChartView *view = ML_CHART_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), ML_TYPE_WINDOW, "chart_view"));
  MlChart *chart = ml_chart_view_get_chart (view);
  GtkGesture *drag = bench_window_drag_gesture (GTK_WIDGET (view));
  double width = gtk_widget_get_width (GTK_WIDGET (view));
  double height = gtk_widget_get_height (GTK_WIDGET (view));
  double start_x = ml_chart_x_for_price (chart, width, height, 60000);

  g_signal_emit_by_name (drag, "drag-begin", start_x, height / 2);
  for (guint i = 0; i < WARM_UP + REPETITIONS; i++)
    {
      double price = DRAG_LOW + (DRAG_HIGH - DRAG_LOW) * (i % 10) / 9;
      double dx = ml_chart_x_for_price (chart, width, height, price) - start_x;
      double begin = bench_common_now_us ();
      double updated;
      BenchFrame frame;

      g_signal_emit_by_name (drag, "drag-update", dx, 0.0);
      updated = bench_common_now_us ();
      frame = bench_frames_wait (GTK_WIDGET (window));
      if (i >= WARM_UP)
        {
          samples[i - WARM_UP] = frame.ended - begin;
          updates[i - WARM_UP] = updated - begin;
          frames[i - WARM_UP] = frame.ended - frame.started;
        }
    }
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);

  results[0].target_us = TARGET_US;
  results[0].note = g_strdup_printf ("%u positions; from the drag's move until the frame is painted (%s renderer), "
                                     "including the wait for the frame clock's next tick", n_positions,
                                     G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  bench_common_summarize (samples, REPETITIONS, &results[0]);
  results[1].target_us = TARGET_US;
  results[1].note = g_strdup ("the move's signal handlers: the model, the chart, the rows, the bars, the preview");
  bench_common_summarize (updates, REPETITIONS, &results[1]);
  results[2].target_us = TARGET_US;
  results[2].note = g_strdup ("from the frame's start to its end; under Xvfb GTK renders in software");
  bench_common_summarize (frames, REPETITIONS, &results[2]);
  ml_lab_reset (ml_window_get_lab (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens a scenario of a thousand positions in a shown window, as Open does, until the frame
 * that shows it is painted. */
static void
bench_window_open (Result *result)
{
  g_autofree double *samples = g_new (double, OPENINGS);
  g_autoptr(MlAccount) account = bench_positions_account_of (MANY);
  g_autoptr(MlScenario) scenario = ml_scenario_new (account);
  MlWindow *window = ml_window_new (NULL);
  double before, grown = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  bench_window_wait_for_frames (window);
  for (guint i = 0; i < OPENINGS; i++)
    {
      double begin;

      ml_lab_reset (ml_window_get_lab (window));
      bench_window_wait_for_frames (window);
      before = bench_window_rss_mib ();
      begin = bench_common_now_us ();
      ml_lab_set_scenario (ml_window_get_lab (window), scenario, NULL);
      bench_frames_wait (GTK_WIDGET (window));
      samples[i] = bench_common_now_us () - begin;
      grown = MAX (grown, bench_window_rss_mib () - before);
    }
  result->target_us = OPEN_TARGET_US;
  result->note = g_strdup_printf ("%u positions, until the first frame is painted; the process grew by "
                                  "at most %.0f MiB", MANY, grown);
  bench_common_summarize (samples, OPENINGS, result);
  ml_lab_reset (ml_window_get_lab (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  Result results[] = {
    { "drag step through the window, 1920x1080" },
    { "  the model and the views' updates" },
    { "  GTK's frame: layout, snapshot, render" },
    { "drag step with a thousand positions" },
    { "  the model and the views' updates" },
    { "  GTK's frame: layout, snapshot, render" },
    { "open a scenario of a thousand positions" },
  };

  if (!gtk_init_check ())
    {
      g_printerr ("bench-window needs a display: run it with meson test --benchmark --setup display\n");
      return EXIT_SKIP;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  bench_window_drag (POSITIONS, &results[0]);
  bench_window_drag (MANY, &results[3]);
  bench_window_open (&results[6]);

  printf ("Margin Lab window benchmark (%s build; the median and min of each run)\n\n", ML_BENCH_BUILD);
  bench_common_print_results (results, G_N_ELEMENTS (results));
  return 0;
}
