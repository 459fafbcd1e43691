/* ml-curve-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-curve.h"
#include "ml-margin-private.h"

G_BEGIN_DECLS

MlCurve *_ml_curve_new_from_groups (const MlGroup *groups,
                                    guint          n_groups);

G_END_DECLS
