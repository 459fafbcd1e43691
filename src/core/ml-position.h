/* ml-position.h — one BTC/USDT position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-types.h"

G_BEGIN_DECLS

#define ML_TYPE_POSITION (ml_position_get_type ())

G_DECLARE_FINAL_TYPE (MlPosition, ml_position, ML, POSITION, GObject)

const char   *ml_position_get_id                   (MlPosition *self);
MlSide        ml_position_get_side                 (MlPosition *self);
MlMarginMode  ml_position_get_mode                 (MlPosition *self);
double        ml_position_get_quantity             (MlPosition *self);
gint64        ml_position_get_contracts            (MlPosition *self);
double        ml_position_get_entry_price          (MlPosition *self);
guint         ml_position_get_leverage             (MlPosition *self);
double        ml_position_get_margin               (MlPosition *self);
gboolean      ml_position_get_liquidated           (MlPosition *self);
double        ml_position_get_notional             (MlPosition *self);
double        ml_position_get_initial_margin       (MlPosition *self);
double        ml_position_get_maintenance_rate     (MlPosition *self);
double        ml_position_get_maintenance_margin   (MlPosition *self);
double        ml_position_get_unrealized_pnl       (MlPosition *self);
double        ml_position_get_roe                  (MlPosition *self);
double        ml_position_get_liquidation_price    (MlPosition *self);
double        ml_position_get_bankruptcy_price     (MlPosition *self);
double        ml_position_get_max_removable_margin (MlPosition *self);
double        ml_position_get_remaining_collateral (MlPosition *self);
double        ml_position_get_liquidated_at        (MlPosition *self);
double        ml_position_get_realized_pnl         (MlPosition *self);

G_END_DECLS
