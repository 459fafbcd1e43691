/* ml-account-private.h — the account's state and pipeline, shared by its three files
 * (ml-account.c, ml-account-orders.c, ml-account-curves.c), the scenario loader and the
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-account.h"
#include "ml-position-private.h"

G_BEGIN_DECLS

/* How far below a limit a typed amount may be and still count as the limit itself: decimal
 * input such as "300" for 299.99999999999994 USDT of initial margin. */
#define ML_AMOUNT_TOLERANCE 1e-9

typedef struct
{
  double cross_wallet_balance;
  double cross_pool;
  double cross_maintenance_margin;
  double cross_margin_ratio;
  double cross_liquidation_price;
  double cross_bankruptcy_price;
  double available_balance;
  double equity;
} MlAccountValues;

struct _MlAccount
{
  GObject          parent_instance;

  MlBrackets      *brackets;
  GPtrArray       *items;        /* MlPosition, in order: the truth, for fast loops */
  GListStore      *positions;    /* the same positions, as a GListModel */
  double           wallet_balance;
  double           mark_price;
  double           taker_fee_rate;
  double           maker_fee_rate;
  gboolean         charge_fees;
  guint            next_id;

  GArray          *cross_legs;   /* scratch */
  MlGroup          pool;         /* the cross pool, or a constant WBc with no cross position */
  guint            n_cross;
  MlAccountValues  values;
  MlCurve         *account_curve;
};

/* The pipeline (ml-account.c) */
void           _ml_account_solve                 (MlAccount        *self);
void           _ml_account_evaluate_at           (MlAccount        *self);
void           _ml_account_update                (MlAccount        *self,
                                                  GArray           *liquidations);
void           _ml_account_notify_wallet_balance (MlAccount        *self);
double         _ml_account_cross_wallet_balance  (MlAccount        *self);
double         _ml_account_pool_balance_at       (MlAccount        *self,
                                                  double            price);
double         _ml_account_nearer_end            (const MlGroup    *group,
                                                  double            price);

/* Orders and positions (ml-account-orders.c) */
MlPosition    *_ml_account_append                (MlAccount        *self,
                                                  const MlOrder    *order);
char          *_ml_account_describe_group        (MlAccount        *self,
                                                  MlPosition       *p);

/* Margin balances at a price, summed leg by leg: exact at the entry price, where k + s·P would
 * cancel two large numbers. The intervals still come from the groups. */
static inline double
_ml_account_pnl (const MlPosition *p,
                 double            price)
{
  return ml_side_sign (p->side) * p->quantity * (price - p->entry_price);
}

static inline const MlGroup *
_ml_account_group_of (MlAccount  *self,
                      MlPosition *position)
{
  return position->mode == ML_MARGIN_MODE_ISOLATED ? &position->group : &self->pool;
}

/* A scenario states positions as they are, not as orders: no fee, no available-balance
 * check, and an average entry price that need not sit on the tick. */
gboolean    _ml_account_check_order    (MlAccount     *self,
                                        const MlOrder *order,
                                        gboolean       as_order,
                                        const char   **field,
                                        GError       **error);
void        _ml_account_restore        (MlAccount     *self,
                                        const MlOrder *order);
gboolean    _ml_account_check_state    (MlAccount     *self,
                                        guint         *position_index,
                                        GError       **error);
void        _ml_account_recompute      (MlAccount     *self);

G_END_DECLS
