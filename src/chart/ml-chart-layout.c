/* ml-chart-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the collateral chart shows and where: its lines and liquidation markers, taken from the
 * account once per change, then, at one size and price range, the plot's frame, the ticks, the
 * legend and every label, measured with Pango and placed so that none is cut at an edge or
 * crossed by the mark line. Painting and hover read this and compute nothing of it again.
 *
 * Right to left (the Pango context's base direction), the legend is mirrored and every callout
 * prefers the left of the line it labels; the plot, its price axis and the value axis stay as
 * they are, as a numeric chart does in Arabic: prices grow to the right.
 */

#define G_LOG_DOMAIN "ml-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ml-chart-layout-private.h"

/* The automatic range frames the prices within this factor of the mark (see ml_chart_get_range()). */
#define NEAR_FACTOR   2.0
#define EDGE          8.0    /* between the chart's edge and any text */
#define LABEL_GAP     8.0    /* between two labels on one row */
#define SAMPLE        28.0   /* a legend entry's stroke */
#define ARROW         8.0    /* an edge arrow's length */
#define MARKER_ROWS   2      /* rows of liquidation price labels above the zero line */
#define MAX_POOL_IDS  5      /* the cross pool's positions named in its label */

/* What is shown */

char *
_ml_chart_layout_position_label (MlPosition *p)
{
  g_autofree char *size = ml_money_format_btc (ml_position_get_quantity (p));
  g_autofree char *leverage = ml_money_format_leverage (ml_position_get_leverage (p));

  /* Translators: a chart label, "a: long 0.1000 BTC, isolated, 20×" */
  return g_strdup_printf (_("%s: %s %s, %s, %s"), ml_position_get_id (p),
                          ml_position_get_side (p) == ML_SIDE_LONG ? _("long") : _("short"), size,
                          ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED ? _("isolated") : _("cross"),
                          leverage);
}

/* The ids of the cross positions the pool backs, "b, c", the first few of many with how many
 * more ("p0, p3, p6 and 330 more"); empty when there are none. */
char *
_ml_chart_layout_pool_ids (MlAccount *account)
{
  GListModel *positions = ml_account_get_positions (account);
  GString *ids = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_position_get_mode (p) != ML_MARGIN_MODE_CROSS || ml_position_get_liquidated (p))
        continue;
      if (n++ < MAX_POOL_IDS)
        g_string_append_printf (ids, "%s%s", ids->len ? ", " : "", ml_position_get_id (p));
    }
  if (n > MAX_POOL_IDS)
    {
      g_autofree char *first = g_string_free (g_steal_pointer (&ids), FALSE);

      /* Translators: the cross pool's positions when there are many, "p0, p3, p6 and 330 more" */
      return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - MAX_POOL_IDS), first, n - MAX_POOL_IDS);
    }
  return g_string_free (ids, FALSE);
}

static char *
ml_chart_layout_pool_label (MlAccount *account)
{
  g_autofree char *ids = _ml_chart_layout_pool_ids (account);

  if (ids[0] == '\0')
    return g_strdup (_("Cross pool (no cross positions)"));
  /* Translators: the shared cross pool's line, with the ids of the positions it backs */
  return g_strdup_printf (_("Cross pool (%s)"), ids);
}

static void
ml_chart_layout_clear_line (gpointer data)
{
  MlChartLine *line = data;

  g_clear_pointer (&line->curve, ml_curve_unref);
  g_clear_object (&line->position);
  g_clear_pointer (&line->label, g_free);
}

static void
ml_chart_layout_clear_marker (gpointer data)
{
  g_clear_pointer (&((MlChartMarker *)data)->key, g_free);
}

static void
ml_chart_layout_clear_label (gpointer data)
{
  g_clear_pointer (&((MlChartLabel *)data)->text, g_free);
}

static void
ml_chart_layout_clear_tick (gpointer data)
{
  ml_chart_layout_clear_label (&((MlChartTick *)data)->label);
}

static void
ml_chart_layout_clear_arrow (gpointer data)
{
  ml_chart_layout_clear_label (&((MlChartArrow *)data)->label);
}

static void
ml_chart_layout_clear_entry (gpointer data)
{
  ml_chart_layout_clear_label (&((MlChartLegendEntry *)data)->label);
}

static GArray *
ml_chart_layout_array (gsize          size,
                       GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, size);

  g_array_set_clear_func (array, clear);
  return array;
}

static void
ml_chart_layout_add_line (MlChartLayout *layout,
                          MlCurve       *curve,
                          MlChartInk     ink,
                          guint          color,
                          MlPosition    *position,
                          char          *label)
{
  MlChartLine line = { curve, ink, color, position ? g_object_ref (position) : NULL, label };

  g_array_append_val (layout->lines, line);
}

static void
ml_chart_layout_add_marker (MlChartLayout *layout,
                            char          *key,
                            double         price,
                            double         bankruptcy)
{
  MlChartMarker marker = { key, price, bankruptcy };

  g_array_append_val (layout->markers, marker);
}

/* The pool first, then each isolated position, the ghost, and the account last: drawn on top. */
static void
ml_chart_layout_collect_lines (MlChartLayout *layout,
                               MlAccount     *account,
                               gboolean       compare)
{
  GListModel *positions = ml_account_get_positions (account);
  guint n_isolated = 0;

  ml_chart_layout_add_line (layout, ml_account_get_pool_curve (account), ML_CHART_INK_POOL, 0, NULL,
                            ml_chart_layout_pool_label (account));
  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_position_get_mode (p) != ML_MARGIN_MODE_ISOLATED || ml_position_get_liquidated (p))
        continue;
      ml_chart_layout_add_line (layout, ml_account_get_position_curve (account, p), ML_CHART_INK_POSITION,
                                n_isolated++ % ML_CHART_N_POSITION_COLORS, p, NULL);
    }

  if (compare)
    {
      MlCurve *other = ml_account_get_other_mode_curve (account, NULL);

      if (other != NULL)
        ml_chart_layout_add_line (layout, other, ML_CHART_INK_GHOST, 0, NULL,
                                  g_strdup (_("Account, every position in the other mode")));
    }
  ml_chart_layout_add_line (layout, ml_account_get_account_curve (account), ML_CHART_INK_ACCOUNT, 0, NULL,
                            g_strdup (_("Whole account")));
}

static void
ml_chart_layout_collect_markers (MlChartLayout *layout,
                                 MlAccount     *account)
{
  GListModel *positions = ml_account_get_positions (account);
  double low, high, bankruptcy = ml_account_get_cross_bankruptcy_price (account);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      double lp = ml_position_get_liquidation_price (p);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED && !ml_position_get_liquidated (p) &&
          lp != ML_PRICE_NONE)
        ml_chart_layout_add_marker (layout, g_strconcat ("i", ml_position_get_id (p), NULL), lp,
                                    ml_position_get_bankruptcy_price (p));
    }

  /* The pool's ends; its bankruptcy price lies beyond the end it backs, if either. */
  ml_account_get_cross_survival (account, &low, &high);
  if (ml_account_get_n_cross_positions (account) == 0)
    return;
  if (low > 0)
    ml_chart_layout_add_marker (layout, g_strdup ("l"), low, bankruptcy > 0 && bankruptcy < low ? bankruptcy : 0);
  if (isfinite (high) && high > 0)
    ml_chart_layout_add_marker (layout, g_strdup ("h"), high, bankruptcy > high ? bankruptcy : 0);
}

/**
 * _ml_chart_layout_new:
 *
 * Takes the lines and markers from @account as it is now. The layout holds no reference to
 * the account: it stays as it was when the account changes, until the chart makes a new one.
 */
MlChartLayout *
_ml_chart_layout_new (MlAccount *account,
                      gboolean   compare)
{
  MlChartLayout *layout = g_new0 (MlChartLayout, 1);

  layout->mark = ml_account_get_mark_price (account);
  layout->lines = ml_chart_layout_array (sizeof (MlChartLine), ml_chart_layout_clear_line);
  layout->markers = ml_chart_layout_array (sizeof (MlChartMarker), ml_chart_layout_clear_marker);
  layout->price_ticks = ml_chart_layout_array (sizeof (MlChartTick), ml_chart_layout_clear_tick);
  layout->value_ticks = ml_chart_layout_array (sizeof (MlChartTick), ml_chart_layout_clear_tick);
  layout->marker_labels = ml_chart_layout_array (sizeof (MlChartLabel), ml_chart_layout_clear_label);
  layout->arrows = ml_chart_layout_array (sizeof (MlChartArrow), ml_chart_layout_clear_arrow);
  layout->legend_entries = ml_chart_layout_array (sizeof (MlChartLegendEntry), ml_chart_layout_clear_entry);
  ml_chart_layout_collect_lines (layout, account, compare);
  ml_chart_layout_collect_markers (layout, account);
  return layout;
}

void
_ml_chart_layout_free (MlChartLayout *layout)
{
  g_array_unref (layout->lines);
  g_array_unref (layout->markers);
  g_array_unref (layout->price_ticks);
  g_array_unref (layout->value_ticks);
  g_array_unref (layout->marker_labels);
  g_array_unref (layout->arrows);
  g_array_unref (layout->legend_entries);
  ml_chart_layout_clear_label (&layout->mark_label);
  ml_chart_layout_clear_label (&layout->legend_more);
  ml_chart_layout_clear_label (&layout->price_title);
  ml_chart_layout_clear_label (&layout->value_title);
  g_free (layout);
}

/* The range */

static double
ml_chart_layout_nice_step (double span,
                           double count)
{
  double raw = span / count;
  double magnitude = pow (10, floor (log10 (raw)));
  double f = raw / magnitude;

  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude;
}

static gboolean
ml_chart_layout_is_near (double mark,
                         double price)
{
  return price > 0 && price >= mark / NEAR_FACTOR && price <= mark * NEAR_FACTOR;
}

/**
 * _ml_chart_layout_auto_range:
 *
 * The mark, and every liquidation and bankruptcy price and every turn of a line within a
 * factor of 2 of it, at least ±10 % of the mark; padded by 8 % and widened to whole steps of
 * a tick an eighth of the span. A price farther away would squeeze the rest into a sliver: it
 * is shown as an arrow at the plot's edge instead.
 */
void
_ml_chart_layout_auto_range (const MlChartLayout *layout,
                             double              *min_price,
                             double              *max_price)
{
  double mark = layout->mark;
  double lo = mark * 0.9, hi = mark * 1.1, pad, step;

  for (guint i = 0; i < layout->markers->len; i++)
    {
      const MlChartMarker *m = &g_array_index (layout->markers, MlChartMarker, i);
      const double prices[] = { m->price, m->bankruptcy };

      for (guint k = 0; k < G_N_ELEMENTS (prices); k++)
        if (ml_chart_layout_is_near (mark, prices[k]))
          {
            lo = MIN (lo, prices[k]);
            hi = MAX (hi, prices[k]);
          }
    }
  for (guint i = 0; i < layout->lines->len; i++)
    {
      MlCurve *curve = g_array_index (layout->lines, MlChartLine, i).curve;

      for (guint j = 0; j < ml_curve_get_n_breakpoints (curve); j++)
        {
          double x = ml_curve_get_breakpoint (curve, j, NULL);

          if (ml_chart_layout_is_near (mark, x))
            {
              lo = MIN (lo, x);
              hi = MAX (hi, x);
            }
        }
    }

  pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  step = ml_chart_layout_nice_step (hi - lo, 8);
  *min_price = MAX (ML_MIN_PRICE, floor (lo / step) * step);
  *max_price = MIN (ML_MAX_PRICE, ceil (hi / step) * step);
}

/* Measuring */

static void
ml_chart_layout_measure (PangoLayout  *pango,
                         const char   *text,
                         MlChartLabel *label,
                         double        x,
                         double        y)
{
  int w, h;

  pango_layout_set_text (pango, text, -1);
  pango_layout_get_pixel_size (pango, &w, &h);
  label->rect = (MlChartRect) { round (x), round (y), w, h };
}

static void
ml_chart_layout_set_label (PangoLayout  *pango,
                           MlChartLabel *label,
                           char         *text,
                           double        x,
                           double        y)
{
  g_free (label->text);
  label->text = text;
  ml_chart_layout_measure (pango, text, label, x, y);
}

static gboolean
ml_chart_layout_rects_overlap (const MlChartRect *a,
                               const MlChartRect *b)
{
  return a->x < b->x + b->width && a->x + a->width > b->x &&
         a->y < b->y + b->height && a->y + a->height > b->y;
}

/* Inside the plot, clear of the mark line, and of the mark's label. */
static gboolean
ml_chart_layout_fits_in_plot (const MlChartLayout *layout,
                              const MlChartRect   *r)
{
  const MlChartRect *plot = &layout->plot;

  if (r->x < plot->x + 2 || r->x + r->width > plot->x + plot->width - 2 ||
      r->y < plot->y || r->y + r->height > plot->y + plot->height)
    return FALSE;
  if (layout->mark_shown && r->x - 3 < layout->mark_x && r->x + r->width + 3 > layout->mark_x)
    return FALSE;
  return !(layout->mark_shown && ml_chart_layout_rects_overlap (r, &layout->mark_label.rect));
}

double
_ml_chart_layout_x (const MlChartLayout *layout,
                    double               price)
{
  return layout->plot.x + (price - layout->lo) / (layout->hi - layout->lo) * layout->plot.width;
}

double
_ml_chart_layout_y (const MlChartLayout *layout,
                    double               value)
{
  return layout->plot.y + layout->plot.height - value / layout->top_value * layout->plot.height;
}

/* The legend, above the plot: entries flow in rows across the chart, the account first; what
 * does not fit in a few rows is summed up as "and 994 more". Returns the rows' bottom. */

static double
ml_chart_layout_entry_width (const MlChartLegendEntry *entry)
{
  return SAMPLE + 6 + entry->label.rect.width;
}

/* The account first, its ghost, the pool, then the positions in the account's order. */
static guint
ml_chart_layout_legend_order (const MlChartLayout *layout,
                              guint                k)
{
  guint n = layout->lines->len;
  guint n_top = n >= 3 && g_array_index (layout->lines, MlChartLine, n - 2).ink == ML_CHART_INK_GHOST ? 2 : 1;

  if (k < n_top)
    return n - 1 - k;
  return k - n_top;
}

/* Right to left: the rows start at the right edge, and each entry's sample follows its words. */
static void
ml_chart_layout_mirror_legend (MlChartLayout *layout)
{
  MlChartRect *more = &layout->legend_more.rect;

  for (guint i = 0; i < layout->legend_entries->len; i++)
    {
      MlChartLegendEntry *entry = &g_array_index (layout->legend_entries, MlChartLegendEntry, i);
      double left = layout->width - entry->x - ml_chart_layout_entry_width (entry);

      entry->label.rect.x = left;
      entry->x = left + entry->label.rect.width + 6;
    }
  if (layout->legend_more.text != NULL)
    more->x = layout->width - more->x - more->width;
}

static double
ml_chart_layout_place_legend (MlChartLayout *layout,
                              PangoLayout   *pango,
                              double         top)
{
  guint n = layout->lines->len, max_rows = CLAMP ((guint)(layout->height * 0.2 / layout->row), 1, 4);
  double left = EDGE, right = layout->width - EDGE, x = left, bottom;
  guint row = 0;

  g_array_set_size (layout->legend_entries, 0);
  for (guint k = 0; k < n; k++)
    {
      guint index = ml_chart_layout_legend_order (layout, k);
      const MlChartLine *line = &g_array_index (layout->lines, MlChartLine, index);
      MlChartLegendEntry entry = { index };
      double w;

      ml_chart_layout_set_label (pango, &entry.label,
                                 line->position ? _ml_chart_layout_position_label (line->position) : g_strdup (line->label),
                                 0, 0);
      w = ml_chart_layout_entry_width (&entry);
      /* Too long for a row of its own: one of the lines counted at the end. */
      if (w > right - left)
        {
          ml_chart_layout_clear_entry (&entry);
          continue;
        }
      if (x > left && x + w > right)
        {
          row++;
          x = left;
        }
      if (row >= max_rows || x + w > right)
        {
          ml_chart_layout_clear_entry (&entry);
          break;
        }
      entry.x = x;
      entry.y = top + row * layout->row + layout->row / 2;
      entry.label.rect.x = x + SAMPLE + 6;
      entry.label.rect.y = round (entry.y - entry.label.rect.height / 2);
      g_array_append_val (layout->legend_entries, entry);
      x += w + 18;
    }

  /* Room for the summary at the end of the last row, giving up entries for it if need be. */
  while (layout->legend_entries->len < n)
    {
      guint more = n - layout->legend_entries->len;
      const MlChartLegendEntry *last;
      double lx = left, ly = top;

      if (layout->legend_entries->len > 0)
        {
          last = &g_array_index (layout->legend_entries, MlChartLegendEntry, layout->legend_entries->len - 1);
          lx = last->x + ml_chart_layout_entry_width (last) + 18;
          ly = last->y - layout->row / 2;
        }
      ml_chart_layout_set_label (pango, &layout->legend_more,
                                 /* Translators: ends the chart's legend when it cannot name every
                                  * line, "and 994 more" (lines of positions) */
                                 g_strdup_printf (ngettext ("and %u more", "and %u more", more), more),
                                 lx, ly);
      layout->legend_more.rect.y = round (ly + (layout->row - layout->legend_more.rect.height) / 2);
      if (lx + layout->legend_more.rect.width <= right || layout->legend_entries->len == 0)
        break;
      g_array_set_size (layout->legend_entries, layout->legend_entries->len - 1);
    }
  if (layout->legend_entries->len == n)
    g_clear_pointer (&layout->legend_more.text, g_free);

  if (layout->rtl)
    ml_chart_layout_mirror_legend (layout);

  bottom = top + layout->row;
  for (guint i = 0; i < layout->legend_entries->len; i++)
    bottom = MAX (bottom, g_array_index (layout->legend_entries, MlChartLegendEntry, i).y + layout->row / 2);
  layout->legend = (MlChartRect) { left, top, right - left, bottom - top };
  return bottom;
}

/* The highest value @curve reaches in the range: it is straight between breakpoints, so
 * that is at a breakpoint or an edge. */
static double
ml_chart_layout_curve_max (const MlChartLayout *layout,
                           const MlCurve       *curve)
{
  double top = MAX (ml_curve_evaluate (curve, layout->lo), ml_curve_evaluate (curve, layout->hi));

  for (guint j = 0; j <= ml_curve_get_n_breakpoints (curve); j++)
    {
      double from, to, a, b;

      ml_curve_get_piece (curve, j, &from, &to, &a, &b);
      if (from > layout->lo && from < layout->hi)
        top = MAX (top, a + b * from);
      if (to > layout->lo && to < layout->hi)
        top = MAX (top, a + b * to);
    }
  return top;
}

/* The highest value of every line, and which lines stay flat along the bottom at that scale. */
static double
ml_chart_layout_max_value (MlChartLayout *layout)
{
  g_autofree double *tops = g_new (double, layout->lines->len);
  double top = 0, flat;

  for (guint i = 0; i < layout->lines->len; i++)
    {
      tops[i] = ml_chart_layout_curve_max (layout, g_array_index (layout->lines, MlChartLine, i).curve);
      top = MAX (top, tops[i]);
    }
  /* Two pixels of a plot the chart's height, at most: a guess made before the frame is known,
   * on the safe side, as the plot is never taller than the chart. */
  flat = top * 1.05 * 2 / MAX (1, layout->height);
  for (guint i = 0; i < layout->lines->len; i++)
    g_array_index (layout->lines, MlChartLine, i).flat = tops[i] <= flat;
  return top;
}

/* A tick value in the user's locale: digit grouping, and decimals only when the step needs
 * them. Ticks are never negative (prices, and what is left), so there is no sign to show. */
static char *
ml_chart_layout_tick_text (double value,
                           double step)
{
  guint decimals = step >= 1 ? 0 : (guint)ceil (-log10 (step) - 1e-9);

  return ml_money_format_number (value, decimals);
}

static void
ml_chart_layout_add_tick (GArray       *ticks,
                          PangoLayout  *pango,
                          double        x,
                          double        value,
                          double        step)
{
  MlChartTick tick = { x, value };

  ml_chart_layout_set_label (pango, &tick.label, ml_chart_layout_tick_text (value, step), 0, 0);
  g_array_append_val (ticks, tick);
}

/* The value axis: a tick every 60 pixels or so, from 0 to the top, which is a whole step. */
static double
ml_chart_layout_value_ticks (MlChartLayout *layout,
                             PangoLayout   *pango)
{
  double top = ml_chart_layout_max_value (layout), widest = 0;

  /* Never less than 1 USDT: a wallet of a fraction of a cent (a scenario may hold one) would
   * ask for ticks of hundreds of decimals. */
  top = MAX (top, 1) * 1.05;
  layout->value_step = ml_chart_layout_nice_step (top, MAX (2, layout->plot.height / 60));
  layout->top_value = ceil (top / layout->value_step) * layout->value_step;

  g_array_set_size (layout->value_ticks, 0);
  for (guint i = 0; i * layout->value_step < layout->top_value + layout->value_step / 2; i++)
    {
      ml_chart_layout_add_tick (layout->value_ticks, pango, 0, i * layout->value_step, layout->value_step);
      widest = MAX (widest, g_array_index (layout->value_ticks, MlChartTick, i).label.rect.width);
    }
  return widest;
}

static void
ml_chart_layout_place_value_ticks (MlChartLayout *layout)
{
  for (guint i = 0; i < layout->value_ticks->len; i++)
    {
      MlChartTick *tick = &g_array_index (layout->value_ticks, MlChartTick, i);

      tick->x = round (_ml_chart_layout_y (layout, tick->value)) + 0.5;
      tick->label.rect.x = layout->plot.x - 8 - tick->label.rect.width;
      tick->label.rect.y = round (tick->x - tick->label.rect.height / 2);
    }
}

/* The price axis: a tick every 110 pixels or so; a label that would touch the one before it,
 * or leave the chart, is left out. */
static void
ml_chart_layout_price_ticks (MlChartLayout *layout,
                             PangoLayout   *pango)
{
  double step = ml_chart_layout_nice_step (layout->hi - layout->lo, MAX (2, layout->plot.width / 110));
  double last_right = -G_MAXDOUBLE;

  g_array_set_size (layout->price_ticks, 0);
  for (double p = ceil (layout->lo / step) * step; p <= layout->hi; p += step)
    {
      MlChartTick *tick;
      MlChartRect *r;

      ml_chart_layout_add_tick (layout->price_ticks, pango, round (_ml_chart_layout_x (layout, p)) + 0.5, p, step);
      tick = &g_array_index (layout->price_ticks, MlChartTick, layout->price_ticks->len - 1);
      r = &tick->label.rect;
      r->x = round (tick->x - r->width / 2);
      r->y = layout->plot.y + layout->plot.height + 6;
      if (r->x < last_right + 12 || r->x < 0 || r->x + r->width > layout->width)
        g_clear_pointer (&tick->label.text, g_free);
      else
        last_right = r->x + r->width;
    }
}

/* The mark's label, at the plot's top beside the line: after it in the text's direction (right
 * of it, or left right to left), or else on the other side. */
static void
ml_chart_layout_place_mark (MlChartLayout *layout,
                            PangoLayout   *pango)
{
  g_autofree char *price = ml_money_format_price (layout->mark);
  MlChartRect *r = &layout->mark_label.rect;
  double left, right;

  layout->mark_shown = layout->mark >= layout->lo && layout->mark <= layout->hi;
  if (!layout->mark_shown)
    return;
  layout->mark_x = round (_ml_chart_layout_x (layout, layout->mark)) + 0.5;
  /* Translators: the mark price line's label, "Mark 60,000.0" */
  ml_chart_layout_set_label (pango, &layout->mark_label, g_strdup_printf (_("Mark %s"), price),
                             layout->mark_x + 4, layout->plot.y + 2);
  right = round (layout->mark_x + 4);
  left = round (layout->mark_x - 4 - r->width);
  if (layout->rtl)
    r->x = left >= layout->plot.x + 2 ? left : right;
  else
    r->x = right + r->width <= layout->plot.x + layout->plot.width - 2 ? right : left;
  /* Too narrow a plot for either side: over the line, inside the chart. */
  r->x = CLAMP (r->x, 0, MAX (0, layout->width - r->width));
}

/* The row @k of liquidation labels, counted up from the zero line. */
static double
ml_chart_layout_marker_row (const MlChartLayout *layout,
                            guint                k)
{
  return layout->plot.y + layout->plot.height - 4 - (k + 1) * layout->row;
}

/* For each side, the nearest liquidation price beyond the plot's edge, as an arrow with its value. */
static void
ml_chart_layout_place_arrows (MlChartLayout *layout,
                              PangoLayout   *pango)
{
  double beyond[2] = { -1, G_MAXDOUBLE };

  g_array_set_size (layout->arrows, 0);
  for (guint i = 0; i < layout->markers->len; i++)
    {
      double price = g_array_index (layout->markers, MlChartMarker, i).price;

      if (price < layout->lo)
        beyond[0] = MAX (beyond[0], price);
      else if (price > layout->hi)
        beyond[1] = MIN (beyond[1], price);
    }

  for (guint k = 0; k < 2; k++)
    {
      MlChartArrow arrow = { 0, 0, k == 0 ? -1 : 1 };
      MlChartRect *r = &arrow.label.rect;

      if (beyond[k] < 0 || beyond[k] == G_MAXDOUBLE)
        continue;
      ml_chart_layout_set_label (pango, &arrow.label, ml_money_format_price (beyond[k]), 0, 0);
      arrow.tip_x = k == 0 ? layout->plot.x + 2 : layout->plot.x + layout->plot.width - 2;
      r->x = k == 0 ? arrow.tip_x + ARROW + 4 : arrow.tip_x - ARROW - 4 - r->width;
      /* On the lowest free row of the liquidation labels, clear of the mark line. */
      for (guint row = 0; row <= MARKER_ROWS; row++)
        {
          r->y = round (ml_chart_layout_marker_row (layout, row) + (layout->row - r->height) / 2);
          if (ml_chart_layout_fits_in_plot (layout, r))
            break;
        }
      arrow.y = r->y + r->height / 2;
      g_array_append_val (layout->arrows, arrow);
    }
}

static gboolean
ml_chart_layout_clear_of_arrows (const MlChartLayout *layout,
                                 const MlChartRect   *r)
{
  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const MlChartArrow *arrow = &g_array_index (layout->arrows, MlChartArrow, i);
      MlChartRect around = arrow->label.rect;

      around.x = MIN (around.x, arrow->tip_x) - LABEL_GAP;
      around.width = fabs (arrow->tip_x - arrow->label.rect.x) + arrow->label.rect.width + 2 * LABEL_GAP;
      if (ml_chart_layout_rects_overlap (r, &around))
        return FALSE;
    }
  return TRUE;
}

static int
ml_chart_layout_compare_prices (gconstpointer a,
                                gconstpointer b)
{
  double pa = *(const double *)a, pb = *(const double *)b;

  return (pa > pb) - (pa < pb);
}

/* Each liquidation price in view is labelled beside its line, after it in the text's direction
 * (right of it, left right to left) or else on its other side, on
 * the lowest of a few rows where it touches no other label, stays in the plot and is not
 * crossed by the mark line; one with no such place is left out (the description and the
 * lines' own drops still tell it). Left to right, so each row only has to remember its end. */
static void
ml_chart_layout_place_marker_labels (MlChartLayout *layout,
                                     PangoLayout   *pango)
{
  g_autoptr(GArray) prices = g_array_new (FALSE, FALSE, sizeof (double));
  double row_end[MARKER_ROWS], last_x = -G_MAXDOUBLE;

  for (guint k = 0; k < MARKER_ROWS; k++)
    row_end[k] = -G_MAXDOUBLE;
  for (guint i = 0; i < layout->markers->len; i++)
    {
      double price = g_array_index (layout->markers, MlChartMarker, i).price;

      if (price > layout->lo && price < layout->hi)
        g_array_append_val (prices, price);
    }
  g_array_sort (prices, ml_chart_layout_compare_prices);

  g_array_set_size (layout->marker_labels, 0);
  for (guint i = 0; i < prices->len; i++)
    {
      double x = _ml_chart_layout_x (layout, g_array_index (prices, double, i));
      MlChartLabel label = { NULL };
      gboolean placed = FALSE;

      /* Nothing measured when even the right side is taken on every row, or when the price
       * is in the column just labelled (positions alike have one liquidation price). */
      if (x + 4 < MIN (row_end[0], row_end[MARKER_ROWS - 1]) + LABEL_GAP || x - last_x < 1)
        continue;
      last_x = x;
      ml_chart_layout_set_label (pango, &label, ml_money_format_price (g_array_index (prices, double, i)), 0, 0);
      for (guint k = 0; k < MARKER_ROWS && !placed; k++)
        {
          const double right = x + 4, left = x - 4 - label.rect.width;
          const double lefts[] = { layout->rtl ? left : right, layout->rtl ? right : left };

          label.rect.y = round (ml_chart_layout_marker_row (layout, k) + (layout->row - label.rect.height) / 2);
          for (guint j = 0; j < G_N_ELEMENTS (lefts) && !placed; j++)
            {
              label.rect.x = round (lefts[j]);
              placed = label.rect.x >= row_end[k] + LABEL_GAP && ml_chart_layout_fits_in_plot (layout, &label.rect) &&
                       ml_chart_layout_clear_of_arrows (layout, &label.rect);
              if (placed)
                row_end[k] = label.rect.x + label.rect.width;
            }
        }
      if (placed)
        g_array_append_val (layout->marker_labels, label);
      else
        ml_chart_layout_clear_label (&label);
    }
}

/**
 * _ml_chart_layout_place:
 * @context: a Pango context for the chart's font; painting must use the same one
 *
 * Frames the plot at @width × @height over the prices @lo to @hi, and places every tick,
 * label and the legend. It can be called again for another size or range.
 */
void
_ml_chart_layout_place (MlChartLayout *layout,
                        PangoContext  *context,
                        double         lo,
                        double         hi,
                        double         width,
                        double         height)
{
  g_autoptr(PangoLayout) pango = pango_layout_new (context);
  MlChartLabel probe = { NULL };
  double top, bottom, widest;

  layout->width = width;
  layout->height = height;
  layout->rtl = pango_context_get_base_dir (context) == PANGO_DIRECTION_RTL;
  layout->lo = lo;
  layout->hi = hi;
  ml_chart_layout_measure (pango, "0", &probe, 0, 0);
  layout->row = probe.rect.height + 4;

  /* Top to bottom: the legend, the value axis's title, the plot, the price ticks and title. */
  top = ml_chart_layout_place_legend (layout, pango, 4);
  /* Translators: the chart's axis titles */
  ml_chart_layout_set_label (pango, &layout->value_title, g_strdup (_("USDT left")), EDGE, top + 2);
  top = layout->value_title.rect.y + layout->value_title.rect.height + probe.rect.height / 2 + 4;
  bottom = height - (6 + 2 * layout->row + 4);
  layout->plot = (MlChartRect) { 0, top, 1, MAX (1, bottom - top) };

  /* The left margin holds the widest value label: ticks first, then the frame. */
  widest = ml_chart_layout_value_ticks (layout, pango);
  layout->plot.x = EDGE + widest + 8;
  layout->plot.width = MAX (1, width - 16 - layout->plot.x);
  ml_chart_layout_place_value_ticks (layout);
  ml_chart_layout_price_ticks (layout, pango);
  /* Translators: the chart's horizontal axis title: the BTC price it runs along, in USDT */
  ml_chart_layout_set_label (pango, &layout->price_title, g_strdup (_("BTC mark price (USDT)")), 0,
                             layout->plot.y + layout->plot.height + 6 + layout->row);
  layout->price_title.rect.x = MAX (0, layout->plot.x + layout->plot.width - layout->price_title.rect.width);

  ml_chart_layout_place_mark (layout, pango);
  ml_chart_layout_place_arrows (layout, pango);
  ml_chart_layout_place_marker_labels (layout, pango);
}
