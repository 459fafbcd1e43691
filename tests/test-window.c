/* test-window.c — the lab window, driven as a learner would, under a display (xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test clicks, types, presses keys and drags (tests/ml-test-widget.h), then reads what
 * the window shows. The expected numbers come from margin-model.md's worked examples (an
 * isolated long of 0.1 BTC at 60,000 and 20x: initial margin 300, liquidation 57,228.9,
 * bankruptcy 57,000) in a fresh lab (1,000 USDT, fees off), formatted the way the tests'
 * C.UTF-8 locale shows them. What the order panel shows is tested in test-order-panel.c.
 */

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "ml-application.h"
#include "ml-chart-view.h"
#include "ml-explain-button.h"
#include "ml-order-panel.h"
#include "ml-position-row.h"
#include "ml-screenshot.h"
#include "ml-test-util.h"
#include "ml-test-window.h"

static MlAccount *
test_window_account (MlWindow *window)
{
  return ml_lab_get_account (ml_window_get_lab (window));
}

static double
test_window_mark (MlWindow *window)
{
  return ml_account_get_mark_price (test_window_account (window));
}

static guint
test_window_n_positions (MlWindow *window)
{
  return g_list_model_get_n_items (ml_account_get_positions (test_window_account (window)));
}

/* A first start opens the first lesson; these tests are about the bare lab. */
static MlWindow *
test_window_new_lab (void)
{
  MlWindow *window = ml_test_window_new ();

  ml_test_window_free_practice (window);
  return window;
}

/* The learner has no unsaved work to keep: the window closes without asking. */
static void
test_window_discard (MlWindow *window)
{
  ml_lab_reset (ml_window_get_lab (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The worked example typed in: long 0.1 BTC at the mark of 60,000, 20x. Isolated is clicked
 * last, as a learner who sets the numbers first does: the click alone must decide the mode. */
static MlWindow *
test_window_with_example_order (void)
{
  MlWindow *window = test_window_new_lab ();

  ml_test_type (ml_test_window_panel_child (window, "leverage_spin"), "20");
  ml_test_type (ml_test_window_panel_child (window, "size_entry"), "0.1");
  ml_test_click (ml_test_window_panel_child (window, "isolated_button"));
  return window;
}

static void
test_window_open_scenario (MlWindow   *window,
                           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  ml_window_open_file (window, file);
  ml_test_flush ();
}

/* The defect the issue opened with: Isolated clicked last, then Open, placed a cross position. */
static void
test_isolated_click_places_isolated (void)
{
  MlWindow *window = test_window_with_example_order ();
  MlPosition *position;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  position = g_list_model_get_item (ml_account_get_positions (test_window_account (window)), 0);
  g_assert_cmpint (ml_position_get_mode (position), ==, ML_MARGIN_MODE_ISOLATED);
  ml_assert_close (ml_position_get_margin (position), 300, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (position), 57228.9156626506, ML_EXACT);
  g_object_unref (position);

  /* Cross clicked from the keyboard, then Open: a cross position. */
  ml_test_activate (ml_test_window_panel_child (window, "cross_button"));
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  position = g_list_model_get_item (ml_account_get_positions (test_window_account (window)), 1);
  g_assert_cmpint (ml_position_get_mode (position), ==, ML_MARGIN_MODE_CROSS);
  g_object_unref (position);
  test_window_discard (window);
}

static void
test_order_adds_row_and_line (void)
{
  MlWindow *window = test_window_with_example_order ();
  MlChartView *view = ml_test_window_child (window, "chart_view");
  g_autofree char *before = ml_chart_describe (ml_chart_view_get_chart (view));
  g_autofree char *after = NULL;
  g_autofree char *rows = NULL;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));

  /* The row says what was opened, with its liquidation price. */
  rows = ml_test_shown_text (ml_test_window_child (window, "position_list"));
  g_test_message ("%s", rows);
  g_assert_nonnull (strstr (rows, "57228.9"));
  g_assert_nonnull (strstr (rows, "Isolated \u206820×\u2069"));

  /* The chart has the position's line, and says so in words. */
  after = ml_chart_describe (ml_chart_view_get_chart (view));
  g_assert_null (strstr (before, "57228.9"));
  g_assert_nonnull (strstr (after, "57228.9"));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);
  test_window_discard (window);
}

static const char *
test_window_mark_text (MlWindow *window)
{
  return gtk_editable_get_text (ml_test_window_child (window, "mark_entry"));
}

/* A drag on the chart moves the mark; the entry shows where it went, the chart's range stays
 * as it was, and the Undo button takes the whole drag back at once. */
static void
test_drag_moves_mark (void)
{
  MlWindow *window = test_window_new_lab ();
  MlChartView *view = ml_test_window_child (window, "chart_view");
  GtkWidget *widget = GTK_WIDGET (view);
  MlChart *chart = ml_chart_view_get_chart (view);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double lo, hi, lo_after, hi_after, start_x, end_x, target;
  GtkGesture *drag = ml_test_drag_gesture (widget);
  g_autofree char *shown = NULL;

  ml_chart_get_range (chart, &lo, &hi);
  start_x = ml_chart_x_for_price (chart, w, h, 60000);
  target = lo + (hi - lo) * 0.25;
  end_x = ml_chart_x_for_price (chart, w, h, target);

  g_signal_emit_by_name (drag, "drag-begin", start_x, h / 2);
  g_signal_emit_by_name (drag, "drag-update", (end_x - start_x) / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", end_x - start_x, 0.0);
  g_signal_emit_by_name (drag, "drag-end", end_x - start_x, 0.0);
  ml_test_flush ();

  ml_assert_close (test_window_mark (window), target, 0.1 / target);
  shown = ml_money_format_price (test_window_mark (window));
  g_assert_cmpstr (test_window_mark_text (window), ==, shown);
  ml_chart_get_range (chart, &lo_after, &hi_after);
  g_assert_cmpfloat (lo_after, ==, lo);
  g_assert_cmpfloat (hi_after, ==, hi);

  ml_test_window_click_action (window, "win.undo");
  ml_assert_close (test_window_mark (window), 60000, ML_EXACT);
  g_assert_cmpstr (test_window_mark_text (window), ==, "60000.0");
  g_assert_false (gtk_widget_get_sensitive (ml_test_find_action (GTK_WIDGET (window), "win.undo")));
  test_window_discard (window);
}

static graphene_rect_t
test_window_bounds (MlWindow *window,
                    gpointer  widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* Right to left, as in Arabic: GTK mirrors the window, and the parts that are ours follow. The
 * order panel reads from the right (Long, then Short; the leverage after its Cross | Isolated
 * toggle), the chart's text runs right to left over a plot that is not mirrored, the mark
 * slider still runs the way the chart's price axis does, and Alt+Right goes back a lesson step,
 * the way its arrow points. */
static void
test_right_to_left (void)
{
  g_autoptr(MlApplication) app = ml_application_new ();
  g_auto(GStrv) back = NULL;
  g_auto(GStrv) next = NULL;
  MlWindow *window;
  MlChartView *view;
  GtkWidget *scale;
  graphene_rect_t long_bounds, short_bounds, cross, isolated, spin;
  double w, h;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  back = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "lesson.back");
  next = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "lesson.next");
  g_assert_cmpstr (back[0], ==, "<Alt>Right");
  g_assert_cmpstr (next[0], ==, "<Alt>Left");

  window = test_window_new_lab ();
  view = ml_test_window_child (window, "chart_view");
  scale = ml_test_window_child (window, "mark_scale");

  long_bounds = test_window_bounds (window, ml_test_window_panel_child (window, "long_button"));
  short_bounds = test_window_bounds (window, ml_test_window_panel_child (window, "short_button"));
  /* Linked buttons share their border: each starts where the other's middle is past. */
  g_assert_cmpfloat (long_bounds.origin.x, >, short_bounds.origin.x + short_bounds.size.width / 2);
  cross = test_window_bounds (window, ml_test_window_panel_child (window, "cross_button"));
  isolated = test_window_bounds (window, ml_test_window_panel_child (window, "isolated_button"));
  spin = test_window_bounds (window, ml_test_window_panel_child (window, "leverage_spin"));
  g_assert_cmpfloat (cross.origin.x, >, isolated.origin.x + isolated.size.width / 2);
  g_assert_cmpfloat (isolated.origin.x, >=, spin.origin.x + spin.size.width);
  g_assert_cmpfloat (fabs (spin.origin.y - isolated.origin.y), <, isolated.size.height);

  g_assert_cmpint (ml_chart_get_direction (ml_chart_view_get_chart (view)), ==, PANGO_DIRECTION_RTL);
  w = gtk_widget_get_width (GTK_WIDGET (view));
  h = gtk_widget_get_height (GTK_WIDGET (view));
  g_assert_cmpfloat (ml_chart_x_for_price (ml_chart_view_get_chart (view), w, h, 61000), >,
                     ml_chart_x_for_price (ml_chart_view_get_chart (view), w, h, 59000));

  /* The Right arrow on the slider raises the mark, as a drag to the right on the chart does. */
  g_assert_cmpint (gtk_widget_get_direction (scale), ==, GTK_TEXT_DIR_LTR);
  gtk_widget_grab_focus (scale);
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_STEP_RIGHT);
  ml_test_flush ();
  g_assert_cmpfloat (test_window_mark (window), >, 60000);

  /* And the order placed from the mirrored panel is the one clicked. */
  ml_test_type (ml_test_window_panel_child (window, "size_entry"), "0.1");
  ml_test_click (ml_test_window_panel_child (window, "short_button"));
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  test_window_discard (window);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
test_undo_redo (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *rows = NULL;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  ml_assert_close (ml_account_get_cross_wallet_balance (test_window_account (window)), 700, ML_EXACT);

  ml_test_window_click_action (window, "win.undo");
  g_assert_cmpuint (test_window_n_positions (window), ==, 0);
  ml_assert_close (ml_account_get_cross_wallet_balance (test_window_account (window)), 1000, ML_EXACT);
  rows = ml_test_shown_text (ml_test_window_child (window, "position_list"));
  g_assert_nonnull (strstr (rows, "No open positions"));

  ml_test_window_click_action (window, "win.redo");
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (ml_test_find_action (GTK_WIDGET (window), "win.redo")));
  test_window_discard (window);
}

/* The mark entry: a bad price is refused where it was typed; a good one moves the mark; and
 * whatever moves the mark afterwards (a step, Undo), the entry shows it. */
static void
test_mark_entry (void)
{
  MlWindow *window = test_window_new_lab ();
  GtkEntry *entry = ml_test_window_child (window, "mark_entry");
  GtkLabel *error = ml_test_window_child (window, "mark_error");

  ml_test_type (entry, "lots");
  ml_test_press_enter (entry);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  ml_assert_close (test_window_mark (window), 60000, ML_EXACT);

  ml_test_type (entry, "58000.04");
  ml_test_press_enter (entry);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  ml_assert_close (test_window_mark (window), 58000, ML_EXACT);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "58000.0");

  /* The entry still has the focus; Undo by its button puts 60,000 back in it. */
  ml_test_window_click_action (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "60000.0");
  ml_test_window_click_action (window, "win.redo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "58000.0");
  test_window_discard (window);
}

/* Sliding the mark to the slider's end does not move the end away from the pointer, and the
 * whole slide is one step to undo. */
static void
test_mark_slider (void)
{
  MlWindow *window = test_window_new_lab ();
  GtkScale *scale = ml_test_window_child (window, "mark_scale");
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (scale));
  double upper = gtk_adjustment_get_upper (adjustment);
  gboolean handled;

  /* What GTK emits as the learner drags the slider's knob. */
  g_signal_emit_by_name (scale, "change-value", GTK_SCROLL_JUMP, (60000 + upper) / 2, &handled);
  g_signal_emit_by_name (scale, "change-value", GTK_SCROLL_JUMP, upper, &handled);
  ml_assert_close (test_window_mark (window), upper, 0.1 / upper);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, upper);

  /* The slider runs left to right like the chart's price axis, in every language. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (scale)), ==, GTK_TEXT_DIR_LTR);

  ml_test_window_click_action (window, "win.undo");
  ml_assert_close (test_window_mark (window), 60000, ML_EXACT);
  test_window_discard (window);
}

/* The arrow keys on the slider step the mark by a round amount: 1, 2 or 5 times a power of ten. */
static void
test_mark_slider_keys (void)
{
  MlWindow *window = test_window_new_lab ();
  GtkScale *scale = ml_test_window_child (window, "mark_scale");
  double step = gtk_adjustment_get_step_increment (gtk_range_get_adjustment (GTK_RANGE (scale)));
  double mantissa = step / pow (10, floor (log10 (step)));

  g_test_message ("slider step %g", step);
  g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
  gtk_widget_grab_focus (GTK_WIDGET (scale));
  /* What the Right arrow key sends a focused scale. */
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_STEP_RIGHT);
  ml_test_flush ();
  ml_assert_close (test_window_mark (window), 60000 + step, ML_EXACT);
  test_window_discard (window);
}

static void
test_open_broken_keeps_lab (void)
{
  MlWindow *window = test_window_new_lab ();
  g_autofree char *path = ml_test_data ("bad/syntax-trailing-comma.mlscenario");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MlAccount *before = test_window_account (window);
  AdwMessageDialog *dialog;

  ml_window_open_file (window, file);
  ml_test_flush ();
  g_assert_true (test_window_account (window) == before);

  /* The dialog names the file, not its folders, and says where in it the problem is. */
  dialog = ml_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s / %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "syntax-trailing-comma.mlscenario"));
  g_assert_null (strstr (adw_message_dialog_get_heading (dialog), "/"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Line "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ", column "));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_window_discard (window);
}

static void
test_save_and_open (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lab.mlscenario", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwWindowTitle *title = ml_test_window_child (window, "window_title");
  MlWindow *other;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  /* Unsaved changes are marked in the subtitle until saved. */
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "• Free practice");
  g_assert_true (ml_lab_save_file (ml_window_get_lab (window), file, NULL));
  ml_test_flush ();
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "lab.mlscenario");

  other = test_window_new_lab ();
  ml_window_open_file (other, file);
  ml_test_flush ();
  g_assert_cmpuint (test_window_n_positions (other), ==, 1);
  ml_assert_close (ml_account_get_cross_wallet_balance (test_window_account (other)), 700, ML_EXACT);
  /* Opening starts a new history. */
  g_assert_false (gtk_widget_get_sensitive (ml_test_find_action (GTK_WIDGET (other), "win.undo")));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing with unsaved changes asks: Cancel keeps the window, Discard closes it. */
static void
test_close_asks_first (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autoptr(GtkWidget) alive = g_object_ref (GTK_WIDGET (window));
  AdwMessageDialog *dialog;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  gtk_window_close (GTK_WINDOW (window));
  ml_test_flush ();
  dialog = ml_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  ml_test_answer_dialog (dialog, "_Cancel");
  ml_test_flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);

  /* A title's own direction marks cannot reorder the sentence it is named in. */
  {
    g_autoptr(MlScenario) titled = ml_scenario_new_from_data ("{\"margin-lab-scenario\": 1, \"title\": \"abc\\u202edef\","
                                                              " \"wallet_balance\": 1000, \"mark_price\": 60000}", -1, "t.mlscenario", NULL);

    g_assert_nonnull (titled);
    ml_lab_set_scenario (ml_window_get_lab (window), titled, NULL);
    ml_test_click (ml_test_window_panel_child (window, "open_button"));
    gtk_window_close (GTK_WINDOW (window));
    ml_test_flush ();
    dialog = ml_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "“\u2068abc\u202edef\u2069” has unsaved changes."));
    ml_test_answer_dialog (dialog, "_Cancel");
    ml_test_flush ();
  }

  /* New asks too, and Discard then starts a fresh lab. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  ml_test_flush ();
  dialog = ml_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  ml_test_answer_dialog (dialog, "_Discard");
  ml_test_flush ();
  g_assert_cmpuint (test_window_n_positions (window), ==, 0);

  /* Nothing unsaved: it closes without a word. */
  gtk_window_close (GTK_WINDOW (window));
  ml_test_flush ();
  g_assert_null (ml_test_find_message_dialog ());
  g_assert_false (gtk_widget_get_visible (alive));
}

/* Save in the dialog writes the file, then the window closes. */
static void
test_close_saves (void)
{
  MlWindow *window = test_window_new_lab ();
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kept.mlscenario", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkWidget) alive = g_object_ref (GTK_WIDGET (window));
  g_autoptr(MlScenario) saved = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (ml_lab_save_file (ml_window_get_lab (window), file, NULL));
  ml_test_type (ml_test_window_child (window, "mark_entry"), "59000");
  ml_test_press_enter (ml_test_window_child (window, "mark_entry"));
  gtk_window_close (GTK_WINDOW (window));
  ml_test_flush ();
  dialog = ml_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  ml_test_answer_dialog (dialog, "_Save");
  ml_test_flush ();
  g_assert_false (gtk_widget_get_visible (alive));

  saved = ml_scenario_new_from_file (path, NULL);
  g_assert_nonnull (saved);
  ml_assert_close (ml_account_get_mark_price (ml_scenario_get_account (saved)), 59000, ML_EXACT);
  g_unlink (path);
  g_rmdir (dir);
}

/* The article's isolated long (liquidation 58,232.9) stepped along its path of six prices:
 * 59,500, 59,000, 58,500, then 58,000, where it is liquidated. */
static void
test_path_steps_and_liquidates (void)
{
  MlWindow *window = test_window_new_lab ();
  GtkLabel *step_label = ml_test_window_child (window, "path_label");
  MlPosition *position;

  test_window_open_scenario (window, "article-long-isolated.mlscenario");
  g_assert_cmpstr (ml_test_label (step_label), ==, "Step 0 of 6");
  position = ml_account_find_position (test_window_account (window), "a");
  for (guint i = 0; i < 3; i++)
    ml_test_window_click_action (window, "win.step");
  ml_assert_close (test_window_mark (window), 58500, ML_EXACT);
  g_assert_cmpstr (test_window_mark_text (window), ==, "58500.0");
  g_assert_cmpstr (ml_test_label (step_label), ==, "Step 3 of 6");
  g_assert_false (ml_position_get_liquidated (position));

  ml_test_window_click_action (window, "win.step");
  ml_assert_close (test_window_mark (window), 58000, ML_EXACT);
  g_assert_true (ml_position_get_liquidated (position));

  /* Each step is one undo step, the liquidation with it. */
  ml_test_window_click_action (window, "win.undo");
  position = ml_account_find_position (test_window_account (window), "a");
  ml_assert_close (test_window_mark (window), 58500, ML_EXACT);
  g_assert_cmpstr (ml_test_label (step_label), ==, "Step 3 of 6");
  g_assert_false (ml_position_get_liquidated (position));

  /* At the end, the next step goes back to the scenario's start. */
  for (guint i = 0; i < 3; i++)
    ml_test_window_click_action (window, "win.step");
  g_assert_cmpstr (ml_test_label (step_label), ==, "Step 6 of 6");
  ml_test_window_click_action (window, "win.step");
  g_assert_cmpstr (ml_test_label (step_label), ==, "Step 0 of 6");
  ml_assert_close (test_window_mark (window), 60000, ML_EXACT);
  g_assert_false (ml_position_get_liquidated (ml_account_find_position (test_window_account (window), "a")));
  test_window_discard (window);
}

static gboolean
test_window_quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Play runs the path to its end and stops there, at the chosen speed. */
static void
test_play_stops_at_end (void)
{
  MlWindow *window = test_window_new_lab ();
  GtkButton *play = ml_test_window_child (window, "play_button");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  test_window_open_scenario (window, "article-long-isolated.mlscenario");
  g_action_group_activate_action (G_ACTION_GROUP (window), "play-speed", g_variant_new_double (4));
  g_assert_cmpstr (gtk_menu_button_get_label (ml_test_window_child (window, "speed_button")), ==, "\u20684×\u2069");
  /* The button that takes the focus says what it is, not only "4×". */
  gtk_test_accessible_assert_property (gtk_widget_get_first_child (ml_test_window_child (window, "speed_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Playback speed: \u20684×\u2069");
  ml_test_click (play);
  gtk_test_accessible_assert_property (play, GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause the price path");

  /* Six steps at 150 ms each; the test waits twice as long. */
  g_timeout_add (1800, test_window_quit_loop, loop);
  g_main_loop_run (loop);
  g_assert_cmpstr (ml_test_label (ml_test_window_child (window, "path_label")), ==, "Step 6 of 6");
  ml_assert_close (test_window_mark (window), 56000, ML_EXACT);
  gtk_test_accessible_assert_property (play, GTK_ACCESSIBLE_PROPERTY_LABEL, "Play the price path");

  /* One run of Play is one step to undo. */
  ml_test_window_click_action (window, "win.undo");
  ml_assert_close (test_window_mark (window), 60000, ML_EXACT);
  test_window_discard (window);
}

/* A toast's title is markup in libadwaita 1.2: an id with markup characters is shown as it is. */
static void
test_toast_is_plain_text (void)
{
  static const char scenario[] =
    "{ \"margin-lab-scenario\": 1, \"wallet_balance\": 1000, \"mark_price\": 60000,"
    "  \"positions\": [ { \"id\": \"a & b <\", \"side\": \"long\", \"mode\": \"isolated\","
    "                   \"quantity\": 0.1, \"entry_price\": 60000, \"leverage\": 20 } ],"
    "  \"path\": [ 57000 ] }";
  MlWindow *window = test_window_new_lab ();
  g_autoptr(MlScenario) loaded = ml_scenario_new_from_data (scenario, -1, "toast", NULL);
  g_autofree char *shown = NULL;

  g_assert_nonnull (loaded);
  ml_lab_set_scenario (ml_window_get_lab (window), loaded, NULL);
  ml_test_flush ();
  ml_test_window_click_action (window, "win.step");
  /* The toast's label is made on the next frames. */
  ml_test_iterate ();
  shown = ml_test_shown_text (ml_test_window_child (window, "toast_overlay"));
  g_assert_nonnull (strstr (shown, "Position a & b < (\u20680.1000\u00a0BTC\u2069, isolated) was liquidated at 57228.9"));
  test_window_discard (window);
}

/* The numbers in the account bar explain themselves with the account's own figures. */
static void
test_explain_buttons (void)
{
  MlWindow *window = test_window_with_example_order ();
  g_autofree char *ratio = NULL;
  g_autofree char *pool = NULL;
  g_autofree char *equity = NULL;
  GtkWidget *menu, *popover, *scroller;
  const char *name = "Margin ratio: \u20682.40\u00a0%\u2069, safe";

  ml_test_click (ml_test_window_panel_child (window, "cross_button"));
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  ratio = ml_explain_button_explain (ml_test_window_child (window, "ratio_button"));
  pool = ml_explain_button_explain (ml_test_window_child (window, "pool_button"));
  /* 0.1 BTC at 60,000 in the bracket of 0.40 %: 24.00 USDT of maintenance on a 1,000 pool. */
  g_assert_nonnull (strstr (ratio, "\u206824.00\u00a0USDT\u2069"));
  g_assert_nonnull (strstr (ratio, "\u20682.40\u00a0%\u2069"));
  g_assert_nonnull (strstr (pool, "\u20681000.00\u00a0USDT\u2069"));
  /* Equity: the 1,000 wallet plus a PnL of 0 at the entry price. */
  equity = ml_explain_button_explain (ml_test_window_child (window, "equity_button"));
  g_assert_nonnull (strstr (equity, "1000.00"));
  g_assert_cmpstr (ml_explain_button_get_label (ml_test_window_child (window, "ratio_button")), ==, "\u20682.40\u00a0%\u2069, safe");

  /* A screen reader hears what the number is, its value, and that it opens an explanation. */
  menu = gtk_widget_get_first_child (ml_test_window_child (window, "ratio_button"));
  gtk_test_accessible_assert_property (menu, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  gtk_test_accessible_assert_property (menu, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Opens an explanation of this number");
  gtk_test_accessible_assert_property (menu, GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);
  g_assert_false (gtk_menu_button_get_always_show_arrow (GTK_MENU_BUTTON (menu)));

  /* Clicked, it shows the whole text in a popover that scrolls rather than outgrow the window. */
  ml_test_click (gtk_widget_get_first_child (menu));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  g_assert_true (gtk_widget_get_visible (popover));
  scroller = gtk_popover_get_child (GTK_POPOVER (popover));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  g_assert_cmpint (gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scroller)), >, 0);
  g_assert_cmpint (gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scroller)), <=, gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)))))),
                            "Margin ratio: \u20682.40\u00a0%\u2069"));
  /* The explanation has the focus, so that a screen reader reads it as it opens. */
  g_assert_true (gtk_widget_has_focus (gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))));
  gtk_popover_popdown (GTK_POPOVER (popover));
  test_window_discard (window);
}

static void
test_compare_modes (void)
{
  MlWindow *window = test_window_new_lab ();
  MlChartView *view = ml_test_window_child (window, "chart_view");
  GtkWidget *button = ml_test_find_action (GTK_WIDGET (window), "win.compare-modes");
  gboolean before = ml_chart_view_get_compare (view);

  ml_test_click (button);
  g_assert_true (ml_chart_view_get_compare (view) == !before);
  g_assert_true (ml_chart_get_compare (ml_chart_view_get_chart (view)) == !before);
  ml_test_click (button);
  g_assert_true (ml_chart_view_get_compare (view) == before);
  test_window_discard (window);
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

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  test_window_open_scenario (window, "article-long-isolated.mlscenario");
  n = test_window_check_names (GTK_WIDGET (window), missing);
  g_test_message ("%u controls checked", n);
  g_assert_cmpuint (n, >=, 25);
  g_assert_cmpstr (missing->str, ==, "");

  gtk_test_accessible_assert_role (ml_test_window_child (window, "chart_view"), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (ml_test_window_child (window, "chart_view"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Collateral chart");
  /* Values to read are not stops for Tab. */
  g_assert_false (gtk_widget_get_focusable (ml_test_window_child (window, "path_label")));
  test_window_discard (window);
}

/* What a shortcut does: the window's action, wherever the focus is. */
static void
test_window_shortcut (MlWindow   *window,
                      const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  ml_test_flush ();
}

/* Enter in Size or Price opens the position, as Enter in a form does; Enter with a size that
 * is not one places nothing, and Enter in the mark entry only moves the mark. */
static void
test_enter_places_order (void)
{
  MlWindow *window = test_window_with_example_order ();
  GtkWidget *size = ml_test_window_panel_child (window, "size_entry");
  GtkWidget *price = ml_test_window_panel_child (window, "price_entry");
  MlPosition *position;

  ml_test_press_enter (size);
  ml_test_wait_for_key_click ();
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  position = g_list_model_get_item (ml_account_get_positions (test_window_account (window)), 0);
  g_assert_cmpint (ml_position_get_mode (position), ==, ML_MARGIN_MODE_ISOLATED);
  ml_assert_close (ml_position_get_margin (position), 300, ML_EXACT);
  g_object_unref (position);

  /* A limit price is snapped to the tick first, then the order fills there. */
  ml_test_type (price, "59000.04");
  ml_test_press_enter (price);
  ml_test_wait_for_key_click ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "59000.0");
  g_assert_cmpuint (test_window_n_positions (window), ==, 2);
  position = g_list_model_get_item (ml_account_get_positions (test_window_account (window)), 1);
  ml_assert_close (ml_position_get_entry_price (position), 59000, ML_EXACT);
  g_object_unref (position);

  ml_test_type (size, "lots");
  ml_test_press_enter (size);
  ml_test_wait_for_key_click ();
  g_assert_cmpuint (test_window_n_positions (window), ==, 2);
  g_assert_true (gtk_widget_has_css_class (size, "error"));

  ml_test_type (size, "0.1");
  ml_test_type (ml_test_window_child (window, "mark_entry"), "61000");
  ml_test_press_enter (ml_test_window_child (window, "mark_entry"));
  ml_test_wait_for_key_click ();
  ml_assert_close (test_window_mark (window), 61000, ML_EXACT);
  g_assert_cmpuint (test_window_n_positions (window), ==, 2);
  test_window_discard (window);
}

/* Ctrl+Z while typing in an entry undoes the typing, not the lab's last change; with no typing
 * left to undo, it undoes the lab's change. */
static void
test_undo_in_entry (void)
{
  MlWindow *window = test_window_with_example_order ();
  GtkWidget *size = ml_test_window_panel_child (window, "size_entry");

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpuint (test_window_n_positions (window), ==, 2);
  ml_test_type (size, "0.2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (size)), ==, "0.2");

  /* Ctrl+Z with the focus in the entry: GTK undoes the typing in two, the text typed and the
   * text it replaced. */
  test_window_shortcut (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (size)), ==, "");
  test_window_shortcut (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (size)), ==, "0.1");
  g_assert_cmpuint (test_window_n_positions (window), ==, 2);

  /* The focus on the chart: the last order goes. */
  gtk_widget_grab_focus (ml_test_window_child (window, "chart_view"));
  test_window_shortcut (window, "win.undo");
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);

  /* Redo, in the entry, redoes the typing undone there, not the order. */
  ml_test_type (size, "0.3");
  test_window_shortcut (window, "win.undo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (size)), ==, "");
  test_window_shortcut (window, "win.redo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (size)), ==, "0.3");
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  test_window_discard (window);
}

/* The margin popover of an isolated position: Enter in its amount adds the amount, as the
 * suggested Add does, and a screen reader hears its buttons' names without their mnemonics. */
static void
test_margin_popover (void)
{
  MlWindow *window = test_window_with_example_order ();
  GtkWidget *row, *menu, *popover, *entry, *add;
  MlPosition *position;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  ml_test_wait_for_paint (window);
  row = ml_test_find_type (ml_test_window_child (window, "position_list"), ML_TYPE_POSITION_ROW);
  menu = GTK_WIDGET (gtk_widget_get_template_child (row, ML_TYPE_POSITION_ROW, "margin_button"));
  ml_test_click (gtk_widget_get_first_child (menu));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  g_assert_true (gtk_widget_get_visible (popover));
  entry = ml_test_find_type (popover, GTK_TYPE_ENTRY);
  add = ml_test_find_labelled_button (popover, "_Add");
  gtk_test_accessible_assert_property (add, GTK_ACCESSIBLE_PROPERTY_LABEL, "Add");
  gtk_test_accessible_assert_property (ml_test_find_labelled_button (popover, "_Remove"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove");

  /* Less than a cent would change nothing shown, and is refused. */
  ml_test_type (entry, "0.001");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  ml_test_press_enter (entry);
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  g_assert_true (gtk_widget_get_visible (popover));

  ml_test_type (entry, "50");
  ml_test_press_enter (entry);
  position = g_list_model_get_item (ml_account_get_positions (test_window_account (window)), 0);
  /* 300 of initial margin and 50 more. */
  ml_assert_close (ml_position_get_margin (position), 350, ML_EXACT);
  g_object_unref (position);
  test_window_discard (window);
}

static gboolean
test_window_is_named (GtkWidget    *widget,
                      gconstpointer name)
{
  g_autofree char *mismatch = NULL;

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && (mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                             name)) == NULL;
}

/* The close button of the row showing position @id, by the name a screen reader hears. */
static GtkWidget *
test_window_close_button (GtkWidget  *widget,
                          const char *id)
{
  g_autofree char *name = g_strdup_printf ("Close position %s", id);

  return ml_test_find_widget (widget, test_window_is_named, name);
}

/* Closing a position from the keyboard leaves the focus where the learner can go on: on the
 * row that takes its place, and out of the list when it was the last, never on nothing. */
static void
test_close_keeps_focus (void)
{
  MlWindow *window = test_window_with_example_order ();
  GtkWidget *list = ml_test_window_child (window, "position_list");
  GtkWidget *focus;

  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpuint (test_window_n_positions (window), ==, 2);
  ml_test_wait_for_paint (window);

  ml_test_activate (test_window_close_button (list, "p1"));
  ml_test_wait_for_paint (window);
  g_assert_cmpuint (test_window_n_positions (window), ==, 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, list));

  ml_test_activate (test_window_close_button (list, "p2"));
  ml_test_wait_for_paint (window);
  g_assert_cmpuint (test_window_n_positions (window), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_test_message ("focus after the last: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_false (gtk_widget_is_ancestor (focus, list));
  test_window_discard (window);
}

/* The alpha of a texture's pixel at x, y. */
static guint
test_window_alpha (GdkTexture *texture,
                   const guchar *data,
                   int         x,
                   int         y)
{
  return data[(y * gdk_texture_get_width (texture) + x) * 4 + 3];
}

/* A screenshot for a software centre: --frame draws the window as a compositing desktop does,
 * its corners rounded and its shadow around it, on a transparent ground; without it, the
 * window's own pixels, edge to edge. */
static void
test_screenshot_frame (void)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-screenshot-XXXXXX", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *framed_path = g_build_filename (dir, "framed.png", NULL);
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(GdkTexture) framed = NULL;
  g_autofree guchar *plain_data = NULL;
  g_autofree guchar *framed_data = NULL;
  g_autoptr(GError) error = NULL;
  MlWindow *window = test_window_new_lab ();
  int width, height, w, h;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_true (ml_screenshot_window (GTK_WINDOW (window), plain_path, FALSE, &error));
  g_assert_true (ml_screenshot_window (GTK_WINDOW (window), framed_path, TRUE, &error));
  g_assert_no_error (error);
  plain = gdk_texture_new_from_filename (plain_path, &error);
  framed = gdk_texture_new_from_filename (framed_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (plain), ==, width);
  g_assert_cmpint (gdk_texture_get_height (plain), ==, height);
  w = gdk_texture_get_width (framed);
  h = gdk_texture_get_height (framed);
  g_test_message ("window %d × %d, framed %d × %d", width, height, w, h);
  /* libadwaita's widest shadow, 0 6px 32px 16px, has room on every side. */
  g_assert_cmpint (w, ==, width + 2 * 48);
  g_assert_cmpint (h, ==, height + 42 + 54);

  plain_data = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (plain, plain_data, width * 4);
  framed_data = g_malloc ((gsize)w * h * 4);
  gdk_texture_download (framed, framed_data, w * 4);
  /* Plain, the corner is the window's; framed, it is rounded off to a little shadow, the
   * middle is the window, and the shadow fades out before the picture's edge. */
  g_assert_cmpuint (test_window_alpha (plain, plain_data, 0, 0), ==, 255);
  g_assert_cmpuint (test_window_alpha (framed, framed_data, 48, 42), <, 128);
  g_assert_cmpuint (test_window_alpha (framed, framed_data, w / 2, h / 2), ==, 255);
  g_assert_cmpuint (test_window_alpha (framed, framed_data, 48 - 2, h / 2), >, 0);
  g_assert_cmpuint (test_window_alpha (framed, framed_data, w / 2, h - 54 + 4), >, 0);
  g_assert_cmpuint (test_window_alpha (framed, framed_data, 0, 0), ==, 0);
  g_assert_cmpuint (test_window_alpha (framed, framed_data, w / 2, h - 1), ==, 0);

  g_unlink (plain_path);
  g_unlink (framed_path);
  g_rmdir (dir);
  test_window_discard (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/window/isolated-click-places-isolated", test_isolated_click_places_isolated);
  g_test_add_func ("/window/order-adds-row-and-line", test_order_adds_row_and_line);
  g_test_add_func ("/window/drag-moves-mark", test_drag_moves_mark);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/mark-entry", test_mark_entry);
  g_test_add_func ("/window/mark-slider", test_mark_slider);
  g_test_add_func ("/window/mark-slider-keys", test_mark_slider_keys);
  g_test_add_func ("/window/open-broken-keeps-lab", test_open_broken_keeps_lab);
  g_test_add_func ("/window/save-and-open", test_save_and_open);
  g_test_add_func ("/window/close-asks-first", test_close_asks_first);
  g_test_add_func ("/window/close-saves", test_close_saves);
  g_test_add_func ("/window/path-steps-and-liquidates", test_path_steps_and_liquidates);
  g_test_add_func ("/window/play-stops-at-end", test_play_stops_at_end);
  g_test_add_func ("/window/toast-is-plain-text", test_toast_is_plain_text);
  g_test_add_func ("/window/explain-buttons", test_explain_buttons);
  g_test_add_func ("/window/compare-modes", test_compare_modes);
  g_test_add_func ("/window/accessible-names", test_accessible_names);
  g_test_add_func ("/window/right-to-left", test_right_to_left);
  g_test_add_func ("/window/screenshot-frame", test_screenshot_frame);
  g_test_add_func ("/window/close-keeps-focus", test_close_keeps_focus);
  g_test_add_func ("/window/margin-popover", test_margin_popover);
  g_test_add_func ("/window/undo-in-entry", test_undo_in_entry);
  g_test_add_func ("/window/enter-places-order", test_enter_places_order);
  return g_test_run ();
}
