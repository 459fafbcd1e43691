/* ml-account.h — a trading account: wallet, positions, the cross pool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ml-brackets.h"
#include "ml-contract.h"
#include "ml-curve.h"
#include "ml-position.h"

G_BEGIN_DECLS

#define ML_TYPE_ACCOUNT (ml_account_get_type ())

G_DECLARE_FINAL_TYPE (MlAccount, ml_account, ML, ACCOUNT, GObject)

/* The largest wallet balance an account may hold, in USDT. */
#define ML_MAX_BALANCE 1000000000000.0

/* The fee rates a new account has (margin-model.md: taker 0.05 %, maker 0.02 %; charged only
 * when switched on), and the highest rate an account, a scenario or a setting may hold. */
#define ML_DEFAULT_TAKER_FEE_RATE 0.0005
#define ML_DEFAULT_MAKER_FEE_RATE 0.0002
#define ML_MAX_FEE_RATE           0.01

/**
 * MlOrder:
 * @id: (nullable): the new position's id; %NULL lets the account choose one
 * @price: the entry price; at the mark price the order takes liquidity (taker fee), at any
 *   other price it is a resting limit order filled there (maker fee)
 * @margin: the isolated margin, or 0 for the initial margin; unused for cross
 */
typedef struct
{
  const char   *id;
  MlSide        side;
  MlMarginMode  mode;
  double        quantity;
  double        price;
  guint         leverage;
  double        margin;
} MlOrder;

/**
 * MlLiquidation:
 * @position: (transfer none): the liquidated position, still in the account
 * @price: the mark price at which it happened (its liquidation price)
 */
typedef struct
{
  MlPosition *position;
  double      price;
} MlLiquidation;

MlAccount   *ml_account_new                  (MlBrackets   *brackets,
                                              double        wallet_balance,
                                              double        mark_price);
MlAccount   *ml_account_copy                 (MlAccount    *self);
MlContract  *ml_account_get_contract         (MlAccount    *self);
MlBrackets  *ml_account_get_brackets         (MlAccount    *self);
GListModel  *ml_account_get_positions        (MlAccount    *self);
MlPosition  *ml_account_find_position        (MlAccount    *self,
                                              const char   *id);

double       ml_account_get_wallet_balance   (MlAccount    *self);
double       ml_account_get_mark_price       (MlAccount    *self);
double       ml_account_get_taker_fee_rate   (MlAccount    *self);
void         ml_account_set_taker_fee_rate   (MlAccount    *self,
                                              double        rate);
double       ml_account_get_maker_fee_rate   (MlAccount    *self);
void         ml_account_set_maker_fee_rate   (MlAccount    *self,
                                              double        rate);
gboolean     ml_account_get_charge_fees      (MlAccount    *self);
void         ml_account_set_charge_fees      (MlAccount    *self,
                                              gboolean      charge_fees);

double       ml_account_get_cross_wallet_balance     (MlAccount *self);
double       ml_account_get_cross_pool               (MlAccount *self);
double       ml_account_get_cross_maintenance_margin (MlAccount *self);
double       ml_account_get_cross_margin_ratio       (MlAccount *self);
MlRatioLevel ml_account_get_margin_ratio_level       (MlAccount *self);
double       ml_account_get_cross_liquidation_price  (MlAccount *self);
double       ml_account_get_cross_bankruptcy_price   (MlAccount *self);
guint        ml_account_get_n_cross_positions        (MlAccount *self);
void         ml_account_get_cross_survival           (MlAccount *self,
                                                      double    *low,
                                                      double    *high);
double       ml_account_get_available_balance        (MlAccount *self);
double       ml_account_get_equity                   (MlAccount *self);

double       ml_account_order_fee            (MlAccount    *self,
                                              double        notional,
                                              double        price);
MlPosition  *ml_account_open_position        (MlAccount    *self,
                                              const MlOrder *order,
                                              GError      **error);
gboolean     ml_account_close_position       (MlAccount    *self,
                                              MlPosition   *position,
                                              GError      **error);
gboolean     ml_account_add_margin           (MlAccount    *self,
                                              MlPosition   *position,
                                              double        amount,
                                              GError      **error);
gboolean     ml_account_remove_margin        (MlAccount    *self,
                                              MlPosition   *position,
                                              double        amount,
                                              GError      **error);
gboolean     ml_account_apply_funding        (MlAccount    *self,
                                              double        rate,
                                              GArray       *liquidations,
                                              GError      **error);
gboolean     ml_account_move_mark_price      (MlAccount    *self,
                                              double        price,
                                              GArray       *liquidations,
                                              GError      **error);

/**
 * MlPathFunc:
 * @liquidations: (element-type MlLiquidation): what this step liquidated, in price order
 */
typedef void (*MlPathFunc) (MlAccount *self,
                            gsize      step,
                            double     price,
                            GArray    *liquidations,
                            gpointer   user_data);

gboolean     ml_account_run_path             (MlAccount    *self,
                                              const double *prices,
                                              gsize         n_prices,
                                              MlPathFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
double       ml_account_evaluate             (MlAccount    *self,
                                              double        price,
                                              double       *cross_pool,
                                              double       *remaining,
                                              gboolean     *liquidated);

MlCurve     *ml_account_get_position_curve   (MlAccount    *self,
                                              MlPosition   *position);
MlCurve     *ml_account_get_pool_curve       (MlAccount    *self);
MlCurve     *ml_account_get_account_curve    (MlAccount    *self);
MlCurve     *ml_account_get_other_mode_curve (MlAccount    *self,
                                              GError      **error);

G_END_DECLS
