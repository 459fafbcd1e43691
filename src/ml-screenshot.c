/* ml-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a presented window the way libadwaita's screenshot tool does: wait until the window
 * has painted, snapshot its paintable, render that with the window's own renderer, and write
 * the PNG atomically with ml_file_replace_contents().
 */

#define G_LOG_DOMAIN "ml-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "margin-lab-core.h"
#include "ml-screenshot.h"

/* Frames to wait for: the first lays out, later ones settle sizes that depend on it. */
#define SETTLE_FRAMES 3
#define TIMEOUT_S     20

static void
ml_screenshot_count_frame (GdkFrameClock *clock,
                           guint         *frames)
{
  (*frames)++;
}

static gboolean
ml_screenshot_wait_for_paint (GtkWindow  *window,
                              GError    **error)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler;

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("the window did not appear on the display"));
      return FALSE;
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (ml_screenshot_count_frame), &frames);
  while (frames < SETTLE_FRAMES && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  return TRUE;
}

/**
 * ml_screenshot_window:
 * @window: a presented window
 *
 * Returns: %TRUE if @filename now holds the window as a PNG image; else %FALSE with @error
 *   saying why, as a predicate to follow the file's name ("cannot be saved in its folder: …")
 */
gboolean
ml_screenshot_window (GtkWindow   *window,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  const char *data;
  gsize length;
  GtkSnapshot *snapshot;
  int width, height;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (!ml_screenshot_wait_for_paint (window, error))
    return FALSE;

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the window drew nothing"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);
  data = g_bytes_get_data (png, &length);
  return ml_file_replace_contents (filename, data, length, error);
}
