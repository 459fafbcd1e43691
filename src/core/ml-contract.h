/* ml-contract.h — the BTC/USDT linear perpetual contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-types.h"

G_BEGIN_DECLS

/* The contract's maximum leverage; data/contract states the same, checked when it loads. */
#define ML_MAX_LEVERAGE 125

#define ML_TYPE_CONTRACT (ml_contract_get_type ())

G_DECLARE_FINAL_TYPE (MlContract, ml_contract, ML, CONTRACT, GObject)

MlContract *ml_contract_get_default      (void);
double      ml_contract_get_contract_size (MlContract *self);
guint       ml_contract_get_max_leverage (MlContract *self);

gboolean    ml_contract_is_whole_contracts (MlContract *self,
                                            double      quantity);
gint64      ml_contract_count_contracts  (MlContract *self,
                                          double      quantity);
gboolean    ml_contract_is_on_tick       (MlContract *self,
                                          double      price);
double      ml_contract_snap_to_tick     (MlContract *self,
                                          double      price);

G_END_DECLS
