/* ml-account-orders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the learner does to an account: orders checked against the contract, the brackets and
 * the balance; closing; margin in and out of an isolated position; funding. Each change ends
 * in the account's pipeline (ml-account.c).
 */

#define G_LOG_DOMAIN "ml-account"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ml-account-private.h"
#include "ml-money.h"

/* More than the open interest of any exchange: without it a flat table (no last cap) would
 * let a size overflow every product it enters. */
#define MAX_QUANTITY     100000.0
#define MAX_FUNDING_RATE 0.003

static gboolean
ml_account_refuse (GError    **error,
                   const char **field,
                   const char  *key,
                   const char  *format,
                   ...) G_GNUC_PRINTF (4, 5);

static gboolean
ml_account_refuse (GError    **error,
                   const char **field,
                   const char  *key,
                   const char  *format,
                   ...)
{
  va_list args;

  if (field != NULL)
    *field = key;
  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (ML_ERROR, ML_ERROR_REFUSED, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
ml_account_check_quantity (MlAccount     *self,
                           double         quantity,
                           const char   **field,
                           GError       **error)
{
  MlContract *contract = ml_contract_get_default ();

  if (!isfinite (quantity) || quantity <= 0)
    /* Translators: BTC is the unit of a position's size, kept as it is */
    return ml_account_refuse (error, field, "quantity", _("The size must be more than 0 BTC."));
  if (quantity > MAX_QUANTITY)
    /* Translators: BTC is the unit of a position's size; write the number in your locale's way */
    return ml_account_refuse (error, field, "quantity", _("The size must be at most 100,000 BTC."));

  if (!ml_contract_is_whole_contracts (contract, quantity))
    {
      g_autofree char *size = g_strdup_printf ("%.10g", quantity);

      return ml_account_refuse (error, field, "quantity",
                                /* Translators: %s is the size typed, a number of BTC; a contract is the smallest step of size */
                                _("%s BTC is not a whole number of contracts; each contract is 0.0001 BTC."),
                                size);
    }
  /* A size so small that it is whole only within the tolerance rounds to no contract at all. */
  if (round (quantity / ml_contract_get_contract_size (contract)) < 1)
    /* Translators: BTC is the unit of the size; write 0.0001 in your locale's way */
    return ml_account_refuse (error, field, "quantity", _("The size must be more than 0: at least 0.0001 BTC, one contract."));

  return TRUE;
}

static gboolean
ml_account_check_leverage (MlAccount     *self,
                           const MlOrder *order,
                           const char   **field,
                           GError       **error)
{
  guint contract_max = ml_contract_get_max_leverage (ml_contract_get_default ());
  double notional = order->quantity * order->price;
  guint bracket_max;

  if (order->leverage < 1 || order->leverage > contract_max)
    {
      g_autofree char *one = ml_money_format_leverage (1);
      g_autofree char *most = ml_money_format_leverage (contract_max);
      g_autofree char *asked = ml_money_format_leverage (order->leverage);

      /* Translators: "Leverage must be from 1× to 125×; 200× is not allowed." */
      return ml_account_refuse (error, field, "leverage", _("Leverage must be from %s to %s; %s is not allowed."),
                                one, most, asked);
    }

  if (notional > ml_brackets_get_max_notional (self->brackets))
    {
      g_autofree char *n = ml_money_format_usdt (notional);
      g_autofree char *cap = ml_money_format_usdt (ml_brackets_get_max_notional (self->brackets));

      return ml_account_refuse (error, field, "quantity",
                                /* Translators: both %s are notional values with their unit, such as “600,000.00 USDT” */
                                _("A position of %s is larger than the largest risk bracket allows (%s)."),
                                n, cap);
    }

  bracket_max = ml_brackets_max_leverage_at (self->brackets, notional);
  if (order->leverage > bracket_max)
    {
      g_autofree char *n = ml_money_format_usdt (notional);
      g_autofree char *most = ml_money_format_leverage (bracket_max);
      g_autofree char *asked = ml_money_format_leverage (order->leverage);

      return ml_account_refuse (error, field, "leverage",
                                /* Translators: "A position of 60,000.00 USDT may use at most 100× under the risk brackets; 125× is too high." */
                                _("A position of %s may use at most %s under the risk brackets; %s is too high."),
                                n, most, asked);
    }

  return TRUE;
}

static gboolean
ml_account_check_margin (MlAccount     *self,
                         const MlOrder *order,
                         const char   **field,
                         GError       **error)
{
  double initial = order->quantity * order->price / order->leverage;

  if (order->mode == ML_MARGIN_MODE_CROSS)
    {
      if (order->margin != 0)
        return ml_account_refuse (error, field, "margin",
                                  _("A cross position has no margin of its own: it draws on the shared cross pool."));
      return TRUE;
    }

  if (!isfinite (order->margin) || order->margin < 0 || order->margin > ML_MAX_BALANCE)
    return ml_account_refuse (error, field, "margin",
                              /* Translators: USDT is the contract's currency; write the number in your locale's way */
                              _("The margin must be a positive amount of USDT, at most 1,000,000,000,000."));

  if (order->margin != 0 && order->margin < initial * (1 - ML_AMOUNT_TOLERANCE))
    {
      g_autofree char *m = ml_money_format_usdt (order->margin);
      g_autofree char *im = ml_money_format_usdt (initial);
      g_autofree char *times = ml_money_format_leverage (order->leverage);

      return ml_account_refuse (error, field, "margin",
                                /* Translators: "The margin 100.00 USDT is below the initial margin of 300.00 USDT that 20× leverage needs." */
                                _("The margin %s is below the initial margin of %s that %s leverage needs."),
                                m, im, times);
    }

  return TRUE;
}

/**
 * _ml_account_check_order:
 * @as_order: %TRUE for a new order (price on the tick), %FALSE for a scenario's position
 * @field: (out) (optional): the `MlOrder` field at fault, named as in scenario files
 *
 * Checks everything about an order that does not depend on the account's balance.
 */
gboolean
_ml_account_check_order (MlAccount     *self,
                         const MlOrder *order,
                         gboolean       as_order,
                         const char   **field,
                         GError       **error)
{
  MlContract *contract = ml_contract_get_default ();

  if (!ml_account_check_quantity (self, order->quantity, field, error))
    return FALSE;

  if (!ml_price_is_valid (order->price))
    return ml_account_refuse (error, field, "entry_price",
                              /* Translators: USDT is the contract's currency; write the numbers in your locale's way */
                              _("The price must be from 0.1 to 100,000,000 USDT."));

  if (as_order && !ml_contract_is_on_tick (contract, order->price))
    {
      g_autofree char *p = g_strdup_printf ("%.10g", order->price);
      g_autofree char *snapped = ml_money_format_price (ml_contract_snap_to_tick (contract, order->price));

      return ml_account_refuse (error, field, "entry_price",
                                /* Translators: both %s are prices, such as “60,000.0”; the tick is the smallest step a price moves by */
                                _("The price %s is not on the 0.1 USDT tick; the nearest valid price is %s."),
                                p, snapped);
    }

  return ml_account_check_leverage (self, order, field, error) && ml_account_check_margin (self, order, field, error);
}

/**
 * ml_account_order_fee:
 * @price: the order's price; at the mark it takes liquidity, elsewhere it makes it
 *
 * Returns: the fee an order of @notional would pay, 0 when fees are not charged
 */
double
ml_account_order_fee (MlAccount *self,
                      double     notional,
                      double     price)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);

  if (!self->charge_fees)
    return 0;
  return notional * (price == self->mark_price ? self->taker_fee_rate : self->maker_fee_rate);
}

static char *
ml_account_new_id (MlAccount *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("p%u", self->next_id++);

      if (ml_account_find_position (self, id) == NULL)
        return id;
      g_free (id);
    }
}

MlPosition *
_ml_account_append (MlAccount     *self,
                    const MlOrder *order)
{
  g_autofree char *id = order->id ? g_strdup (order->id) : ml_account_new_id (self);
  double margin = order->margin > 0 ? order->margin
                                    : order->quantity * order->price / order->leverage;
  MlPosition *p = _ml_position_new (id, order->side, order->mode, order->quantity, order->price,
                                    order->leverage, margin);

  g_ptr_array_add (self->items, p);
  return p;
}

static void
ml_account_remove (MlAccount  *self,
                   MlPosition *position)
{
  guint index;

  if (g_list_store_find (self->positions, position, &index))
    g_list_store_remove (self->positions, index);
  g_ptr_array_remove (self->items, position);
}

/* The first live position whose balance (its own, or the pool's) does not survive at the mark. */
static MlPosition *
ml_account_first_casualty (MlAccount *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);

      if (!p->liquidated && !_ml_group_survives (_ml_account_group_of (self, p), self->mark_price))
        return p;
    }
  return NULL;
}

char *
_ml_account_describe_group (MlAccount  *self,
                            MlPosition *p)
{
  const MlGroup *group = _ml_account_group_of (self, p);
  g_autofree char *price = ml_money_format_price (_ml_account_nearer_end (group, self->mark_price));

  if (!group->alive)
    return g_strdup (_("it cannot survive at any price"));
  /* Translators: "its liquidation price would be 57,228.9" */
  return g_strdup_printf (_("its liquidation price would be %s"), price);
}

/**
 * ml_account_open_position:
 *
 * Opens @order at its price. Refused, changing nothing, when it breaks a rule of the contract
 * or the brackets, when its margin and fee exceed the available balance, or when it would be
 * liquidated at once at the mark price.
 *
 * Returns: (transfer none) (nullable): the new position
 */
MlPosition *
ml_account_open_position (MlAccount      *self,
                          const MlOrder  *order,
                          GError        **error)
{
  double initial, cost, fee, wallet_before;
  MlPosition *p, *casualty;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (order != NULL, NULL);

  if (order->id != NULL && ml_account_find_position (self, order->id) != NULL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %s is a position's id, such as “a” */
                   _("There is already a position called “%s”."), order->id);
      return NULL;
    }
  if (!_ml_account_check_order (self, order, TRUE, NULL, error))
    return NULL;

  initial = order->quantity * order->price / order->leverage;
  cost = order->mode == ML_MARGIN_MODE_ISOLATED && order->margin > 0 ? order->margin : initial;
  fee = ml_account_order_fee (self, order->quantity * order->price, order->price);
  if (cost + fee > self->values.available_balance * (1 + ML_AMOUNT_TOLERANCE))
    {
      g_autofree char *c = ml_money_format_usdt (cost);
      g_autofree char *f = ml_money_format_usdt (fee);
      g_autofree char *a = ml_money_format_usdt (self->values.available_balance);

      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: the three %s are amounts with their unit: the margin, the fee and what is available */
                   fee > 0 ? _("This order needs %s of margin and a %s fee, but only %s is available.")
                           /* Translators: the two %s are amounts with their unit: the margin and what is available; %.0s prints nothing (it stands for a fee not charged) and stays in the translation */
                           : _("This order needs %s of margin%.0s, but only %s is available."),
                   c, f, a);
      return NULL;
    }

  wallet_before = self->wallet_balance;
  p = _ml_account_append (self, order);
  self->wallet_balance -= fee;
  _ml_account_solve (self);

  /* An isolated order's margin and fee come out of the pool, a cross one joins it: either
   * can leave the pool, or the new position, below its maintenance margin. */
  if ((casualty = ml_account_first_casualty (self)) != NULL)
    {
      g_autofree char *why = _ml_account_describe_group (self, casualty);
      g_autofree char *mark = ml_money_format_price (self->mark_price);

      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   casualty == p && p->mode == ML_MARGIN_MODE_ISOLATED
                   /* Translators: the first %s is a price, such as “60,000.0”; the second the liquidation price it would have */
                   ? _("At the mark price of %s this position would be liquidated at once: %s.")
                   /* Translators: the first %s is a price, such as “60,000.0”; the second the pool's liquidation price */
                   : _("At the mark price of %s this order would liquidate the cross pool at once: %s."),
                   mark, why);
      self->wallet_balance = wallet_before;
      g_ptr_array_remove (self->items, p);
      _ml_account_solve (self);
      return NULL;
    }

  g_list_store_append (self->positions, p);
  if (fee > 0)
    _ml_account_notify_wallet_balance (self);
  _ml_account_evaluate_at (self);
  return p;
}

static gboolean
ml_account_check_owned (MlAccount   *self,
                        MlPosition  *position,
                        gboolean     isolated,
                        GError     **error)
{
  if (!g_ptr_array_find (self->items, position, NULL))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED, _("This position is not in the account."));
      return FALSE;
    }
  if (isolated && position->liquidated)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %s is a position's id, such as “a” */
                   _("Position “%s” has been liquidated; its margin is gone."), position->id);
      return FALSE;
    }
  if (isolated && position->mode != ML_MARGIN_MODE_ISOLATED)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %s is a position's id, such as “a” */
                   _("Position “%s” uses cross margin: it draws on the shared cross pool and has no margin of its own to change."),
                   position->id);
      return FALSE;
    }
  return TRUE;
}

/**
 * ml_account_close_position:
 *
 * Closes @position at the mark price: its PnL, less the closing fee when fees are charged, goes
 * to the wallet. A liquidated position is simply removed.
 */
gboolean
ml_account_close_position (MlAccount   *self,
                           MlPosition  *position,
                           GError     **error)
{
  g_autoptr(MlPosition) p = NULL;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (ML_IS_POSITION (position), FALSE);

  if (!ml_account_check_owned (self, position, FALSE, error))
    return FALSE;

  p = g_object_ref (position);
  if (!p->liquidated)
    {
      double notional = p->quantity * self->mark_price;

      self->wallet_balance += _ml_account_pnl (p, self->mark_price) - ml_account_order_fee (self, notional, self->mark_price);
      _ml_account_notify_wallet_balance (self);
    }

  ml_account_remove (self, p);
  _ml_account_update (self, NULL);
  return TRUE;
}

static gboolean
ml_account_check_amount (double      amount,
                         double      limit,
                         gboolean    adding,
                         GError    **error)
{
  g_autofree char *a = NULL;
  g_autofree char *l = NULL;

  if (!isfinite (amount) || amount <= 0)
    {
      /* Translators: USDT is the contract's currency, kept as it is */
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED, _("The amount must be more than 0 USDT."));
      return FALSE;
    }
  if (amount <= limit * (1 + ML_AMOUNT_TOLERANCE))
    return TRUE;

  a = ml_money_format_usdt (amount);
  l = ml_money_format_usdt (limit);
  g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
               /* Translators: both %s are amounts with their unit: what was asked to add, and what is available */
               adding ? _("You cannot add %s: only %s is available.")
                      /* Translators: both %s are amounts with their unit: what was asked to remove, and the most that can be */
                      : _("You cannot remove %s: at most %s can be removed now."),
               a, l);
  return FALSE;
}

/**
 * ml_account_add_margin:
 *
 * Moves @amount from the cross pool into an isolated position's margin: its
 * liquidation price moves away from the mark, its leverage stays as it was opened.
 */
gboolean
ml_account_add_margin (MlAccount   *self,
                       MlPosition  *position,
                       double       amount,
                       GError     **error)
{
  double before;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (ML_IS_POSITION (position), FALSE);

  if (!ml_account_check_owned (self, position, TRUE, error) ||
      !ml_account_check_amount (amount, self->values.available_balance, TRUE, error))
    return FALSE;

  before = position->margin;
  position->margin += MIN (amount, self->values.available_balance);
  _ml_account_solve (self);
  if (ml_account_first_casualty (self) != NULL)
    {
      g_autofree char *a = ml_money_format_usdt (amount);

      position->margin = before;
      _ml_account_solve (self);
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %s is an amount with its unit, such as “60.00 USDT” */
                   _("Taking %s out of the cross pool would leave it below its maintenance margin and liquidate the cross positions."),
                   a);
      return FALSE;
    }
  position->margin = before;
  _ml_position_set_margin (position, before + MIN (amount, self->values.available_balance));
  _ml_account_update (self, NULL);
  return TRUE;
}

/**
 * ml_account_remove_margin:
 *
 * Moves @amount from an isolated position's margin back to the cross pool, within the
 * removable limit (the position keeps its maintenance margin and its initial margin at the mark).
 */
gboolean
ml_account_remove_margin (MlAccount   *self,
                          MlPosition  *position,
                          double       amount,
                          GError     **error)
{
  double limit;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (ML_IS_POSITION (position), FALSE);

  if (!ml_account_check_owned (self, position, TRUE, error))
    return FALSE;

  limit = position->values.max_removable_margin;
  if (!ml_account_check_amount (amount, limit, FALSE, error))
    return FALSE;

  _ml_position_set_margin (position, position->margin - MIN (amount, limit));
  _ml_account_update (self, NULL);
  return TRUE;
}

/**
 * ml_account_apply_funding:
 * @rate: the funding rate of one 8-hour period; positive: longs pay shorts
 * @liquidations: (nullable) (element-type MlLiquidation): what the payment liquidated
 *
 * Each live position pays s·Q·P·rate at the mark: a cross position from the cross pool, an
 * isolated one from its own margin (our choice, stated in margin-model.md).
 */
gboolean
ml_account_apply_funding (MlAccount  *self,
                          double      rate,
                          GArray     *liquidations,
                          GError    **error)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);

  if (!isfinite (rate) || fabs (rate) > MAX_FUNDING_RATE)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %% is a percent sign; use your language's spacing before it */
                   _("A funding rate must be between −0.3 %% and 0.3 %% per 8 hours."));
      return FALSE;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);
      double payment = ml_side_sign (p->side) * p->quantity * self->mark_price * rate;

      if (p->liquidated)
        continue;
      self->wallet_balance -= payment;
      if (p->mode == ML_MARGIN_MODE_ISOLATED)
        _ml_position_set_margin (p, p->margin - payment);
    }

  _ml_account_notify_wallet_balance (self);
  _ml_account_update (self, liquidations);
  return TRUE;
}
