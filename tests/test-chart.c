/* test-chart.c — the collateral chart, painted into image surfaces with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ml-chart-private.h"
#include "ml-test-util.h"

#define WIDTH  800
#define HEIGHT 500

typedef struct
{
  cairo_surface_t *surface;
  const guint8    *data;
  int              stride;
} Picture;

static void
test_chart_paint_sized (MlChart *chart,
                        int      width,
                        int      height,
                        Picture *picture)
{
  cairo_t *cr;

  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (picture->surface);
  ml_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (picture->surface);
  picture->data = cairo_image_surface_get_data (picture->surface);
  picture->stride = cairo_image_surface_get_stride (picture->surface);
}

static void
test_chart_paint (MlChart *chart,
                  Picture *picture)
{
  test_chart_paint_sized (chart, WIDTH, HEIGHT, picture);
}

static void
test_chart_pixel (const Picture *picture,
                  int            x,
                  int            y,
                  double        *rgb)
{
  guint32 p = *(const guint32 *)(gconstpointer)(picture->data + y * picture->stride + x * 4);

  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static gboolean
test_chart_is_color (const Picture      *picture,
                     int                 x,
                     int                 y,
                     const MlChartColor *color)
{
  double rgb[3];

  test_chart_pixel (picture, x, y, rgb);
  return fabs (rgb[0] - color->red) + fabs (rgb[1] - color->green) + fabs (rgb[2] - color->blue) < 0.25;
}

/* The rows from @from down where @color is drawn in columns @x0…@x1: the highest and the
 * lowest. Dashed lines have gaps, hence a few columns rather than one. */
static gboolean
test_chart_rows_in (const Picture      *picture,
                    int                 y0,
                    int                 y1,
                    int                 x0,
                    int                 x1,
                    const MlChartColor *color,
                    int                *top,
                    int                *bottom)
{
  int height = cairo_image_surface_get_height (picture->surface);

  *top = height;
  *bottom = -1;
  for (int x = x0; x <= x1; x++)
    for (int y = MAX (0, y0); y <= MIN (y1, height - 1); y++)
      if (test_chart_is_color (picture, x, y, color))
        {
          *top = MIN (*top, y);
          *bottom = MAX (*bottom, y);
        }
  return *bottom >= 0;
}

/* The same within the plot, below the legend whose samples have the lines' colours. */
static gboolean
test_chart_rows_of (const Picture      *picture,
                    MlChart            *chart,
                    int                 x0,
                    int                 x1,
                    const MlChartColor *color,
                    int                *top,
                    int                *bottom)
{
  int plot_top = _ml_chart_get_layout (chart, WIDTH, HEIGHT)->plot.y;

  return test_chart_rows_in (picture, plot_top, HEIGHT - 1, x0, x1, color, top, bottom);
}

/* One isolated long, 1 BTC at 60,000 with 10x (6,000 USDT of margin, 500 left free): at its
 * liquidation price it still holds its maintenance margin, about 221 USDT, the drop to 0. */
static MlAccount *
test_chart_isolated_long (void)
{
  MlAccount *account = ml_account_new (NULL, 6500, 60000);

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 1, 60000, 10);
  return account;
}

static MlPosition *
test_chart_first (MlAccount *account)
{
  g_autoptr(MlPosition) p = g_list_model_get_item (ml_account_get_positions (account), 0);
  return p;
}

static void
test_isolated_line_reaches_zero_at_its_liquidation_price (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartColor *color = &ml_chart_palette_light ()->positions[0];
  double lp = ml_position_get_liquidation_price (test_chart_first (account));
  int x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, lp));
  int zero = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, 0));
  double just_above = ml_chart_x_for_price (chart, WIDTH, HEIGHT, lp) + 6;
  double price_above;
  int top, bottom, expected;
  Picture picture;

  /* Zoomed in, as a learner would to look at the drop. */
  ml_chart_set_range (chart, lp - 2000, lp + 2000);
  x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, lp));
  zero = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, 0));
  just_above = ml_chart_x_for_price (chart, WIDTH, HEIGHT, lp) + 6;
  test_chart_paint (chart, &picture);

  /* Left of the liquidation price: the line lies on 0. */
  g_assert_true (test_chart_rows_of (&picture, chart, x - 14, x - 4, color, &top, &bottom));
  g_assert_cmpint (abs (top - zero), <=, 3);
  g_assert_cmpint (abs (bottom - zero), <=, 3);

  /* Just right of it: the line stands at what the position holds there, well above 0. */
  price_above = lp + (just_above - x) / (ml_chart_x_for_price (chart, WIDTH, HEIGHT, lp + 1000) - x) * 1000;
  expected = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, 1 * (price_above - 60000) + 6000));
  g_assert_cmpint (zero - expected, >, 20);
  g_assert_true (test_chart_rows_of (&picture, chart, x + 4, x + 9, color, &top, &bottom));
  g_assert_cmpint (abs (top - expected), <=, 4);

  cairo_surface_destroy (picture.surface);
}

static void
test_account_line_flat_below_liquidation (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartColor *color = &ml_chart_palette_light ()->account;
  double lp = ml_position_get_liquidation_price (test_chart_first (account));
  double lo, hi;
  int row = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, 500)); /* the free 6,500 − 6,000 */
  Picture picture;

  ml_chart_get_range (chart, &lo, &hi);
  g_assert_cmpfloat (lo, <, lp);
  test_chart_paint (chart, &picture);

  /* Below the long's liquidation price the account is its free balance, whatever the price. */
  for (double f = 0.2; f <= 0.8; f += 0.3)
    {
      int x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, lo + (lp - lo) * f));
      int top, bottom;

      /* Below the legend, in the top corner. */
      g_assert_true (test_chart_rows_in (&picture, row - 60, HEIGHT - 1, x, x, color, &top, &bottom));
      g_assert_cmpint (abs (top - row), <=, 3);
      g_assert_cmpint (abs (bottom - row), <=, 3);
    }

  cairo_surface_destroy (picture.surface);
}

/* design.md's example: the other-mode account differs from the account above 67,928, where
 * the short, isolated, would be liquidated while the real cross pool lives on. */
static void
test_ghost_lines_only_when_comparing (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "same-long-two-modes.mlscenario", NULL);
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, NULL);
  MlAccount *account = ml_scenario_get_account (scenario);
  g_autoptr(MlChart) chart = ml_chart_new (account);
  g_autoptr(MlCurve) other = ml_account_get_other_mode_curve (account, NULL);
  MlChartColor ghost = ml_chart_palette_light ()->account;
  double price = 72000;
  int x, y, top, bottom;
  Picture off, on;

  /* The ghost is the account's colour at 55 %, over white. */
  ghost.red = 1 - 0.55 * (1 - ghost.red);
  ghost.green = 1 - 0.55 * (1 - ghost.green);
  ghost.blue = 1 - 0.55 * (1 - ghost.blue);

  ml_chart_set_range (chart, 50000, 80000); /* the same frame with and without */
  test_chart_paint (chart, &off);
  ml_chart_set_compare (chart, TRUE);
  test_chart_paint (chart, &on);

  x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, price));
  y = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, ml_curve_evaluate (other, price)));
  /* Far enough from the account's own line that its edges cannot be taken for the ghost. */
  g_assert_cmpfloat (fabs (y - ml_chart_y_for_value (chart, WIDTH, HEIGHT, ml_account_evaluate (account, price, NULL, NULL, NULL))), >, 15);
  g_assert_true (test_chart_rows_in (&on, y - 4, y + 4, x - 4, x + 4, &ghost, &top, &bottom));
  g_assert_false (test_chart_rows_in (&off, y - 4, y + 4, x - 4, x + 4, &ghost, &top, &bottom));

  cairo_surface_destroy (off.surface);
  cairo_surface_destroy (on.surface);
}

/* The widget turns a column back into a price, and that is the price drawn there. */
static void
test_price_for_x (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const double prices[] = { 50000, 54321.5, 60000, 66000 };

  ml_chart_set_range (chart, 50000, 66000);
  for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
    ml_assert_close (ml_chart_price_for_x (chart, WIDTH, HEIGHT,
                                           ml_chart_x_for_price (chart, WIDTH, HEIGHT, prices[i])),
                     prices[i], ML_EXACT);
  /* Outside the plot it stays within the prices the model takes. */
  g_assert_cmpfloat (ml_chart_price_for_x (chart, WIDTH, HEIGHT, -1e9), ==, ML_MIN_PRICE);
  g_assert_cmpfloat (ml_chart_price_for_x (chart, WIDTH, HEIGHT, 1e12), ==, ML_MAX_PRICE);
}

/* The rows of the level account line of a fresh lab (1,000 USDT) in a column a fifth of the
 * way along: how thick it is drawn. */
static int
test_chart_account_thickness (MlChart *chart)
{
  Picture picture;
  double lo, hi;
  int x, y, top, bottom;

  test_chart_paint_sized (chart, WIDTH, HEIGHT, &picture);
  ml_chart_get_range (chart, &lo, &hi);
  x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, lo + (hi - lo) * 0.2));
  y = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, 1000));
  g_assert_true (test_chart_rows_in (&picture, y - 20, y + 20, x, x, &ml_chart_palette_projector ()->account, &top, &bottom));
  cairo_surface_destroy (picture.surface);
  return bottom - top + 1;
}

/* Drawn larger for a projector, the chart maps prices and columns in the pixels drawn into,
 * and its lines are as much thicker. */
static void
test_scale (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const double prices[] = { 55000, 60000, 64321.5 };
  int thin, thick;
  double x;

  ml_chart_set_palette (chart, ml_chart_palette_projector ());
  thin = test_chart_account_thickness (chart);
  x = ml_chart_x_for_price (chart, WIDTH, HEIGHT, 60000);

  ml_chart_set_scale (chart, 2);
  g_assert_cmpfloat (ml_chart_get_scale (chart), ==, 2);
  thick = test_chart_account_thickness (chart);
  g_assert_cmpint (thick, >=, 2 * thin - 1);
  /* The same price lands elsewhere: the plot's margins grew with the text. */
  g_assert_cmpfloat (fabs (ml_chart_x_for_price (chart, WIDTH, HEIGHT, 60000) - x), >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
    ml_assert_close (ml_chart_price_for_x (chart, WIDTH, HEIGHT, ml_chart_x_for_price (chart, WIDTH, HEIGHT, prices[i])),
                     prices[i], ML_EXACT);
  g_assert_cmpfloat (ml_chart_x_for_price (chart, WIDTH, HEIGHT, 64321.5), <, WIDTH);
}

/* Hovering adds a crosshair at the price and a dot where the account line crosses it, and
 * nothing outside the range. */
static void
test_hover (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartColor *account_color = &ml_chart_palette_light ()->account;
  double price = 63000;
  int x, y, top, bottom;
  Picture plain, hover, outside;
  cairo_t *cr;

  ml_chart_set_range (chart, 50000, 66000);
  test_chart_paint (chart, &plain);
  test_chart_paint (chart, &hover);
  cr = cairo_create (hover.surface);
  ml_chart_draw_hover (chart, cr, WIDTH, HEIGHT, price);
  cairo_destroy (cr);
  test_chart_paint (chart, &outside);
  cr = cairo_create (outside.surface);
  ml_chart_draw_hover (chart, cr, WIDTH, HEIGHT, 70000);
  cairo_destroy (cr);

  x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, price));
  y = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, ml_account_evaluate (account, price, NULL, NULL, NULL)));
  /* The dot is 7 pixels across: taller than the 3-pixel line, in its colour, beside the
   * crosshair's column. */
  g_assert_true (test_chart_rows_in (&hover, y - 6, y + 6, x - 1, x - 1, account_color, &top, &bottom));
  g_assert_cmpint (bottom - top, >=, 5);
  g_assert_true (test_chart_rows_in (&plain, y - 6, y + 6, x - 1, x - 1, account_color, &top, &bottom));
  g_assert_cmpint (bottom - top, <=, 3);
  g_assert_cmpmem (plain.data, plain.stride * HEIGHT, outside.data, outside.stride * HEIGHT);

  cairo_surface_destroy (plain.surface);
  cairo_surface_destroy (hover.surface);
  cairo_surface_destroy (outside.surface);
}

static double
test_chart_luminance (const Picture *picture,
                      int            x,
                      int            y)
{
  double rgb[3];

  test_chart_pixel (picture, x, y, rgb);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static void
test_dark_uses_dark_colours (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartColor *line = &ml_chart_palette_dark ()->positions[0];
  int x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, 60000)) + 20, top, bottom;
  Picture light, dark;

  test_chart_paint (chart, &light);
  ml_chart_set_palette (chart, ml_chart_palette_dark ());
  test_chart_paint (chart, &dark);

  g_assert_cmpfloat (test_chart_luminance (&light, WIDTH - 5, HEIGHT / 2), >, 0.9);
  g_assert_cmpfloat (test_chart_luminance (&dark, WIDTH - 5, HEIGHT / 2), <, 0.2);
  /* The lines take the dark palette's colours too. */
  g_assert_true (test_chart_rows_of (&dark, chart, x, x + 6, line, &top, &bottom));

  cairo_surface_destroy (light.surface);
  cairo_surface_destroy (dark.surface);
}

static void
test_description (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "same-long-two-modes.mlscenario", NULL);
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, NULL);
  g_autoptr(MlChart) chart = ml_chart_new (ml_scenario_get_account (scenario));
  g_autofree char *text = ml_chart_describe (chart);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "At the mark price of 60000.0 the account holds \u20681100.00\u00a0USDT\u2069."));
  g_assert_nonnull (strstr (text, "is liquidated at or below 57228.9 and can lose at most its margin, \u2068300.00\u00a0USDT\u2069."));
  g_assert_nonnull (strstr (text, "The cross pool (b) holds \u2068800.00\u00a0USDT\u2069 and is liquidated, all of it, at or above 75697.2."));
}

static void
test_chart_assert_export (MlChart    *chart,
                          const char *dir,
                          const char *name,
                          const char *magic)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (ml_chart_export (chart, path, 640, 400, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
  g_remove (path);
}

static void
test_export (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-chart-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.gif", NULL);

  test_chart_assert_export (chart, dir, "chart.png", "\x89PNG");
  test_chart_assert_export (chart, dir, "chart.SVG", "<?xml");
  test_chart_assert_export (chart, dir, "chart.pdf", "%PDF");

  g_assert_false (ml_chart_export (chart, bad, 640, 400, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (ml_chart_export (chart, bad, 10, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_chart_assert_paints (MlChart *chart,
                          int      width,
                          int      height)
{
  Picture picture;

  test_chart_paint_sized (chart, width, height, &picture);
  cairo_surface_destroy (picture.surface);
}

/* What a learner can get the chart into: nothing open, everything liquidated, zoomed far in,
 * the smallest size. Each must paint (G_DEBUG makes any warning fatal). */
static void
test_edge_cases (void)
{
  g_autoptr(MlAccount) empty = ml_account_new (NULL, 1000, 60000);
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (empty);
  g_autoptr(MlChart) busy = NULL;

  test_chart_assert_paints (chart, WIDTH, HEIGHT);
  test_chart_assert_paints (chart, 200, 150);

  ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.01, 60000, 10);
  busy = ml_chart_new (account);
  ml_chart_set_compare (busy, TRUE);
  ml_chart_set_palette (busy, ml_chart_palette_high_contrast ());
  test_chart_assert_paints (busy, 200, 150);
  ml_chart_set_range (busy, 60000, 60000.5);
  test_chart_assert_paints (busy, WIDTH, HEIGHT);
  ml_chart_reset_range (busy);

  /* Everything liquidated: a flat line at what is left, and nothing to mark. */
  g_assert_true (ml_account_move_mark_price (account, 1000, NULL, NULL));
  g_assert_true (ml_account_move_mark_price (account, 1000000, NULL, NULL));
  test_chart_assert_paints (busy, WIDTH, HEIGHT);
}


/* A wallet of a fraction of a cent, as a scenario may hold: the value axis still counts in
 * short numbers, never "nan" nor hundreds of decimals. */
static void
test_tiny_wallet (void)
{
  const double wallets[] = { 1e-320, 1e-200, 0.004 };

  for (guint w = 0; w < G_N_ELEMENTS (wallets); w++)
    {
      g_autoptr(MlAccount) account = ml_account_new (NULL, wallets[w], 60000);
      g_autoptr(MlChart) chart = ml_chart_new (account);
      const MlChartLayout *layout = _ml_chart_get_layout (chart, WIDTH, HEIGHT);

      g_assert_cmpuint (layout->value_ticks->len, >=, 2);
      for (guint i = 0; i < layout->value_ticks->len; i++)
        {
          const char *text = g_array_index (layout->value_ticks, MlChartTick, i).label.text;

          g_assert_nonnull (text);
          g_assert_null (strstr (text, "nan"));
          g_assert_cmpuint (strlen (text), <=, 4);
        }
      test_chart_assert_paints (chart, WIDTH, HEIGHT);
    }
}

static MlAccount *
test_chart_scenario (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, NULL);

  g_assert_nonnull (scenario);
  return g_object_ref (ml_scenario_get_account (scenario));
}

/* A thousand positions: 999 isolated ones, both sides at 2x to 50x, and one small cross short
 * whose pool is so large that it is liquidated only near 67 million (the account). */
static MlAccount *
test_chart_thousand (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  MlAccount *account = ml_account_new (NULL, 5000000, 60000);

  for (guint i = 0; i < 999; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MlOrder order = { id, i % 2 ? ML_SIDE_LONG : ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED,
                        g_rand_int_range (rand, 10, 5001) / 10000.0, 60000, g_rand_int_range (rand, 2, 51), 0 };

      g_assert_nonnull (ml_account_open_position (account, &order, &error));
      g_assert_no_error (error);
    }
  ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.065, 60000, 10);
  return account;
}

static gboolean
test_chart_rects_overlap (const MlChartRect *a,
                          const MlChartRect *b)
{
  return a->x < b->x + b->width && a->x + a->width > b->x && a->y < b->y + b->height && a->y + a->height > b->y;
}

static gboolean
test_chart_rect_inside (const MlChartRect *inner,
                        const MlChartRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width && inner->y + inner->height <= outer->y + outer->height;
}

/* No label is cut at the chart's edge; those in the plot stay in it, none is crossed by the
 * mark line, and the legend lies wholly outside the plot. */
static void
test_chart_assert_labels_placed (const MlChartLayout *layout)
{
  MlChartRect chart = { 0, 0, layout->width, layout->height };
  MlChartRect mark_column = { layout->mark_x - 1, 0, 2, layout->height };
  GPtrArray *in_plot = g_ptr_array_new ();

  g_assert_false (test_chart_rects_overlap (&layout->legend, &layout->plot));
  for (guint i = 0; i < layout->legend_entries->len; i++)
    {
      const MlChartLegendEntry *entry = &g_array_index (layout->legend_entries, MlChartLegendEntry, i);

      g_assert_true (test_chart_rect_inside (&entry->label.rect, &chart));
      g_assert_cmpfloat (entry->label.rect.y + entry->label.rect.height, <=, layout->plot.y);
    }
  if (layout->legend_more.text != NULL)
    {
      g_assert_true (test_chart_rect_inside (&layout->legend_more.rect, &chart));
      g_assert_cmpfloat (layout->legend_more.rect.y + layout->legend_more.rect.height, <=, layout->plot.y);
    }
  for (guint i = 0; i < layout->price_ticks->len; i++)
    if (g_array_index (layout->price_ticks, MlChartTick, i).label.text != NULL)
      g_assert_true (test_chart_rect_inside (&g_array_index (layout->price_ticks, MlChartTick, i).label.rect, &chart));
  for (guint i = 0; i < layout->value_ticks->len; i++)
    g_assert_true (test_chart_rect_inside (&g_array_index (layout->value_ticks, MlChartTick, i).label.rect, &chart));
  g_assert_true (test_chart_rect_inside (&layout->price_title.rect, &chart));
  g_assert_true (test_chart_rect_inside (&layout->value_title.rect, &chart));

  for (guint i = 0; i < layout->marker_labels->len; i++)
    g_ptr_array_add (in_plot, (gpointer)&g_array_index (layout->marker_labels, MlChartLabel, i).rect);
  for (guint i = 0; i < layout->arrows->len; i++)
    g_ptr_array_add (in_plot, (gpointer)&g_array_index (layout->arrows, MlChartArrow, i).label.rect);
  for (guint i = 0; i < in_plot->len; i++)
    {
      g_assert_true (test_chart_rect_inside (in_plot->pdata[i], &layout->plot));
      if (layout->mark_shown)
        {
          g_assert_false (test_chart_rects_overlap (in_plot->pdata[i], &mark_column));
          g_assert_false (test_chart_rects_overlap (in_plot->pdata[i], &layout->mark_label.rect));
        }
      for (guint j = 0; j < i; j++)
        g_assert_false (test_chart_rects_overlap (in_plot->pdata[i], in_plot->pdata[j]));
    }
  if (layout->mark_shown)
    g_assert_true (test_chart_rect_inside (&layout->mark_label.rect, &layout->plot));
  g_ptr_array_unref (in_plot);
}

static void
test_labels_placed (void)
{
  const char *names[] = { "article-long-cross.mlscenario", "article-long-isolated.mlscenario",
                          "hedged-cross-pool.mlscenario", "same-long-two-modes.mlscenario" };
  const int sizes[][2] = { { WIDTH, HEIGHT }, { 1200, 700 }, { 360, 220 } };

  for (guint i = 0; i <= G_N_ELEMENTS (names); i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      for (int compare = 0; compare <= 1; compare++)
        for (int rtl = 0; rtl <= 1; rtl++)
          {
            g_autoptr(MlAccount) account = i < G_N_ELEMENTS (names) ? test_chart_scenario (names[i]) : test_chart_thousand ();
            g_autoptr(MlChart) chart = ml_chart_new (account);
            double mark = ml_account_get_mark_price (account);

            ml_chart_set_compare (chart, compare);
            ml_chart_set_direction (chart, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
            test_chart_assert_labels_placed (_ml_chart_get_layout (chart, sizes[k][0], sizes[k][1]));
            /* And with the mark at the plot's very edges, where labels meet the frame. */
            ml_chart_set_range (chart, mark, mark * 1.2);
            test_chart_assert_labels_placed (_ml_chart_get_layout (chart, sizes[k][0], sizes[k][1]));
            ml_chart_set_range (chart, mark * 0.8, mark);
            test_chart_assert_labels_placed (_ml_chart_get_layout (chart, sizes[k][0], sizes[k][1]));
          }
}

/* The legend sits above the plot: the pixels it used to cover, in the plot's top corner
 * away from the mark, show the ghost line it names. */
static void
test_legend_hides_no_line (void)
{
  g_autoptr(MlAccount) account = test_chart_scenario ("same-long-two-modes.mlscenario");
  g_autoptr(MlChart) chart = ml_chart_new (account);
  g_autoptr(MlCurve) other = ml_account_get_other_mode_curve (account, NULL);
  MlChartColor ghost = ml_chart_palette_light ()->account;
  const MlChartLayout *layout;
  double lo, hi;
  int x, y, top, bottom;
  Picture picture;

  ghost.red = 1 - 0.55 * (1 - ghost.red);
  ghost.green = 1 - 0.55 * (1 - ghost.green);
  ghost.blue = 1 - 0.55 * (1 - ghost.blue);
  ml_chart_set_compare (chart, TRUE);
  /* The ghost climbs to the plot's top right corner at the range's right end. */
  ml_chart_set_range (chart, 50000, 80000);
  test_chart_paint (chart, &picture);
  layout = _ml_chart_get_layout (chart, WIDTH, HEIGHT);
  ml_chart_get_range (chart, &lo, &hi);

  g_assert_cmpuint (layout->legend_entries->len, ==, layout->lines->len);
  g_assert_null (layout->legend_more.text);
  g_assert_false (test_chart_rects_overlap (&layout->legend, &layout->plot));
  x = round (ml_chart_x_for_price (chart, WIDTH, HEIGHT, hi - 300));
  y = round (ml_chart_y_for_value (chart, WIDTH, HEIGHT, ml_curve_evaluate (other, hi - 300)));
  g_assert_cmpint (y, <, layout->plot.y + 70); /* where the old legend, four rows deep, lay */
  g_assert_true (test_chart_rows_in (&picture, y - 4, y + 4, x - 3, x + 3, &ghost, &top, &bottom));
  cairo_surface_destroy (picture.surface);
}

/* The legend names the leverage with the multiplication sign, each number with its unit isolated
 * for right-to-left text: "a: long \u20680.1000\u00a0BTC\u2069, isolated, \u206820×\u2069". */
static void
test_legend_words (void)
{
  g_autoptr(MlAccount) account = test_chart_scenario ("same-long-two-modes.mlscenario");
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartLayout *layout = _ml_chart_get_layout (chart, WIDTH, HEIGHT);
  gboolean found = FALSE;

  for (guint i = 0; i < layout->legend_entries->len; i++)
    {
      const char *text = g_array_index (layout->legend_entries, MlChartLegendEntry, i).label.text;

      g_assert_null (strstr (text, "20x"));
      found |= g_strcmp0 (text, "a: long \u20680.1000\u00a0BTC\u2069, isolated, \u206820×\u2069") == 0;
    }
  g_assert_true (found);
}

/* Right to left, the legend starts at the right edge and each entry's sample follows its words;
 * the mark's and the liquidation prices' labels go on the left of their lines. The plot is not
 * mirrored: the same frame, ticks and columns, and between the mark's label at the top and the
 * liquidation labels at the bottom the very same pixels, lines, bands and markers. */
static void
test_right_to_left (void)
{
  g_autoptr(MlAccount) account = test_chart_scenario ("same-long-two-modes.mlscenario");
  g_autoptr(MlChart) ltr = ml_chart_new (account);
  g_autoptr(MlChart) rtl = ml_chart_new (account);
  const MlChartColor *account_color = &ml_chart_palette_light ()->account;
  const MlChartColor *danger = &ml_chart_palette_light ()->danger;
  const MlChartLayout *l, *r;
  const MlChartLegendEntry *first;
  Picture left, right;
  int band_top, band_bottom, column;

  ml_chart_set_direction (rtl, PANGO_DIRECTION_RTL);
  g_assert_cmpint (ml_chart_get_direction (rtl), ==, PANGO_DIRECTION_RTL);
  ml_chart_set_range (ltr, 50000, 80000);
  ml_chart_set_range (rtl, 50000, 80000);
  test_chart_paint (ltr, &left);
  test_chart_paint (rtl, &right);
  l = _ml_chart_get_layout (ltr, WIDTH, HEIGHT);
  r = _ml_chart_get_layout (rtl, WIDTH, HEIGHT);

  g_assert_true (memcmp (&l->plot, &r->plot, sizeof l->plot) == 0);
  g_assert_cmpuint (l->price_ticks->len, ==, r->price_ticks->len);
  for (guint i = 0; i < l->price_ticks->len; i++)
    g_assert_cmpfloat (g_array_index (l->price_ticks, MlChartTick, i).x, ==, g_array_index (r->price_ticks, MlChartTick, i).x);
  g_assert_cmpfloat (l->value_ticks->len, ==, r->value_ticks->len);
  g_assert_cmpfloat (ml_chart_x_for_price (ltr, WIDTH, HEIGHT, 57228.9), ==, ml_chart_x_for_price (rtl, WIDTH, HEIGHT, 57228.9));

  band_top = l->mark_label.rect.y + l->mark_label.rect.height + 1;
  band_bottom = l->plot.y + l->plot.height - 4 - 2 * l->row - 1;
  g_assert_cmpint (band_bottom - band_top, >, 100);
  for (int y = band_top; y <= band_bottom; y++)
    g_assert_true (memcmp (left.data + y * left.stride, right.data + y * right.stride, WIDTH * 4) == 0);
  column = floor (ml_chart_x_for_price (rtl, WIDTH, HEIGHT, 57228.9156626506));
  g_assert_true (test_chart_is_color (&right, column, (band_top + band_bottom) / 2, danger));

  /* The legend, the account first: at the left edge, or at the right with its sample last. */
  first = &g_array_index (l->legend_entries, MlChartLegendEntry, 0);
  g_assert_cmpfloat (first->x, ==, 8);
  g_assert_cmpfloat (first->label.rect.x, >, first->x);
  g_assert_true (test_chart_is_color (&left, 12, first->y, account_color));
  g_assert_false (test_chart_is_color (&left, WIDTH - 12, first->y, account_color));
  first = &g_array_index (r->legend_entries, MlChartLegendEntry, 0);
  g_assert_cmpfloat (first->x + 28, ==, WIDTH - 8);
  g_assert_cmpfloat (first->label.rect.x + first->label.rect.width, <, first->x);
  g_assert_true (test_chart_is_color (&right, WIDTH - 12, first->y, account_color));
  g_assert_false (test_chart_is_color (&right, 12, first->y, account_color));
  for (guint i = 1; i < r->legend_entries->len; i++)
    g_assert_cmpfloat (g_array_index (r->legend_entries, MlChartLegendEntry, i).x, <,
                       g_array_index (r->legend_entries, MlChartLegendEntry, i - 1).label.rect.x);

  /* The callouts: after their lines in each direction. */
  g_assert_cmpfloat (l->mark_label.rect.x, >, l->mark_x);
  g_assert_cmpfloat (r->mark_label.rect.x + r->mark_label.rect.width, <, r->mark_x);
  g_assert_cmpuint (r->marker_labels->len, ==, 2);
  for (guint i = 0; i < r->marker_labels->len; i++)
    {
      const MlChartLabel *a = &g_array_index (l->marker_labels, MlChartLabel, i);
      const MlChartLabel *b = &g_array_index (r->marker_labels, MlChartLabel, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat (b->rect.x + b->rect.width, <, a->rect.x);
    }

  /* Back to left to right: the same layout as a chart that never left it. */
  ml_chart_set_direction (rtl, PANGO_DIRECTION_LTR);
  r = _ml_chart_get_layout (rtl, WIDTH, HEIGHT);
  g_assert_cmpfloat (g_array_index (r->legend_entries, MlChartLegendEntry, 0).x, ==, 8);
  cairo_surface_destroy (left.surface);
  cairo_surface_destroy (right.surface);
}

/* A thousand positions stay readable: the legend names a few and sums up the rest, the range
 * stays near the mark, and the pool's liquidation price near 67 million is an arrow at the
 * right edge with its value. */
static void
test_thousand_positions (void)
{
  g_autoptr(MlAccount) account = test_chart_thousand ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  double far = ml_account_get_cross_liquidation_price (account);
  g_autofree char *far_text = ml_money_format_price (far);
  g_autofree char *more = NULL;
  const MlChartLayout *layout;
  const MlChartArrow *arrow = NULL;
  const MlChartColor *danger = &ml_chart_palette_light ()->danger;
  double lo, hi;
  int top, bottom;
  Picture picture;

  g_test_message ("cross liquidation price %s", far_text);
  g_assert_cmpfloat (far, >, 10000000);
  test_chart_paint_sized (chart, 1200, 700, &picture);
  layout = _ml_chart_get_layout (chart, 1200, 700);
  ml_chart_get_range (chart, &lo, &hi);

  /* Every liquidation price of the 999 lies within 30,000 to 90,000 (2x to 50x at 60,000):
   * the range holds them with padding, and not the far one. */
  g_assert_cmpfloat (lo, >=, 20000);
  g_assert_cmpfloat (hi, <=, 120000);
  g_assert_cmpfloat (lo, <, 60000 * 0.9);
  g_assert_cmpfloat (hi, >, 60000 * 1.1);

  /* 999 isolated lines, the pool and the account. */
  g_assert_cmpuint (layout->lines->len, ==, 1001);
  g_assert_cmpuint (layout->legend_entries->len, <, 40);
  more = g_strdup_printf ("and %u more", 1001 - layout->legend_entries->len);
  g_assert_cmpstr (layout->legend_more.text, ==, more);
  g_assert_cmpfloat (layout->legend.y + layout->legend.height, <=, layout->plot.y);
  test_chart_assert_labels_placed (layout);

  for (guint i = 0; i < layout->arrows->len; i++)
    if (g_array_index (layout->arrows, MlChartArrow, i).side > 0)
      arrow = &g_array_index (layout->arrows, MlChartArrow, i);
  g_assert_nonnull (arrow);
  g_assert_cmpstr (arrow->label.text, ==, far_text);
  g_assert_cmpfloat (fabs (arrow->tip_x - (layout->plot.x + layout->plot.width)), <=, 3);
  /* Drawn: the arrow's head in the danger colour just inside the plot's right edge. */
  g_assert_true (test_chart_rows_in (&picture, arrow->y - 3, arrow->y + 3, arrow->tip_x - 6, arrow->tip_x - 3,
                                     danger, &top, &bottom));
  cairo_surface_destroy (picture.surface);
}

/* The hover box stays inside the chart, even at the plot's right edge and with many lines. */
static void
test_hover_inside (void)
{
  g_autoptr(MlAccount) account = test_chart_thousand ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartColor *background = &ml_chart_palette_light ()->background;
  const int width = 500, height = 300, spare = 100;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width + spare, height + spare);
  cairo_t *cr = cairo_create (surface);
  double lo, hi;
  Picture picture;

  ml_chart_get_range (chart, &lo, &hi);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  ml_chart_draw (chart, cr, width, height);
  cairo_reset_clip (cr);
  for (int k = 0; k <= 2; k++)
    ml_chart_draw_hover (chart, cr, width, height, lo + (hi - lo) * k / 2);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  picture = (Picture) { surface, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface) };

  for (int y = 0; y < height + spare; y++)
    for (int x = y < height ? width : 0; x < width + spare; x++)
      g_assert_true (test_chart_is_color (&picture, x, y, background));
  cairo_surface_destroy (surface);
}

/* Hover and repaint reuse the layout made for the change: the same one, not a new one. */
static void
test_layout_once_per_change (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  const MlChartLayout *layout;
  Picture picture;
  cairo_t *cr;

  test_chart_paint (chart, &picture);
  layout = _ml_chart_get_layout (chart, WIDTH, HEIGHT);
  cr = cairo_create (picture.surface);
  ml_chart_draw_hover (chart, cr, WIDTH, HEIGHT, 61000);
  ml_chart_draw (chart, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  ml_chart_x_for_price (chart, WIDTH, HEIGHT, 61000);
  g_assert_true (_ml_chart_get_layout (chart, WIDTH, HEIGHT) == layout);
  g_assert_cmpfloat (layout->mark, ==, 60000);

  /* A change to the account makes a new one, which shows it. */
  g_assert_true (ml_account_move_mark_price (account, 61000, NULL, NULL));
  g_assert_cmpfloat (_ml_chart_get_layout (chart, WIDTH, HEIGHT)->mark, ==, 61000);
  cairo_surface_destroy (picture.surface);
}

/* The automatic range holds still while the mark moves inside it, and is fitted again when
 * the mark leaves it or on reset. */
static void
test_range_holds (void)
{
  g_autoptr(MlAccount) account = test_chart_isolated_long ();
  g_autoptr(MlChart) chart = ml_chart_new (account);
  double lo, hi, lo2, hi2;

  ml_chart_get_range (chart, &lo, &hi);
  g_assert_true (ml_account_move_mark_price (account, 60000 + (hi - 60000) * 0.8, NULL, NULL));
  ml_chart_get_range (chart, &lo2, &hi2);
  g_assert_cmpfloat (lo2, ==, lo);
  g_assert_cmpfloat (hi2, ==, hi);

  ml_chart_reset_range (chart);
  ml_chart_get_range (chart, &lo2, &hi2);
  g_assert_cmpfloat (hi2, >, hi);

  g_assert_true (ml_account_move_mark_price (account, hi2 * 1.5, NULL, NULL));
  ml_chart_get_range (chart, &lo, &hi);
  g_assert_cmpfloat (hi, >, hi2 * 1.5);
}

/* A liquidation price that was in view and leaves it (margin added moves it down) has the
 * range fitted again to show it; one that stays in view leaves the range as it is. */
static void
test_range_follows_marker_leaving (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 20000, 60000);
  g_autoptr(MlChart) chart = ml_chart_new (account);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 1, 60000, 10);
  double lo, hi, lo2, hi2;

  ml_chart_get_range (chart, &lo, &hi);
  g_assert_cmpfloat (ml_position_get_liquidation_price (p), >, lo);

  /* 100 USDT more: the long's liquidation price moves down by about 100, still in view. */
  g_assert_true (ml_account_add_margin (account, p, 100, NULL));
  ml_chart_get_range (chart, &lo2, &hi2);
  g_assert_cmpfloat (lo2, ==, lo);
  g_assert_cmpfloat (hi2, ==, hi);

  /* 10,000 more: W = 16,100, LP = (60,000 − 16,100) / (1 − 0.004) ≈ 44,076 (bracket 1 holds
   * its notional there), out of view. */
  g_assert_true (ml_account_add_margin (account, p, 10000, NULL));
  g_assert_cmpfloat (ml_position_get_liquidation_price (p), <, lo);
  ml_chart_get_range (chart, &lo2, &hi2);
  g_assert_cmpfloat (lo2, <, ml_position_get_liquidation_price (p));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/isolated-line-reaches-zero", test_isolated_line_reaches_zero_at_its_liquidation_price);
  g_test_add_func ("/chart/account-flat-below-liquidation", test_account_line_flat_below_liquidation);
  g_test_add_func ("/chart/ghost-only-when-comparing", test_ghost_lines_only_when_comparing);
  g_test_add_func ("/chart/dark", test_dark_uses_dark_colours);
  g_test_add_func ("/chart/price-for-x", test_price_for_x);
  g_test_add_func ("/chart/hover", test_hover);
  g_test_add_func ("/chart/description", test_description);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/edge-cases", test_edge_cases);
  g_test_add_func ("/chart/tiny-wallet", test_tiny_wallet);
  g_test_add_func ("/chart/labels-placed", test_labels_placed);
  g_test_add_func ("/chart/legend-hides-no-line", test_legend_hides_no_line);
  g_test_add_func ("/chart/legend-words", test_legend_words);
  g_test_add_func ("/chart/right-to-left", test_right_to_left);
  g_test_add_func ("/chart/thousand-positions", test_thousand_positions);
  g_test_add_func ("/chart/hover-inside", test_hover_inside);
  g_test_add_func ("/chart/layout-once-per-change", test_layout_once_per_change);
  g_test_add_func ("/chart/range-holds", test_range_holds);
  g_test_add_func ("/chart/range-follows-marker-leaving", test_range_follows_marker_leaving);
  g_test_add_func ("/chart/scale", test_scale);

  return g_test_run ();
}
