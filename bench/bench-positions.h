/* bench-positions.h — the account the chart and window benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "margin-lab-core.h"

#define POSITIONS 20

/* The mark moves between these during a drag: close enough to 60,000 that no position, at 50x
 * or less, is liquidated, so every step does the same work. */
#define DRAG_LOW  59700.0
#define DRAG_HIGH 60300.0

/* @n positions, both sides and both modes, at leverages that open at the mark, with a wallet
 * that holds all their margins. */
static inline MlAccount *
bench_positions_account_of (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  MlAccount *account = ml_account_new (NULL, 5000.0 * n, 60000);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      MlOrder order = { NULL, i % 2 ? ML_SIDE_LONG : ML_SIDE_SHORT,
                        i % 3 ? ML_MARGIN_MODE_ISOLATED : ML_MARGIN_MODE_CROSS,
                        g_rand_int_range (rand, 10, 5001) / 10000.0, 60000,
                        g_rand_int_range (rand, 2, 51), 0 };

      if (!ml_account_open_position (account, &order, &error))
        g_error ("Benchmark order %u refused: %s", i, error->message);
    }
  return account;
}

/* The twenty positions most benchmarks use. */
static inline MlAccount *
bench_positions_account (void)
{
  return bench_positions_account_of (POSITIONS);
}
