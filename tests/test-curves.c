/* test-curves.c — the chart's exact curves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "margin-lab-core.h"
#include "ml-test-util.h"

/* design.md's example: isolated long 0.1 @ 60,000 20x (W 300), cross short 0.05 @ 62,000 10x */
static MlAccount *
test_curves_design_example (void)
{
  MlAccount *account = ml_account_new (NULL, 1000, 62000);

  ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.05, 62000, 10);
  g_assert_true (ml_account_move_mark_price (account, 60000, NULL, NULL));
  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  return account;
}

static void
test_isolated_curve (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  g_autoptr(MlCurve) curve = ml_account_get_position_curve (account, p);
  double from, to, a, b, value;

  g_assert_cmpuint (ml_curve_get_n_breakpoints (curve), ==, 1);
  ml_assert_close (ml_curve_get_breakpoint (curve, 0, &value), 57228.9156626506, ML_EXACT);
  /* Liquidated at its liquidation price: nothing remains there. */
  g_assert_cmpfloat (value, ==, 0);

  ml_curve_get_piece (curve, 0, &from, &to, &a, &b);
  g_assert_cmpfloat (from, ==, 0);
  g_assert_cmpfloat (a, ==, 0);
  g_assert_cmpfloat (b, ==, 0);
  ml_curve_get_piece (curve, 1, &from, &to, &a, &b);
  g_assert_true (isinf (to));
  /* W + Q·(P − E) = 300 − 6000 + 0.1·P */
  ml_assert_close (a, -5700, ML_EXACT);
  ml_assert_close (b, 0.1, ML_EXACT);

  ml_assert_close (ml_curve_evaluate (curve, 60000), 300, ML_EXACT);
  ml_assert_close (ml_curve_evaluate (curve, 57229), 0.1 * 57229 - 5700, ML_EXACT);
  g_assert_cmpfloat (ml_curve_evaluate (curve, 57000), ==, 0);
}

static void
test_account_curve (void)
{
  g_autoptr(MlAccount) account = test_curves_design_example ();
  g_autoptr(MlCurve) curve = ml_account_get_account_curve (account);
  g_autoptr(MlCurve) pool = ml_account_get_pool_curve (account);
  double cross_lp = 3800.0 / 0.0502; /* (700 + 3,100) / (0.05 × 1.004) */

  g_assert_cmpuint (ml_curve_get_n_breakpoints (curve), ==, 2);
  ml_assert_close (ml_curve_get_breakpoint (curve, 0, NULL), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_curve_get_breakpoint (curve, 1, NULL), cross_lp, ML_EXACT);

  /* Below the isolated long's liquidation the account is the pool alone. */
  ml_assert_close (ml_curve_evaluate (curve, 50000), 700 + 0.05 * 12000, ML_EXACT);
  ml_assert_close (ml_curve_evaluate (curve, 60000), 1100, ML_EXACT);
  ml_assert_close (ml_curve_evaluate (curve, 60000), ml_account_get_equity (account), ML_EXACT);
  /* Above the pool's, the isolated long alone. */
  ml_assert_close (ml_curve_evaluate (curve, 80000), 300 + 0.1 * 20000, ML_EXACT);

  g_assert_cmpuint (ml_curve_get_n_breakpoints (pool), ==, 1);
  g_assert_cmpfloat (ml_curve_evaluate (pool, cross_lp * 1.0001), ==, 0);
  ml_assert_close (ml_curve_evaluate (pool, 60000), 800, ML_EXACT);
}

static void
test_other_mode_curve (void)
{
  g_autoptr(MlAccount) account = test_curves_design_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCurve) other = ml_account_get_other_mode_curve (account, &error);
  /* Flipped: the short becomes isolated with W = its IM 310, the long joins a pool of
   * 1000 − 310 = 690. Long pool: (6000 − 690) / (0.1 × 0.996); isolated short:
   * (3100 + 310) / (0.05 × 1.004). */
  double pool_lp = 5310.0 / 0.0996, short_lp = 3410.0 / 0.0502;

  g_assert_no_error (error);
  g_assert_cmpuint (ml_curve_get_n_breakpoints (other), ==, 2);
  ml_assert_close (ml_curve_get_breakpoint (other, 0, NULL), pool_lp, ML_EXACT);
  ml_assert_close (ml_curve_get_breakpoint (other, 1, NULL), short_lp, ML_EXACT);
  /* The same account, the same equity at the mark; different fates elsewhere. */
  ml_assert_close (ml_curve_evaluate (other, 60000), 1100, ML_EXACT);
  ml_assert_close (ml_curve_evaluate (other, 55000), 690 + 0.1 * -5000 + 310 + 0.05 * 7000, ML_EXACT);
}

static void
test_no_comparison (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlCurve) other = NULL;

  /* Cross 0.1 BTC at 10x: 600 USDT of initial margin, more than the 500 in the wallet; the
   * pool itself is fine (MM 24). Isolated, it could not exist. */
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (
    "{\"margin-lab-scenario\": 1, \"wallet_balance\": 500, \"mark_price\": 60000,"
    " \"positions\": [{\"id\": \"a\", \"side\": \"long\", \"mode\": \"cross\", \"quantity\": 0.1,"
    " \"entry_price\": 60000, \"leverage\": 10}]}", -1, "test", &error);

  g_assert_no_error (error);
  other = ml_account_get_other_mode_curve (ml_scenario_get_account (scenario), &error);
  g_assert_null (other);
  g_assert_error (error, ML_ERROR, ML_ERROR_NO_COMPARISON);
  g_assert_nonnull (strstr (error->message, "\u2068600.00\u00a0USDT\u2069"));
}

static void
test_hedged_pool_has_two_ends (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "hedged-cross-pool.mlscenario", NULL);
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, &error);
  g_autoptr(MlCurve) pool = NULL;
  MlAccount *account;
  double low, high;

  g_assert_no_error (error);
  account = ml_scenario_get_account (scenario);
  ml_account_get_cross_survival (account, &low, &high);
  /* K = 520 − 600 = −80, S = 0.01. Low end, both legs in bracket 1:
   * −80 + 0.01·P − 1.99 × 0.004·P = 0. High end, both in bracket 3:
   * −80 + 1900 + 0.01·P − 1.99 × 0.0065·P = 0. */
  ml_assert_close (low, 80 / (0.01 - 1.99 * 0.004), ML_EXACT);
  ml_assert_close (high, 1820 / (1.99 * 0.0065 - 0.01), ML_EXACT);
  g_assert_cmpfloat (ml_account_get_cross_liquidation_price (account), ==, low);

  pool = ml_account_get_pool_curve (account);
  g_assert_cmpuint (ml_curve_get_n_breakpoints (pool), ==, 2);
  g_assert_cmpfloat (ml_curve_evaluate (pool, low), ==, 0);
  g_assert_cmpfloat (ml_curve_evaluate (pool, high), ==, 0);
  ml_assert_close (ml_curve_evaluate (pool, 60000), 520, 1e-9);
}

/* Hundreds of breakpoints, in an order the sort has to work for: the account curve is the
 * sum of every position's, at every price. */
static void
test_many_positions (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1e7, 60000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(MlCurve) curve = NULL;
  GListModel *positions = ml_account_get_positions (account);
  guint n;

  for (guint i = 0; i < 400; i++)
    {
      MlOrder order = { NULL, i % 2 ? ML_SIDE_LONG : ML_SIDE_SHORT,
                        i % 3 ? ML_MARGIN_MODE_ISOLATED : ML_MARGIN_MODE_CROSS,
                        g_rand_int_range (rand, 1, 5000) * 0.0001, 60000,
                        g_rand_int_range (rand, 1, 100), 0 };

      g_assert_nonnull (ml_account_open_position (account, &order, NULL));
    }

  curve = ml_account_get_account_curve (account);
  n = ml_curve_get_n_breakpoints (curve);
  g_assert_cmpuint (n, >, 200);
  for (guint i = 0; i + 1 < n; i++)
    {
      double x = ml_curve_get_breakpoint (curve, i, NULL);
      double next = ml_curve_get_breakpoint (curve, i + 1, NULL);
      double mid = (x + next) / 2, sum = 0, pool;
      g_autofree double *remaining = g_new (double, g_list_model_get_n_items (positions));

      g_assert_cmpfloat (x, <, next);
      /* Between breakpoints: the sum of what each isolated position and the pool keep. */
      ml_account_evaluate (account, mid, &pool, remaining, NULL);
      sum = pool;
      for (guint j = 0; j < g_list_model_get_n_items (positions); j++)
        {
          g_autoptr(MlPosition) p = g_list_model_get_item (positions, j);

          if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
            sum += remaining[j];
        }
      ml_assert_close (ml_curve_evaluate (curve, mid), sum, 1e-9);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curves/isolated", test_isolated_curve);
  g_test_add_func ("/curves/account", test_account_curve);
  g_test_add_func ("/curves/other-mode", test_other_mode_curve);
  g_test_add_func ("/curves/no-comparison", test_no_comparison);
  g_test_add_func ("/curves/hedged-pool-has-two-ends", test_hedged_pool_has_two_ends);
  g_test_add_func ("/curves/many-positions", test_many_positions);

  return g_test_run ();
}
