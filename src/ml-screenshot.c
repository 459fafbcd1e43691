/* ml-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a presented window the way libadwaita's screenshot tool does: wait until the window
 * has painted, snapshot its paintable, render that with the window's own renderer, and write
 * the PNG atomically with ml_file_replace_contents(). Framed, it is drawn as a compositing
 * desktop shows it, with its rounded corners and shadow on a transparent ground, as software
 * centres ask of screenshots.
 */

#define G_LOG_DOMAIN "ml-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "margin-lab-core.h"
#include "ml-screenshot.h"

/* Frames to wait for: the first lays out, later ones settle sizes that depend on it. */
#define SETTLE_FRAMES 3
#define TIMEOUT_S     20
/* Room for libadwaita's window shadow, whose widest part is 0 6px 32px 16px: 16 + 32 pixels
 * on every side, less its 6 pixels of offset above and more below. */
#define FRAME_SIDE    48
#define FRAME_TOP     42
#define FRAME_BOTTOM  54

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

/* A display without a compositor, such as Xvfb, gives the window libadwaita's solid-csd style,
 * a flat frame with square corners; a compositing desktop gives it csd, the rounded corners and
 * the shadow. The window is presented by now, and GTK does not set the classes again. */
static void
ml_screenshot_style_as_composited (GtkWindow *window)
{
  gtk_widget_remove_css_class (GTK_WIDGET (window), "solid-csd");
  gtk_widget_add_css_class (GTK_WIDGET (window), "csd");
}

/**
 * ml_screenshot_window:
 * @window: a presented window
 * @framed: whether to draw it with its rounded corners and shadow, on a transparent ground
 *
 * Returns: %TRUE if @filename now holds the window as a PNG image; else %FALSE with @error
 *   saying why, as a predicate to follow the file's name ("cannot be saved in its folder: …")
 */
gboolean
ml_screenshot_window (GtkWindow   *window,
                      const char  *filename,
                      gboolean     framed,
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

  if (framed)
    ml_screenshot_style_as_composited (window);
  if (!ml_screenshot_wait_for_paint (window, error))
    return FALSE;

  /* The paintable is the window's bounds, and clips its drawing to them. */
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
  /* The shadow is drawn outside the bounds, under that clip: framed, it goes. */
  if (framed && gsk_render_node_get_node_type (node) == GSK_CLIP_NODE)
    {
      GskRenderNode *drawing = gsk_render_node_ref (gsk_clip_node_get_child (node));

      gsk_render_node_unref (node);
      node = drawing;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         framed ? &GRAPHENE_RECT_INIT (-FRAME_SIDE, -FRAME_TOP,
                                                                       width + 2 * FRAME_SIDE,
                                                                       height + FRAME_TOP + FRAME_BOTTOM)
                                                : &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);
  data = g_bytes_get_data (png, &length);
  return ml_file_replace_contents (filename, data, length, error);
}
