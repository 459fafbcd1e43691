/* ml-account-private.h — what the scenario loader and the benchmarks share with the account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-account.h"

G_BEGIN_DECLS

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
