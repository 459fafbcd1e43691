/* ml-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-types"

#include "config.h"

#include "ml-types.h"

G_DEFINE_QUARK (ml-error-quark, ml_error)
