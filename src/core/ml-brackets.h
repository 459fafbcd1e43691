/* ml-brackets.h — maintenance-margin brackets (risk tiers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ml-types.h"

G_BEGIN_DECLS

#define ML_TYPE_BRACKETS (ml_brackets_get_type ())

G_DECLARE_FINAL_TYPE (MlBrackets, ml_brackets, ML, BRACKETS, GObject)

/**
 * MlBracket:
 * @floor: notionals above this ...
 * @cap: ... and up to this, in USDT (infinite for a flat rate)
 * @rate: the maintenance margin rate (MMR)
 * @amount: the maintenance amount `cum`: MM = notional × rate − amount
 * @max_leverage: the highest leverage an order in this bracket may use
 */
typedef struct
{
  double floor;
  double cap;
  double rate;
  double amount;
  guint  max_leverage;
} MlBracket;

#define ML_BRACKETS_DEFAULT_NAME "binance-btcusdt-2024"

/* A table whose first bracket has an amount A > 0 starts with an implied bracket at rate 0 up
 * to A / rate, so that the maintenance margin is never negative; the brackets counted and
 * returned here include it, and saving leaves it out. */

MlBrackets      *ml_brackets_get_default        (void);
MlBrackets      *ml_brackets_new_flat           (double       rate,
                                                 double       amount,
                                                 GError     **error);
MlBrackets      *ml_brackets_new_from_json      (JsonNode    *node,
                                                 const char  *path,
                                                 GError     **error);
void             ml_brackets_to_json            (MlBrackets  *self,
                                                 gpointer     writer);
const char      *ml_brackets_get_name           (MlBrackets  *self);
const char      *ml_brackets_get_source         (MlBrackets  *self);
const char      *ml_brackets_get_published      (MlBrackets  *self);
guint            ml_brackets_get_n_brackets     (MlBrackets  *self);
const MlBracket *ml_brackets_get_bracket        (MlBrackets  *self,
                                                 guint        index);
guint            ml_brackets_find               (MlBrackets  *self,
                                                 double       notional);
double           ml_brackets_maintenance_margin (MlBrackets  *self,
                                                 double       notional);
guint            ml_brackets_max_leverage_at    (MlBrackets  *self,
                                                 double       notional);
double           ml_brackets_get_max_notional   (MlBrackets  *self);

G_END_DECLS
