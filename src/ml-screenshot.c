/* ml-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a presented window the way libadwaita's screenshot tool does: wait until the window
 * has painted, snapshot its paintable, render that with the window's own renderer, and write
 * the PNG atomically.
 */

#define G_LOG_DOMAIN "ml-screenshot"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
 * Returns: %TRUE if @filename now holds the window as a PNG image
 */
gboolean
ml_screenshot_window (GtkWindow   *window,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *partial = NULL;
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

  /* Written beside the target and renamed over it: a reader never sees half a file. */
  partial = g_strconcat (filename, ".partial", NULL);
  if (!gdk_texture_save_to_png (texture, partial))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not write the image"));
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, filename) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}
