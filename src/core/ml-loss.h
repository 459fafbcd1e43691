/* ml-loss.h — what a trade can lose: the preview's "This trade can lose"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-account.h"

G_BEGIN_DECLS

/**
 * MlLossKind:
 * @ML_LOSS_ISOLATED_MARGIN: an isolated position: its margin, and its fees when they are charged
 * @ML_LOSS_CROSS_POOL: a cross position whose pool can be liquidated: the whole pool
 * @ML_LOSS_CROSS_FALL: a cross pool that cannot be liquidated and is net long: what it loses
 *   if BTC falls to the lowest price
 * @ML_LOSS_CROSS_RISE: the same, net short: what it loses if BTC rises to the highest price
 * @ML_LOSS_CROSS_HEDGED: a cross pool that cannot be liquidated and nets to no size: nothing
 */
typedef enum
{
  ML_LOSS_ISOLATED_MARGIN,
  ML_LOSS_CROSS_POOL,
  ML_LOSS_CROSS_FALL,
  ML_LOSS_CROSS_RISE,
  ML_LOSS_CROSS_HEDGED,
} MlLossKind;

MlLossKind ml_loss_compute  (MlAccount  *account,
                             MlPosition *position,
                             double     *amount);
char      *ml_loss_describe (MlAccount  *account,
                             MlPosition *position);

G_END_DECLS
