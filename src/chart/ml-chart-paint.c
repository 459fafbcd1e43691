/* ml-chart-paint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collateral chart painted on a cairo_t from a computed layout: every position, label and
 * tick is already placed there, so a paint (the widget's, an export's, a test's) only strokes
 * and shows text. Every line is the model's exact curve, traced piece by piece, so that a
 * liquidation shows as the vertical drop it is.
 */

#define G_LOG_DOMAIN "ml-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ml-chart-paint-private.h"

/* Positions differ by dash pattern as well as colour, for learners who cannot tell the colours
 * apart; the account is solid and thicker, the pool long-dashed. Long enough to tell apart at
 * a glance, and few enough strokes per line that dashing (most of a paint's cost) stays cheap. */
static const double dash_patterns[][4] = {
  { 8, 4, 0, 0 }, { 3, 4, 0, 0 }, { 12, 4, 3, 4 }, { 2, 5, 0, 0 }, { 16, 5, 0, 0 }, { 7, 4, 2, 4 },
};
static const int dash_lengths[] = { 2, 2, 4, 2, 2, 4 };
static const double pool_dash[] = { 12, 4 };
static const double ghost_dash[] = { 4, 4 };

typedef struct
{
  MlChartColor  color;
  double        width;
  const double *dash;
  int           n_dash;
} Stroke;

static Stroke
ml_chart_paint_stroke (const MlChartPalette *palette,
                       const MlChartLine    *line)
{
  Stroke ghost = { palette->account, 2.5, ghost_dash, G_N_ELEMENTS (ghost_dash) };

  switch (line->ink)
    {
    case ML_CHART_INK_POOL:
      return (Stroke) { palette->pool, 2, pool_dash, G_N_ELEMENTS (pool_dash) };
    case ML_CHART_INK_POSITION:
      return (Stroke) { palette->positions[line->color], 2, dash_patterns[line->color], dash_lengths[line->color] };
    case ML_CHART_INK_GHOST:
      ghost.color.alpha *= 0.55;
      return ghost;
    case ML_CHART_INK_ACCOUNT:
    default:
      return (Stroke) { palette->account, 3.5, NULL, 0 };
    }
}

static void
ml_chart_paint_set_color (cairo_t            *cr,
                          const MlChartColor *c,
                          double              alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static void
ml_chart_paint_text (cairo_t            *cr,
                     PangoLayout        *pango,
                     const MlChartLabel *label)
{
  if (label->text == NULL)
    return;
  pango_layout_set_text (pango, label->text, -1);
  cairo_move_to (cr, label->rect.x, label->rect.y);
  pango_cairo_show_layout (cr, pango);
}

/* A label inside the plot, on a patch of the background so that the lines under it do not
 * run through its text. */
static void
ml_chart_paint_label_on_plot (cairo_t              *cr,
                              PangoLayout          *pango,
                              const MlChartPalette *palette,
                              const MlChartColor   *color,
                              const MlChartLabel   *label)
{
  if (label->text == NULL)
    return;
  ml_chart_paint_set_color (cr, &palette->background, 0.85);
  cairo_rectangle (cr, label->rect.x - 2, label->rect.y, label->rect.width + 4, label->rect.height);
  cairo_fill (cr);
  ml_chart_paint_set_color (cr, color, 1);
  ml_chart_paint_text (cr, pango, label);
}

static void
ml_chart_paint_axes (const MlChartLayout  *layout,
                     const MlChartPalette *palette,
                     cairo_t              *cr,
                     PangoLayout          *pango)
{
  const MlChartRect *plot = &layout->plot;

  /* The grid, crisp: it is upright and level, and smoothing it costs. */
  ml_chart_paint_set_color (cr, &palette->grid, 1);
  cairo_set_line_width (cr, 1);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint i = 0; i < layout->value_ticks->len; i++)
    {
      double y = g_array_index (layout->value_ticks, MlChartTick, i).x;

      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
    }
  for (guint i = 0; i < layout->price_ticks->len; i++)
    {
      double x = g_array_index (layout->price_ticks, MlChartTick, i).x;

      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
    }
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  ml_chart_paint_set_color (cr, &palette->foreground, 0.8);
  for (guint i = 0; i < layout->value_ticks->len; i++)
    ml_chart_paint_text (cr, pango, &g_array_index (layout->value_ticks, MlChartTick, i).label);
  for (guint i = 0; i < layout->price_ticks->len; i++)
    ml_chart_paint_text (cr, pango, &g_array_index (layout->price_ticks, MlChartTick, i).label);
  ml_chart_paint_text (cr, pango, &layout->price_title);
  ml_chart_paint_text (cr, pango, &layout->value_title);
}

/* The liquidations: a line at each price, and the band up to its bankruptcy price where what is
 * left goes to the exchange. All bands are one fill and all lines one stroke: with many
 * positions they overlap, and one path each keeps a paint quick and the tint even. */
static void
ml_chart_paint_markers (const MlChartLayout  *layout,
                        const MlChartPalette *palette,
                        cairo_t              *cr)
{
  const MlChartRect *plot = &layout->plot;

  for (guint i = 0; i < layout->markers->len; i++)
    {
      const MlChartMarker *marker = &g_array_index (layout->markers, MlChartMarker, i);
      double x = _ml_chart_layout_x (layout, marker->price);
      double xb = CLAMP (_ml_chart_layout_x (layout, marker->bankruptcy), plot->x, plot->x + plot->width);

      if (marker->price > layout->lo && marker->price < layout->hi && marker->bankruptcy > 0)
        cairo_rectangle (cr, MIN (x, xb), plot->y, fabs (xb - x), plot->height);
    }
  ml_chart_paint_set_color (cr, &palette->danger, 0.12);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);

  /* Crisp pixel columns: an upright line needs no smoothing, which costs. */
  for (guint i = 0; i < layout->markers->len; i++)
    {
      const MlChartMarker *marker = &g_array_index (layout->markers, MlChartMarker, i);
      double x = floor (_ml_chart_layout_x (layout, marker->price)) + 0.5;

      if (marker->price > layout->lo && marker->price < layout->hi)
        {
          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, plot->y + plot->height);
        }
    }
  ml_chart_paint_set_color (cr, &palette->danger, 0.9);
  cairo_set_line_width (cr, 1);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

static void
ml_chart_paint_arrow (const MlChartPalette *palette,
                      cairo_t              *cr,
                      PangoLayout          *pango,
                      const MlChartArrow   *arrow)
{
  ml_chart_paint_set_color (cr, &palette->danger, 1);
  cairo_move_to (cr, arrow->tip_x, arrow->y);
  cairo_line_to (cr, arrow->tip_x - arrow->side * 8, arrow->y - 5);
  cairo_line_to (cr, arrow->tip_x - arrow->side * 8, arrow->y + 5);
  cairo_close_path (cr);
  cairo_fill (cr);
  ml_chart_paint_label_on_plot (cr, pango, palette, &palette->danger, &arrow->label);
}

/* Over the lines, which would otherwise run through them. */
static void
ml_chart_paint_marker_labels (const MlChartLayout  *layout,
                              const MlChartPalette *palette,
                              cairo_t              *cr,
                              PangoLayout          *pango)
{
  for (guint i = 0; i < layout->marker_labels->len; i++)
    ml_chart_paint_label_on_plot (cr, pango, palette, &palette->danger,
                                  &g_array_index (layout->marker_labels, MlChartLabel, i));
  for (guint i = 0; i < layout->arrows->len; i++)
    ml_chart_paint_arrow (palette, cr, pango, &g_array_index (layout->arrows, MlChartArrow, i));
}

static gboolean
ml_chart_paint_is_zero_piece (double a,
                              double b)
{
  return a == 0 && b == 0;
}

/* The exact curve: straight between breakpoints, and at each breakpoint through the value it
 * takes there, which draws a liquidation as the drop it is. The stretches where a line is
 * flat at zero are left to ml_chart_paint_trace_zero(): dashing them, along the axis where
 * every liquidated line lies, would cost most of a paint and show nothing. */
static void
ml_chart_paint_trace (cairo_t             *cr,
                      const MlChartLayout *layout,
                      const MlCurve       *curve)
{
  guint n = ml_curve_get_n_breakpoints (curve);
  gboolean started = FALSE;
  double at = 0;

  for (guint i = 0; i <= n; i++)
    {
      double from, to, a, b, start_value;

      ml_curve_get_piece (curve, i, &from, &to, &a, &b);
      start_value = i > 0 && from >= layout->lo ? at : a + b * MAX (from, layout->lo);
      from = MAX (from, layout->lo);
      to = MIN (to, layout->hi);
      if (i < n)
        ml_curve_get_breakpoint (curve, i, &at);
      if (from >= to || ml_chart_paint_is_zero_piece (a, b))
        {
          started = FALSE;
          continue;
        }

      /* After a stretch at zero, start with the drop (or rise) at the breakpoint. */
      if (!started)
        cairo_move_to (cr, _ml_chart_layout_x (layout, from), _ml_chart_layout_y (layout, start_value));
      cairo_line_to (cr, _ml_chart_layout_x (layout, from), _ml_chart_layout_y (layout, a + b * from));
      cairo_line_to (cr, _ml_chart_layout_x (layout, to), _ml_chart_layout_y (layout, a + b * to));
      started = TRUE;

      if (i < n && to < layout->hi)
        cairo_line_to (cr, _ml_chart_layout_x (layout, to), _ml_chart_layout_y (layout, at));
    }
}

/* The flat stretches at zero, each one straight stroke. */
static void
ml_chart_paint_trace_zero (cairo_t             *cr,
                           const MlChartLayout *layout,
                           const MlCurve       *curve)
{
  for (guint i = 0; i <= ml_curve_get_n_breakpoints (curve); i++)
    {
      double from, to, a, b;

      ml_curve_get_piece (curve, i, &from, &to, &a, &b);
      from = MAX (from, layout->lo);
      to = MIN (to, layout->hi);
      if (from < to && ml_chart_paint_is_zero_piece (a, b))
        {
          cairo_move_to (cr, _ml_chart_layout_x (layout, from), _ml_chart_layout_y (layout, 0));
          cairo_line_to (cr, _ml_chart_layout_x (layout, to), _ml_chart_layout_y (layout, 0));
        }
    }
}

/* The stretches at zero solid, the rest dashed; a line flat along the bottom all solid. */
static void
ml_chart_paint_line (const MlChartLayout  *layout,
                     const MlChartPalette *palette,
                     cairo_t              *cr,
                     const MlChartLine    *line)
{
  Stroke stroke = ml_chart_paint_stroke (palette, line);

  ml_chart_paint_set_color (cr, &stroke.color, 1);
  cairo_set_line_width (cr, stroke.width);
  cairo_set_dash (cr, NULL, 0, 0);
  ml_chart_paint_trace_zero (cr, layout, line->curve);
  if (line->flat)
    {
      ml_chart_paint_trace (cr, layout, line->curve);
      cairo_stroke (cr);
      return;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, stroke.dash, stroke.n_dash, 0);
  ml_chart_paint_trace (cr, layout, line->curve);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
ml_chart_paint_lines (const MlChartLayout  *layout,
                      const MlChartPalette *palette,
                      cairo_t              *cr)
{
  const MlChartRect *plot = &layout->plot;

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y - 4, plot->width, plot->height + 8);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < layout->lines->len; i++)
    ml_chart_paint_line (layout, palette, cr, &g_array_index (layout->lines, MlChartLine, i));
  cairo_restore (cr);
}

static void
ml_chart_paint_mark (const MlChartLayout  *layout,
                     const MlChartPalette *palette,
                     cairo_t              *cr,
                     PangoLayout          *pango)
{
  if (!layout->mark_shown)
    return;

  ml_chart_paint_set_color (cr, &palette->foreground, 0.9);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, layout->mark_x, layout->plot.y);
  cairo_line_to (cr, layout->mark_x, layout->plot.y + layout->plot.height);
  cairo_stroke (cr);
  ml_chart_paint_label_on_plot (cr, pango, palette, &palette->foreground, &layout->mark_label);
}

static void
ml_chart_paint_legend (const MlChartLayout  *layout,
                       const MlChartPalette *palette,
                       cairo_t              *cr,
                       PangoLayout          *pango)
{
  for (guint k = 0; k < layout->legend_entries->len; k++)
    {
      const MlChartLegendEntry *entry = &g_array_index (layout->legend_entries, MlChartLegendEntry, k);
      Stroke stroke = ml_chart_paint_stroke (palette, &g_array_index (layout->lines, MlChartLine, entry->line));

      ml_chart_paint_set_color (cr, &stroke.color, 1);
      cairo_set_line_width (cr, stroke.width);
      cairo_set_dash (cr, stroke.dash, stroke.n_dash, 0);
      cairo_move_to (cr, entry->x, entry->y);
      cairo_line_to (cr, entry->x + 28, entry->y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      ml_chart_paint_set_color (cr, &palette->foreground, 1);
      ml_chart_paint_text (cr, pango, &entry->label);
    }
  ml_chart_paint_set_color (cr, &palette->foreground, 0.8);
  ml_chart_paint_text (cr, pango, &layout->legend_more);
}

/**
 * _ml_chart_paint:
 *
 * Paints @layout into the rectangle (0, 0, width, height) of @cr, at the size it was placed for.
 */
void
_ml_chart_paint (const MlChartLayout  *layout,
                 const MlChartPalette *palette,
                 PangoContext         *context,
                 cairo_t              *cr)
{
  g_autoptr(PangoLayout) pango = pango_layout_new (context);

  cairo_save (cr);
  ml_chart_paint_set_color (cr, &palette->background, 1);
  cairo_paint (cr);
  ml_chart_paint_axes (layout, palette, cr, pango);
  ml_chart_paint_markers (layout, palette, cr);
  ml_chart_paint_lines (layout, palette, cr);
  ml_chart_paint_mark (layout, palette, cr, pango);
  ml_chart_paint_marker_labels (layout, palette, cr, pango);
  ml_chart_paint_legend (layout, palette, cr, pango);
  cairo_restore (cr);
}

/* The hover box: the price, then the value there of every line the legend names, the account
 * first as in the legend, and how many more there are. It goes after the crosshair in the
 * text's direction (right of it, left right to left) if it fits there, and stays inside the
 * chart. */
static void
ml_chart_paint_hover_box (const MlChartLayout  *layout,
                          const MlChartPalette *palette,
                          cairo_t              *cr,
                          PangoLayout          *pango,
                          double                price)
{
  g_autofree char *header = ml_money_format_price (price);
  g_autoptr(GString) text = g_string_new (NULL);
  double x = _ml_chart_layout_x (layout, price), y;
  guint more = layout->lines->len - layout->legend_entries->len;
  int w, h;

  /* Translators: the first line of the chart's hover box, "At 58,000.0" */
  g_string_append_printf (text, _("At %s"), header);
  for (guint k = 0; k < layout->legend_entries->len; k++)
    {
      const MlChartLegendEntry *entry = &g_array_index (layout->legend_entries, MlChartLegendEntry, k);
      const MlChartLine *line = &g_array_index (layout->lines, MlChartLine, entry->line);
      g_autofree char *value = ml_money_format_usdt (ml_curve_evaluate (line->curve, price));

      /* Translators: one line of the chart's hover box, "Cross pool (b): 1,000.00 USDT" */
      g_string_append_printf (text, _("\n%s: %s"), entry->label.text, value);
    }
  if (more > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: ends the chart's hover box when it cannot list every line, "and 994 more" */
      g_string_append_printf (text, ngettext ("and %u more", "and %u more", more), more);
    }

  pango_layout_set_text (pango, text->str, -1);
  pango_layout_get_pixel_size (pango, &w, &h);
  if (layout->rtl)
    x = x - 12 - w - 12 >= 4 ? x - 12 - w - 12 : x + 12;
  else
    x = x + 12 + w + 12 <= layout->width - 4 ? x + 12 : x - 12 - w - 12;
  x = CLAMP (x, 4, MAX (4, layout->width - w - 16));
  y = MAX (4, layout->plot.y + layout->plot.height - h - 20);

  ml_chart_paint_set_color (cr, &palette->background, 0.94);
  cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, w + 12, h + 8);
  cairo_fill_preserve (cr);
  ml_chart_paint_set_color (cr, &palette->foreground, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  ml_chart_paint_set_color (cr, &palette->foreground, 1);
  cairo_move_to (cr, round (x) + 6, round (y) + 4);
  pango_cairo_show_layout (cr, pango);
}

/**
 * _ml_chart_paint_hover:
 *
 * Paints, over _ml_chart_paint() of the same layout, a crosshair at @price with a dot on every
 * line and a box listing the lines' values there.
 */
void
_ml_chart_paint_hover (const MlChartLayout  *layout,
                       const MlChartPalette *palette,
                       PangoContext         *context,
                       cairo_t              *cr,
                       double                price)
{
  static const double dash[] = { 3, 3 };
  g_autoptr(PangoLayout) pango = NULL;
  double x;

  if (!(price >= layout->lo && price <= layout->hi))
    return;
  pango = pango_layout_new (context);
  x = round (_ml_chart_layout_x (layout, price)) + 0.5;

  cairo_save (cr);
  ml_chart_paint_set_color (cr, &palette->foreground, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, layout->plot.y);
  cairo_line_to (cr, x, layout->plot.y + layout->plot.height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < layout->lines->len; i++)
    {
      const MlChartLine *line = &g_array_index (layout->lines, MlChartLine, i);
      Stroke stroke = ml_chart_paint_stroke (palette, line);

      ml_chart_paint_set_color (cr, &stroke.color, 1);
      cairo_arc (cr, x, _ml_chart_layout_y (layout, ml_curve_evaluate (line->curve, price)), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  ml_chart_paint_hover_box (layout, palette, cr, pango, price);
  cairo_restore (cr);
}
