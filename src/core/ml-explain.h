/* ml-explain.h — "explain this number": the formula behind a number, with the learner's numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-account.h"

G_BEGIN_DECLS

/* Each returns newly allocated, translated Pango markup: what the number means, its formula in
 * general form and with the account's numbers substituted, and the risk bracket used where one
 * is. Every piece that comes from the account is escaped; the markup is only the headings'. */

char *ml_explain_liquidation_price    (MlAccount  *account,
                                       MlPosition *position);
char *ml_explain_margin_ratio         (MlAccount  *account);
char *ml_explain_remaining_collateral (MlAccount  *account,
                                       MlPosition *position);
char *ml_explain_notional             (MlAccount  *account,
                                       MlPosition *position);
char *ml_explain_initial_margin       (MlAccount  *account,
                                       MlPosition *position);
char *ml_explain_bankruptcy_price     (MlAccount  *account,
                                       MlPosition *position);
char *ml_explain_wallet_balance       (MlAccount  *account);
char *ml_explain_equity               (MlAccount  *account);

G_END_DECLS
