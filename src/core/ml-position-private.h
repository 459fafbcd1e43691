/* ml-position-private.h — what the account writes into a position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-margin-private.h"
#include "ml-position.h"

G_BEGIN_DECLS

/* Everything about a position that follows from the account's state at its mark price. */
typedef struct
{
  double notional;
  double maintenance_rate;
  double maintenance_margin;
  double unrealized_pnl;
  double roe;
  double liquidation_price;
  double bankruptcy_price;
  double max_removable_margin;
  double remaining_collateral;
} MlPositionValues;

/* What a liquidation left on record: the mark at which it happened, the liquidation and
 * bankruptcy prices of that moment (the pool's for a cross position), and the PnL realised by
 * closing at the bankruptcy price. */
typedef struct
{
  double price;
  double liquidation_price;
  double bankruptcy_price;
  double realized_pnl;
} MlPositionClose;

struct _MlPosition
{
  GObject          parent_instance;

  char            *id;
  MlSide           side;
  MlMarginMode     mode;
  double           quantity;
  double           entry_price;
  guint            leverage;
  double           margin;      /* the isolated margin W; 0 for a cross position */
  gboolean         liquidated;

  MlGroup          group;       /* isolated: its own interval; not used for cross */
  MlPositionValues values;
  MlPositionClose  close;       /* what liquidation did; zero (ML_PRICE_NONE) while live */
};

MlPosition *_ml_position_new            (const char             *id,
                                         MlSide                  side,
                                         MlMarginMode            mode,
                                         double                  quantity,
                                         double                  entry_price,
                                         guint                   leverage,
                                         double                  margin);
MlPosition *_ml_position_copy           (MlPosition             *self);
void        _ml_position_set_margin     (MlPosition             *self,
                                         double                  margin);
void        _ml_position_set_liquidated (MlPosition             *self,
                                         const MlPositionClose  *close);
void        _ml_position_set_values     (MlPosition             *self,
                                         const MlPositionValues *values);

static inline MlLeg
_ml_position_leg (const MlPosition *self)
{
  return (MlLeg) {
    self->quantity,
    self->side == ML_SIDE_LONG ? self->quantity : -self->quantity,
    self->entry_price,
  };
}

static inline double
_ml_position_initial_margin (const MlPosition *self)
{
  return self->quantity * self->entry_price / self->leverage;
}

static inline gboolean
_ml_position_is_live_isolated (const MlPosition *self)
{
  return !self->liquidated && self->mode == ML_MARGIN_MODE_ISOLATED;
}

static inline gboolean
_ml_position_is_live_cross (const MlPosition *self)
{
  return !self->liquidated && self->mode == ML_MARGIN_MODE_CROSS;
}

G_END_DECLS
