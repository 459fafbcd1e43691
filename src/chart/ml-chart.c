/* ml-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collateral chart: BTC mark price across, what remains of the collateral up. One drawing
 * function over a cairo_t, with no widget behind it, paints the lab's chart, the PNG, SVG and
 * PDF exports, and the tests' image surfaces. Every line is the model's exact curve, traced
 * piece by piece, so a liquidation shows as the vertical drop it is.
 */

#define G_LOG_DOMAIN "ml-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "ml-chart.h"

/* The plot's margins, fixed so that a price maps to the same column whatever is drawn. */
#define MARGIN_LEFT   80.0
#define MARGIN_RIGHT  24.0
#define MARGIN_TOP    30.0
#define MARGIN_BOTTOM 40.0
#define FONT          "Cantarell, DejaVu Sans, sans-serif 9"
#define MAX_EXPORT_SIDE 8192

struct _MlChart
{
  GObject         parent_instance;

  MlAccount      *account;
  MlChartPalette  palette;
  gboolean        compare;
  gboolean        fixed_range;
  double          min_price;
  double          max_price;
};

G_DEFINE_FINAL_TYPE (MlChart, ml_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_COMPARE,
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

/* Positions differ by dash pattern as well as colour, for learners who cannot tell the colours
 * apart; the account is solid and thicker, the pool long-dashed. */
/* Long enough to tell apart at a glance, and few enough strokes per line that dashing (most of
 * a paint's cost) stays cheap. */
static const double dash_patterns[][4] = {
  { 8, 4, 0, 0 }, { 3, 4, 0, 0 }, { 12, 4, 3, 4 }, { 2, 5, 0, 0 }, { 16, 5, 0, 0 }, { 7, 4, 2, 4 },
};
static const int dash_lengths[] = { 2, 2, 4, 2, 2, 4 };
static const double pool_dash[] = { 12, 4 };
static const double ghost_dash[] = { 4, 4 };

static void
ml_chart_finalize (GObject *object)
{
  MlChart *self = (MlChart *)object;

  g_clear_object (&self->account);

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
      self->account = g_value_dup_object (value);
      break;

    case PROP_COMPARE:
      ml_chart_set_compare (self, g_value_get_boolean (value));
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_chart_init (MlChart *self)
{
  self->palette = light_palette;
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
    }
}

void
ml_chart_set_palette (MlChart              *self,
                      const MlChartPalette *palette)
{
  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (palette != NULL);

  self->palette = *palette;
}

/* What is drawn */

typedef struct
{
  MlCurve      *curve;
  MlChartColor  color;
  double        width;
  const double *dash;
  int           n_dash;
  char         *label;
} Line;

static void
ml_chart_clear_line (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->curve, ml_curve_unref);
  g_clear_pointer (&line->label, g_free);
}

static char *
ml_chart_describe_position (MlPosition *p)
{
  g_autofree char *size = ml_money_format_btc (ml_position_get_quantity (p));

  /* Translators: a chart label, "a: long 0.1000 BTC, isolated, 20x" */
  return g_strdup_printf (_("%s: %s %s, %s, %ux"), ml_position_get_id (p),
                          ml_position_get_side (p) == ML_SIDE_LONG ? _("long") : _("short"), size,
                          ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED ? _("isolated") : _("cross"),
                          ml_position_get_leverage (p));
}

/* The ids of the cross positions the pool backs, "b, c"; empty when there are none. */
static char *
ml_chart_pool_ids (MlAccount *account)
{
  GListModel *positions = ml_account_get_positions (account);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS && !ml_position_get_liquidated (p))
        g_string_append_printf (ids, "%s%s", ids->len ? ", " : "", ml_position_get_id (p));
    }
  return g_string_free (ids, FALSE);
}

static char *
ml_chart_pool_label (MlAccount *account)
{
  g_autofree char *ids = ml_chart_pool_ids (account);

  if (ids[0] == '\0')
    return g_strdup (_("Cross balance (no cross positions)"));
  /* Translators: the shared cross pool's line, with the ids of the positions it backs */
  return g_strdup_printf (_("Cross pool (%s)"), ids);
}

/* The account last: drawn on top, and first in the legend's eye. */
static GArray *
ml_chart_lines (MlChart *self)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  GListModel *positions = ml_account_get_positions (self->account);
  guint n_isolated = 0;
  Line line;

  g_array_set_clear_func (lines, ml_chart_clear_line);

  line = (Line) { ml_account_get_pool_curve (self->account), self->palette.pool, 2,
                  pool_dash, G_N_ELEMENTS (pool_dash), ml_chart_pool_label (self->account) };
  g_array_append_val (lines, line);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      guint k = n_isolated % ML_CHART_N_POSITION_COLORS;

      if (ml_position_get_mode (p) != ML_MARGIN_MODE_ISOLATED || ml_position_get_liquidated (p))
        continue;
      line = (Line) { ml_account_get_position_curve (self->account, p), self->palette.positions[k],
                      2, dash_patterns[k], dash_lengths[k], ml_chart_describe_position (p) };
      g_array_append_val (lines, line);
      n_isolated++;
    }

  if (self->compare)
    {
      MlCurve *other = ml_account_get_other_mode_curve (self->account, NULL);

      if (other != NULL)
        {
          MlChartColor ghost = self->palette.account;

          ghost.alpha *= 0.55;
          line = (Line) { other, ghost, 2.5, ghost_dash, G_N_ELEMENTS (ghost_dash),
                          g_strdup (_("Account, every position in the other mode")) };
          g_array_append_val (lines, line);
        }
    }

  line = (Line) { ml_account_get_account_curve (self->account), self->palette.account, 3.5,
                  NULL, 0, g_strdup (_("Whole account")) };
  g_array_append_val (lines, line);
  return lines;
}

/* The range */

static void
ml_chart_auto_range (MlChart *self,
             double  *min_price,
             double  *max_price)
{
  g_autoptr(GArray) lines = ml_chart_lines (self);
  double mark = ml_account_get_mark_price (self->account);
  double lo = mark, hi = mark, pad;

  for (guint i = 0; i < lines->len; i++)
    {
      MlCurve *curve = g_array_index (lines, Line, i).curve;

      for (guint j = 0; j < ml_curve_get_n_breakpoints (curve); j++)
        {
          double x = ml_curve_get_breakpoint (curve, j, NULL);

          lo = MIN (lo, x);
          hi = MAX (hi, x);
        }
    }

  /* All liquidation prices and the mark, with room around them; at least ±10 % of the mark. */
  lo = MIN (lo, mark * 0.9);
  hi = MAX (hi, mark * 1.1);
  pad = (hi - lo) * 0.08;
  *min_price = MAX (ML_MIN_PRICE, lo - pad);
  *max_price = MIN (ML_MAX_PRICE, hi + pad);
}

/**
 * ml_chart_get_range:
 *
 * The prices at the left and right edges of the plot: chosen to show every liquidation price
 * and the mark, unless set with ml_chart_set_range().
 */
void
ml_chart_get_range (MlChart *self,
                    double  *min_price,
                    double  *max_price)
{
  g_return_if_fail (ML_IS_CHART (self));

  if (self->fixed_range)
    {
      *min_price = self->min_price;
      *max_price = self->max_price;
    }
  else
    ml_chart_auto_range (self, min_price, max_price);
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

void
ml_chart_reset_range (MlChart *self)
{
  g_return_if_fail (ML_IS_CHART (self));
  self->fixed_range = FALSE;
}

/* The highest value any line reaches in the price range: the lines are straight between
 * breakpoints, so it is at a breakpoint or an edge. */
static double
ml_chart_max_value (GArray *lines,
            double  lo,
            double  hi)
{
  double top = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      MlCurve *curve = g_array_index (lines, Line, i).curve;

      top = MAX (top, ml_curve_evaluate (curve, lo));
      top = MAX (top, ml_curve_evaluate (curve, hi));
      for (guint j = 0; j <= ml_curve_get_n_breakpoints (curve); j++)
        {
          double from, to, a, b;

          ml_curve_get_piece (curve, j, &from, &to, &a, &b);
          if (from > lo && from < hi)
            top = MAX (top, a + b * from);
          if (to > lo && to < hi)
            top = MAX (top, a + b * to);
        }
    }
  return top;
}

static double
ml_chart_nice_step (double span,
            double count)
{
  double raw = span / count;
  double magnitude = pow (10, floor (log10 (raw)));
  double f = raw / magnitude;

  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude;
}

typedef struct
{
  double left, top, right, bottom;  /* the plot, in pixels */
  double lo, hi;                    /* prices at its left and right edges */
  double top_value;                 /* USDT at its top edge, a whole number of steps */
  double value_step;                /* between the value axis's ticks */
} Frame;

static void
ml_chart_frame (MlChart *self,
        GArray  *lines,
        double   width,
        double   height,
        Frame   *f)
{
  double top;

  ml_chart_get_range (self, &f->lo, &f->hi);
  f->left = MARGIN_LEFT;
  f->right = MAX (f->left + 1, width - MARGIN_RIGHT);
  f->top = MARGIN_TOP;
  f->bottom = MAX (f->top + 1, height - MARGIN_BOTTOM);

  top = ml_chart_max_value (lines, f->lo, f->hi);
  if (top <= 0)
    top = 1;
  /* Head room for the legend, rounded up to a tick: one step serves both. */
  top *= 1.2;
  f->value_step = ml_chart_nice_step (top, MAX (2, (f->bottom - f->top) / 60));
  f->top_value = ceil (top / f->value_step) * f->value_step;
}

static double
ml_chart_x (const Frame *f,
    double       price)
{
  return f->left + (price - f->lo) / (f->hi - f->lo) * (f->right - f->left);
}

static double
ml_chart_y (const Frame *f,
    double       value)
{
  return f->bottom - value / f->top_value * (f->bottom - f->top);
}

/* The frame ml_chart_draw() would use, for a caller that draws nothing. */
static void
ml_chart_frame_alone (MlChart *self,
              double   width,
              double   height,
              Frame   *f)
{
  g_autoptr(GArray) lines = ml_chart_lines (self);

  ml_chart_frame (self, lines, width, height, f);
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
  Frame f;

  g_return_val_if_fail (ML_IS_CHART (self), 0);

  ml_chart_frame_alone (self, width, height, &f);
  return ml_chart_x (&f, price);
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
  Frame f;

  g_return_val_if_fail (ML_IS_CHART (self), 0);

  ml_chart_frame_alone (self, width, height, &f);
  return ml_chart_y (&f, value);
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
  Frame f;

  g_return_val_if_fail (ML_IS_CHART (self), ML_MIN_PRICE);

  ml_chart_frame_alone (self, width, height, &f);
  return CLAMP (f.lo + (x - f.left) / (f.right - f.left) * (f.hi - f.lo), ML_MIN_PRICE, ML_MAX_PRICE);
}

/* Painting */

static void
ml_chart_set_color (cairo_t            *cr,
            const MlChartColor *c,
            double              alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* One Pango layout serves every label of a paint: making one per label was an eighth of the
 * time. It rides on the cairo context. */
static const cairo_user_data_key_t layout_key;

static PangoLayout *
ml_chart_layout (cairo_t    *cr,
         const char *text)
{
  PangoLayout *layout = cairo_get_user_data (cr, &layout_key);

  if (layout == NULL)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT);

      layout = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      cairo_set_user_data (cr, &layout_key, layout, g_object_unref);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
ml_chart_text_size (cairo_t    *cr,
            const char *text,
            double     *width,
            double     *height)
{
  int w, h;

  pango_layout_get_pixel_size (ml_chart_layout (cr, text), &w, &h);
  *width = w;
  *height = h;
}

/* Text at (x, y), aligned by @halign (0 left, 0.5 centre, 1 right) and @valign. */
static void
ml_chart_text (cairo_t    *cr,
       const char *text,
       double      x,
       double      y,
       double      halign,
       double      valign)
{
  PangoLayout *layout = ml_chart_layout (cr, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - w * halign), round (y - h * valign));
  pango_cairo_show_layout (cr, layout);
}

/* A tick label in the user's locale: digit grouping, and decimals only when the step needs them. */
static char *
ml_chart_tick_label (double value,
             double step)
{
  return g_strdup_printf ("%'.*f", step >= 1 ? 0 : (int)ceil (-log10 (step)), value);
}

static void
ml_chart_draw_axes (MlChart     *self,
            cairo_t     *cr,
            const Frame *f)
{
  double step = ml_chart_nice_step (f->hi - f->lo, MAX (2, (f->right - f->left) / 110));
  double vstep = f->value_step;
  double first = ceil (f->lo / step) * step;
  double last_right = -G_MAXDOUBLE;

  /* The grid, crisp: it is upright and level, and smoothing it costs. */
  ml_chart_set_color (cr, &self->palette.grid, 1);
  cairo_set_line_width (cr, 1);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (double v = 0; v < f->top_value + vstep / 2; v += vstep)
    {
      cairo_move_to (cr, f->left, round (ml_chart_y (f, v)) + 0.5);
      cairo_line_to (cr, f->right, round (ml_chart_y (f, v)) + 0.5);
    }
  for (double p = first; p <= f->hi; p += step)
    {
      cairo_move_to (cr, round (ml_chart_x (f, p)) + 0.5, f->top);
      cairo_line_to (cr, round (ml_chart_x (f, p)) + 0.5, f->bottom);
    }
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  ml_chart_set_color (cr, &self->palette.foreground, 0.8);
  for (double v = 0; v < f->top_value + vstep / 2; v += vstep)
    {
      g_autofree char *label = ml_chart_tick_label (v, vstep);
      ml_chart_text (cr, label, f->left - 8, round (ml_chart_y (f, v)) + 0.5, 1, 0.5);
    }
  for (double p = first; p <= f->hi; p += step)
    {
      g_autofree char *label = ml_chart_tick_label (p, step);
      double x = round (ml_chart_x (f, p)) + 0.5, w, h;

      /* A label that would touch the one before it is left out. */
      ml_chart_text_size (cr, label, &w, &h);
      if (x - w / 2 < last_right + 12 || x + w / 2 > f->right + MARGIN_RIGHT)
        continue;
      ml_chart_text (cr, label, x, f->bottom + 6, 0.5, 0);
      last_right = x + w / 2;
    }

  /* Translators: the chart's axis titles */
  ml_chart_text (cr, _("BTC mark price (USDT)"), f->right, f->bottom + 22, 1, 0);
  ml_chart_text (cr, _("USDT left"), 8, 4, 0, 0);
}

/* A liquidation: a line at the price, and the band up to the bankruptcy price where what is
 * left goes to the exchange. */
static void
ml_chart_draw_liquidation (MlChart     *self,
                   cairo_t     *cr,
                   const Frame *f,
                   double       price,
                   double       bankruptcy)
{
  double x = ml_chart_x (f, price);

  if (bankruptcy > 0)
    {
      double xb = CLAMP (ml_chart_x (f, bankruptcy), f->left, f->right);

      ml_chart_set_color (cr, &self->palette.danger, 0.12);
      cairo_rectangle (cr, MIN (x, xb), f->top, fabs (xb - x), f->bottom - f->top);
      cairo_fill (cr);
    }

  /* A crisp pixel column: an upright line needs no smoothing, which costs. */
  ml_chart_set_color (cr, &self->palette.danger, 0.9);
  cairo_set_line_width (cr, 1);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_move_to (cr, floor (x) + 0.5, f->top);
  cairo_line_to (cr, floor (x) + 0.5, f->bottom);
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

static int
ml_chart_compare_prices (gconstpointer a,
                 gconstpointer b)
{
  double pa = *(const double *)a, pb = *(const double *)b;

  return (pa > pb) - (pa < pb);
}

/* Each liquidation price's label, left to right; one that would touch the one before it is
 * left out (the description and the lines' own ends still tell it). */
static void
ml_chart_draw_liquidation_labels (MlChart     *self,
                          cairo_t     *cr,
                          const Frame *f,
                          GArray      *prices)
{
  double last_right = -G_MAXDOUBLE;

  g_array_sort (prices, ml_chart_compare_prices);
  ml_chart_set_color (cr, &self->palette.danger, 1);
  for (guint i = 0; i < prices->len; i++)
    {
      double price = g_array_index (prices, double, i);
      g_autofree char *label = ml_money_format_price (price);
      double x = ml_chart_x (f, price) + 4, w, h;

      ml_chart_text_size (cr, label, &w, &h);
      if (x < last_right + 8)
        continue;
      ml_chart_text (cr, label, x, f->bottom - 4, 0, 1);
      last_right = x + w;
    }
}

static void
ml_chart_draw_liquidations (MlChart     *self,
                    cairo_t     *cr,
                    const Frame *f)
{
  GListModel *positions = ml_account_get_positions (self->account);
  g_autoptr(GArray) prices = g_array_new (FALSE, FALSE, sizeof (double));
  double ends[2], bankruptcy = ml_account_get_cross_bankruptcy_price (self->account);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      double lp = ml_position_get_liquidation_price (p);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED && !ml_position_get_liquidated (p) &&
          lp > f->lo && lp < f->hi)
        {
          ml_chart_draw_liquidation (self, cr, f, lp, ml_position_get_bankruptcy_price (p));
          g_array_append_val (prices, lp);
        }
    }

  /* The pool's ends; its bankruptcy price lies beyond the one it backs, if either. */
  ml_account_get_cross_survival (self->account, &ends[0], &ends[1]);
  for (guint i = 0; i < 2; i++)
    if (ends[i] > f->lo && ends[i] < f->hi)
      {
        gboolean beyond = i == 0 ? bankruptcy < ends[0] : bankruptcy > ends[1];

        ml_chart_draw_liquidation (self, cr, f, ends[i], beyond ? bankruptcy : 0);
        g_array_append_val (prices, ends[i]);
      }

  ml_chart_draw_liquidation_labels (self, cr, f, prices);
}

static gboolean
ml_chart_is_zero_piece (double a,
                double b)
{
  return a == 0 && b == 0;
}

/* The exact curve: straight between breakpoints, and at each breakpoint through the value it
 * takes there, which draws a liquidation as the drop it is. The stretches where a line is
 * flat at zero are left to ml_chart_trace_zero(): dashing them, along the axis where every liquidated
 * line lies, would cost most of a paint and show nothing. */
static void
ml_chart_trace (cairo_t       *cr,
        const Frame   *f,
        const MlCurve *curve)
{
  guint n = ml_curve_get_n_breakpoints (curve);
  gboolean started = FALSE;
  double at = 0;

  for (guint i = 0; i <= n; i++)
    {
      double from, to, a, b, start_value;

      ml_curve_get_piece (curve, i, &from, &to, &a, &b);
      start_value = i > 0 && from >= f->lo ? at : a + b * MAX (from, f->lo);
      from = MAX (from, f->lo);
      to = MIN (to, f->hi);
      if (i < n)
        ml_curve_get_breakpoint (curve, i, &at);
      if (from >= to || ml_chart_is_zero_piece (a, b))
        {
          started = FALSE;
          continue;
        }

      /* After a stretch at zero, start with the drop (or rise) at the breakpoint. */
      if (!started)
        cairo_move_to (cr, ml_chart_x (f, from), ml_chart_y (f, start_value));
      cairo_line_to (cr, ml_chart_x (f, from), ml_chart_y (f, a + b * from));
      cairo_line_to (cr, ml_chart_x (f, to), ml_chart_y (f, a + b * to));
      started = TRUE;

      if (i < n && to < f->hi)
        cairo_line_to (cr, ml_chart_x (f, to), ml_chart_y (f, at));
    }
}

/* The flat stretches at zero, each one straight stroke. */
static void
ml_chart_trace_zero (cairo_t       *cr,
             const Frame   *f,
             const MlCurve *curve)
{
  for (guint i = 0; i <= ml_curve_get_n_breakpoints (curve); i++)
    {
      double from, to, a, b;

      ml_curve_get_piece (curve, i, &from, &to, &a, &b);
      from = MAX (from, f->lo);
      to = MIN (to, f->hi);
      if (from < to && ml_chart_is_zero_piece (a, b))
        {
          cairo_move_to (cr, ml_chart_x (f, from), ml_chart_y (f, 0));
          cairo_line_to (cr, ml_chart_x (f, to), ml_chart_y (f, 0));
        }
    }
}

static void
ml_chart_draw_lines (MlChart     *self,
             cairo_t     *cr,
             const Frame *f,
             GArray      *lines)
{
  cairo_save (cr);
  cairo_rectangle (cr, f->left, f->top - 4, f->right - f->left, f->bottom - f->top + 8);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Dashed lines are many short strokes: the fast smoothing halves the time of a paint and
   * looks the same at these widths. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      ml_chart_set_color (cr, &line->color, 1);
      cairo_set_line_width (cr, line->width);
      cairo_set_dash (cr, NULL, 0, 0);
      ml_chart_trace_zero (cr, f, line->curve);
      cairo_stroke (cr);
      cairo_set_dash (cr, line->dash, line->n_dash, 0);
      ml_chart_trace (cr, f, line->curve);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Where the legend goes: in the top corner away from the mark, so that its label stays readable. */
typedef struct
{
  double x, y, width, height, row;
} LegendBox;

static void
ml_chart_legend_box (MlChart     *self,
             cairo_t     *cr,
             const Frame *f,
             GArray      *lines,
             LegendBox   *box)
{
  double mark_x = ml_chart_x (f, ml_account_get_mark_price (self->account));
  double text_width = 0;

  box->row = 16;
  for (guint i = 0; i < lines->len; i++)
    {
      double w, h;

      ml_chart_text_size (cr, g_array_index (lines, Line, i).label, &w, &h);
      text_width = MAX (text_width, w);
      box->row = MAX (box->row, h + 2);
    }
  box->width = text_width + 48;
  box->height = lines->len * box->row + 8;
  box->x = (mark_x < (f->left + f->right) / 2 ? f->right - text_width - 52 : f->left + 10) - 6;
  box->y = f->top + 4;
}

static gboolean
ml_chart_overlaps (double           x,
           double           y,
           double           w,
           double           h,
           const LegendBox *box)
{
  return x < box->x + box->width && x + w > box->x && y < box->y + box->height && y + h > box->y;
}

/* Where the mark's label goes: beside the line at the top, right or else left, clear of the
 * legend and inside the plot; in a chart too narrow for that, under the legend. */
static void
ml_chart_place_mark_label (const Frame     *f,
                   const LegendBox *legend,
                   double           x,
                   double           w,
                   double           h,
                   double          *lx,
                   double          *ly)
{
  const double tops[] = { f->top + 2, legend->y + legend->height + 4 };

  for (guint i = 0; i < G_N_ELEMENTS (tops); i++)
    {
      const double lefts[] = { x + 4, x - 4 - w };

      for (guint j = 0; j < G_N_ELEMENTS (lefts); j++)
        if (lefts[j] >= f->left && lefts[j] + w <= f->right && !ml_chart_overlaps (lefts[j], tops[i], w, h, legend))
          {
            *lx = lefts[j];
            *ly = tops[i];
            return;
          }
    }
  *lx = x + 4;
  *ly = tops[1];
}

static void
ml_chart_draw_mark (MlChart         *self,
            cairo_t         *cr,
            const Frame     *f,
            const LegendBox *legend)
{
  double mark = ml_account_get_mark_price (self->account);
  g_autofree char *price = ml_money_format_price (mark);
  g_autofree char *label = NULL;
  double x = round (ml_chart_x (f, mark)) + 0.5;
  double w, h, lx, ly;

  if (mark < f->lo || mark > f->hi)
    return;

  ml_chart_set_color (cr, &self->palette.foreground, 0.9);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, f->top);
  cairo_line_to (cr, x, f->bottom);
  cairo_stroke (cr);

  /* Translators: the mark price line's label, "Mark 60,000.0" */
  label = g_strdup_printf (_("Mark %s"), price);
  ml_chart_text_size (cr, label, &w, &h);
  ml_chart_place_mark_label (f, legend, x, w, h, &lx, &ly);
  ml_chart_text (cr, label, lx, ly, 0, 0);
}

static void
ml_chart_draw_legend (MlChart         *self,
              cairo_t         *cr,
              GArray          *lines,
              const LegendBox *box)
{
  double x = box->x + 6, y = box->y + 4;

  ml_chart_set_color (cr, &self->palette.background, 0.88);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_fill_preserve (cr);
  ml_chart_set_color (cr, &self->palette.grid, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* The account first, as it is drawn last. */
  for (guint k = 0; k < lines->len; k++)
    {
      const Line *line = &g_array_index (lines, Line, lines->len - 1 - k);
      double cy = y + k * box->row + box->row / 2;

      ml_chart_set_color (cr, &line->color, 1);
      cairo_set_line_width (cr, line->width);
      cairo_set_dash (cr, line->dash, line->n_dash, 0);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + 28, cy);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      ml_chart_set_color (cr, &self->palette.foreground, 1);
      ml_chart_text (cr, line->label, x + 36, cy, 0, 0.5);
    }
}

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
  g_autoptr(GArray) lines = NULL;
  LegendBox legend;
  Frame f;

  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  lines = ml_chart_lines (self);
  ml_chart_frame (self, lines, width, height, &f);

  cairo_save (cr);
  ml_chart_legend_box (self, cr, &f, lines, &legend);
  ml_chart_set_color (cr, &self->palette.background, 1);
  cairo_paint (cr);
  ml_chart_draw_axes (self, cr, &f);
  ml_chart_draw_liquidations (self, cr, &f);
  ml_chart_draw_lines (self, cr, &f, lines);
  ml_chart_draw_mark (self, cr, &f, &legend);
  ml_chart_draw_legend (self, cr, lines, &legend);
  cairo_restore (cr);
}

/* The hover box: the price, then every line's value there, the account first as in the legend. */
static void
ml_chart_draw_hover_box (MlChart     *self,
                 cairo_t     *cr,
                 const Frame *f,
                 GArray      *lines,
                 double       price)
{
  g_autofree char *header = ml_money_format_price (price);
  g_autoptr(GString) text = g_string_new (NULL);
  double x = ml_chart_x (f, price), w, h;

  /* Translators: the first line of the chart's hover box, "At 58,000.0" */
  g_string_append_printf (text, _("At %s"), header);
  for (guint k = 0; k < lines->len; k++)
    {
      const Line *line = &g_array_index (lines, Line, lines->len - 1 - k);
      g_autofree char *value = ml_money_format_usdt (ml_curve_evaluate (line->curve, price));

      /* Translators: one line of the chart's hover box, "Cross pool (b): 1,000.00 USDT" */
      g_string_append_printf (text, _("\n%s: %s"), line->label, value);
    }

  ml_chart_text_size (cr, text->str, &w, &h);
  x = x + 12 + w + 12 <= f->right ? x + 12 : x - 12 - w - 12;
  ml_chart_set_color (cr, &self->palette.background, 0.94);
  cairo_rectangle (cr, x, f->bottom - h - 20, w + 12, h + 8);
  cairo_fill_preserve (cr);
  ml_chart_set_color (cr, &self->palette.foreground, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  ml_chart_set_color (cr, &self->palette.foreground, 1);
  ml_chart_text (cr, text->str, x + 6, f->bottom - h - 16, 0, 0);
}

/**
 * ml_chart_draw_hover:
 *
 * Paints, over ml_chart_draw() at the same size, a crosshair at @price with a dot on every
 * line and a box listing every line's value there.
 */
void
ml_chart_draw_hover (MlChart *self,
                     cairo_t *cr,
                     double   width,
                     double   height,
                     double   price)
{
  static const double dash[] = { 3, 3 };
  g_autoptr(GArray) lines = NULL;
  Frame f;
  double x;

  g_return_if_fail (ML_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  lines = ml_chart_lines (self);
  ml_chart_frame (self, lines, width, height, &f);
  if (!(price >= f.lo && price <= f.hi))
    return;
  x = round (ml_chart_x (&f, price)) + 0.5;

  cairo_save (cr);
  ml_chart_set_color (cr, &self->palette.foreground, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, f.top);
  cairo_line_to (cr, x, f.bottom);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      ml_chart_set_color (cr, &line->color, 1);
      cairo_arc (cr, x, ml_chart_y (&f, ml_curve_evaluate (line->curve, price)), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  ml_chart_draw_hover_box (self, cr, &f, lines, price);
  cairo_restore (cr);
}

/* Words and files */

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
      g_autofree char *name = ml_chart_describe_position (p);
      g_autofree char *lp = ml_money_format_price (ml_position_get_liquidation_price (p));
      g_autofree char *margin = ml_money_format_usdt (ml_position_get_margin (p));

      if (ml_position_get_liquidated (p) || ml_position_get_mode (p) != ML_MARGIN_MODE_ISOLATED)
        continue;
      g_string_append_c (text, ' ');
      if (ml_position_get_liquidation_price (p) == ML_PRICE_NONE)
        g_string_append_printf (text, _("Position %s cannot be liquidated and can lose at most its margin, %s."),
                                name, margin);
      else
        g_string_append_printf (text, ml_position_get_side (p) == ML_SIDE_LONG
                                      ? _("Position %s is liquidated at or below %s and can lose at most its margin, %s.")
                                      : _("Position %s is liquidated at or above %s and can lose at most its margin, %s."),
                                name, lp, margin);
    }

  ml_account_get_cross_survival (self->account, &low, &high);
  if (ml_account_get_n_cross_positions (self->account) > 0)
    {
      g_autofree char *ids = ml_chart_pool_ids (self->account);
      g_autofree char *pool = ml_money_format_usdt (ml_account_get_cross_pool (self->account));
      g_autofree char *lo = ml_money_format_price (low);
      g_autofree char *hi = ml_money_format_price (isfinite (high) ? high : ML_PRICE_NONE);

      g_string_append_c (text, ' ');
      if (low > 0 && isfinite (high))
        g_string_append_printf (text, _("The cross pool (%s) holds %s and is liquidated, all of it, at or below %s and at or above %s."),
                                ids, pool, lo, hi);
      else if (low > 0 || isfinite (high))
        g_string_append_printf (text, low > 0 ? _("The cross pool (%s) holds %s and is liquidated, all of it, at or below %s.")
                                              : _("The cross pool (%s) holds %s and is liquidated, all of it, at or above %s."),
                                ids, pool, low > 0 ? lo : hi);
      else
        g_string_append_printf (text, _("The cross pool (%s) holds %s and cannot be liquidated."), ids, pool);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static cairo_status_t
ml_chart_append (void                *closure,
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
 * then renamed over @filename.
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
                   _("A chart is from 200 × 150 to %d × %d pixels; %d × %d is not possible."),
                   MAX_EXPORT_SIDE, MAX_EXPORT_SIDE, width, height);
      return FALSE;
    }

  lower = g_ascii_strdown (filename, -1);
  png = g_str_has_suffix (lower, ".png");
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (ml_chart_append, bytes, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (ml_chart_append, bytes, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: name it .png, .svg or .pdf."), filename);
      return FALSE;
    }

  cr = cairo_create (surface);
  ml_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png_stream (surface, ml_chart_append, bytes);
  else
    {
      cairo_surface_finish (surface); /* flushes the SVG or PDF into the stream */
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart: %s."), cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents_full (filename, (const char *)bytes->data, bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
