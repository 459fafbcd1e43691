/* ml-account-curves.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account at prices other than the mark, without changing it: the chart's what-if and its
 * curves, the other-mode comparison among them.
 */

#define G_LOG_DOMAIN "ml-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-account-private.h"
#include "ml-curve-private.h"
#include "ml-money.h"

/**
 * ml_account_evaluate:
 * @cross_pool: (out) (optional): the cross pool at @price, 0 if it would be liquidated there
 * @remaining: (out caller-allocates) (optional) (array): one entry per position, in list order
 * @liquidated: (out caller-allocates) (optional) (array): whether each position is liquidated,
 *   already or at @price
 *
 * Evaluates the current state at @price without changing it: whatever does not survive at
 * @price counts as liquidated (the chart's what-if).
 *
 * Returns: the account's equity at @price
 */
double
ml_account_evaluate (MlAccount *self,
                     double     price,
                     double    *cross_pool,
                     double    *remaining,
                     gboolean  *liquidated)
{
  double pool, equity;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);

  pool = _ml_group_survives (&self->pool, price) ? _ml_account_pool_balance_at (self, price) : 0;
  equity = pool;
  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);
      gboolean dead = p->liquidated || !_ml_group_survives (_ml_account_group_of (self, p), price);
      double value = dead ? 0 : p->mode == ML_MARGIN_MODE_ISOLATED ? p->margin + _ml_account_pnl (p, price) : pool;

      if (_ml_position_is_live_isolated (p))
        equity += value;
      if (remaining != NULL)
        remaining[i] = value;
      if (liquidated != NULL)
        liquidated[i] = dead;
    }

  if (cross_pool != NULL)
    *cross_pool = pool;
  return equity;
}

/**
 * ml_account_get_position_curve:
 *
 * Returns: (transfer full): @position's remaining collateral against the mark price: its own
 *   for an isolated position, the shared pool's for a cross one
 */
MlCurve *
ml_account_get_position_curve (MlAccount  *self,
                               MlPosition *position)
{
  MlGroup dead = { 0 };

  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (ML_IS_POSITION (position), NULL);

  return _ml_curve_new_from_groups (position->liquidated ? &dead : _ml_account_group_of (self, position), 1);
}

/**
 * ml_account_get_pool_curve:
 *
 * Returns: (transfer full): the cross pool against the mark price
 */
MlCurve *
ml_account_get_pool_curve (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  return _ml_curve_new_from_groups (&self->pool, 1);
}

/* Every balance that stands on its own: the pool and each live isolated position. */
static GArray *
ml_account_groups (MlAccount *self)
{
  GArray *groups = g_array_sized_new (FALSE, FALSE, sizeof (MlGroup), self->items->len + 1);

  g_array_append_val (groups, self->pool);
  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);

      if (_ml_position_is_live_isolated (p))
        g_array_append_val (groups, p->group);
    }
  return groups;
}

/**
 * ml_account_get_account_curve:
 *
 * Returns: (transfer full): the whole account's remaining collateral against the mark price
 */
MlCurve *
ml_account_get_account_curve (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);

  if (self->account_curve == NULL)
    {
      g_autoptr(GArray) groups = ml_account_groups (self);

      self->account_curve = _ml_curve_new_from_groups ((const MlGroup *)(gpointer)groups->data,
                                                       groups->len);
    }
  return ml_curve_ref (self->account_curve);
}

/**
 * ml_account_get_other_mode_curve:
 *
 * The account as it would be had every live position used the other margin mode: an isolated
 * position's margin returns to the pool, a cross position takes its initial margin out of it.
 *
 * Returns: (transfer full) (nullable): the curve, or %NULL with %ML_ERROR_NO_COMPARISON when
 *   the cross pool could not pay for the isolated margins
 */
MlCurve *
ml_account_get_other_mode_curve (MlAccount  *self,
                                 GError    **error)
{
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) legs = NULL;
  double balance;
  MlGroup pool;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);

  groups = g_array_new (FALSE, FALSE, sizeof (MlGroup));
  legs = g_array_new (FALSE, FALSE, sizeof (MlLeg));
  balance = self->wallet_balance;

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);
      MlLeg leg = _ml_position_leg (p);
      MlGroup group;

      if (p->liquidated)
        continue;
      if (p->mode == ML_MARGIN_MODE_ISOLATED)
        {
          g_array_append_val (legs, leg);
          continue;
        }
      _ml_group_solve (&group, self->brackets, _ml_position_initial_margin (p), &leg, 1);
      g_array_append_val (groups, group);
      balance -= _ml_position_initial_margin (p);
    }

  if (balance < 0)
    {
      g_autofree char *needed = ml_money_format_usdt (self->wallet_balance - balance);
      g_autofree char *wallet = ml_money_format_usdt (self->wallet_balance);

      g_set_error (error, ML_ERROR, ML_ERROR_NO_COMPARISON,
                   /* Translators: both %s are amounts with their unit, such as “600.00 USDT” */
                   _("With every position in the other mode, the isolated margins would need %s but the wallet holds %s: there is no such account to compare."),
                   needed, wallet);
      return NULL;
    }

  if (legs->len > 0)
    _ml_group_solve (&pool, self->brackets, balance, (const MlLeg *)(gpointer)legs->data, legs->len);
  else
    _ml_group_constant (&pool, balance);
  g_array_append_val (groups, pool);

  return _ml_curve_new_from_groups ((const MlGroup *)(gpointer)groups->data, groups->len);
}
