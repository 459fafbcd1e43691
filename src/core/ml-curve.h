/* ml-curve.h — remaining collateral as an exact function of the mark price
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-types.h"

G_BEGIN_DECLS

#define ML_TYPE_CURVE (ml_curve_get_type ())

GType    ml_curve_get_type             (void) G_GNUC_CONST;
MlCurve *ml_curve_ref                  (MlCurve       *self);
void     ml_curve_unref                (MlCurve       *self);
guint    ml_curve_get_n_breakpoints    (const MlCurve *self);
double   ml_curve_get_breakpoint       (const MlCurve *self,
                                        guint          index,
                                        double        *value);
void     ml_curve_get_piece            (const MlCurve *self,
                                        guint          index,
                                        double        *from,
                                        double        *to,
                                        double        *intercept,
                                        double        *slope);
double   ml_curve_evaluate             (const MlCurve *self,
                                        double         price);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlCurve, ml_curve_unref)

G_END_DECLS
