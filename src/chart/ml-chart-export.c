/* ml-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collateral chart written to a PNG, SVG or PDF file: painted by ml_chart_draw(), the
 * same function as the widget's, into an image or vector surface, and written atomically.
 */

#define G_LOG_DOMAIN "ml-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "ml-chart.h"
#include "ml-file.h"

#define MAX_EXPORT_SIDE 8192

static cairo_status_t
ml_chart_export_append (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ml_chart_export:
 * @filename: ending in .png, .svg or .pdf, which chooses the format
 *
 * Paints the chart at @width × @height and writes it atomically: to a temporary file, flushed,
 * then renamed over @filename (ml_file_replace_contents()).
 */
gboolean
ml_chart_export (MlChart     *self,
                 const char  *filename,
                 int          width,
                 int          height,
                 GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png;

  g_return_val_if_fail (ML_IS_CHART (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (width < 200 || height < 150 || width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the allowed and the asked-for sizes of an exported chart, in pixels: width × height */
                   _("A chart is from 200 × 150 to %d × %d pixels; %d × %d is not possible."),
                   MAX_EXPORT_SIDE, MAX_EXPORT_SIDE, width, height);
      return FALSE;
    }

  lower = g_ascii_strdown (filename, -1);
  png = g_str_has_suffix (lower, ".png");
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (ml_chart_export_append, bytes, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (ml_chart_export_append, bytes, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the file name typed; .png, .svg and .pdf are file extensions, kept as they are */
                   _("Cannot tell the format of “%s”: name it .png, .svg or .pdf."), filename);
      return FALSE;
    }

  cr = cairo_create (surface);
  ml_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png_stream (surface, ml_chart_export_append, bytes);
  else
    {
      cairo_surface_finish (surface); /* flushes the SVG or PDF into the stream */
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is cairo's reason, in English */
                   _("Could not draw the chart: %s."), cairo_status_to_string (status));
      return FALSE;
    }

  /* As a scenario is saved: through a symbolic link, keeping the file's mode, and an error
   * never names the temporary file. */
  return ml_file_replace_contents (filename, (const char *)bytes->data, bytes->len, error);
}
