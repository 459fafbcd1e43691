/* bench-position-list.c — the positions list with a thousand positions, against the targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a 1920×1080 window whose lower part is the positions list (the rest stands for the chart),
 * times how long a thousand-position account takes from being set on the list to its first
 * painted frame, and what that costs in memory; then a mark move with the list showing: the
 * model's move, the rows' updates and GTK's frame. Needs a display; under
 * `meson test --benchmark --setup display` that is Xvfb, which renders in software. Prints
 * figures, never fails on time.
 */

#define G_LOG_DOMAIN "bench-position-list"

#include "config.h"

#include <unistd.h>
#include <adwaita.h>

#include "bench-common.h"
#include "bench-frames.h"
#include "bench-positions.h"
#include "ml-position-list.h"

#define WIDTH          1920
#define HEIGHT         1080
#define N_POSITIONS    1000
#define OPENINGS       11
#define MOVES          60
#define WARM_UP        5
#define OPEN_TARGET_US 500000.0
#define MOVE_TARGET_US 8000.0
#define EXIT_SKIP      77

/* The resident set, in bytes. */
static double
bench_position_list_rss (void)
{
  g_autofree char *statm = NULL;
  unsigned long size, resident;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    g_error ("cannot read /proc/self/statm");
  return (double)resident * sysconf (_SC_PAGESIZE);
}

/* A thousand small positions, both sides and both modes, on a wallet large enough that no
 * mark between DRAG_LOW and DRAG_HIGH liquidates any: every move does the same work. */
static GtkWidget *
bench_position_list_window (GtkWidget *list)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chart = gtk_label_new ("the chart's place");

  gtk_widget_set_vexpand (chart, TRUE);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 3; i++)
    bench_frames_wait (window);
  return window;
}

/* Sets a fresh account on the empty list, OPENINGS times; the first opening's memory is the
 * one a learner pays, later ones reuse what the allocator kept. */
static void
bench_position_list_open (GtkWidget *window,
                          GtkWidget *list,
                          Result    *result)
{
  g_autofree double *samples = g_new (double, OPENINGS);
  double first_rss = 0;

  for (guint i = 0; i < OPENINGS; i++)
    {
      g_autoptr(MlAccount) account = bench_positions_account_of (N_POSITIONS);
      double rss = bench_position_list_rss ();
      double begin = bench_common_now_us ();
      BenchFrame frame;

      ml_position_list_set_account (ML_POSITION_LIST (list), account);
      frame = bench_frames_wait (window);
      samples[i] = frame.ended - begin;
      if (i == 0)
        first_rss = bench_position_list_rss () - rss;
      ml_position_list_set_account (ML_POSITION_LIST (list), NULL);
      bench_frames_wait (window);
    }
  bench_common_summarize (samples, OPENINGS, result);
  result->target_us = OPEN_TARGET_US;
  result->note = g_strdup_printf ("from setting the account on the list until its first frame is painted; "
                                  "the first opening grew the resident set by %.1f MB",
                                  first_rss / (1024 * 1024));
}

/* Moves the mark MOVES times with the list showing, and the same moves on a copy no list shows:
 * the difference is what the rows cost. */
static void
bench_position_list_move (GtkWidget *window,
                          GtkWidget *list,
                          Result    *results)
{
  g_autoptr(MlAccount) account = bench_positions_account_of (N_POSITIONS);
  g_autoptr(MlAccount) alone = ml_account_copy (account);
  g_autofree double *steps = g_new (double, MOVES);
  g_autofree double *updates = g_new (double, MOVES);
  g_autofree double *models = g_new (double, MOVES);
  g_autofree double *frames = g_new (double, MOVES);

  ml_position_list_set_account (ML_POSITION_LIST (list), account);
  bench_frames_wait (window);
  for (guint i = 0; i < WARM_UP + MOVES; i++)
    {
      double price = DRAG_LOW + (DRAG_HIGH - DRAG_LOW) * (i % 10) / 9;
      double begin, updated, model;
      BenchFrame frame;

      begin = bench_common_now_us ();
      ml_account_move_mark_price (alone, price, NULL, NULL);
      model = bench_common_now_us () - begin;

      begin = bench_common_now_us ();
      ml_account_move_mark_price (account, price, NULL, NULL);
      updated = bench_common_now_us ();
      frame = bench_frames_wait (window);
      if (i >= WARM_UP)
        {
          steps[i - WARM_UP] = frame.ended - begin;
          updates[i - WARM_UP] = updated - begin;
          models[i - WARM_UP] = model;
          frames[i - WARM_UP] = frame.ended - frame.started;
        }
    }
  ml_position_list_set_account (ML_POSITION_LIST (list), NULL);

  bench_common_summarize (steps, MOVES, &results[0]);
  results[0].note = g_strdup ("from the mark's move until the frame is painted, including the wait for the "
                              "frame clock's next tick");
  bench_common_summarize (updates, MOVES, &results[1]);
  results[1].note = g_strdup ("ml_account_move_mark_price with the list following: the model and the rows' updates");
  bench_common_summarize (models, MOVES, &results[2]);
  results[2].note = g_strdup ("the same move on a copy no list follows: subtract it from the line above for the rows");
  bench_common_summarize (frames, MOVES, &results[3]);
  results[3].note = g_strdup ("from the frame's start to its end; under Xvfb GTK renders in software");
  for (guint i = 0; i < 4; i++)
    results[i].target_us = MOVE_TARGET_US;
}

int
main (int    argc,
      char **argv)
{
  Result results[] = {
    { "open 1,000 positions: to the first frame" },
    { "mark move, list showing: to the frame" },
    { "  the model and the rows' updates" },
    { "  the model alone" },
    { "  GTK's frame: layout, snapshot, render" },
  };
  GtkWidget *window, *list;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-position-list needs a display: run it with meson test --benchmark --setup display\n");
      return EXIT_SKIP;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  list = ml_position_list_new ();
  window = bench_position_list_window (list);
  bench_position_list_open (window, list, &results[0]);
  bench_position_list_move (window, list, &results[1]);
  results[0].note = g_strdup_printf ("%s (%s renderer)", results[0].note,
                                     G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  gtk_window_destroy (GTK_WINDOW (window));

  printf ("Margin Lab positions list benchmark (%s build, %u positions; the median and min of %u openings, "
          "%u moves)\n\n", ML_BENCH_BUILD, N_POSITIONS, OPENINGS, MOVES);
  bench_common_print_results (results, G_N_ELEMENTS (results));
  return 0;
}
