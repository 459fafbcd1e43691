/* ml-loss.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a trade can lose, by margin-model.md's rules, read from the account with the trade in
 * it: a cross order can make a pool liquidatable that was not before, so the account without
 * the order would give the wrong answer.
 */

#define G_LOG_DOMAIN "ml-loss"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ml-loss.h"
#include "ml-money.h"

/* An isolated position loses its margin; when fees are charged, also what it paid to open and
 * what closing it would cost where its margin runs out, at its liquidation price. */
static double
ml_loss_isolated (MlAccount  *account,
                  MlPosition *position)
{
  double quantity = ml_position_get_quantity (position);
  double entry = ml_position_get_entry_price (position);
  double exit = ml_position_get_liquidation_price (position);

  if (!ml_account_get_charge_fees (account))
    return ml_position_get_margin (position);
  if (exit == ML_PRICE_NONE)
    exit = ML_MIN_PRICE;
  return ml_position_get_margin (position)
         + ml_account_order_fee (account, quantity * entry, entry)
         + quantity * exit * ml_account_get_taker_fee_rate (account);
}

/* The live cross positions' signed size, summed in whole contracts so that a hedge nets to
 * exactly zero. */
static double
ml_loss_net_cross_size (MlAccount *account)
{
  GListModel *positions = ml_account_get_positions (account);
  gint64 contracts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS && !ml_position_get_liquidated (p))
        contracts += (ml_position_get_side (p) == ML_SIDE_LONG ? 1 : -1) * ml_position_get_contracts (p);
    }
  return contracts * ml_contract_get_contract_size (ml_account_get_contract (account));
}

/**
 * ml_loss_compute:
 * @account: the account with @position in it
 * @position: a live position of @account
 * @amount: (out): the most the position can lose, in USDT
 *
 * An isolated position can lose its margin W (and its fees when they are charged). A cross
 * position can lose the whole pool when the pool has a liquidation price at either end;
 * otherwise the pool, pool(X) = WBc + Σ s·Q·(X − E), is linear in X and can lose at most
 * what it falls to at one end of the prices the model accepts: the lowest for a net long, the
 * highest for a net short.
 *
 * Returns: which of these cases it is
 */
MlLossKind
ml_loss_compute (MlAccount  *account,
                 MlPosition *position,
                 double     *amount)
{
  double low, high, net, mark;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), ML_LOSS_CROSS_HEDGED);
  g_return_val_if_fail (ML_IS_POSITION (position), ML_LOSS_CROSS_HEDGED);
  g_return_val_if_fail (amount != NULL, ML_LOSS_CROSS_HEDGED);
  g_return_val_if_fail (ml_account_find_position (account, ml_position_get_id (position)) == position,
                        ML_LOSS_CROSS_HEDGED);

  if (ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED)
    {
      *amount = ml_loss_isolated (account, position);
      return ML_LOSS_ISOLATED_MARGIN;
    }

  ml_account_get_cross_survival (account, &low, &high);
  if (low != ML_PRICE_NONE || isfinite (high))
    {
      *amount = ml_account_get_cross_pool (account);
      return ML_LOSS_CROSS_POOL;
    }

  net = ml_loss_net_cross_size (account);
  mark = ml_account_get_mark_price (account);
  if (net > 0)
    {
      *amount = net * (mark - ML_MIN_PRICE);
      return ML_LOSS_CROSS_FALL;
    }
  if (net < 0)
    {
      *amount = -net * (ML_MAX_PRICE - mark);
      return ML_LOSS_CROSS_RISE;
    }
  *amount = 0;
  return ML_LOSS_CROSS_HEDGED;
}

/**
 * ml_loss_describe:
 * @account: the account with @position in it
 * @position: a live position of @account
 *
 * Returns: (transfer full): the most @position can lose, in words that say which case it is,
 *   such as "at most 100.00 USDT, its isolated margin"
 */
char *
ml_loss_describe (MlAccount  *account,
                  MlPosition *position)
{
  g_autofree char *money = NULL;
  g_autofree char *highest = NULL;
  double amount = 0;
  MlLossKind kind;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ML_IS_POSITION (position), NULL);

  kind = ml_loss_compute (account, position, &amount);
  money = ml_money_format_usdt (amount);
  switch (kind)
    {
    case ML_LOSS_ISOLATED_MARGIN:
      return g_strdup_printf (ml_account_get_charge_fees (account)
                              /* Translators: what a trade can lose, "at most 305.86 USDT, …" */
                              ? _("at most %s, its isolated margin and its fees")
                              /* Translators: what an isolated trade can lose; %s is an amount with its unit, such as “60.00 USDT” */
                              : _("at most %s, its isolated margin"), money);
    case ML_LOSS_CROSS_POOL:
      /* Translators: what a trade can lose; the cross pool is the shared cross collateral */
      return g_strdup_printf (_("the whole cross pool, %s, if BTC reaches the pool’s liquidation price"), money);
    case ML_LOSS_CROSS_FALL:
      /* Translators: what a trade can lose, when its cross pool cannot be liquidated */
      return g_strdup_printf (_("at most %s, if BTC fell to zero"), money);
    case ML_LOSS_CROSS_RISE:
      highest = ml_money_format_price (ML_MAX_PRICE);
      /* Translators: what a trade can lose, "at most 9,994.00 USDT, if BTC rose to 100,000,000.0" */
      return g_strdup_printf (_("at most %s, if BTC rose to %s"), money, highest);
    case ML_LOSS_CROSS_HEDGED:
    default:
      return g_strdup (_("nothing as the price moves: its cross pool’s longs and shorts cancel out"));
    }
}
