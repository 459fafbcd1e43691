/* test-loss.c — what a trade can lose, margin-model.md's "What a trade can lose"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every amount is worked by hand in the comment beside it, from the model's rules and the
 * Binance brackets (bracket 1: notional up to 50,000, MMR 0.40 %, cum 0). Each case is asked
 * of the account with the order placed. The tests run with LC_ALL=C.UTF-8: no digit grouping.
 */

#include "config.h"

#include "margin-lab-core.h"
#include "ml-test-util.h"

static MlAccount *
test_loss_fresh_lab (double wallet)
{
  return ml_account_new (ml_brackets_get_default (), wallet, 60000);
}

static void
test_loss_assert (MlAccount  *account,
                  MlPosition *position,
                  MlLossKind  kind,
                  double      amount,
                  const char *words)
{
  g_autofree char *described = ml_loss_describe (account, position);
  double computed = -1;

  g_assert_cmpint (ml_loss_compute (account, position, &computed), ==, kind);
  ml_assert_close (computed, amount, ML_EXACT);
  g_assert_cmpstr (described, ==, words);
}

/* The article's 100 USDT of isolated margin: 0.05 BTC at 60,000 and 30x, W = 0.05 × 60,000 /
 * 30 = 100. Liquidation takes all of it and nothing else. */
static void
test_isolated_margin (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.05, 60000, 30);

  test_loss_assert (account, p, ML_LOSS_ISOLATED_MARGIN, 100, "at most \u2068100.00\u00a0USDT\u2069, its isolated margin");
}

/* With fees: the worked example's isolated long, 0.1 BTC at 60,000, 20x, W = 300, LP =
 * 57,228.9156626506 (the margin is not reduced by the fee, so LP does not move). Opening at the
 * mark takes liquidity: 6,000 × 0.05 % = 3.00; closing where the margin runs out, at LP:
 * 0.1 × 57,228.9156626506 × 0.05 % = 2.86144578313253. 300 + 3 + 2.86144578313253 =
 * 305.86144578313253, shown 305.86. */
static void
test_isolated_with_fees (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *p;

  ml_account_set_charge_fees (account, TRUE);
  p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  test_loss_assert (account, p, ML_LOSS_ISOLATED_MARGIN, 305.86144578313253,
                    "at most \u2068305.86\u00a0USDT\u2069, its isolated margin and its fees");
}

/* The fresh lab's order, 0.01 BTC cross at 60,000 and 10x, against 1,000 USDT: the pool
 * 1,000 + 0.01 (X − 60,000) meets its maintenance 0.01 · X · 0.4 % where 400 + 0.00996 X = 0,
 * at no positive price. It can only fall with BTC: 0.01 × (60,000 − 0.1) = 599.999, shown
 * 600.00, not the whole 1,000. */
static void
test_cross_long_unliquidatable (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.01, 60000, 10);

  test_loss_assert (account, p, ML_LOSS_CROSS_FALL, 599.999, "at most \u2068600.00\u00a0USDT\u2069, if BTC fell to zero");
}

/* 0.1 BTC cross long at 60,000, 20x: 1,000 + 0.1 (X − 60,000) = 0.1 · X · 0.4 % at
 * X = 5,000 / 0.0996 = 50,200.8. The pool has a liquidation price: all 1,000 of it is lost. */
static void
test_cross_pool (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);

  test_loss_assert (account, p, ML_LOSS_CROSS_POOL, 1000,
                    "the whole cross pool, \u20681000.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");
}

/* A short's pool ends above: 1,000 − 0.1 (X − 60,000) = 0.1 · X · 0.4 % at X = 7,000 / 0.1004 =
 * 69,721.1. Still the whole pool. */
static void
test_cross_short_pool (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);

  test_loss_assert (account, p, ML_LOSS_CROSS_POOL, 1000,
                    "the whole cross pool, \u20681000.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");
}

/* The order decides for the pool, and for every cross position in it: the fresh lab's
 * 0.01 BTC long cannot be liquidated alone (599.999, above), but with 0.1 BTC more at 20x the
 * pool 1,000 + 0.11 (X − 60,000) meets 0.11 · X · 0.4 % at X = 5,600 / 0.10956 = 51,113.5. */
static void
test_order_makes_pool_liquidatable (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *first = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.01, 60000, 10);
  MlPosition *second;
  double amount;

  g_assert_cmpint (ml_loss_compute (account, first, &amount), ==, ML_LOSS_CROSS_FALL);
  second = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  test_loss_assert (account, second, ML_LOSS_CROSS_POOL, 1000,
                    "the whole cross pool, \u20681000.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");
  test_loss_assert (account, first, ML_LOSS_CROSS_POOL, 1000,
                    "the whole cross pool, \u20681000.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");
}

/* A net short that no price can liquidate: 0.0001 BTC short at 60,000 on 20,000 USDT. At the
 * highest price, 100,000,000, the pool is 20,000 − 0.0001 × 99,940,000 = 10,006 against a
 * maintenance of 0.0001 × 100,000,000 × 0.4 % = 40 (10,000 of notional, bracket 1). It loses at
 * most 0.0001 × (100,000,000 − 60,000) = 9,994. */
static void
test_cross_short_unliquidatable (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (20000);
  MlPosition *p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.0001, 60000, 10);

  test_loss_assert (account, p, ML_LOSS_CROSS_RISE, 9994,
                    "at most \u20689994.00\u00a0USDT\u2069, if BTC rose to 100000000.0");
}

/* A long and a short of 0.0001 BTC each: the pool stays at 1,000 at every price, and its
 * maintenance, 2 × 0.0001 × X × 0.4 %, is 80 at the highest price. Nothing to lose. */
static void
test_cross_hedged (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *p;

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.0001, 60000, 10);
  p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.0001, 60000, 10);
  test_loss_assert (account, p, ML_LOSS_CROSS_HEDGED, 0,
                    "nothing as the price moves: its cross pool’s longs and shorts cancel out");
}

/* An isolated position beside a liquidatable pool still loses only its own margin, and its
 * margin leaves the pool: 0.1 BTC isolated at 20x sets 300 aside, so the cross long of 0.1 BTC
 * at 20x has a pool of 700: 700 + 0.1 (X − 60,000) = 0.1 · X · 0.4 % at X = 5,300 / 0.0996. */
static void
test_isolated_beside_pool (void)
{
  g_autoptr(MlAccount) account = test_loss_fresh_lab (1000);
  MlPosition *isolated = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  MlPosition *cross = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);

  test_loss_assert (account, isolated, ML_LOSS_ISOLATED_MARGIN, 300, "at most \u2068300.00\u00a0USDT\u2069, its isolated margin");
  test_loss_assert (account, cross, ML_LOSS_CROSS_POOL, 700,
                    "the whole cross pool, \u2068700.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loss/isolated-margin", test_isolated_margin);
  g_test_add_func ("/loss/isolated-with-fees", test_isolated_with_fees);
  g_test_add_func ("/loss/cross-long-unliquidatable", test_cross_long_unliquidatable);
  g_test_add_func ("/loss/cross-pool", test_cross_pool);
  g_test_add_func ("/loss/cross-short-pool", test_cross_short_pool);
  g_test_add_func ("/loss/order-makes-pool-liquidatable", test_order_makes_pool_liquidatable);
  g_test_add_func ("/loss/cross-short-unliquidatable", test_cross_short_unliquidatable);
  g_test_add_func ("/loss/cross-hedged", test_cross_hedged);
  g_test_add_func ("/loss/isolated-beside-pool", test_isolated_beside_pool);

  return g_test_run ();
}
