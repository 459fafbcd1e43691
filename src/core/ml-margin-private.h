/* ml-margin-private.h — the formulas of margin-model.md over plain numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-brackets-private.h"

G_BEGIN_DECLS

/* One position as the formulas see it. */
typedef struct
{
  double q;   /* size in BTC, > 0 */
  double sq;  /* s·Q: signed size */
  double e;   /* entry price */
} MlLeg;

/* A margin balance and what backs it: an isolated position (its margin W and one leg) or the
 * cross pool (WBc and every live cross leg). Its remaining collateral is k + s·P on the open
 * interval (low, high) where it survives, and 0 outside, boundaries included. */
typedef struct
{
  double k;      /* balance − Σ s·Q·E: the intercept of the margin balance */
  double s;      /* Σ s·Q: its slope */
  double low;    /* ML_PRICE_NONE (0) when nothing liquidates it below */
  double high;   /* INFINITY when nothing liquidates it above */
  gboolean alive;
} MlGroup;

void     _ml_group_solve            (MlGroup          *group,
                                     const MlBrackets *brackets,
                                     double            balance,
                                     const MlLeg      *legs,
                                     guint             n_legs);
void     _ml_group_constant         (MlGroup          *group,
                                     double            balance);
double   _ml_group_bankruptcy_price (const MlGroup    *group);

static inline gboolean
_ml_group_survives (const MlGroup *group,
                    double         price)
{
  return group->alive && price > group->low && price < group->high;
}

G_END_DECLS
