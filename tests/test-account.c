/* test-account.c — operations on an account, refusals, events and notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "margin-lab-core.h"
#include "ml-test-util.h"

/* Everything a refused operation must leave as it was. */
typedef struct
{
  double wallet, equity, available, pool;
  guint  n_positions;
  char  *saved;
} Snapshot;

static void
test_account_snapshot (MlAccount *account,
                       Snapshot  *s)
{
  g_autoptr(MlScenario) scenario = ml_scenario_new (account);

  s->wallet = ml_account_get_wallet_balance (account);
  s->equity = ml_account_get_equity (account);
  s->available = ml_account_get_available_balance (account);
  s->pool = ml_account_get_cross_pool (account);
  s->n_positions = g_list_model_get_n_items (ml_account_get_positions (account));
  s->saved = ml_scenario_to_data (scenario, NULL);
}

static void
test_account_assert_unchanged (MlAccount *account,
                               Snapshot  *before)
{
  Snapshot after;

  test_account_snapshot (account, &after);
  g_assert_cmpfloat (after.wallet, ==, before->wallet);
  g_assert_cmpfloat (after.equity, ==, before->equity);
  g_assert_cmpfloat (after.available, ==, before->available);
  g_assert_cmpfloat (after.pool, ==, before->pool);
  g_assert_cmpuint (after.n_positions, ==, before->n_positions);
  g_assert_cmpstr (after.saved, ==, before->saved);
  g_free (after.saved);
  g_free (before->saved);
}

static void
test_account_assert_refused_order (MlAccount     *account,
                                   const MlOrder *order,
                                   const char    *phrase)
{
  g_autoptr(GError) error = NULL;
  Snapshot before;

  test_account_snapshot (account, &before);
  g_assert_null (ml_account_open_position (account, order, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);
  g_assert_null (strchr (error->message, '\n'));
  test_account_assert_unchanged (account, &before);
}

static void
test_open_isolated (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);

  g_assert_cmpuint (g_list_model_get_n_items (ml_account_get_positions (account)), ==, 1);
  g_assert_cmpint (ml_position_get_contracts (p), ==, 1000);
  g_assert_cmpstr (ml_position_get_id (p), ==, "p1");
  ml_assert_close (ml_account_get_wallet_balance (account), 1000, ML_EXACT);
  ml_assert_close (ml_account_get_cross_wallet_balance (account), 700, ML_EXACT);
  ml_assert_close (ml_account_get_available_balance (account), 700, ML_EXACT);
  ml_assert_close (ml_account_get_equity (account), 1000, ML_EXACT);
  g_assert_true (ml_account_find_position (account, "p1") == p);
}

static void
test_refusals (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlOrder order = { NULL, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20, 0 };
  MlOrder o;

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.01, 60000, 10);

  o = order, o.quantity = 0;
  test_account_assert_refused_order (account, &o, "more than 0 BTC");
  o = order, o.quantity = -0.1;
  test_account_assert_refused_order (account, &o, "more than 0 BTC");
  o = order, o.quantity = NAN;
  test_account_assert_refused_order (account, &o, "more than 0 BTC");
  o = order, o.quantity = 1e300;
  test_account_assert_refused_order (account, &o, "at most 100,000 BTC");
  o = order, o.quantity = 0.00015;
  test_account_assert_refused_order (account, &o, "whole number of contracts");
  o = order, o.price = 0;
  test_account_assert_refused_order (account, &o, "price must be from 0.1");
  o = order, o.price = 4.9e-324;
  test_account_assert_refused_order (account, &o, "price must be from 0.1");
  o = order, o.price = INFINITY;
  test_account_assert_refused_order (account, &o, "price must be from 0.1");
  o = order, o.price = 60000.05;
  test_account_assert_refused_order (account, &o, "not on the 0.1 USDT tick");
  o = order, o.leverage = 0;
  test_account_assert_refused_order (account, &o, "from \u20681×\u2069 to \u2068125×\u2069");
  o = order, o.leverage = 126;
  test_account_assert_refused_order (account, &o, "from \u20681×\u2069 to \u2068125×\u2069");
  o = order, o.quantity = 1, o.leverage = 101;
  test_account_assert_refused_order (account, &o, "at most \u2068100×\u2069");
  o = order, o.quantity = 40000;
  test_account_assert_refused_order (account, &o, "largest risk bracket");
  o = order, o.margin = 200;
  test_account_assert_refused_order (account, &o, "below the initial margin");
  o = order, o.mode = ML_MARGIN_MODE_CROSS, o.margin = 50;
  test_account_assert_refused_order (account, &o, "no margin of its own");
  /* 1 BTC at 20x needs 3,000 USDT; 939 are available. */
  o = order, o.quantity = 1;
  test_account_assert_refused_order (account, &o, "only");
  /* A long bought far above the mark is under water at once. */
  o = order, o.price = 64000;
  test_account_assert_refused_order (account, &o, "liquidated at once");
  o = order, o.id = "p1";
  test_account_assert_refused_order (account, &o, "already a position");
}

static void
test_fee_refusal_names_both_amounts (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 300, 60000);
  g_autoptr(GError) error = NULL;
  MlOrder order = { NULL, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20, 0 };

  ml_account_set_charge_fees (account, TRUE);
  g_assert_null (ml_account_open_position (account, &order, &error));
  g_assert_nonnull (strstr (error->message, "\u2068300.00\u00a0USDT\u2069"));
  g_assert_nonnull (strstr (error->message, "\u20683.00\u00a0USDT\u2069"));
}

static void
test_add_remove_margin (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  g_autoptr(GError) error = NULL;
  double lp = ml_position_get_liquidation_price (p);
  Snapshot before;

  g_assert_true (ml_account_add_margin (account, p, 100, &error));
  g_assert_no_error (error);
  /* Adding margin moves the liquidation price away, not the leverage. */
  g_assert_cmpfloat (ml_position_get_liquidation_price (p), <, lp);
  ml_assert_close (ml_position_get_liquidation_price (p), (6000.0 - 400) / (0.1 * 0.996), ML_EXACT);
  g_assert_cmpuint (ml_position_get_leverage (p), ==, 20);
  ml_assert_close (ml_account_get_available_balance (account), 600, ML_EXACT);

  /* Removable: min(W − MM, W + uPnL − N/λ) = min(400 − 24, 400 − 300) = 100 */
  ml_assert_close (ml_position_get_max_removable_margin (p), 100, ML_EXACT);

  test_account_snapshot (account, &before);
  g_assert_false (ml_account_remove_margin (account, p, 150, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "\u2068150.00\u00a0USDT\u2069"));
  g_assert_nonnull (strstr (error->message, "\u2068100.00\u00a0USDT\u2069"));
  test_account_assert_unchanged (account, &before);
  g_clear_error (&error);

  test_account_snapshot (account, &before);
  g_assert_false (ml_account_add_margin (account, p, 601, &error));
  g_assert_nonnull (strstr (error->message, "\u2068600.00\u00a0USDT\u2069"));
  g_clear_error (&error);
  g_assert_false (ml_account_add_margin (account, p, -5, &error));
  g_clear_error (&error);
  g_assert_false (ml_account_add_margin (account, p, NAN, &error));
  g_clear_error (&error);
  test_account_assert_unchanged (account, &before);

  g_assert_true (ml_account_remove_margin (account, p, 100, &error));
  ml_assert_close (ml_position_get_liquidation_price (p), lp, ML_EXACT);
}

static void
test_margin_of_cross_refused (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  g_autoptr(GError) error = NULL;

  g_assert_false (ml_account_add_margin (account, p, 10, &error));
  g_assert_nonnull (strstr (error->message, "cross margin"));
}

static void
test_close (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  g_autoptr(GError) error = NULL;

  ml_account_set_charge_fees (account, TRUE);
  g_assert_true (ml_account_move_mark_price (account, 61000, NULL, NULL));
  g_assert_true (ml_account_close_position (account, p, &error));
  /* +100 PnL, less 0.05 % of 6,100 */
  ml_assert_close (ml_account_get_wallet_balance (account), 1000 + 100 - 3.05, ML_EXACT);
  g_assert_cmpuint (g_list_model_get_n_items (ml_account_get_positions (account)), ==, 0);
}

static void
test_events_in_price_order (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 10000, 60000);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  MlPosition *far = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 5);
  MlPosition *near = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 50);
  MlPosition *shortp = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  double wallet = ml_account_get_wallet_balance (account);

  /* Down through both longs at once: the nearer one is reached first. */
  g_assert_true (ml_account_move_mark_price (account, 40000, events, NULL));
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_true (g_array_index (events, MlLiquidation, 0).position == near);
  g_assert_true (g_array_index (events, MlLiquidation, 1).position == far);
  g_assert_cmpfloat (g_array_index (events, MlLiquidation, 0).price, ==,
                     ml_position_get_liquidation_price (near));
  ml_assert_close (ml_account_get_wallet_balance (account),
                   wallet - ml_position_get_margin (near) - ml_position_get_margin (far), ML_EXACT);
  g_assert_false (ml_position_get_liquidated (shortp));

  /* Sticky: coming back does not revive them, and nothing fires twice. */
  g_array_set_size (events, 0);
  g_assert_true (ml_account_move_mark_price (account, 60000, events, NULL));
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_true (ml_position_get_liquidated (near));
  g_assert_cmpfloat (ml_position_get_remaining_collateral (near), ==, 0);
}

static void
test_account_count_signal (MlAccount  *account,
                           MlPosition *position,
                           double      price,
                           guint      *count)
{
  (*count)++;
}

static void
test_pool_liquidation (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  MlPosition *iso = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.01, 60000, 10);
  MlPosition *a = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  MlPosition *b = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.05, 60000, 20);
  double lpc = ml_account_get_cross_liquidation_price (account);
  double iso_lp = ml_position_get_liquidation_price (iso);
  guint signalled = 0;

  /* WBc = 1000 − 60 = 940; long 0.15 at 60,000: LPc = (9000 − 940) / (0.15 × 0.996) */
  ml_assert_close (lpc, 8060.0 / 0.1494, ML_EXACT);
  g_assert_cmpfloat (ml_position_get_liquidation_price (a), ==, lpc);
  g_assert_cmpfloat (ml_position_get_liquidation_price (b), ==, lpc);
  ml_assert_close (ml_account_get_cross_bankruptcy_price (account), (9000.0 - 940) / 0.15, ML_EXACT);

  g_signal_connect (account, "liquidated", G_CALLBACK (test_account_count_signal), &signalled);
  g_assert_true (ml_account_move_mark_price (account, 50000, events, NULL));
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpuint (signalled, ==, 2);
  g_assert_cmpfloat (g_array_index (events, MlLiquidation, 0).price, ==, lpc);
  g_assert_true (ml_position_get_liquidated (a) && ml_position_get_liquidated (b));
  /* The whole cross balance is gone; the isolated short is untouched. */
  ml_assert_close (ml_account_get_wallet_balance (account), 60, ML_EXACT);
  g_assert_false (ml_position_get_liquidated (iso));
  g_assert_cmpfloat (ml_position_get_liquidation_price (iso), ==, iso_lp);
  ml_assert_close (ml_position_get_margin (iso), 60, ML_EXACT);
  ml_assert_close (ml_account_get_equity (account), 60 + 0.01 * 10000, ML_EXACT);
}

static void
test_cross_liquidation_moves_with_other_positions (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  double before;

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  before = ml_account_get_cross_liquidation_price (account);
  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.05, 60000, 20);
  /* A second cross long shares the pool: the first one's liquidation price rises. */
  g_assert_cmpfloat (ml_account_get_cross_liquidation_price (account), >, before);
}

static void
test_margin_ratio (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);

  g_assert_cmpfloat (ml_account_get_cross_margin_ratio (account), ==, 0);
  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  /* MM 24 over a pool of 1,000 */
  ml_assert_close (ml_account_get_cross_margin_ratio (account), 0.024, ML_EXACT);
  ml_assert_close (ml_account_get_cross_maintenance_margin (account), 24, ML_EXACT);
}

static void
test_margin_ratio_level (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);

  g_assert_cmpint (ml_account_get_margin_ratio_level (account), ==, ML_RATIO_LEVEL_NONE);
  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  /* pool(P) = 1000 + 0.1 (P − 60,000) = 0.1 P − 5000, MM(P) = 0.1 P × 0.4 %:
   * at 50,300 MM 20.12 over a pool of 30 is 67.07 %; at 50,240 MM 20.096 over 24 is
   * 83.73 %, past the 80 % warning and still above LPc = 5000 / 0.0996 = 50,200.80. */
  g_assert_cmpint (ml_account_get_margin_ratio_level (account), ==, ML_RATIO_LEVEL_SAFE);
  g_assert_true (ml_account_move_mark_price (account, 50300, NULL, NULL));
  ml_assert_close (ml_account_get_cross_margin_ratio (account), 20.12 / 30, ML_EXACT);
  g_assert_cmpint (ml_account_get_margin_ratio_level (account), ==, ML_RATIO_LEVEL_SAFE);
  g_assert_true (ml_account_move_mark_price (account, 50240, NULL, NULL));
  ml_assert_close (ml_account_get_cross_margin_ratio (account), 20.096 / 24, ML_EXACT);
  g_assert_cmpint (ml_account_get_margin_ratio_level (account), ==, ML_RATIO_LEVEL_WARNING);
  /* Liquidated, the pool holds no cross position any more. */
  g_assert_true (ml_account_move_mark_price (account, 50000, NULL, NULL));
  g_assert_cmpint (ml_account_get_margin_ratio_level (account), ==, ML_RATIO_LEVEL_NONE);
}

typedef struct
{
  guint equity;
  guint mark;
  guint pnl;
  guint margin;
} Counts;

static void
test_account_count (GObject    *object,
                    GParamSpec *pspec,
                    guint      *counter)
{
  (*counter)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  Counts c = { 0 };

  g_signal_connect (account, "notify::equity", G_CALLBACK (test_account_count), &c.equity);
  g_signal_connect (account, "notify::mark-price", G_CALLBACK (test_account_count), &c.mark);
  g_signal_connect (p, "notify::unrealized-pnl", G_CALLBACK (test_account_count), &c.pnl);
  g_signal_connect (p, "notify::margin", G_CALLBACK (test_account_count), &c.margin);

  g_object_set (account, "mark-price", 60000.0, NULL);
  g_assert_cmpuint (c.mark, ==, 0);
  g_assert_cmpuint (c.equity, ==, 0);
  g_assert_cmpuint (c.pnl, ==, 0);

  g_object_set (account, "mark-price", 61000.0, NULL);
  g_assert_cmpuint (c.mark, ==, 1);
  g_assert_cmpuint (c.equity, ==, 1);
  g_assert_cmpuint (c.pnl, ==, 1);
  g_assert_cmpuint (c.margin, ==, 0);

  /* A change that leaves the numbers as they were notifies nothing. */
  ml_account_set_charge_fees (account, FALSE);
  g_assert_cmpuint (c.equity, ==, 1);

  g_assert_true (ml_account_add_margin (account, p, 10, NULL));
  g_assert_cmpuint (c.margin, ==, 1);
  g_assert_cmpuint (c.pnl, ==, 1);
}

static void
test_account_items_changed (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            guint      *changes)
{
  (*changes)++;
}

static void
test_list_model (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  GListModel *model = ml_account_get_positions (account);
  guint changes = 0;
  MlPosition *p;

  g_assert_true (g_list_model_get_item_type (model) == ML_TYPE_POSITION);
  g_signal_connect (model, "items-changed", G_CALLBACK (test_account_items_changed), &changes);
  p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (ml_account_close_position (account, p, NULL));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

static void
test_copy_is_independent (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(MlAccount) copy = NULL;

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  copy = ml_account_copy (account);
  g_assert_true (ml_account_move_mark_price (copy, 50000, NULL, NULL));
  g_assert_cmpfloat (ml_account_get_mark_price (account), ==, 60000);
  g_assert_cmpfloat (ml_account_get_wallet_balance (account), ==, 1000);
  g_assert_cmpfloat (ml_account_get_wallet_balance (copy), ==, 700);
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_funding_can_liquidate (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  MlPosition *p;

  p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 125);
  /* IM 48, MM 24 at the mark: one payment of 0.3 % (18 USDT) leaves 30; two leave 12. */
  g_assert_true (ml_account_apply_funding (account, 0.003, events, NULL));
  g_assert_false (ml_position_get_liquidated (p));
  g_assert_true (ml_account_apply_funding (account, 0.003, events, NULL));
  g_assert_true (ml_position_get_liquidated (p));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpfloat (g_array_index (events, MlLiquidation, 0).price, ==, 60000);
  /* Dead at the mark with W = 12: the record keeps the prices the payment moved it to,
   * LP = (6000 − 12) / (0.1 × 0.996) and BP = 60,000 − 12 / 0.1, and realises −W. */
  ml_assert_close (ml_position_get_liquidated_at (p), 60000, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (p), 5988.0 / 0.0996, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (p), 59880, ML_EXACT);
  ml_assert_close (ml_position_get_realized_pnl (p), -12, ML_EXACT);
  ml_assert_close (ml_account_get_wallet_balance (account), 1000 - 36 - 12, ML_EXACT);
}

static void
test_isolated_liquidation_record (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(MlAccount) copy = NULL;
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);

  g_assert_cmpfloat (ml_position_get_liquidated_at (p), ==, ML_PRICE_NONE);
  g_assert_cmpfloat (ml_position_get_realized_pnl (p), ==, 0);

  /* margin-model.md's isolated long, W = 300: LP 57,228.9156626506, BP 57,000. Closed at BP
   * it realises 0.1 × (57,000 − 60,000) = −300, all of W; the wallet keeps 700. */
  g_assert_true (ml_account_move_mark_price (account, 56000, NULL, NULL));
  g_assert_true (ml_position_get_liquidated (p));
  ml_assert_close (ml_position_get_liquidated_at (p), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (p), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (p), 57000, ML_EXACT);
  ml_assert_close (ml_position_get_realized_pnl (p), -300, ML_EXACT);
  g_assert_cmpfloat (ml_position_get_unrealized_pnl (p), ==, 0);
  g_assert_cmpfloat (ml_position_get_remaining_collateral (p), ==, 0);
  ml_assert_close (ml_account_get_wallet_balance (account), 700, ML_EXACT);

  /* Undo restores copies: the record must travel with them, and stay put on later moves. */
  copy = ml_account_copy (account);
  p = ml_account_find_position (copy, "p1");
  g_assert_true (ml_account_move_mark_price (copy, 65000, NULL, NULL));
  ml_assert_close (ml_position_get_liquidated_at (p), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (p), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (p), 57000, ML_EXACT);
  ml_assert_close (ml_position_get_realized_pnl (p), -300, ML_EXACT);
}

static void
test_pool_liquidation_record (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *l = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.05, 60000, 30);
  MlPosition *s = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.01, 60000, 30);

  /* WBc = 1000; pool(P) = 1000 + 0.05 (P − 60,000) − 0.01 (P − 60,000) = 0.04 P − 1400.
   * BPc = 1400 / 0.04 = 35,000. Bracket 1 (MMR 0.4 %, cum 0) for both sizes there:
   * LPc = (1000 − 0.04 × 60,000) / (0.06 × 0.004 − 0.04) = 1400 / 0.03976.
   * At BPc the long realises 0.05 × (35,000 − 60,000) = −1250, the short
   * −0.01 × (35,000 − 60,000) = +250: −1000 together, the whole WBc. */
  g_assert_true (ml_account_move_mark_price (account, 30000, NULL, NULL));
  g_assert_true (ml_position_get_liquidated (l) && ml_position_get_liquidated (s));
  for (guint i = 0; i < 2; i++)
    {
      MlPosition *p = i == 0 ? l : s;

      ml_assert_close (ml_position_get_liquidated_at (p), 1400 / 0.03976, ML_EXACT);
      ml_assert_close (ml_position_get_liquidation_price (p), 1400 / 0.03976, ML_EXACT);
      ml_assert_close (ml_position_get_bankruptcy_price (p), 35000, ML_EXACT);
      g_assert_cmpfloat (ml_position_get_remaining_collateral (p), ==, 0);
    }
  ml_assert_close (ml_position_get_realized_pnl (l), -1250, ML_EXACT);
  ml_assert_close (ml_position_get_realized_pnl (s), 250, ML_EXACT);
  ml_assert_close (ml_account_get_wallet_balance (account), 0, ML_EXACT);
}

static void
test_hedged_pool_liquidation_record (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1200, 60000);
  MlPosition *l = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 1, 60000, 100);
  MlPosition *s = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.999, 60000, 100);
  double lp = 1240 / 0.008995;

  /* pool(P) = 1200 + 0.001 (P − 60,000) = 1140 + 0.001 P never reaches 0 at a positive price
   * (no BPc), but bracket 2 (0.5 %, cum 50) for both sizes gives MM = 0.009995 P − 100, which
   * outgrows it: liquidated above, at LPc = 1240 / 0.008995 = 137,854.36. Closed there, the
   * long realises LPc − 60,000 and the short −0.999 (LPc − 60,000); the pool left at LPc (its
   * maintenance margin) goes to the insurance fund, and the wallet loses all 1200. */
  g_assert_cmpfloat (ml_account_get_cross_bankruptcy_price (account), ==, ML_PRICE_NONE);
  g_assert_true (ml_account_move_mark_price (account, 140000, NULL, NULL));
  g_assert_true (ml_position_get_liquidated (l) && ml_position_get_liquidated (s));
  ml_assert_close (ml_position_get_liquidated_at (l), lp, ML_EXACT);
  g_assert_cmpfloat (ml_position_get_bankruptcy_price (l), ==, ML_PRICE_NONE);
  ml_assert_close (ml_position_get_realized_pnl (l), lp - 60000, ML_EXACT);
  ml_assert_close (ml_position_get_realized_pnl (s), -0.999 * (lp - 60000), ML_EXACT);
  ml_assert_close (ml_account_get_wallet_balance (account), 0, 1e-9);
}

typedef struct
{
  MlPosition *position;
  guint       count;
} Witness;

/* What a handler sees must already be the account after the liquidation. */
static void
test_account_witness_liquidated (MlAccount  *account,
                                 MlPosition *position,
                                 double      price,
                                 Witness    *w)
{
  g_assert_true (position == w->position);
  g_assert_cmpfloat (ml_account_get_mark_price (account), ==, 39000);
  g_assert_cmpfloat (ml_account_get_cross_pool (account), ==, 0);
  g_assert_cmpfloat (ml_account_get_equity (account), ==, 0);
  g_assert_cmpuint (ml_account_get_n_cross_positions (account), ==, 0);
  g_assert_cmpfloat (ml_position_get_notional (position), ==, 0);
  g_assert_cmpfloat (ml_position_get_unrealized_pnl (position), ==, 0);
  g_assert_cmpfloat (ml_position_get_remaining_collateral (position), ==, 0);
  ml_assert_close (ml_position_get_bankruptcy_price (position), 40000, ML_EXACT);
  ml_assert_close (ml_position_get_realized_pnl (position), -1000, ML_EXACT);
  w->count++;
}

static void
test_liquidated_signal_sees_current_values (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  Witness w = { 0 };

  /* The article's cross long: wallet 1000, long 0.05 at 60,000, 30x. pool(P) = 0.05 P − 2000:
   * BPc = 40,000, LPc = 2000 / (0.05 × 0.996) = 40,160.64; closed at BPc it realises
   * 0.05 × (40,000 − 60,000) = −1000, the whole pool. */
  w.position = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.05, 60000, 30);
  ml_assert_close (ml_account_get_cross_liquidation_price (account), 2000 / 0.0498, ML_EXACT);
  g_signal_connect (account, "liquidated", G_CALLBACK (test_account_witness_liquidated), &w);
  g_assert_true (ml_account_move_mark_price (account, 39000, NULL, NULL));
  g_assert_cmpuint (w.count, ==, 1);
  ml_assert_close (ml_position_get_liquidated_at (w.position), 2000 / 0.0498, ML_EXACT);
}

static void
test_bad_mark_price (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(GError) error = NULL;

  g_assert_false (ml_account_move_mark_price (account, -1, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (ml_account_move_mark_price (account, NAN, NULL, &error));
  g_clear_error (&error);
  g_assert_false (ml_account_move_mark_price (account, 1e9, NULL, &error));
  g_assert_cmpfloat (ml_account_get_mark_price (account), ==, 60000);
}

static void
test_finalize (void)
{
  MlAccount *account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);

  g_object_add_weak_pointer (G_OBJECT (p), (gpointer *)&p);
  g_assert_finalize_object (account);
  g_assert_null (p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account/open-isolated", test_open_isolated);
  g_test_add_func ("/account/refusals", test_refusals);
  g_test_add_func ("/account/fee-refusal-names-both-amounts", test_fee_refusal_names_both_amounts);
  g_test_add_func ("/account/add-remove-margin", test_add_remove_margin);
  g_test_add_func ("/account/margin-of-cross-refused", test_margin_of_cross_refused);
  g_test_add_func ("/account/close", test_close);
  g_test_add_func ("/account/events-in-price-order", test_events_in_price_order);
  g_test_add_func ("/account/pool-liquidation", test_pool_liquidation);
  g_test_add_func ("/account/cross-liquidation-moves", test_cross_liquidation_moves_with_other_positions);
  g_test_add_func ("/account/margin-ratio", test_margin_ratio);
  g_test_add_func ("/account/margin-ratio-level", test_margin_ratio_level);
  g_test_add_func ("/account/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/account/list-model", test_list_model);
  g_test_add_func ("/account/copy-is-independent", test_copy_is_independent);
  g_test_add_func ("/account/funding-can-liquidate", test_funding_can_liquidate);
  g_test_add_func ("/account/isolated-liquidation-record", test_isolated_liquidation_record);
  g_test_add_func ("/account/pool-liquidation-record", test_pool_liquidation_record);
  g_test_add_func ("/account/hedged-pool-liquidation-record", test_hedged_pool_liquidation_record);
  g_test_add_func ("/account/liquidated-signal-sees-current-values",
                   test_liquidated_signal_sees_current_values);
  g_test_add_func ("/account/bad-mark-price", test_bad_mark_price);
  g_test_add_func ("/account/finalize", test_finalize);

  return g_test_run ();
}
