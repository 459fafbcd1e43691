/* test-order-panel.c — the order-setup panel, driven as a learner would, under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel sits in a window of its own with the win.place-order action a lab window gives
 * it: Open places the panel's order on the account. The account is a fresh lab's (1,000 USDT,
 * mark 60,000, fees off) and the texts are as the C.UTF-8 locale shows them: no digit
 * grouping. Expected numbers are worked by hand in the comments (bracket 1: MMR 0.40 %).
 */

#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "ml-explain-button.h"
#include "ml-order-panel.h"
#include "ml-test-util.h"
#include "ml-test-widget.h"

typedef struct
{
  GtkWindow    *window;
  MlOrderPanel *panel;
  MlAccount    *account;
  GAction      *place;
} Lab;

static gpointer
test_order_panel_child (Lab        *lab,
                        const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (lab->panel), ML_TYPE_ORDER_PANEL, name);

  g_assert_nonnull (child);
  return child;
}

/* What a preview value shows: a label, or a number that explains itself. */
static const char *
test_order_panel_text (Lab        *lab,
                       const char *name)
{
  gpointer widget = test_order_panel_child (lab, name);

  if (ML_IS_EXPLAIN_BUTTON (widget))
    return ml_explain_button_get_label (widget);
  return ml_test_label (widget);
}

static void
test_order_panel_set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Space on a focused button. GTK holds the button down for a moment before it clicks, so
 * ml_test_activate() alone returns before the click: wait for it, as a user does. */
static void
test_order_panel_press_space (gpointer button)
{
  gboolean clicked = FALSE;
  gulong id = g_signal_connect_swapped (button, "clicked", G_CALLBACK (test_order_panel_set_true), &clicked);

  ml_test_activate (button);
  while (!clicked)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (button, id);
  ml_test_flush ();
}

/* What the lab window does on Open: place the order, then let the panel preview again. */
static void
test_order_panel_place (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       data)
{
  Lab *lab = data;
  g_autoptr(GError) error = NULL;
  MlOrder order;

  g_assert_true (ml_order_panel_get_order (lab->panel, &order));
  g_assert_nonnull (ml_account_open_position (lab->account, &order, &error));
  g_assert_no_error (error);
  ml_order_panel_update (lab->panel);
}

static void
test_order_panel_valid_changed (Lab *lab)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (lab->place), ml_order_panel_get_valid (lab->panel));
}

static void
test_order_panel_open (Lab    *lab,
                       double  wallet)
{
  const GActionEntry entries[] = { { .name = "place-order", .activate = test_order_panel_place } };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  lab->window = GTK_WINDOW (gtk_window_new ());
  lab->panel = ML_ORDER_PANEL (ml_order_panel_new ());
  lab->account = ml_account_new (ml_brackets_get_default (), wallet, 60000);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), lab);
  lab->place = g_action_map_lookup_action (G_ACTION_MAP (group), "place-order");
  gtk_widget_insert_action_group (GTK_WIDGET (lab->window), "win", G_ACTION_GROUP (group));
  g_signal_connect_swapped (lab->panel, "notify::valid", G_CALLBACK (test_order_panel_valid_changed), lab);
  gtk_window_set_child (lab->window, GTK_WIDGET (lab->panel));
  ml_order_panel_set_account (lab->panel, lab->account);
  test_order_panel_valid_changed (lab);
  gtk_window_present (lab->window);
  ml_test_flush ();
}

static void
test_order_panel_close (Lab *lab)
{
  gtk_window_destroy (lab->window);
  g_clear_object (&lab->account);
  ml_test_flush ();
}

/* Clicks Open and returns the position it placed. */
static MlPosition *
test_order_panel_click_open (Lab *lab)
{
  GListModel *positions = ml_account_get_positions (lab->account);
  guint n = g_list_model_get_n_items (positions);
  g_autoptr(MlPosition) position = NULL;

  ml_test_click (test_order_panel_child (lab, "open_button"));
  g_assert_cmpuint (g_list_model_get_n_items (positions), ==, n + 1);
  position = g_list_model_get_item (positions, n);
  return position;
}

#define CROSS_FALL_600 "at most \u2068600.00\u00a0USDT\u2069, if BTC fell to zero"
#define ISOLATED_60 "at most \u206860.00\u00a0USDT\u2069, its isolated margin"

/* The toggles decide the preview and the order, whichever button was clicked last, by pointer
 * or keyboard. The fresh lab's order is 0.01 BTC at 10x: 60.00 of isolated margin, or a cross
 * long that can lose 0.01 × (60,000 − 0.1) = 599.999, shown 600.00. */
static void
test_mode_toggle (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, CROSS_FALL_600);

  /* Isolated clicked as the last action: the bug was a cross preview and a cross order. */
  ml_test_click (test_order_panel_child (&lab, "isolated_button"));
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, ISOLATED_60);
  g_assert_cmpint (ml_position_get_mode (test_order_panel_click_open (&lab)), ==, ML_MARGIN_MODE_ISOLATED);

  ml_test_click (test_order_panel_child (&lab, "cross_button"));
  /* The pool is now 940 after the isolated 60: 940 + 0.01 (X − 60,000) never meets its
   * maintenance either, and still loses at most 599.999. */
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, CROSS_FALL_600);
  g_assert_cmpint (ml_position_get_mode (test_order_panel_click_open (&lab)), ==, ML_MARGIN_MODE_CROSS);

  /* From the keyboard: Space on the focused button. */
  test_order_panel_press_space (test_order_panel_child (&lab, "isolated_button"));
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, ISOLATED_60);
  test_order_panel_press_space (test_order_panel_child (&lab, "cross_button"));
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), !=, ISOLATED_60);
  test_order_panel_close (&lab);
}

static void
test_side_toggle (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  ml_test_click (test_order_panel_child (&lab, "short_button"));
  g_assert_cmpstr (gtk_button_get_label (test_order_panel_child (&lab, "open_button")), ==, "Open Short");
  /* A cross short of 0.01 BTC: 1,000 − 0.01 (X − 60,000) = 0.01 · X · 0.4 % at
   * X = 1,600 / 0.01004 = 159,362.5, so the whole pool is at stake. */
  g_assert_cmpstr (test_order_panel_text (&lab, "liquidation_value"), ==, "159362.5");
  g_assert_cmpint (ml_position_get_side (test_order_panel_click_open (&lab)), ==, ML_SIDE_SHORT);

  test_order_panel_press_space (test_order_panel_child (&lab, "long_button"));
  g_assert_cmpstr (gtk_button_get_label (test_order_panel_child (&lab, "open_button")), ==, "Open Long");
  g_assert_cmpint (ml_position_get_side (test_order_panel_click_open (&lab)), ==, ML_SIDE_LONG);
  test_order_panel_close (&lab);
}

/* The article's 100 USDT of isolated margin: at 30x and 60,000 it buys 100 × 30 / 60,000 =
 * 0.05 BTC, 500 contracts. */
static void
test_size_unit_toggle (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  ml_test_click (test_order_panel_child (&lab, "isolated_button"));
  ml_test_type (test_order_panel_child (&lab, "leverage_spin"), "30");
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "100");
  ml_test_click (test_order_panel_child (&lab, "usdt_button"));
  g_assert_cmpstr (test_order_panel_text (&lab, "size_hint"), ==, "500 contracts, \u20680.0500\u00a0BTC\u2069");
  g_assert_cmpstr (test_order_panel_text (&lab, "margin_value"), ==, "\u2068100.00\u00a0USDT\u2069");
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, "at most \u2068100.00\u00a0USDT\u2069, its isolated margin");
  ml_assert_close (ml_position_get_quantity (test_order_panel_click_open (&lab)), 0.05, ML_EXACT);

  /* Back to BTC, from the keyboard: 100 BTC is far more than the balance pays for. */
  test_order_panel_press_space (test_order_panel_child (&lab, "btc_button"));
  g_assert_false (ml_order_panel_get_valid (lab.panel));
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.01");
  g_assert_cmpstr (test_order_panel_text (&lab, "size_hint"), ==, "100 contracts, \u20680.0100\u00a0BTC\u2069");
  test_order_panel_close (&lab);
}

/* The preview says what this trade can lose in each of the model's cases. */
static void
test_loss_cases (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, CROSS_FALL_600);

  /* 0.1 BTC cross at 20x: 1,000 + 0.1 (X − 60,000) = 0.1 · X · 0.4 % at 5,000 / 0.0996 =
   * 50,200.8: the pool can be liquidated, and all of it goes. */
  ml_test_type (test_order_panel_child (&lab, "leverage_spin"), "20");
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.1");
  g_assert_cmpstr (test_order_panel_text (&lab, "liquidation_value"), ==, "50200.8");
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==,
                   "the whole cross pool, \u20681000.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");

  /* Isolated: W = 0.1 × 60,000 / 20 = 300. */
  ml_test_click (test_order_panel_child (&lab, "isolated_button"));
  g_assert_cmpstr (test_order_panel_text (&lab, "loss_value"), ==, "at most \u2068300.00\u00a0USDT\u2069, its isolated margin");
  test_order_panel_close (&lab);
}

/* A limit order at 61,000.5: one notional figure, 0.02 × 61,000.5 = 1,220.01, and the words
 * say it is taken at that price. */
static void
test_limit_order_notional (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.02");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_label"), ==, "Notional at the mark");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_value"), ==, "\u20681200.00\u00a0USDT\u2069");

  ml_test_type (test_order_panel_child (&lab, "price_entry"), "61000.5");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_label"), ==, "Notional at 61000.5");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_value"), ==, "\u20681220.01\u00a0USDT\u2069");
  g_assert_cmpstr (test_order_panel_text (&lab, "price_hint"), ==, "A limit order filled at 61000.5");
  g_assert_null (strstr (test_order_panel_text (&lab, "size_hint"), "USDT"));
  /* Its initial margin is that notional over 10x: 122.001, shown 122.00. */
  g_assert_cmpstr (test_order_panel_text (&lab, "margin_value"), ==, "\u2068122.00\u00a0USDT\u2069");
  test_order_panel_close (&lab);
}

/* With fees charged, the preview shows what placing the order pays, by margin-model.md's rule
 * (notional × rate): 0.1 BTC at the mark of 60,000 is the worked example's notional of 6,000,
 * at the taker 0.05 %: 3.00; at a limit of 59,000, the maker 0.02 % of 5,900: 1.18. With fees
 * off, no fee is shown. */
static void
test_fees_in_preview (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.1");
  ml_test_type (test_order_panel_child (&lab, "leverage_spin"), "20");
  g_assert_false (gtk_widget_get_visible (test_order_panel_child (&lab, "fee_value")));
  g_assert_cmpstr (test_order_panel_text (&lab, "price_hint"), ==, "At the mark price: a market order");

  ml_account_set_charge_fees (lab.account, TRUE);
  ml_order_panel_update (lab.panel);
  g_assert_true (gtk_widget_get_mapped (test_order_panel_child (&lab, "fee_label")));
  g_assert_true (gtk_widget_get_mapped (test_order_panel_child (&lab, "fee_value")));
  g_assert_cmpstr (test_order_panel_text (&lab, "fee_value"), ==, "\u20683.00\u00a0USDT\u2069");
  g_assert_cmpstr (test_order_panel_text (&lab, "price_hint"), ==, "At the mark price: a market order, taker fee");

  ml_test_type (test_order_panel_child (&lab, "price_entry"), "59000");
  g_assert_cmpstr (test_order_panel_text (&lab, "fee_value"), ==, "\u20681.18\u00a0USDT\u2069");

  /* No order, no fee to show: the dash every other preview value shows. */
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "abc");
  g_assert_cmpstr (test_order_panel_text (&lab, "fee_value"), ==, "—");
  test_order_panel_close (&lab);
}

/* In German, as a German learner types and reads: the first size "0,01", a limit price
 * "61.000,5" or the plain "61000.5", and the same order as above shown with German separators. */
static void
test_german (void)
{
  Lab lab;

  if (!ml_test_use_locale ("de_DE.UTF-8"))
    return;
  test_order_panel_open (&lab, 1000);
  g_assert_cmpstr (gtk_editable_get_text (test_order_panel_child (&lab, "size_entry")), ==, "0,01");
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0,02");
  ml_test_type (test_order_panel_child (&lab, "price_entry"), "61.000,5");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_label"), ==, "Notional at 61.000,5");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_value"), ==, "\u20681.220,01\u00a0USDT\u2069");
  ml_test_type (test_order_panel_child (&lab, "price_entry"), "61000.5");
  g_assert_cmpstr (test_order_panel_text (&lab, "notional_label"), ==, "Notional at 61.000,5");
  g_assert_cmpstr (test_order_panel_text (&lab, "margin_value"), ==, "\u2068122,00\u00a0USDT\u2069");
  test_order_panel_close (&lab);
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_order_panel_assert_suggests (Lab        *lab,
                                  const char *typed,
                                  const char *suggestion)
{
  const char *error;

  ml_test_type (test_order_panel_child (lab, "size_entry"), typed);
  error = test_order_panel_text (lab, "size_error");
  g_test_message ("%s: %s", typed, error);
  g_assert_nonnull (strstr (error, suggestion));
  g_assert_null (strstr (error, "\u20680.0000\u00a0BTC\u2069"));
  g_assert_false (ml_order_panel_get_valid (lab->panel));
}

/* A size between whole contracts suggests the nearest one, and never none at all. */
static void
test_size_suggestion (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  /* Half a contract: the nearest size is one contract. */
  test_order_panel_assert_suggests (&lab, "0.00005", "Try \u20680.0001\u00a0BTC\u2069");
  /* 1,234.6 contracts: the nearest is 1,235, not 1,234. */
  test_order_panel_assert_suggests (&lab, "0.12346", "Try \u20680.1235\u00a0BTC\u2069");

  /* As margin, the size is what the margin pays for in whole contracts, and the hint says
   * what margin that takes: 100.5 × 30 / 60,000 = 0.05025 BTC, so 502 contracts, whose
   * margin is 0.0502 × 60,000 / 30 = 100.40. */
  ml_test_click (test_order_panel_child (&lab, "usdt_button"));
  ml_test_type (test_order_panel_child (&lab, "leverage_spin"), "30");
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "100.5");
  g_assert_cmpstr (test_order_panel_text (&lab, "size_hint"), ==, "502 contracts, \u20680.0502\u00a0BTC\u2069, for \u2068100.40\u00a0USDT\u2069 of margin");
  g_assert_cmpstr (test_order_panel_text (&lab, "margin_value"), ==, "\u2068100.40\u00a0USDT\u2069");
  /* Too little for one contract: one costs 0.0001 × 60,000 / 30 = 0.20 of margin. */
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.1");
  g_assert_nonnull (strstr (test_order_panel_text (&lab, "size_error"), "Try \u20680.20\u00a0USDT\u2069"));
  test_order_panel_close (&lab);
}

/* A size that is a whole number of contracts only within the tolerance, 1e-11 BTC, is no
 * contract at all: refused under the size, and Open stays insensitive. */
static void
test_tiny_size_refused (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.00000000001");
  g_assert_false (ml_order_panel_get_valid (lab.panel));
  g_assert_nonnull (strstr (test_order_panel_text (&lab, "size_error"), "at least 0.0001 BTC, one contract"));
  g_assert_false (gtk_widget_get_sensitive (test_order_panel_child (&lab, "open_button")));
  test_order_panel_close (&lab);
}

/* The control that caused a refusal is marked, for eyes and for screen readers, and the line
 * that says why is its error message and description, which a screen reader reads with it. */
static void
test_order_panel_assert_marked (Lab        *lab,
                                const char *control,
                                const char *error_label,
                                const char *phrase)
{
  GtkWidget *widget = test_order_panel_child (lab, control);
  GtkWidget *label = test_order_panel_child (lab, error_label);

  g_assert_true (gtk_widget_has_css_class (widget, "error"));
  gtk_test_accessible_assert_state (widget, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_relation (widget, GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label);
  gtk_test_accessible_assert_relation (widget, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (ml_test_label (label), phrase));
}

/* 1 BTC at 10x needs 6,000 of margin; the lab has 1,000. */
static void
test_too_large_marks_size (void)
{
  Lab lab;
  GtkWidget *size_entry;

  test_order_panel_open (&lab, 1000);
  size_entry = test_order_panel_child (&lab, "size_entry");
  ml_test_type (size_entry, "1");
  test_order_panel_assert_marked (&lab, "size_entry", "size_error", "\u20686000.00\u00a0USDT\u2069");
  g_assert_false (gtk_widget_get_sensitive (test_order_panel_child (&lab, "open_button")));

  /* The same in margin: 6,000 USDT at 10x is the same order. */
  ml_test_click (test_order_panel_child (&lab, "usdt_button"));
  ml_test_type (size_entry, "6000");
  test_order_panel_assert_marked (&lab, "size_entry", "size_error", "\u20686000.00\u00a0USDT\u2069");

  ml_test_type (size_entry, "60");
  g_assert_false (gtk_widget_has_css_class (size_entry, "error"));
  gtk_test_accessible_assert_state (size_entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (size_entry), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (size_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  g_assert_true (ml_order_panel_get_valid (lab.panel));
  test_order_panel_close (&lab);
}

/* A leverage that is not a whole number stays as typed when Enter or leaving the field makes
 * the spin button read it, with the line that says why; GTK would have made 0 of "abc" and 2 of
 * "2.5", and placed the order at 2×. */
static void
test_leverage_typed_stays (void)
{
  const char *bad[] = { "abc", "2.5", "-3", "" };
  Lab lab;
  GtkWidget *spin;

  test_order_panel_open (&lab, 1000);
  spin = test_order_panel_child (&lab, "leverage_spin");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ml_test_type (spin, bad[i]);
      ml_test_press_enter (spin);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, bad[i]);
      test_order_panel_assert_marked (&lab, "leverage_spin", "leverage_error",
                                      i == 2 ? "is outside" : "Leverage is a whole number from 1 to 125.");
      g_assert_false (ml_order_panel_get_valid (lab.panel));
    }
  ml_test_type (spin, "20");
  ml_test_press_enter (spin);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "20");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 20);
  g_assert_true (ml_order_panel_get_valid (lab.panel));
  test_order_panel_close (&lab);
}

static void
test_order_panel_width (Lab *lab,
                        int *minimum,
                        int *natural)
{
  gtk_widget_measure (GTK_WIDGET (lab->panel), GTK_ORIENTATION_HORIZONTAL, -1, minimum, natural, NULL, NULL);
}

/* Nothing moves under the pointer as the texts change: the width stays put, and the panel
 * fits the lab's height at 800×600 (the header bar leaves about 550 pixels): its form scrolls,
 * with Open below it, always in view. */
static void
test_fixed_width (void)
{
  Lab lab;
  int min0, nat0, min, nat, height;

  test_order_panel_open (&lab, 1000);
  test_order_panel_width (&lab, &min0, &nat0);
  g_assert_cmpint (min0, ==, nat0);
  gtk_widget_measure (GTK_WIDGET (lab.panel), GTK_ORIENTATION_VERTICAL, nat0, &height, NULL, NULL, NULL);
  g_test_message ("panel %d × %d", nat0, height);
  g_assert_cmpint (height, <=, 550);

  ml_test_type (test_order_panel_child (&lab, "size_entry"), "1");
  ml_test_type (test_order_panel_child (&lab, "price_entry"), "99999999.9");
  ml_test_click (test_order_panel_child (&lab, "isolated_button"));
  test_order_panel_width (&lab, &min, &nat);
  g_assert_cmpint (min, ==, min0);
  g_assert_cmpint (nat, ==, nat0);
  ml_test_type (test_order_panel_child (&lab, "leverage_spin"), "1250000000");
  test_order_panel_width (&lab, &min, &nat);
  g_assert_cmpint (nat, ==, nat0);
  test_order_panel_close (&lab);
}

static void
test_order_panel_assert_name (Lab        *lab,
                              const char *name,
                              const char *spoken)
{
  gtk_test_accessible_assert_property (test_order_panel_child (lab, name), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
}

static void
test_order_panel_assert_pressed (Lab        *lab,
                                 const char *pressed,
                                 const char *released)
{
  gtk_test_accessible_assert_state (test_order_panel_child (lab, pressed), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (test_order_panel_child (lab, released), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
}

/* What a screen reader says: each control's name as spoken, each toggle's state, and no stop
 * on a value that is only text. */
static void
test_accessible (void)
{
  const char *values[] = { "notional_label", "distance_value", "loss_value", "size_hint", "price_hint" };
  Lab lab;

  test_order_panel_open (&lab, 1000);
  test_order_panel_assert_name (&lab, "long_button", "Long");
  test_order_panel_assert_name (&lab, "short_button", "Short");
  test_order_panel_assert_name (&lab, "cross_button", "Cross");
  test_order_panel_assert_name (&lab, "isolated_button", "Isolated");
  test_order_panel_assert_name (&lab, "btc_button", "BTC");
  test_order_panel_assert_name (&lab, "usdt_button", "USDT of margin");
  test_order_panel_assert_name (&lab, "side_box", "Side");
  test_order_panel_assert_name (&lab, "mode_box", "Margin mode");
  test_order_panel_assert_name (&lab, "unit_box", "Size unit");

  test_order_panel_assert_pressed (&lab, "long_button", "short_button");
  test_order_panel_assert_pressed (&lab, "cross_button", "isolated_button");
  test_order_panel_assert_pressed (&lab, "btc_button", "usdt_button");
  ml_test_click (test_order_panel_child (&lab, "short_button"));
  ml_test_click (test_order_panel_child (&lab, "isolated_button"));
  test_order_panel_press_space (test_order_panel_child (&lab, "usdt_button"));
  test_order_panel_assert_pressed (&lab, "short_button", "long_button");
  test_order_panel_assert_pressed (&lab, "isolated_button", "cross_button");
  test_order_panel_assert_pressed (&lab, "usdt_button", "btc_button");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GtkLabel *label = test_order_panel_child (&lab, values[i]);

      g_assert_false (gtk_label_get_selectable (label));
      g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (label)));
    }
  test_order_panel_close (&lab);
}

static GtkLabel *
test_order_panel_find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = test_order_panel_find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Clicks a number that explains itself and returns what its popover says. */
static const char *
test_order_panel_click_explain (Lab        *lab,
                                const char *name)
{
  GtkWidget *menu = gtk_widget_get_first_child (test_order_panel_child (lab, name));
  GtkLabel *text;

  g_assert_true (GTK_IS_MENU_BUTTON (menu));
  ml_test_click (gtk_widget_get_first_child (menu));
  text = test_order_panel_find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))));
  g_assert_nonnull (text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  return gtk_label_get_text (text);
}

/* The preview's notional, initial margin and bankruptcy price explain themselves, from the
 * account with the order placed: the worked example's 0.1 BTC isolated at 20x, notional
 * 0.1 × 60,000 = 6,000, margin 6,000 / 20 = 300, bankruptcy 60,000 − 300 / 0.1 = 57,000. */
static void
test_explain_preview (void)
{
  Lab lab;

  test_order_panel_open (&lab, 1000);
  ml_test_click (test_order_panel_child (&lab, "isolated_button"));
  ml_test_type (test_order_panel_child (&lab, "leverage_spin"), "20");
  ml_test_type (test_order_panel_child (&lab, "size_entry"), "0.1");
  g_assert_nonnull (strstr (test_order_panel_click_explain (&lab, "notional_value"), "\u20686000.00\u00a0USDT\u2069"));
  g_assert_nonnull (strstr (test_order_panel_click_explain (&lab, "margin_value"), "\u2068300.00\u00a0USDT\u2069"));
  g_assert_nonnull (strstr (test_order_panel_click_explain (&lab, "bankruptcy_value"), "57000.0"));
  test_order_panel_close (&lab);
}

/* GNOME's capitalisation: Header Capitalisation on buttons, sentences in tooltips, and the
 * shared cross collateral always called the cross pool. */
static void
test_order_panel_check_texts (GtkWidget *widget,
                              GString   *wrong)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL && (strstr (tooltip, "cross balance") || strstr (tooltip, "cross wallet")
                          || !g_unichar_isupper (g_utf8_get_char (tooltip)) || g_str_has_suffix (tooltip, ".")))
    g_string_append_printf (wrong, " tooltip “%s”", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    test_order_panel_check_texts (child, wrong);
}

static void
test_capitalisation (void)
{
  g_autoptr(GString) wrong = g_string_new (NULL);
  Lab lab;

  test_order_panel_open (&lab, 1000);
  test_order_panel_check_texts (GTK_WIDGET (lab.panel), wrong);
  g_assert_cmpstr (wrong->str, ==, "");
  g_assert_cmpstr (gtk_button_get_label (test_order_panel_child (&lab, "open_button")), ==, "Open Long");
  test_order_panel_close (&lab);
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/order-panel/mode-toggle", test_mode_toggle);
  g_test_add_func ("/order-panel/side-toggle", test_side_toggle);
  g_test_add_func ("/order-panel/size-unit-toggle", test_size_unit_toggle);
  g_test_add_func ("/order-panel/tiny-size-refused", test_tiny_size_refused);
  g_test_add_func ("/order-panel/loss-cases", test_loss_cases);
  g_test_add_func ("/order-panel/limit-order-notional", test_limit_order_notional);
  g_test_add_func ("/order-panel/fees-in-preview", test_fees_in_preview);
  g_test_add_func ("/order-panel/german", test_german);
  g_test_add_func ("/order-panel/size-suggestion", test_size_suggestion);
  g_test_add_func ("/order-panel/too-large-marks-size", test_too_large_marks_size);
  g_test_add_func ("/order-panel/leverage-typed-stays", test_leverage_typed_stays);
  g_test_add_func ("/order-panel/fixed-width", test_fixed_width);
  g_test_add_func ("/order-panel/accessible", test_accessible);
  g_test_add_func ("/order-panel/capitalisation", test_capitalisation);
  g_test_add_func ("/order-panel/explain-preview", test_explain_preview);
  return g_test_run ();
}
