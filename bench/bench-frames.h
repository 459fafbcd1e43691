/* bench-frames.h — waiting for GTK's painted frames, for the benchmarks with a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bench-common.h"

typedef struct
{
  double started;  /* when the frame began: GTK's layout, snapshot and render follow */
  double ended;    /* when it was painted */
} BenchFrame;

static inline void
bench_frames_started (GdkFrameClock *clock,
                      BenchFrame    *frame)
{
  frame->started = bench_common_now_us ();
}

static inline void
bench_frames_ended (GdkFrameClock *clock,
                    BenchFrame    *frame)
{
  frame->ended = bench_common_now_us ();
}

/* Runs the main loop until one more frame of @widget has been painted, and says when it ran.
 * The frame is asked for: a window with nothing new to show paints none. */
static inline BenchFrame
bench_frames_wait (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  BenchFrame frame = { 0, 0 };
  gulong started = g_signal_connect (clock, "before-paint", G_CALLBACK (bench_frames_started), &frame);
  gulong ended = g_signal_connect (clock, "after-paint", G_CALLBACK (bench_frames_ended), &frame);

  gtk_widget_queue_draw (widget);
  while (frame.ended == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, started);
  g_signal_handler_disconnect (clock, ended);
  return frame;
}
