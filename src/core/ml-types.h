/* ml-types.h — forward declarations and enums shared by the margin core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _MlAccount  MlAccount;
typedef struct _MlBrackets MlBrackets;
typedef struct _MlContract MlContract;
typedef struct _MlCurve    MlCurve;
typedef struct _MlPosition MlPosition;
typedef struct _MlScenario MlScenario;

typedef enum
{
  ML_SIDE_LONG,
  ML_SIDE_SHORT,
} MlSide;

typedef enum
{
  ML_MARGIN_MODE_CROSS,
  ML_MARGIN_MODE_ISOLATED,
} MlMarginMode;

/* Binance's margin-ratio convention: Σ MM / pool, liquidation at 100 %. */
#define ML_MARGIN_RATIO_WARNING     0.8
#define ML_MARGIN_RATIO_LIQUIDATION 1.0

/**
 * MlRatioLevel:
 * @ML_RATIO_LEVEL_NONE: no cross positions, so no margin ratio
 * @ML_RATIO_LEVEL_SAFE: below %ML_MARGIN_RATIO_WARNING
 * @ML_RATIO_LEVEL_WARNING: at least %ML_MARGIN_RATIO_WARNING
 * @ML_RATIO_LEVEL_LIQUIDATION: at least %ML_MARGIN_RATIO_LIQUIDATION
 */
typedef enum
{
  ML_RATIO_LEVEL_NONE,
  ML_RATIO_LEVEL_SAFE,
  ML_RATIO_LEVEL_WARNING,
  ML_RATIO_LEVEL_LIQUIDATION,
} MlRatioLevel;

/**
 * MlError:
 * @ML_ERROR_REFUSED: an operation broke a rule of the contract, the brackets or the account
 * @ML_ERROR_INVALID: a value in a file is of the wrong type, out of range or unknown
 * @ML_ERROR_SYNTAX: a file is not well-formed JSON
 * @ML_ERROR_NOT_TEXT: a file is empty, binary or too large to be a scenario
 * @ML_ERROR_VERSION: a file was written by a newer Margin Lab
 * @ML_ERROR_NO_COMPARISON: the other-mode comparison does not exist for this account
 */
typedef enum
{
  ML_ERROR_REFUSED,
  ML_ERROR_INVALID,
  ML_ERROR_SYNTAX,
  ML_ERROR_NOT_TEXT,
  ML_ERROR_VERSION,
  ML_ERROR_NO_COMPARISON,
} MlError;

#define ML_ERROR (ml_error_quark ())
GQuark ml_error_quark (void);

const char *ml_enum_get_nick (GType type,
                              int   value);

/* A price that does not exist ("none"): no liquidation price in that direction. Prices are
 * always positive, so 0 can never be a real one, and no NaN ever reaches a caller. */
#define ML_PRICE_NONE 0.0

/* Every price the model accepts (mark, entry, what-if, path) lies in this range: at least one
 * 0.1 USDT tick, and at most a thousand times any BTC price ever seen. A liquidation beyond
 * the top counts as none. */
#define ML_MIN_PRICE 0.1
#define ML_MAX_PRICE 100000000.0

static inline gboolean
ml_price_is_valid (double price)
{
  return price >= ML_MIN_PRICE && price <= ML_MAX_PRICE; /* false for NaN */
}

static inline double
ml_side_sign (MlSide side)
{
  return side == ML_SIDE_LONG ? 1.0 : -1.0;
}

G_END_DECLS
