/* test-chart-view.c — the chart as a widget, driven by keys and drags, under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view only asks for mark moves; each test applies them to the account and refreshes the
 * view, as the window does.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>

#include "ml-chart-view.h"
#include "ml-test-util.h"
#include "ml-test-widget.h"

typedef struct
{
  GtkWindow   *window;
  MlChartView *view;
  MlAccount   *account;
} Lab;

static void
test_chart_view_move_mark (MlChartView *view,
                           double       price,
                           gboolean     new_step,
                           Lab         *lab)
{
  g_assert_true (ml_account_move_mark_price (lab->account, price, NULL, NULL));
  ml_chart_view_update (view);
}

/* The article's isolated long, 0.1 BTC at 60,000 and 20x in a 1,000 USDT lab: liquidated at
 * 57,228.9 (margin-model.md). */
static MlAccount *
test_chart_view_account (void)
{
  MlAccount *account = ml_account_new (NULL, 1000, 60000);

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  return account;
}

static void
test_chart_view_open (Lab *lab)
{
  lab->account = test_chart_view_account ();
  lab->view = ML_CHART_VIEW (ml_chart_view_new ());
  lab->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (lab->window, 800, 500);
  gtk_window_set_child (lab->window, GTK_WIDGET (lab->view));
  ml_chart_view_set_account (lab->view, lab->account);
  g_signal_connect (lab->view, "move-mark", G_CALLBACK (test_chart_view_move_mark), lab);
  gtk_window_present (lab->window);
  while (gtk_widget_get_width (GTK_WIDGET (lab->view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  ml_test_flush ();
}

static void
test_chart_view_close (Lab *lab)
{
  gtk_window_destroy (lab->window);
  g_clear_object (&lab->account);
  ml_test_flush ();
}

static MlChart *
test_chart_view_chart (Lab *lab)
{
  return ml_chart_view_get_chart (lab->view);
}

/* The description is what the chart says now, and differs from @before. Returns it. */
static char *
test_chart_view_assert_described (Lab        *lab,
                                  const char *before)
{
  char *now = ml_chart_describe (test_chart_view_chart (lab));

  g_test_message ("%s", now);
  gtk_test_accessible_assert_property (lab->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, now);
  if (before != NULL)
    g_assert_cmpstr (now, !=, before);
  return now;
}

static void
test_description_follows (void)
{
  g_autoptr(MlAccount) other = ml_account_new (NULL, 2000, 60000);
  g_autofree char *first = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *zoomed = NULL;
  g_autofree char *replaced = NULL;
  Lab lab;

  test_chart_view_open (&lab);
  first = test_chart_view_assert_described (&lab, NULL);
  g_assert_nonnull (strstr (first, "57228.9"));

  /* A mark move, by key. */
  g_assert_true (ml_test_press_key (lab.view, GDK_KEY_Right, 0));
  moved = test_chart_view_assert_described (&lab, first);
  g_assert_null (strstr (moved, "At the mark price of 60000.0"));

  /* A zoom: the description says which prices the chart shows. */
  g_assert_true (ml_test_press_key (lab.view, GDK_KEY_plus, 0));
  g_assert_true (ml_chart_view_get_zoomed (lab.view));
  zoomed = test_chart_view_assert_described (&lab, moved);

  /* Another account (Open, Undo). */
  ml_chart_view_set_account (lab.view, other);
  replaced = test_chart_view_assert_described (&lab, zoomed);
  g_assert_null (strstr (replaced, "57228.9"));
  g_assert_nonnull (strstr (replaced, "\u20682000.00\u00a0USDT\u2069"));
  test_chart_view_close (&lab);
}

static void
test_chart_view_assert_range (Lab    *lab,
                              double  lo,
                              double  hi)
{
  double now_lo, now_hi;

  ml_chart_get_range (test_chart_view_chart (lab), &now_lo, &now_hi);
  g_assert_cmpfloat (now_lo, ==, lo);
  g_assert_cmpfloat (now_hi, ==, hi);
}

/* The range holds still under the pointer while the mark is dragged, past the edge too, and
 * after the drag ends. */
static void
test_range_still_during_drag (void)
{
  Lab lab;
  GtkGesture *drag;
  MlChart *chart;
  double w, h, lo, hi, start_x;

  test_chart_view_open (&lab);
  chart = test_chart_view_chart (&lab);
  drag = ml_test_drag_gesture (GTK_WIDGET (lab.view));
  w = gtk_widget_get_width (GTK_WIDGET (lab.view));
  h = gtk_widget_get_height (GTK_WIDGET (lab.view));
  ml_chart_get_range (chart, &lo, &hi);
  start_x = ml_chart_x_for_price (chart, w, h, 60000);

  g_signal_emit_by_name (drag, "drag-begin", start_x, h / 2);
  for (int k = 1; k <= 4; k++)
    {
      g_signal_emit_by_name (drag, "drag-update", (ml_chart_x_for_price (chart, w, h, hi) - start_x) * k / 4, 0.0);
      ml_test_flush ();
      test_chart_view_assert_range (&lab, lo, hi);
    }
  /* Far past the right edge: the mark stops at it. */
  g_signal_emit_by_name (drag, "drag-update", w, 0.0);
  ml_test_flush ();
  test_chart_view_assert_range (&lab, lo, hi);
  ml_assert_close (ml_account_get_mark_price (lab.account), hi, 0.1 / hi);
  g_signal_emit_by_name (drag, "drag-end", w, 0.0);
  ml_test_flush ();
  test_chart_view_assert_range (&lab, lo, hi);
  test_chart_view_close (&lab);
}

/* 1, 2 or 5 times a power of ten. */
static gboolean
test_chart_view_is_round (double step)
{
  double magnitude = pow (10, floor (log10 (step) + 1e-9));
  double f = step / magnitude;

  return fabs (f - 1) < 1e-6 || fabs (f - 2) < 1e-6 || fabs (f - 5) < 1e-6;
}

static void
test_chart_view_assert_key_step (Lab    *lab,
                                 guint   keyval,
                                 double  sign,
                                 double  fraction)
{
  double lo, hi, before = ml_account_get_mark_price (lab->account), step;

  ml_chart_get_range (test_chart_view_chart (lab), &lo, &hi);
  g_assert_true (ml_test_press_key (lab->view, keyval, 0));
  step = (ml_account_get_mark_price (lab->account) - before) * sign;
  g_test_message ("range %.1f to %.1f, step %.1f", lo, hi, step);
  g_assert_true (test_chart_view_is_round (step));
  /* Near the fraction of the view: 1-2-5 steps are never more than 2.5 times off. */
  g_assert_cmpfloat (step, >, (hi - lo) * fraction / 2.5);
  g_assert_cmpfloat (step, <, (hi - lo) * fraction * 2.5);
}

static void
test_keys_step_round (void)
{
  Lab lab;
  double lo, hi;

  test_chart_view_open (&lab);
  test_chart_view_assert_key_step (&lab, GDK_KEY_Right, 1, 0.01);
  test_chart_view_assert_key_step (&lab, GDK_KEY_Left, -1, 0.01);
  test_chart_view_assert_key_step (&lab, GDK_KEY_Page_Up, 1, 0.1);
  test_chart_view_assert_key_step (&lab, GDK_KEY_Page_Down, -1, 0.1);
  ml_assert_close (ml_account_get_mark_price (lab.account), 60000, ML_EXACT);

  ml_chart_get_range (test_chart_view_chart (&lab), &lo, &hi);
  g_assert_true (ml_test_press_key (lab.view, GDK_KEY_Home, 0));
  ml_assert_close (ml_account_get_mark_price (lab.account), lo, 0.1 / lo);
  test_chart_view_close (&lab);
}

/* Reset (0) fits the range to the account again, as a new chart of it would. */
static void
test_reset_refits (void)
{
  g_autoptr(MlChart) fresh = NULL;
  double lo, hi;
  Lab lab;

  test_chart_view_open (&lab);
  g_assert_true (ml_test_press_key (lab.view, GDK_KEY_plus, 0));
  g_assert_true (ml_test_press_key (lab.view, GDK_KEY_0, 0));
  g_assert_false (ml_chart_view_get_zoomed (lab.view));
  fresh = ml_chart_new (lab.account);
  ml_chart_get_range (fresh, &lo, &hi);
  test_chart_view_assert_range (&lab, lo, hi);
  test_chart_view_close (&lab);
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/chart-view/description-follows", test_description_follows);
  g_test_add_func ("/chart-view/range-still-during-drag", test_range_still_during_drag);
  g_test_add_func ("/chart-view/keys-step-round", test_keys_step_round);
  g_test_add_func ("/chart-view/reset-refits", test_reset_refits);

  return g_test_run ();
}
