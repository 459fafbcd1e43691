/* ml-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collateral chart: BTC mark price across, what remains of the collateral up. The object
 * holds what a view chooses (the account, Compare modes, the colours, the price range) and one
 * layout of it, made again only when the account or a choice changes, or for another size;
 * drawing, hovering and the mappings between prices and pixels all read that one layout.
 * ml-chart-layout.c computes it, ml-chart-paint.c paints it, ml-chart-export.c writes files.
 */

#define G_LOG_DOMAIN "ml-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ml-chart-paint-private.h"
#include "ml-chart-private.h"

#define FONT "Cantarell, DejaVu Sans, sans-serif 9"

struct _MlChart
{
  GObject         parent_instance;

  MlAccount      *account;
  MlChartPalette  palette;
  double          scale;       /* every length and the font, times this */
  gboolean        compare;
  PangoContext   *pango;

  /* The range: set (zoomed), or else fitted automatically and held until the mark, or a
   * liquidation price it showed, leaves it. */
  gboolean        fixed_range;
  gboolean        fitted;
  double          min_price;
  double          max_price;
  GHashTable     *in_view;     /* the keys of the markers shown when last laid out */

  MlChartLayout  *layout;
  gboolean        stale;       /* the account or a choice changed since the layout was made */
  gboolean        placed;      /* the layout is placed at its size, over the range */
};

G_DEFINE_FINAL_TYPE (MlChart, ml_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_COMPARE,
  PROP_DIRECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* GNOME's palette: libadwaita's named colours, so exports look like the app. */
#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1 }

static const MlChartPalette light_palette = {
  .background = RGB (0xff, 0xff, 0xff),
  .foreground = { 0, 0, 0, 0.8 },
  .grid = { 0, 0, 0, 0.1 },
  .account = RGB (0x1c, 0x71, 0xd8),
  .pool = RGB (0x81, 0x3d, 0x9c),
  .danger = RGB (0xc0, 0x1c, 0x28),
  .positions = { RGB (0x26, 0xa2, 0x69), RGB (0xe6, 0x61, 0x00), RGB (0x98, 0x6a, 0x44),
                 RGB (0x2e, 0xc2, 0x7e), RGB (0xe5, 0xa5, 0x0a), RGB (0x63, 0x45, 0x2c) },
};

static const MlChartPalette dark_palette = {
  .background = RGB (0x1e, 0x1e, 0x1e),
  .foreground = { 1, 1, 1, 0.9 },
  .grid = { 1, 1, 1, 0.12 },
  .account = RGB (0x78, 0xae, 0xed),
  .pool = RGB (0xc0, 0x61, 0xcb),
  .danger = RGB (0xff, 0x7b, 0x63),
  .positions = { RGB (0x57, 0xe3, 0x89), RGB (0xff, 0xa3, 0x48), RGB (0xcd, 0xab, 0x8f),
                 RGB (0x8f, 0xf0, 0xa4), RGB (0xf8, 0xe4, 0x5c), RGB (0xb5, 0x83, 0x5a) },
};

static const MlChartPalette high_contrast_palette = {
  .background = RGB (0xff, 0xff, 0xff),
  .foreground = RGB (0, 0, 0),
  .grid = { 0, 0, 0, 0.35 },
  .account = RGB (0x00, 0x37, 0x8a),
  .pool = RGB (0x61, 0x35, 0x83),
  .danger = RGB (0xa5, 0x1d, 0x2d),
  .positions = { RGB (0x06, 0x5b, 0x32), RGB (0x9a, 0x3f, 0x00), RGB (0x5c, 0x3c, 0x22),
                 RGB (0x0b, 0x6e, 0x3f), RGB (0x7a, 0x5a, 0x00), RGB (0x3d, 0x28, 0x16) },
};

/* For a projector, which shows black as no light and washes pale colours out: a white
 * ground, black text, and dark saturated lines that stay apart from one another. */
static const MlChartPalette projector_palette = {
  .background = RGB (0xff, 0xff, 0xff),
  .foreground = RGB (0x10, 0x10, 0x10),
  .grid = { 0, 0, 0, 0.3 },
  .account = RGB (0x00, 0x2f, 0xa8),
  .pool = RGB (0x6e, 0x00, 0x9e),
  .danger = RGB (0xc0, 0x00, 0x00),
  .positions = { RGB (0x00, 0x75, 0x2d), RGB (0xc2, 0x4a, 0x00), RGB (0x6b, 0x3a, 0x12),
                 RGB (0x00, 0x6a, 0x80), RGB (0xa3, 0x00, 0x6d), RGB (0x4f, 0x55, 0x00) },
};

const MlChartPalette *
ml_chart_palette_light (void)
{
  return &light_palette;
}

const MlChartPalette *
ml_chart_palette_dark (void)
{
  return &dark_palette;
}

const MlChartPalette *
ml_chart_palette_high_contrast (void)
{
  return &high_contrast_palette;
}

const MlChartPalette *
ml_chart_palette_projector (void)
{
  return &projector_palette;
}

static void
ml_chart_invalidate (MlChart *self)
{
  self->stale = TRUE;
}

static void
ml_chart_disconnect (MlChart *self)
{
  if (self->account == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->account, self);
  g_signal_handlers_disconnect_by_data (ml_account_get_positions (self->account), self);
}

static void
ml_chart_finalize (GObject *object)
{
  MlChart *self = (MlChart *)object;

  ml_chart_disconnect (self);
  g_clear_object (&self->account);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->in_view, g_hash_table_unref);
  g_clear_pointer (&self->layout, _ml_chart_layout_free);

  G_OBJECT_CLASS (ml_chart_parent_class)->finalize (object);
}

static void
ml_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MlChart *self = ML_CHART (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, ml_chart_get_direction (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MlChart *self = ML_CHART (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      ml_chart_set_account (self, g_value_get_object (value));
      break;

    case PROP_COMPARE:
      ml_chart_set_compare (self, g_value_get_boolean (value));
      break;

    case PROP_DIRECTION:
      ml_chart_set_direction (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_chart_class_init (MlChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_chart_finalize;
  object_class->get_property = ml_chart_get_property;
  object_class->set_property = ml_chart_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ML_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MlChart:direction:
   *
   * The direction of the chart's text: %PANGO_DIRECTION_RTL mirrors the legend and puts
   * callouts on the other side of what they label; the plot and its price axis never are.
   */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, PANGO_TYPE_DIRECTION, PANGO_DIRECTION_LTR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_chart_init (MlChart *self)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  self->palette = light_palette;
  self->scale = 1;
  self->in_view = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stale = TRUE;
  /* One context measures the labels and shows them, so that they land where they were placed. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_font_description (self->pango, font);
  pango_context_set_base_dir (self->pango, PANGO_DIRECTION_LTR);
  pango_font_description_free (font);
}

/**
 * ml_chart_new:
 *
 * Returns: (transfer full): a chart of @account, light, over an automatic price range
 */
MlChart *
ml_chart_new (MlAccount *account)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  return g_object_new (ML_TYPE_CHART, "account", account, NULL);
}

/**
 * ml_chart_get_account:
 *
 * Returns: (transfer none): the account drawn
 */
MlAccount *
ml_chart_get_account (MlChart *self)
{
  g_return_val_if_fail (ML_IS_CHART (self), NULL);
  return self->account;
}

/**
 * ml_chart_set_account:
 *
 * Draws @account from now on (after Undo, or a scenario opened), over the same range: it is
 * fitted again only if the mark or a liquidation price shown leaves it. The chart follows
 * every change to the account by itself.
 */
void
ml_chart_set_account (MlChart   *self,
                      MlAccount *account)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (ML_IS_ACCOUNT (account));

  if (self->account == account)
    return;
  ml_chart_disconnect (self);
  g_set_object (&self->account, account);
  g_signal_connect_object (account, "notify", G_CALLBACK (ml_chart_invalidate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ml_account_get_positions (account), "items-changed",
                           G_CALLBACK (ml_chart_invalidate), self, G_CONNECT_SWAPPED);
  ml_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

gboolean
ml_chart_get_compare (MlChart *self)
{
  g_return_val_if_fail (ML_IS_CHART (self), FALSE);
  return self->compare;
}

/**
 * ml_chart_set_compare:
 *
 * Whether to draw, as a ghost line, the account had every position used the other mode.
 */
void
ml_chart_set_compare (MlChart  *self,
                      gboolean  compare)
{
  g_return_if_fail (ML_IS_CHART (self));

  compare = !!compare;
  if (self->compare != compare)
    {
      self->compare = compare;
      ml_chart_invalidate (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
    }
}

/**
 * ml_chart_set_palette:
 *
 * The colours to paint with; they change no layout.
 */
void
ml_chart_set_palette (MlChart              *self,
                      const MlChartPalette *palette)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (palette != NULL);

  self->palette = *palette;
}

PangoDirection
ml_chart_get_direction (MlChart *self)
{
  g_return_val_if_fail (ML_IS_CHART (self), PANGO_DIRECTION_LTR);
  return pango_context_get_base_dir (self->pango);
}

/**
 * ml_chart_set_direction:
 * @direction: %PANGO_DIRECTION_LTR or %PANGO_DIRECTION_RTL, as the view's text runs
 *
 * Right to left, the legend starts at the right and its entries read right to left (sample
 * after the words), and the mark's and the liquidation prices' labels, and the hover box, go
 * on the left of their lines first. Prices still grow to the right and the value axis stays
 * on the left, as in Arabic textbooks and charts: a numeric plot is not mirrored. The text is
 * laid out in that base direction.
 */
void
ml_chart_set_direction (MlChart        *self,
                        PangoDirection  direction)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (direction == PANGO_DIRECTION_LTR || direction == PANGO_DIRECTION_RTL);

  if (pango_context_get_base_dir (self->pango) == direction)
    return;
  pango_context_set_base_dir (self->pango, direction);
  self->placed = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

double
ml_chart_get_scale (MlChart *self)
{
  g_return_val_if_fail (ML_IS_CHART (self), 1);
  return self->scale;
}

/**
 * ml_chart_set_scale:
 * @scale: from 0.5 to 4
 *
 * Draws the chart @scale times larger at any size: its text, its lines, its grid and its
 * margins, as on a projector. The chart is laid out at the size divided by @scale, so it
 * shows fewer ticks rather than cramming them; every size and position that the functions
 * here take and return stays in the pixels drawn into.
 */
void
ml_chart_set_scale (MlChart *self,
                    double   scale)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (scale >= 0.5 && scale <= 4);

  self->scale = scale;
}

/* The layout and the range */

static gboolean
ml_chart_marker_left_view (MlChart *self)
{
  for (guint i = 0; i < self->layout->markers->len; i++)
    {
      const MlChartMarker *m = &g_array_index (self->layout->markers, MlChartMarker, i);

      if ((m->price < self->min_price || m->price > self->max_price) && g_hash_table_contains (self->in_view, m->key))
        return TRUE;
    }
  return FALSE;
}

static void
ml_chart_remember_in_view (MlChart *self)
{
  g_hash_table_remove_all (self->in_view);
  for (guint i = 0; i < self->layout->markers->len; i++)
    {
      const MlChartMarker *m = &g_array_index (self->layout->markers, MlChartMarker, i);

      if (m->price >= self->min_price && m->price <= self->max_price)
        g_hash_table_add (self->in_view, g_strdup (m->key));
    }
}

/* What is shown, made again after a change; the automatic range fitted again if the mark or
 * a liquidation price it showed has left it, so that it stays still while the mark moves. */
static void
ml_chart_ensure_content (MlChart *self)
{
  if (!self->stale && self->layout != NULL)
    return;

  g_clear_pointer (&self->layout, _ml_chart_layout_free);
  self->layout = _ml_chart_layout_new (self->account, self->compare);
  self->stale = FALSE;
  self->placed = FALSE;

  if (!self->fixed_range &&
      (!self->fitted || self->layout->mark < self->min_price || self->layout->mark > self->max_price ||
       ml_chart_marker_left_view (self)))
    {
      _ml_chart_layout_auto_range (self->layout, &self->min_price, &self->max_price);
      self->fitted = TRUE;
    }
  ml_chart_remember_in_view (self);
}

/**
 * _ml_chart_get_layout:
 *
 * Returns: (transfer none): the layout ml_chart_draw() at @width × @height paints, placed
 *   once for each change or new size
 */
const MlChartLayout *
_ml_chart_get_layout (MlChart *self,
                      double   width,
                      double   height)
{
  ml_chart_ensure_content (self);
  if (!self->placed || self->layout->width != width || self->layout->height != height ||
      self->layout->lo != self->min_price || self->layout->hi != self->max_price)
    {
      _ml_chart_layout_place (self->layout, self->pango, self->min_price, self->max_price, width, height);
      self->placed = TRUE;
    }
  return self->layout;
}

/**
 * ml_chart_get_range:
 *
 * The prices at the left and right edges of the plot: those set with ml_chart_set_range(), or
 * else fitted automatically to the mark and every liquidation and bankruptcy price within a
 * factor of 2 of it (at least ±10 % of the mark, with 8 % padding, on whole tick steps), and
 * kept while the account changes until the mark or a liquidation price that was in view
 * leaves it. A liquidation price outside the range is drawn as an arrow at the plot's edge.
 */
void
ml_chart_get_range (MlChart *self,
                    double  *min_price,
                    double  *max_price)
{
  g_return_if_fail (ML_IS_CHART (self));

  ml_chart_ensure_content (self);
  *min_price = self->min_price;
  *max_price = self->max_price;
}

void
ml_chart_set_range (MlChart *self,
                    double   min_price,
                    double   max_price)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (ml_price_is_valid (min_price) && ml_price_is_valid (max_price));
  g_return_if_fail (min_price < max_price);

  self->fixed_range = TRUE;
  self->min_price = min_price;
  self->max_price = max_price;
}

/**
 * ml_chart_reset_range:
 *
 * Fits the range to the account now, and automatically from then on.
 */
void
ml_chart_reset_range (MlChart *self)
{
  g_return_if_fail (ML_IS_CHART (self));

  self->fixed_range = FALSE;
  self->fitted = FALSE;
  ml_chart_invalidate (self);
}

/**
 * ml_chart_x_for_price:
 *
 * Returns: the column at which ml_chart_draw() at @width × @height puts @price
 */
double
ml_chart_x_for_price (MlChart *self,
                      double   width,
                      double   height,
                      double   price)
{
  g_return_val_if_fail (ML_IS_CHART (self), 0);
  return self->scale * _ml_chart_layout_x (_ml_chart_get_layout (self, width / self->scale, height / self->scale), price);
}

/**
 * ml_chart_y_for_value:
 *
 * Returns: the row at which ml_chart_draw() at @width × @height puts @value USDT
 */
double
ml_chart_y_for_value (MlChart *self,
                      double   width,
                      double   height,
                      double   value)
{
  g_return_val_if_fail (ML_IS_CHART (self), 0);
  return self->scale * _ml_chart_layout_y (_ml_chart_get_layout (self, width / self->scale, height / self->scale), value);
}

/**
 * ml_chart_price_for_x:
 *
 * Returns: the price that ml_chart_draw() at @width × @height puts at column @x, kept within
 *   the prices the model accepts
 */
double
ml_chart_price_for_x (MlChart *self,
                      double   width,
                      double   height,
                      double   x)
{
  const MlChartLayout *layout;

  g_return_val_if_fail (ML_IS_CHART (self), ML_MIN_PRICE);

  layout = _ml_chart_get_layout (self, width / self->scale, height / self->scale);
  x /= self->scale;
  return CLAMP (layout->lo + (x - layout->plot.x) / layout->plot.width * (layout->hi - layout->lo),
                ML_MIN_PRICE, ML_MAX_PRICE);
}

/* Painting */

/**
 * ml_chart_draw:
 *
 * Paints the chart into the rectangle (0, 0, @width, @height) of @cr.
 */
void
ml_chart_draw (MlChart *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  _ml_chart_paint (_ml_chart_get_layout (self, width / self->scale, height / self->scale), &self->palette, self->pango, cr);
  cairo_restore (cr);
}

/**
 * ml_chart_draw_hover:
 *
 * Paints, over ml_chart_draw() at the same size, a crosshair at @price with a dot on every
 * line and a box listing the lines' values there. It reuses the layout of that paint.
 */
void
ml_chart_draw_hover (MlChart *self,
                     cairo_t *cr,
                     double   width,
                     double   height,
                     double   price)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  _ml_chart_paint_hover (_ml_chart_get_layout (self, width / self->scale, height / self->scale),
                         &self->palette, self->pango, cr, price);
  cairo_restore (cr);
}
/* Words */

/* Say so: isolated positions past this many are counted, not described one by one. */
#define MAX_DESCRIBED 20

/* The range shown, and how many liquidation prices lie outside it. */
static void
ml_chart_describe_view (MlChart *self,
                        GString *text)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  guint beyond = 0;

  ml_chart_ensure_content (self);
  lo = ml_money_format_price (self->min_price);
  hi = ml_money_format_price (self->max_price);
  /* Translators: in the chart's description, the prices at its left and right edges */
  g_string_append_printf (text, _(" The chart shows mark prices from %s to %s."), lo, hi);

  for (guint i = 0; i < self->layout->markers->len; i++)
    {
      double price = g_array_index (self->layout->markers, MlChartMarker, i).price;

      beyond += price < self->min_price || price > self->max_price;
    }
  if (beyond > 0)
    /* Translators: part of the chart's description for screen readers, after the price range it shows; %u is the number of liquidation prices outside that range */
    g_string_append_printf (text, ngettext (" %u liquidation price lies outside them, marked by an arrow at the edge.",
                                            " %u liquidation prices lie outside them, marked by arrows at the edges.",
                                            beyond),
                            beyond);
}

/**
 * ml_chart_describe:
 *
 * Returns: (transfer full): what the chart shows, in sentences, for a screen reader
 */
char *
ml_chart_describe (MlChart *self)
{
  GListModel *positions;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *mark = NULL;
  g_autofree char *equity = NULL;
  guint n_described = 0, n_isolated = 0;
  double low, high;

  g_return_val_if_fail (ML_IS_CHART (self), NULL);

  positions = ml_account_get_positions (self->account);
  mark = ml_money_format_price (ml_account_get_mark_price (self->account));
  equity = ml_money_format_usdt (ml_account_get_equity (self->account));
  /* Translators: the first sentence of the chart's description for screen readers */
  g_string_append_printf (text, _("At the mark price of %s the account holds %s."), mark, equity);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      g_autofree char *name = _ml_chart_layout_position_label (p);
      g_autofree char *lp = ml_money_format_price (ml_position_get_liquidation_price (p));
      g_autofree char *margin = ml_money_format_usdt (ml_position_get_margin (p));

      if (ml_position_get_liquidated (p) || ml_position_get_mode (p) != ML_MARGIN_MODE_ISOLATED)
        continue;
      if (n_isolated++ >= MAX_DESCRIBED)
        continue;
      n_described++;
      g_string_append_c (text, ' ');
      if (ml_position_get_liquidation_price (p) == ML_PRICE_NONE)
        /* Translators: the chart's description for screen readers; the first %s is the position's id, the second an amount with its unit, such as “60.00 USDT” */
        g_string_append_printf (text, _("Position %s cannot be liquidated and can lose at most its margin, %s."),
                                name, margin);
      else
        g_string_append_printf (text, ml_position_get_side (p) == ML_SIDE_LONG
                                      /* Translators: the chart's description for screen readers; %s in turn: the position's id, a price in USDT, such as “54,216.9”, and an amount with its unit, such as “60.00 USDT” */
                                      ? _("Position %s is liquidated at or below %s and can lose at most its margin, %s.")
                                      /* Translators: the chart's description for screen readers; %s in turn: the position's id, a price in USDT, such as “54,216.9”, and an amount with its unit, such as “60.00 USDT” */
                                      : _("Position %s is liquidated at or above %s and can lose at most its margin, %s."),
                                name, lp, margin);
    }

  if (n_isolated > n_described)
    {
      g_string_append_c (text, ' ');
      /* Translators: in the chart's description, after the first positions it describes */
      g_string_append_printf (text, ngettext ("%u more isolated position is drawn but not described.",
                                              "%u more isolated positions are drawn but not described.",
                                              n_isolated - n_described),
                              n_isolated - n_described);
    }

  ml_account_get_cross_survival (self->account, &low, &high);
  if (ml_account_get_n_cross_positions (self->account) > 0)
    {
      g_autofree char *ids = _ml_chart_layout_pool_ids (self->account);
      g_autofree char *pool = ml_money_format_usdt (ml_account_get_cross_pool (self->account));
      g_autofree char *lo = ml_money_format_price (low);
      g_autofree char *hi = ml_money_format_price (isfinite (high) ? high : ML_PRICE_NONE);

      g_string_append_c (text, ' ');
      if (low > 0 && isfinite (high))
        /* Translators: the chart's description for screen readers; %s in turn: the cross positions' ids, an amount with its unit, such as “60.00 USDT”, and two prices in USDT */
        g_string_append_printf (text, _("The cross pool (%s) holds %s and is liquidated, all of it, at or below %s and at or above %s."),
                                ids, pool, lo, hi);
      else if (low > 0 || isfinite (high))
        /* Translators: the chart's description for screen readers; %s in turn: the cross positions' ids, an amount with its unit, such as “60.00 USDT”, and a price in USDT */
        g_string_append_printf (text, low > 0 ? _("The cross pool (%s) holds %s and is liquidated, all of it, at or below %s.")
                                              /* Translators: the chart's description for screen readers; %s in turn: the cross positions' ids, an amount with its unit, such as “60.00 USDT”, and a price in USDT */
                                              : _("The cross pool (%s) holds %s and is liquidated, all of it, at or above %s."),
                                ids, pool, low > 0 ? lo : hi);
      else
        /* Translators: the chart's description for screen readers; %s in turn: the cross positions' ids and an amount with its unit, such as “60.00 USDT” */
        g_string_append_printf (text, _("The cross pool (%s) holds %s and cannot be liquidated."), ids, pool);
    }

  ml_chart_describe_view (self, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

