/* test-window.c — the lab window, driven as a learner would, under a display (xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected numbers come from margin-model.md's worked examples (an isolated long of
 * 0.1 BTC at 60,000 and 20x: initial margin 300, liquidation 57,228.9, bankruptcy 57,000) in
 * a fresh lab (1,000 USDT, fees off), formatted the way the tests' C.UTF-8 locale shows them.
 */

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ml-chart-view.h"
#include "ml-explain-button.h"
#include "ml-order-panel.h"
#include "ml-position-row.h"
#include "ml-test-util.h"
#include "ml-test-widget.h"
#include "ml-window.h"

static void
test_window_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gpointer
test_window_child (MlWindow   *window,
               const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), ML_TYPE_WINDOW, name);
}

/* The first position row on screen, wherever the window's list puts it. */
static MlPositionRow *
test_window_find_row (GtkWidget *widget)
{
  if (ML_IS_POSITION_ROW (widget) && gtk_widget_get_mapped (widget)
      && ml_position_row_get_position (ML_POSITION_ROW (widget)) != NULL)
    return ML_POSITION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      MlPositionRow *row = test_window_find_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gpointer
test_window_panel_child (MlWindow   *window,
              const char *name)
{
  return gtk_widget_get_template_child (test_window_child (window, "order_panel"), ML_TYPE_ORDER_PANEL, name);
}

/* What a preview value shows: a label, or the liquidation price that explains itself. */
static const char *
test_window_text (MlWindow   *window,
       const char *value)
{
  gpointer widget = test_window_panel_child (window, value);

  if (ML_IS_EXPLAIN_BUTTON (widget))
    return ml_explain_button_get_label (widget);
  return gtk_label_get_text (widget);
}

static void
test_window_type (MlWindow   *window,
       const char *editable,
       const char *text)
{
  gtk_editable_set_text (test_window_panel_child (window, editable), text);
  test_window_iterate ();
}

static MlWindow *
test_window_new_window (void)
{
  MlWindow *window = ml_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (test_window_child (window, "chart_view")) == 0)
    g_main_context_iteration (NULL, TRUE);
  test_window_iterate ();
  return window;
}

/* The worked example: long 0.1 BTC at the mark of 60,000, 20x, isolated. */
static MlWindow *
test_window_with_example_order (void)
{
  MlWindow *window = test_window_new_window ();

  gtk_toggle_button_set_active (test_window_panel_child (window, "isolated_button"), TRUE);
  test_window_type (window, "leverage_spin", "20");
  test_window_type (window, "size_entry", "0.1");
  return window;
}

static guint
test_window_n_positions (MlWindow *window)
{
  return g_list_model_get_n_items (ml_account_get_positions (ml_window_get_account (window)));
}

static void
test_preview_is_the_model (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *why = NULL;

  g_assert_cmpstr (test_window_text (window, "notional_value"), ==, "6000.00 USDT");
  g_assert_cmpstr (test_window_text (window, "margin_value"), ==, "300.00 USDT");
  g_assert_cmpstr (test_window_text (window, "liquidation_value"), ==, "57228.9");
  g_assert_cmpstr (test_window_text (window, "bankruptcy_value"), ==, "57000.0");
  /* (60,000 − 57,228.9156626506) / 60,000 */
  g_assert_cmpstr (test_window_text (window, "distance_value"), ==, "4.62 % below the mark");
  g_assert_cmpstr (test_window_text (window, "loss_value"), ==, "at most 300.00 USDT, its isolated margin");
  g_assert_cmpstr (test_window_text (window, "size_hint"), ==, "1000 contracts: 0.1000 BTC, 6000.00 USDT of notional");
  g_assert_true (ml_order_panel_get_valid (test_window_child (window, "order_panel")));

  /* Its liquidation price explains itself: the isolated long's formula, its bracket. */
  why = ml_explain_button_explain (test_window_panel_child (window, "liquidation_value"));
  g_assert_nonnull (strstr (why, "LP = (Q·E − W − cum) / (Q·(1 − MMR))"));
  g_assert_nonnull (strstr (why, "57228.9"));
  g_assert_nonnull (strstr (why, "Bracket 1"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_toggle_changes_preview (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *isolated_lp = g_strdup (test_window_text (window, "liquidation_value"));

  gtk_toggle_button_set_active (test_window_panel_child (window, "cross_button"), TRUE);
  test_window_iterate ();
  /* The whole wallet stands behind a cross position. */
  g_assert_cmpstr (test_window_text (window, "loss_value"), ==, "up to the whole cross balance, 1000.00 USDT");
  g_assert_cmpstr (test_window_text (window, "liquidation_value"), !=, isolated_lp);
  g_assert_cmpstr (test_window_text (window, "margin_value"), ==, "300.00 USDT");

  /* Leverage moves the preview too: 10x doubles the initial margin. */
  gtk_toggle_button_set_active (test_window_panel_child (window, "isolated_button"), TRUE);
  test_window_type (window, "leverage_spin", "10");
  g_assert_cmpstr (test_window_text (window, "margin_value"), ==, "600.00 USDT");
  g_assert_cmpstr (test_window_text (window, "loss_value"), ==, "at most 600.00 USDT, its isolated margin");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_order_adds_row_and_line (void)
{
  MlWindow *window = test_window_with_example_order ();
  MlChartView *view = test_window_child (window, "chart_view");
  g_autofree char *before = ml_chart_describe (ml_chart_view_get_chart (view));
  g_autofree char *after = NULL;
  MlPosition *position;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL));
  test_window_iterate ();

  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  g_assert_nonnull (test_window_find_row (GTK_WIDGET (window)));
  position = g_list_model_get_item (ml_account_get_positions (ml_window_get_account (window)), 0);
  ml_assert_close (ml_position_get_liquidation_price (position), 57228.9156626506, ML_EXACT);
  g_object_unref (position);

  /* The chart now has the position's line, and says so in words. */
  after = ml_chart_describe (ml_chart_view_get_chart (view));
  g_assert_null (strstr (before, "57228.9"));
  g_assert_nonnull (strstr (after, "57228.9"));
  g_assert_true (ml_chart_view_get_account (view) == ml_window_get_account (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkGesture *
test_window_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

static void
test_drag_moves_mark (void)
{
  MlWindow *window = test_window_new_window ();
  MlChartView *view = test_window_child (window, "chart_view");
  GtkWidget *widget = GTK_WIDGET (view);
  MlChart *chart = ml_chart_view_get_chart (view);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double lo, hi, start_x, end_x, target;
  GtkGesture *drag = test_window_drag_gesture (widget);

  ml_chart_get_range (chart, &lo, &hi);
  start_x = ml_chart_x_for_price (chart, w, h, 60000);
  target = lo + (hi - lo) * 0.25;
  end_x = ml_chart_x_for_price (chart, w, h, target);

  g_signal_emit_by_name (drag, "drag-begin", start_x, h / 2);
  g_signal_emit_by_name (drag, "drag-update", (end_x - start_x) / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", end_x - start_x, 0.0);
  g_signal_emit_by_name (drag, "drag-end", end_x - start_x, 0.0);
  test_window_iterate ();

  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), target, 0.1 / target);

  /* One drag, one step to undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 60000, ML_EXACT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_undo_redo (void)
{
  MlWindow *window = test_window_with_example_order ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  test_window_iterate ();
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  ml_assert_close (ml_account_get_cross_wallet_balance (ml_window_get_account (window)), 700, ML_EXACT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_window_iterate ();
  g_assert_cmpuint (test_window_n_positions (window), ==, 0);
  ml_assert_close (ml_account_get_cross_wallet_balance (ml_window_get_account (window)), 1000, ML_EXACT);
  g_assert_null (test_window_find_row (GTK_WIDGET (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  test_window_iterate ();
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Bad input: the control gets the error style and a sentence, the order cannot be placed,
 * and the model does not change. */
static void
test_window_assert_refused (MlWindow   *window,
                 const char *control,
                 const char *error_label,
                 const char *phrase)
{
  GtkLabel *label = test_window_panel_child (window, error_label);

  g_test_message ("%s: %s", control, gtk_label_get_text (label));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), phrase));
  g_assert_true (gtk_widget_has_css_class (test_window_panel_child (window, control), "error"));
  g_assert_false (ml_order_panel_get_valid (test_window_child (window, "order_panel")));
  g_assert_false (gtk_widget_get_sensitive (test_window_panel_child (window, "open_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  g_assert_cmpuint (test_window_n_positions (window), ==, 0);
  g_assert_cmpstr (test_window_text (window, "liquidation_value"), ==, "—");
}

static void
test_bad_inputs (void)
{
  MlWindow *window = test_window_with_example_order ();
  const struct { const char *control, *text, *error_label, *phrase; } cases[] = {
    { "size_entry", "", "size_error", "Type a size" },
    { "size_entry", "abc", "size_error", "is not a number" },
    { "size_entry", "0", "size_error", "more than 0" },
    { "size_entry", "-1", "size_error", "more than 0" },
    { "size_entry", "0.00015", "size_error", "whole contracts" },
    { "size_entry", "1e5", "size_error", "is not a number" },
    { "size_entry", "99999999", "size_error", "risk brackets end" },
    { "leverage_spin", "0", "leverage_error", "from 1× to 125×" },
    { "leverage_spin", "126", "leverage_error", "from 1× to 125×" },
    { "leverage_spin", "2.5", "leverage_error", "whole number" },
    { "price_entry", "abc", "price_error", "is not a price" },
    { "price_entry", "0", "price_error", "at least" },
    { "price_entry", "-5", "price_error", "at least" },
    { "price_entry", "100000000.1", "price_error", "at most" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      test_window_type (window, cases[i].control, cases[i].text);
      test_window_assert_refused (window, cases[i].control, cases[i].error_label, cases[i].phrase);
      /* Back to the good order, which is placeable again. */
      test_window_type (window, cases[i].control, g_str_equal (cases[i].control, "leverage_spin") ? "20"
                                       : g_str_equal (cases[i].control, "size_entry") ? "0.1" : "");
      g_assert_true (ml_order_panel_get_valid (test_window_child (window, "order_panel")));
      g_assert_false (gtk_widget_has_css_class (test_window_panel_child (window, cases[i].control), "error"));
    }

  /* Above the bracket: 10 BTC at 60,000 is 600,000 of notional, where 100x is the most. */
  test_window_type (window, "size_entry", "10");
  test_window_type (window, "leverage_spin", "125");
  test_window_assert_refused (window, "leverage_spin", "leverage_error", "at most 100×");
  g_assert_cmpfloat (gtk_adjustment_get_upper (test_window_panel_child (window, "scale_adjustment")), ==, 100);

  /* More than the balance: 1 BTC at 10x needs 6,000 of margin; the wallet has 1,000. */
  test_window_type (window, "size_entry", "1");
  test_window_type (window, "leverage_spin", "10");
  test_window_assert_refused (window, "open_button", "order_error", "available");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The article's example: 100 USDT of isolated margin. At 30x and 60,000 it buys 0.05 BTC. */
static void
test_size_as_usdt_margin (void)
{
  MlWindow *window = test_window_new_window ();

  gtk_toggle_button_set_active (test_window_panel_child (window, "isolated_button"), TRUE);
  gtk_drop_down_set_selected (test_window_panel_child (window, "unit_dropdown"), 1);
  test_window_type (window, "leverage_spin", "30");
  test_window_type (window, "size_entry", "100");
  g_assert_cmpstr (test_window_text (window, "size_hint"), ==, "500 contracts: 0.0500 BTC, 3000.00 USDT of notional");
  g_assert_cmpstr (test_window_text (window, "margin_value"), ==, "100.00 USDT");
  g_assert_cmpstr (test_window_text (window, "loss_value"), ==, "at most 100.00 USDT, its isolated margin");

  /* 1 USDT at 1x buys nothing: one contract costs 6.00 of margin. */
  test_window_type (window, "leverage_spin", "1");
  test_window_type (window, "size_entry", "1");
  test_window_assert_refused (window, "size_entry", "size_error", "one costs 6.00 USDT");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A widget of a row by its id in the row's .ui files, the margin popover's once it has opened. */
static gpointer
test_window_row_child (gpointer    widget,
            const char *name)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (widget) : NULL;

  if (g_strcmp0 (id, name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = test_window_row_child (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_remove_too_much_margin (void)
{
  MlWindow *window = test_window_with_example_order ();
  MlPositionRow *row;
  GtkWidget *remove_button, *add_button;
  GtkLabel *amount_error;
  const char *id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  test_window_iterate ();
  row = test_window_find_row (GTK_WIDGET (window));
  g_assert_nonnull (row);
  ml_test_click (gtk_widget_get_first_child (test_window_row_child (row, "margin_button")));

  gtk_editable_set_text (test_window_row_child (row, "amount_entry"), "250");
  remove_button = test_window_row_child (row, "remove_button");
  add_button = test_window_row_child (row, "add_button");
  amount_error = test_window_row_child (row, "amount_error");
  /* 250 can be added (697 is free) but not removed from a 300 margin. */
  g_assert_false (gtk_widget_get_sensitive (remove_button));
  g_assert_true (gtk_widget_get_sensitive (add_button));

  gtk_editable_set_text (test_window_row_child (row, "amount_entry"), "5000");
  g_assert_false (gtk_widget_get_sensitive (remove_button));
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (amount_error)));

  /* Even asked directly, the window refuses, and nothing changes. */
  id = ml_position_get_id (ml_position_row_get_position (row));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-margin", "(sd)", id, 250.0);
  ml_assert_close (ml_position_get_margin (ml_account_find_position (ml_window_get_account (window), id)), 300, ML_EXACT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-margin", "(sd)", id, 100.0);
  ml_assert_close (ml_position_get_margin (ml_account_find_position (ml_window_get_account (window), id)), 400, ML_EXACT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_mark_entry (void)
{
  MlWindow *window = test_window_new_window ();
  GtkEntry *entry = test_window_child (window, "mark_entry");
  GtkLabel *error = test_window_child (window, "mark_error");

  gtk_editable_set_text (GTK_EDITABLE (entry), "lots");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 60000, ML_EXACT);

  gtk_editable_set_text (GTK_EDITABLE (entry), "58000.04");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 58000, ML_EXACT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sliding the mark to the slider's end does not move the end away from the pointer, and the
 * whole slide is one step to undo. */
static void
test_mark_slider (void)
{
  MlWindow *window = test_window_new_window ();
  GtkScale *scale = test_window_child (window, "mark_scale");
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (scale));
  double upper = gtk_adjustment_get_upper (adjustment);
  gboolean handled;

  g_signal_emit_by_name (scale, "change-value", GTK_SCROLL_JUMP, (60000 + upper) / 2, &handled);
  g_signal_emit_by_name (scale, "change-value", GTK_SCROLL_JUMP, upper, &handled);
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), upper, 0.1 / upper);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, upper);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 60000, ML_EXACT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
test_window_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_open_broken_keeps_lab (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *path = ml_test_data ("bad/syntax-trailing-comma.mlscenario");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) none = ml_scenario_new_from_file (path, &error);
  MlAccount *before;
  AdwMessageDialog *dialog;

  g_assert_null (none);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  before = ml_window_get_account (window);

  g_assert_false (ml_window_open_file (window, file));
  test_window_iterate ();
  g_assert_true (ml_window_get_account (window) == before);
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);

  /* The dialog gives the command line's own one-line reason. */
  dialog = test_window_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_and_open (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lab.mlscenario", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MlWindow *other;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  g_assert_true (ml_window_save_file (window, file));

  other = test_window_new_window ();
  g_assert_true (ml_window_open_file (other, file));
  g_assert_cmpuint (test_window_n_positions (other), ==, 1);
  ml_assert_close (ml_account_get_cross_wallet_balance (ml_window_get_account (other)), 700, ML_EXACT);
  /* Opening starts a new history. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (other), "win.undo", NULL)
                  && test_window_n_positions (other) == 0);

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The article's isolated long (liquidation 58,232.9) stepped along its path: 59,500, 59,000,
 * 58,500, then 58,000, where it is liquidated. */
static void
test_path_steps_and_liquidates (void)
{
  MlWindow *window = test_window_new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "article-long-isolated.mlscenario", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MlPositionRow *row;
  MlPosition *position;

  g_assert_true (ml_window_open_file (window, file));
  position = ml_account_find_position (ml_window_get_account (window), "a");
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL));
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 58500, ML_EXACT);
  g_assert_false (ml_position_get_liquidated (position));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  test_window_iterate ();
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 58000, ML_EXACT);
  g_assert_true (ml_position_get_liquidated (position));
  row = test_window_find_row (GTK_WIDGET (window));
  g_assert_nonnull (strstr (gtk_label_get_text (test_window_row_child (row, "title_label")), "liquidated"));

  /* Each step is one undo step, the liquidation with it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  position = ml_account_find_position (ml_window_get_account (window), "a");
  ml_assert_close (ml_account_get_mark_price (ml_window_get_account (window)), 58500, ML_EXACT);
  g_assert_false (ml_position_get_liquidated (position));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The numbers in the account bar explain themselves with the account's own figures. */
static void
test_explain_buttons (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *ratio = NULL;
  g_autofree char *pool = NULL;

  gtk_toggle_button_set_active (test_window_panel_child (window, "cross_button"), TRUE);
  test_window_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  ratio = ml_explain_button_explain (test_window_child (window, "ratio_button"));
  pool = ml_explain_button_explain (test_window_child (window, "pool_button"));
  /* 0.1 BTC at 60,000 in the bracket of 0.40 %: 24.00 USDT of maintenance on a 1,000 pool. */
  g_assert_nonnull (strstr (ratio, "24.00 USDT"));
  g_assert_nonnull (strstr (ratio, "2.40 %"));
  g_assert_nonnull (strstr (pool, "1000.00 USDT"));
  g_assert_cmpstr (ml_explain_button_get_label (test_window_child (window, "ratio_button")), ==, "2.40 %, safe");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_compare_modes (void)
{
  MlWindow *window = test_window_new_window ();
  MlChartView *view = test_window_child (window, "chart_view");
  gboolean before = ml_chart_view_get_compare (view);

  g_action_group_activate_action (G_ACTION_GROUP (window), "compare-modes", NULL);
  g_assert_true (ml_chart_view_get_compare (view) == !before);
  g_assert_true (ml_chart_get_compare (ml_chart_view_get_chart (view)) == !before);
  g_action_group_activate_action (G_ACTION_GROUP (window), "compare-modes", NULL);
  g_assert_true (ml_chart_view_get_compare (view) == before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every control a learner can reach has a name a screen reader can say. */
static gboolean
test_window_is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget)
         || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SCALE (widget) || GTK_IS_DROP_DOWN (widget)
         || ML_IS_CHART_VIEW (widget);
}

static gboolean
test_window_has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  /* Entries are named by the label above them; GTK 4.8 reports a labelled-by relation on
   * every button, so for buttons only their own label or an explicit name counts. */
  if ((GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget))
      && gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    return TRUE;
  return FALSE;
}

static guint
test_window_check_names (GtkWidget *widget,
              GString   *missing)
{
  guint n = 0;

  /* A menu button's inner toggle is its own business; the menu button carries the name. */
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return 0;
  if (test_window_is_control (widget))
    {
      n++;
      if (!test_window_has_name (widget))
        g_string_append_printf (missing, " %s(%s)", G_OBJECT_TYPE_NAME (widget),
                                gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) ?: "?");
      /* A control's own parts (a spin button's text, a drop-down's button) are its business. */
      if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
        return n;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += test_window_check_names (child, missing);
  return n;
}

static void
test_accessible_names (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-order", NULL);
  test_window_iterate ();
  n = test_window_check_names (GTK_WIDGET (window), missing);
  g_test_message ("%u controls checked", n);
  g_assert_cmpuint (n, >=, 25);
  g_assert_cmpstr (missing->str, ==, "");

  gtk_test_accessible_assert_role (test_window_child (window, "chart_view"), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (test_window_child (window, "chart_view"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Collateral chart");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Plain `meson test` has no display; build-aux/test.sh runs these under Xvfb. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run with meson test --setup display\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() picks en_US.UTF-8 where the machine has it; the expected texts are in the
   * C.UTF-8 locale that every machine has. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/window/preview-is-the-model", test_preview_is_the_model);
  g_test_add_func ("/window/toggle-changes-preview", test_toggle_changes_preview);
  g_test_add_func ("/window/order-adds-row-and-line", test_order_adds_row_and_line);
  g_test_add_func ("/window/drag-moves-mark", test_drag_moves_mark);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/bad-inputs", test_bad_inputs);
  g_test_add_func ("/window/size-as-usdt-margin", test_size_as_usdt_margin);
  g_test_add_func ("/window/remove-too-much-margin", test_remove_too_much_margin);
  g_test_add_func ("/window/mark-entry", test_mark_entry);
  g_test_add_func ("/window/mark-slider", test_mark_slider);
  g_test_add_func ("/window/open-broken-keeps-lab", test_open_broken_keeps_lab);
  g_test_add_func ("/window/save-and-open", test_save_and_open);
  g_test_add_func ("/window/path-steps-and-liquidates", test_path_steps_and_liquidates);
  g_test_add_func ("/window/explain-buttons", test_explain_buttons);
  g_test_add_func ("/window/compare-modes", test_compare_modes);
  g_test_add_func ("/window/accessible-names", test_accessible_names);
  return g_test_run ();
}
