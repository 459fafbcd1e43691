/* bench-core.c — how fast the margin core is, against the targets of the issue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures and never fails on time: machines differ, and a timed test that fails on a
 * busy CI runner teaches nothing. Run it with `meson test -C BUILDDIR --benchmark -v`, or
 * directly: ./BUILDDIR/bench/bench-core. Every input is built from a fixed seed, so two runs
 * measure the same work.
 */

#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "margin-lab-core.h"
#include "ml-account-private.h"
#include "bench-common.h"

#ifndef ML_BENCH_BUILD
#define ML_BENCH_BUILD "unknown"
#endif

#define MARK_PRICE        60000.0
#define CONTRACTS_PER_BTC 10000.0

#define RECOMPUTE_POSITIONS   1000
#define RECOMPUTE_REPETITIONS 200
#define RECOMPUTE_TARGET_US   100.0

#define PATH_LENGTH      1000000
#define PATH_STEP        0.0005
#define PATH_REPETITIONS 10
#define PATH_TARGET_US   200000.0

#define WARM_UP 3

/* A restored position must be one a scenario could state: checked like a scenario's. */
static void
bench_core_restore (MlAccount     *account,
                    const MlOrder *order)
{
  g_autoptr(GError) error = NULL;

  if (!_ml_account_check_order (account, order, FALSE, NULL, &error))
    g_error ("Benchmark position %s is invalid: %s", order->id, error->message);
  _ml_account_restore (account, order);
}

static void
bench_core_check_state (MlAccount *account)
{
  g_autoptr(GError) error = NULL;
  guint index;

  if (!_ml_account_check_state (account, &index, &error))
    g_error ("Benchmark account is invalid (position %u): %s", index, error->message);
}

/* Whether an isolated position at @leverage keeps comfortably more than its maintenance
 * margin at the mark: the brackets of these sizes ask at most 0.5 % of the notional. */
static gboolean
bench_core_isolated_survives (MlSide side,
                              double entry,
                              guint  leverage)
{
  double pnl_per_btc = ml_side_sign (side) * (MARK_PRICE - entry);

  return entry / leverage + pnl_per_btc > 2 * 0.005 * MARK_PRICE;
}

/* 1. Recompute */

static MlAccount *
bench_core_mixed_account (guint    n_positions,
                          guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  MlAccount *account = ml_account_new (NULL, 1e9, MARK_PRICE);

  for (guint i = 0; i < n_positions; i++)
    {
      char id[32];
      MlOrder order = { 0 };

      g_snprintf (id, sizeof id, "p%u", i);
      order.id = id;
      order.side = g_rand_boolean (rand) ? ML_SIDE_LONG : ML_SIDE_SHORT;
      order.mode = g_rand_boolean (rand) ? ML_MARGIN_MODE_CROSS : ML_MARGIN_MODE_ISOLATED;
      /* 0.001 to 2 BTC in whole contracts, entries 50,000 to 70,000 on the 0.1 tick */
      order.quantity = g_rand_int_range (rand, 10, 20001) / CONTRACTS_PER_BTC;
      order.price = g_rand_int_range (rand, 500000, 700001) / 10.0;
      order.leverage = g_rand_int_range (rand, 2, 51);
      order.margin = 0;

      /* An isolated position has only its own margin: lower the leverage until it survives
       * the mark, as a learner would have had to. */
      while (order.mode == ML_MARGIN_MODE_ISOLATED && order.leverage > 1 &&
             !bench_core_isolated_survives (order.side, order.price, order.leverage))
        order.leverage--;

      bench_core_restore (account, &order);
    }

  bench_core_check_state (account);
  return account;
}

static void
bench_core_bench_recompute (Result *result)
{
  g_autoptr(MlAccount) account = bench_core_mixed_account (RECOMPUTE_POSITIONS, 20240530);
  g_autoptr(GPtrArray) isolated = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *positions = ml_account_get_positions (account);
  double samples[RECOMPUTE_REPETITIONS];
  guint n_breakpoints = 0;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
        g_ptr_array_add (isolated, g_steal_pointer (&p));
    }

  for (guint rep = 0; rep < WARM_UP + RECOMPUTE_REPETITIONS; rep++)
    {
      double start, elapsed;
      MlCurve *curve;

      start = bench_common_now_us ();

      /* every liquidation interval, the values at the mark and the account's curve */
      _ml_account_recompute (account);
      /* every other exact curve the lab can show */
      for (guint i = 0; i < isolated->len; i++)
        ml_curve_unref (ml_account_get_position_curve (account, g_ptr_array_index (isolated, i)));
      ml_curve_unref (ml_account_get_pool_curve (account));
      curve = ml_account_get_other_mode_curve (account, NULL);
      if (curve == NULL)
        g_error ("The benchmark account has no other-mode comparison");
      ml_curve_unref (curve);

      elapsed = bench_common_now_us () - start;
      if (rep >= WARM_UP)
        samples[rep - WARM_UP] = elapsed;
    }

  {
    g_autoptr(MlCurve) curve = ml_account_get_account_curve (account);

    n_breakpoints = ml_curve_get_n_breakpoints (curve);
  }

  result->name = "recompute 1000 mixed positions + all curves";
  result->target_us = RECOMPUTE_TARGET_US;
  result->note = g_strdup_printf ("%u isolated, %u cross; account curve: %u breakpoints",
                                  isolated->len, RECOMPUTE_POSITIONS - isolated->len,
                                  n_breakpoints);
  bench_common_summarize (samples, RECOMPUTE_REPETITIONS, result);
}

/* 2. A long price path */

typedef struct
{
  guint  events;
  gsize  first_step;
  gsize  last_step;
} Events;

static void
bench_core_count_liquidations (MlAccount *account,
                               gsize      step,
                               double     price,
                               GArray    *liquidations,
                               gpointer   user_data)
{
  Events *events = user_data;

  if (liquidations->len == 0)
    return;
  if (events->events == 0)
    events->first_step = step;
  events->last_step = step;
  events->events += liquidations->len;
}

/* A seeded random walk from the mark in steps of ±0.05 %. */
static double *
bench_core_random_walk (gsize    n,
                        guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double *prices = g_new (double, n);
  double price = MARK_PRICE;

  for (gsize i = 0; i < n; i++)
    {
      price *= g_rand_boolean (rand) ? 1 + PATH_STEP : 1 - PATH_STEP;
      prices[i] = price;
    }
  return prices;
}

/* Isolated positions from 100x down to 10x, which the walk liquidates one by one, and a net
 * long cross pool with 2,900 USDT of its own (the wallet less the isolated margins of 9,540):
 * its liquidation price, about 56,200, is first reached after some 920,000 steps. */
static MlAccount *
bench_core_path_account (void)
{
  /* Entries at the mark or near it, margins the initial ones. */
  static const MlOrder positions[] = {
    { "iso-long-100x",   ML_SIDE_LONG,  ML_MARGIN_MODE_ISOLATED, 0.05, 60000, 100 },
    { "iso-short-100x",  ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.05, 60000, 100 },
    { "iso-long-50x",    ML_SIDE_LONG,  ML_MARGIN_MODE_ISOLATED, 0.2,  60000, 50 },
    { "iso-short-50x",   ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.2,  60000, 50 },
    { "iso-long-20x",    ML_SIDE_LONG,  ML_MARGIN_MODE_ISOLATED, 0.5,  60000, 20 },
    { "iso-short-20x",   ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.5,  60000, 20 },
    { "iso-long-10x",    ML_SIDE_LONG,  ML_MARGIN_MODE_ISOLATED, 1.0,  60000, 10 },
    { "cross-long",      ML_SIDE_LONG,  ML_MARGIN_MODE_CROSS,    1.0,  60000, 20 },
    { "cross-short",     ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS,    0.5,  60500, 20 },
    { "cross-long-2",    ML_SIDE_LONG,  ML_MARGIN_MODE_CROSS,    0.3,  59000, 10 },
  };
  MlAccount *account = ml_account_new (NULL, 12440, MARK_PRICE);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    bench_core_restore (account, &positions[i]);

  bench_core_check_state (account);
  return account;
}

static void
bench_core_bench_path (Result *result)
{
  g_autoptr(MlAccount) account = bench_core_path_account ();
  g_autofree double *prices = bench_core_random_walk (PATH_LENGTH, 20240530);
  double samples[PATH_REPETITIONS];
  double low = G_MAXDOUBLE, high = 0;
  Events events = { 0 };

  for (gsize i = 0; i < PATH_LENGTH; i++)
    {
      low = MIN (low, prices[i]);
      high = MAX (high, prices[i]);
    }

  for (guint rep = 0; rep < 1 + PATH_REPETITIONS; rep++)
    {
      g_autoptr(MlAccount) walk = ml_account_copy (account);
      g_autoptr(GError) error = NULL;
      double start, elapsed;

      events = (Events) { 0 };
      start = bench_common_now_us ();
      if (!ml_account_run_path (walk, prices, PATH_LENGTH, bench_core_count_liquidations, &events, &error))
        g_error ("The benchmark path was refused: %s", error->message);
      elapsed = bench_common_now_us () - start;

      if (rep >= 1)
        samples[rep - 1] = elapsed;
    }

  result->name = "1,000,000-price path, 10 positions";
  result->target_us = PATH_TARGET_US;
  result->note = g_strdup_printf ("%u liquidation events, from step %" G_GSIZE_FORMAT
                                  " to %" G_GSIZE_FORMAT "; prices %.0f to %.0f; cross pool"
                                  " liquidation price %.1f",
                                  events.events, events.first_step, events.last_step, low, high,
                                  ml_account_get_cross_liquidation_price (account));
  bench_common_summarize (samples, PATH_REPETITIONS, result);

  if (events.events == 0)
    g_error ("The benchmark path liquidated nothing: it does not measure what it should");
}

int
main (int    argc,
      char **argv)
{
  /* `bench-core recompute` or `bench-core path` runs one, for a profiler. */
  gboolean recompute = argc < 2 || g_strv_contains ((const char * const *)argv + 1, "recompute");
  gboolean path = argc < 2 || g_strv_contains ((const char * const *)argv + 1, "path");
  Result results[2] = { { 0 } };
  guint n_results = 0;

  if (!recompute && !path)
    {
      fprintf (stderr, "Usage: %s [recompute] [path]\n", argv[0]);
      return 2;
    }

  if (recompute)
    bench_core_bench_recompute (&results[n_results++]);
  if (path)
    bench_core_bench_path (&results[n_results++]);

  printf ("Margin Lab core benchmarks (%s build; the median and min of %u runs, %u for the path)\n\n",
          ML_BENCH_BUILD, RECOMPUTE_REPETITIONS, PATH_REPETITIONS);
  bench_common_print_results (results, n_results);
  return 0;
}
