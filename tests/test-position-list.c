/* test-position-list.c — the positions list, shown in a window and used as a learner would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers are margin-model.md's worked example: an isolated long of 0.1 BTC at 60,000 and
 * 20x has an initial margin of 300 USDT and is liquidated at 57,228.9; at a mark of 61,000 its
 * PnL is 0.1 × (61,000 − 60,000) = 100.00 USDT, an ROE of 100 / 300 = 33.33 %. Formatted as
 * the tests' C.UTF-8 locale shows them.
 */

#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "ml-explain-button.h"
#include "ml-position-list.h"
#include "ml-position-row.h"
#include "ml-test-widget.h"

typedef struct
{
  GtkWindow      *window;
  MlPositionList *list;
  MlAccount      *account;
} Fixture;

static void
test_position_list_open (MlAccount   *account,
                         const char *id,
                         MlSide      side,
                         MlMarginMode mode,
                         double      quantity,
                         guint       leverage)
{
  g_autoptr(GError) error = NULL;
  MlOrder order = { id, side, mode, quantity, 60000, leverage, 0 };

  g_assert_nonnull (ml_account_open_position (account, &order, &error));
  g_assert_no_error (error);
}

static MlAccount *
test_position_list_account (double wallet)
{
  MlAccount *account = ml_account_new (NULL, wallet, 60000);

  ml_account_set_charge_fees (account, FALSE);
  return account;
}

static void
test_position_list_show (Fixture   *fixture,
                         MlAccount *account)
{
  fixture->account = account;
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->list = ML_POSITION_LIST (ml_position_list_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  gtk_window_set_default_size (fixture->window, 900, 600);
  ml_position_list_set_account (fixture->list, account);
  gtk_window_present (fixture->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->list)))
    g_main_context_iteration (NULL, TRUE);
  ml_test_flush ();
}

static void
test_position_list_close (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  ml_test_flush ();
  g_assert_finalize_object (fixture->account);
}

/* The rows the list has built, bound or not: @bound_only counts those showing a position. */
static void
test_position_list_collect (GtkWidget *widget,
                            gboolean   bound_only,
                            GPtrArray *rows)
{
  if (ML_IS_POSITION_ROW (widget))
    {
      if (!bound_only || (gtk_widget_get_mapped (widget) && ml_position_row_get_position (ML_POSITION_ROW (widget))))
        g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    test_position_list_collect (child, bound_only, rows);
}

static GPtrArray *
test_position_list_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  test_position_list_collect (GTK_WIDGET (fixture->list), TRUE, rows);
  return rows;
}

/* The bound row showing position @id. */
static MlPositionRow *
test_position_list_row (Fixture    *fixture,
                        const char *id)
{
  g_autoptr(GPtrArray) rows = test_position_list_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (ml_position_get_id (ml_position_row_get_position (rows->pdata[i])), id))
      return rows->pdata[i];
  return NULL;
}

static gpointer
test_position_list_row_child (MlPositionRow *row,
                              const char    *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (row), ML_TYPE_POSITION_ROW, name);
}

/* A list with no positions says how to open one, and shows rows once there are some. */
static void
test_empty_then_rows (void)
{
  Fixture fixture;
  g_autoptr(GPtrArray) rows = NULL;
  GtkStack *stack;

  test_position_list_show (&fixture, test_position_list_account (1000));
  stack = (GtkStack *) gtk_widget_get_template_child (GTK_WIDGET (fixture.list), ML_TYPE_POSITION_LIST, "stack");
  g_assert_cmpstr (ml_test_label (gtk_stack_get_visible_child (stack)), ==,
                   "No open positions. Set up an order on the left and open it.");

  test_position_list_open (fixture.account, "a", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  test_position_list_open (fixture.account, "b", ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.05, 10);
  ml_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  rows = test_position_list_rows (&fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (ml_test_label (test_position_list_row_child (test_position_list_row (&fixture, "a"), "title_label")),
                   ==, "a: Long \u20680.1000\u00a0BTC\u2069");
  g_assert_cmpstr (ml_test_label (test_position_list_row_child (test_position_list_row (&fixture, "b"), "title_label")),
                   ==, "b: Short \u20680.0500\u00a0BTC\u2069");
  test_position_list_close (&fixture);
}

/* A mark move reaches the row: the PnL, the ROE and the collateral left are the new mark's. */
static void
test_mark_move_updates_row (void)
{
  Fixture fixture;
  MlPositionRow *row;
  const char *details;

  test_position_list_show (&fixture, test_position_list_account (1000));
  test_position_list_open (fixture.account, "a", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  ml_test_flush ();
  row = test_position_list_row (&fixture, "a");
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "liquidation_button")), ==, "57228.9");

  g_assert_true (ml_account_move_mark_price (fixture.account, 61000, NULL, NULL));
  ml_test_flush ();
  details = ml_test_label (test_position_list_row_child (row, "details_label"));
  g_assert_nonnull (strstr (details, "PnL \u2068100.00\u00a0USDT\u2069 (\u206833.33\u00a0%\u2069)"));
  /* 300 of margin and 100 of profit */
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "remaining_button")), ==, "\u2068400.00\u00a0USDT\u2069");
  test_position_list_close (&fixture);
}

/* A liquidated row keeps what happened: the price it died at and what it lost, not a PnL of 0.
 * Isolated: the worked example dies at 57,228.9 and is closed at its bankruptcy price 57,000,
 * realising 0.1 × (57,000 − 60,000) = −300. */
static void
test_liquidated_isolated_row (void)
{
  Fixture fixture;
  MlPositionRow *row;

  test_position_list_show (&fixture, test_position_list_account (1000));
  test_position_list_open (fixture.account, "a", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  g_assert_true (ml_account_move_mark_price (fixture.account, 57000, NULL, NULL));
  ml_test_flush ();
  row = test_position_list_row (&fixture, "a");

  g_assert_cmpstr (ml_test_label (test_position_list_row_child (row, "title_label")), ==, "a: Long \u20680.1000\u00a0BTC\u2069, liquidated");
  g_assert_cmpstr (ml_test_label (test_position_list_row_child (row, "details_label")), ==,
                   "Isolated \u206820×\u2069 · Entry 60000.0 · Liquidated at 57228.9 · Lost \u2068300.00\u00a0USDT\u2069");
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "liquidation_button")), ==, "57228.9");
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "remaining_button")), ==, "\u20680.00\u00a0USDT\u2069");
  g_assert_false (gtk_widget_get_visible (test_position_list_row_child (row, "margin_button")));
  gtk_test_accessible_assert_property (test_position_list_row_child (row, "close_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove liquidated position a from the list");
  test_position_list_close (&fixture);
}

/* Cross: the long alone in a 1,000 USDT pool, 0.4 % maintenance and no deduction at 6,000 of
 * notional: LPc = (1,000 − 0.1 × 60,000) / (0.1 × 0.004 − 0.1) = 50,200.8; the pool is empty at
 * 60,000 − 1,000 / 0.1 = 50,000, realising 0.1 × (50,000 − 60,000) = −1,000. Once liquidated the
 * pool has no cross positions left, but the row keeps the price its pool died at. */
static void
test_liquidated_cross_row (void)
{
  Fixture fixture;
  MlPositionRow *row;

  test_position_list_show (&fixture, test_position_list_account (1000));
  test_position_list_open (fixture.account, "c", ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 20);
  ml_test_flush ();
  row = test_position_list_row (&fixture, "c");
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "liquidation_button")), ==, "50200.8");

  g_assert_true (ml_account_move_mark_price (fixture.account, 49000, NULL, NULL));
  ml_test_flush ();
  g_assert_cmpstr (ml_test_label (test_position_list_row_child (row, "details_label")), ==,
                   "Cross \u206820×\u2069 · Entry 60000.0 · Liquidated with the cross pool at 50200.8 · Lost \u20681000.00\u00a0USDT\u2069");
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "liquidation_button")), ==, "50200.8");
  g_assert_cmpstr (ml_explain_button_get_label (test_position_list_row_child (row, "remaining_button")), ==, "\u20680.00\u00a0USDT\u2069");
  test_position_list_close (&fixture);
}

/* A thousand positions open without a thousand rows. GTK 4.8's list view keeps up to 200 rows
 * around what it shows (GTK_LIST_VIEW_MAX_LIST_ITEMS), so that scrolling by a page needs no new
 * ones; a list that built every row would have a thousand. */
static void
test_thousand_positions_few_rows (void)
{
  Fixture fixture;
  g_autoptr(GPtrArray) built = g_ptr_array_new ();
  g_autoptr(GPtrArray) bound = NULL;
  MlAccount *account = test_position_list_account (1e7);

  for (guint i = 0; i < 1000; i++)
    test_position_list_open (account, NULL, i % 2 ? ML_SIDE_LONG : ML_SIDE_SHORT,
                             i % 3 ? ML_MARGIN_MODE_ISOLATED : ML_MARGIN_MODE_CROSS, 0.01, 10);
  test_position_list_show (&fixture, account);

  test_position_list_collect (GTK_WIDGET (fixture.list), FALSE, built);
  bound = test_position_list_rows (&fixture);
  g_assert_cmpuint (bound->len, >, 0);
  g_test_message ("%u rows built, %u of them bound and mapped", built->len, bound->len);
  g_assert_cmpuint (built->len, <=, 250);
  test_position_list_close (&fixture);
}

static void
test_position_list_capture (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       data)
{
  char **id = data;

  g_free (*id);
  *id = g_variant_dup_string (parameter, NULL);
}

/* The close button asks the window to close that row's position, and names it. */
static void
test_close_button_names_position (void)
{
  Fixture fixture;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) close = g_simple_action_new ("close-position", G_VARIANT_TYPE_STRING);
  g_autofree char *closed = NULL;
  GtkWidget *button;

  g_signal_connect (close, "activate", G_CALLBACK (test_position_list_capture), &closed);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (close));
  test_position_list_show (&fixture, test_position_list_account (1000));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture.window), "win", G_ACTION_GROUP (group));
  test_position_list_open (fixture.account, "a", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  test_position_list_open (fixture.account, "b", ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.05, 10);
  ml_test_flush ();

  button = test_position_list_row_child (test_position_list_row (&fixture, "b"), "close_button");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Close position b");
  ml_test_click (button);
  g_assert_cmpstr (closed, ==, "b");
  test_position_list_close (&fixture);
}

/* An id from a file is shown as it is written, never read as markup. */
static void
test_id_is_plain_text (void)
{
  Fixture fixture;
  MlPositionRow *row;

  test_position_list_show (&fixture, test_position_list_account (1000));
  test_position_list_open (fixture.account, "a & b <", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  ml_test_flush ();
  row = test_position_list_row (&fixture, "a & b <");
  g_assert_nonnull (row);
  g_assert_cmpstr (ml_test_label (test_position_list_row_child (row, "title_label")), ==, "a & b <: Long \u20680.1000\u00a0BTC\u2069");
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "a & b <: Long \u20680.1000\u00a0BTC\u2069");
  gtk_test_accessible_assert_property (test_position_list_row_child (row, "close_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Close position a & b <");
  gtk_test_accessible_assert_property (test_position_list_row_child (row, "margin_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Add or remove margin of position a & b <");
  test_position_list_close (&fixture);
}

/* Tab from the widget before the list reaches the first row, which a screen reader names, then
 * its buttons, then leaves the list: it does not walk through every row's buttons. */
static void
test_tab_through_one_row (void)
{
  Fixture fixture;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *before = gtk_button_new_with_label ("Before");
  GtkWidget *after = gtk_button_new_with_label ("After");
  MlPositionRow *row;
  const char *buttons[] = { "margin_button", "close_button", "liquidation_button", "remaining_button" };

  test_position_list_show (&fixture, test_position_list_account (1000));
  g_object_ref (fixture.list);
  gtk_window_set_child (fixture.window, box);
  gtk_box_append (GTK_BOX (box), before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture.list));
  gtk_box_append (GTK_BOX (box), after);
  g_object_unref (fixture.list);
  test_position_list_open (fixture.account, "a", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  test_position_list_open (fixture.account, "b", ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  ml_test_flush ();
  row = test_position_list_row (&fixture, "a");

  gtk_widget_grab_focus (before);
  g_signal_emit_by_name (fixture.window, "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture.window)) == GTK_WIDGET (row));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "a: Long \u20680.1000\u00a0BTC\u2069");
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *focus, *button = test_position_list_row_child (row, buttons[i]);

      g_signal_emit_by_name (fixture.window, "move-focus", GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
      g_assert_true (focus == button || gtk_widget_is_ancestor (focus, button));
    }
  g_signal_emit_by_name (fixture.window, "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture.window)) == after);
  test_position_list_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/position-list/empty-then-rows", test_empty_then_rows);
  g_test_add_func ("/position-list/mark-move-updates-row", test_mark_move_updates_row);
  g_test_add_func ("/position-list/thousand-positions-few-rows", test_thousand_positions_few_rows);
  g_test_add_func ("/position-list/close-button-names-position", test_close_button_names_position);
  g_test_add_func ("/position-list/id-is-plain-text", test_id_is_plain_text);
  g_test_add_func ("/position-list/liquidated-isolated-row", test_liquidated_isolated_row);
  g_test_add_func ("/position-list/liquidated-cross-row", test_liquidated_cross_row);
  g_test_add_func ("/position-list/tab-through-one-row", test_tab_through_one_row);
  return g_test_run ();
}
