/* test-formulas.c — margin-model.md's worked examples, to 1e-9 relative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "margin-lab-core.h"
#include "ml-test-util.h"

static void
test_isolated_long (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);

  ml_assert_close (ml_position_get_margin (p), 300, ML_EXACT);
  ml_assert_close (ml_position_get_initial_margin (p), 300, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (p), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (p), 57000, ML_EXACT);
}

static void
test_isolated_short (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);

  ml_assert_close (ml_position_get_liquidation_price (p), 62749.0039840637, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (p), 63000, ML_EXACT);
}

static void
test_check_at_liquidation_price (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  double lp = ml_position_get_liquidation_price (p);

  /* "W + uPnL = MM = 22.8915662651" at P = LP */
  ml_assert_close (300 + 0.1 * (lp - 60000), 22.8915662651, 1e-9);
  ml_assert_close (ml_brackets_maintenance_margin (ml_brackets_get_default (), 0.1 * lp),
                   22.8915662651, 1e-9);

  /* A hair above, the position lives on that balance; at LP itself it is liquidated. */
  g_assert_true (ml_account_move_mark_price (account, lp * (1 + 1e-12), events, NULL));
  g_assert_false (ml_position_get_liquidated (p));
  ml_assert_close (ml_position_get_remaining_collateral (p), 22.8915662651, 1e-6);
  ml_assert_close (ml_position_get_maintenance_margin (p), 22.8915662651, 1e-6);

  g_assert_true (ml_account_move_mark_price (account, lp, events, NULL));
  g_assert_true (ml_position_get_liquidated (p));
  g_assert_cmpuint (events->len, ==, 1);
  ml_assert_close (g_array_index (events, MlLiquidation, 0).price, 57228.9156626506, ML_EXACT);
  g_assert_cmpfloat (ml_position_get_remaining_collateral (p), ==, 0);
  /* The learner keeps none of the isolated margin. */
  ml_assert_close (ml_account_get_wallet_balance (account), 700, ML_EXACT);
}

static void
test_pnl_and_roe (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 100000, 60000);
  MlPosition *longp = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.5, 60000, 20);
  MlPosition *shortp = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.5, 60000, 20);

  g_assert_true (ml_account_move_mark_price (account, 61000, NULL, NULL));
  ml_assert_close (ml_position_get_unrealized_pnl (longp), 500, ML_EXACT);
  ml_assert_close (ml_position_get_unrealized_pnl (shortp), -500, ML_EXACT);
  /* "ROE 33.33\u00a0%" (rounded in the document) */
  ml_assert_close (ml_position_get_roe (longp), 0.3333, 1e-4);
  ml_assert_close (ml_position_get_roe (shortp), -0.3333, 1e-4);
  ml_assert_close (ml_position_get_roe (longp), 500.0 / 1500.0, ML_EXACT);
}

static void
test_funding (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 10000, 61000);
  g_autoptr(GError) error = NULL;
  MlPosition *cross = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.5, 61000, 20);
  MlPosition *isolated = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.5, 61000, 20);
  double margin_before = ml_position_get_margin (isolated);

  /* "long 0.5\u00a0BTC, mark 61,000, rate 0.0001: long pays 3.05", once per position */
  g_assert_true (ml_account_apply_funding (account, 0.0001, NULL, &error));
  g_assert_no_error (error);
  ml_assert_close (ml_account_get_wallet_balance (account), 10000 - 2 * 3.05, ML_EXACT);
  ml_assert_close (ml_position_get_margin (isolated), margin_before - 3.05, ML_EXACT);
  g_assert_false (ml_position_get_liquidated (cross));

  /* A short receives what a long pays. */
  g_assert_true (ml_account_apply_funding (account, -0.0001, NULL, &error));
  ml_assert_close (ml_account_get_wallet_balance (account), 10000, ML_EXACT);

  g_assert_false (ml_account_apply_funding (account, 0.5, NULL, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
}

static void
test_fee (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);

  /* "notional 6,000, taker 0.05\u00a0%: 3.00", only when fees are charged */
  g_assert_cmpfloat (ml_account_order_fee (account, 6000, 60000), ==, 0);
  ml_account_set_charge_fees (account, TRUE);
  ml_assert_close (ml_account_order_fee (account, 6000, 60000), 3.00, ML_EXACT);

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  ml_assert_close (ml_account_get_wallet_balance (account), 997, ML_EXACT);
  /* The fee comes from the pool, not from the isolated margin. */
  ml_assert_close (ml_account_get_cross_wallet_balance (account), 697, ML_EXACT);
}

static MlAccount *
test_formulas_flat_account (double mark)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlBrackets) flat = ml_brackets_new_flat (0.01, 0.01, &error);

  g_assert_no_error (error);
  return ml_account_new (flat, 100, mark);
}

static void
test_flat_rate (void)
{
  g_autoptr(MlAccount) account = test_formulas_flat_account (10);
  MlPosition *longp = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 1.0, 10, 5);
  MlPosition *shortp = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 1.0, 10, 5);

  ml_assert_close (ml_position_get_margin (longp), 2, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (longp), 8.070707070707071, ML_EXACT);
  ml_assert_close (ml_position_get_liquidation_price (shortp), 11.89108910891089, ML_EXACT);
}

/* margin-model.md: "the bracket must be the one that holds Q·LP, not Q·E". */
static void
test_bracket_self_consistent (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000000, 60000);
  MlPosition *p;

  /* Long 1 BTC at 60,000, 2x (W = 30,000): the entry bracket (0.5 %, cum 50) would give
   * (60000 − 30000 − 50) / 0.995 = 30,100.5, whose notional is in bracket 1; there
   * (0.4 %, cum 0) the price is (60000 − 30000) / 0.996, which stays in bracket 1. */
  p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 1, 60000, 2);
  ml_assert_close (ml_position_get_liquidation_price (p), 30000.0 / 0.996, ML_EXACT);
  g_assert_cmpuint (ml_brackets_find (ml_brackets_get_default (), 30000.0 / 0.996), ==, 0);

  /* Short 1 BTC at 50,000 (bracket 1 at entry), 2x (W = 25,000): the entry bracket would
   * give 75000 / 1.004 = 74,701.2, in bracket 2; there (0.5 %, cum 50) it is
   * (50000 + 25000 + 50) / 1.005, which stays in bracket 2. */
  p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 1, 50000, 2);
  ml_assert_close (ml_position_get_liquidation_price (p), 75050.0 / 1.005, ML_EXACT);

  /* 10 BTC at 60,000 is 600,000 USDT, the top of bracket 2; at 10x (W = 60,000) the
   * liquidation price stays in bracket 2: (600000 − 60000 − 50) / (10 × 0.995). */
  p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 10, 60000, 10);
  ml_assert_close (ml_position_get_liquidation_price (p), 539950.0 / 9.95, ML_EXACT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formulas/isolated-long", test_isolated_long);
  g_test_add_func ("/formulas/isolated-short", test_isolated_short);
  g_test_add_func ("/formulas/check-at-liquidation-price", test_check_at_liquidation_price);
  g_test_add_func ("/formulas/pnl-and-roe", test_pnl_and_roe);
  g_test_add_func ("/formulas/funding", test_funding);
  g_test_add_func ("/formulas/fee", test_fee);
  g_test_add_func ("/formulas/flat-rate", test_flat_rate);
  g_test_add_func ("/formulas/bracket-self-consistent", test_bracket_self_consistent);

  return g_test_run ();
}
