/* ml-margin.c — liquidation intervals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The margin balance of a group minus its maintenance margin,
 *   f(P) = k + s·P − Σ (Q_i·P·MMR_i − cum_i),
 * is concave and piecewise linear in P (brackets only raise the rate, and the amounts make it
 * continuous), so it is positive on one interval. Each end is found by Newton's method from the
 * outside, which on such a function never overshoots and lands exactly in a few steps: solve the
 * linear equation with the brackets of the current piece, move there, look the brackets up
 * again, stop when the price stays put. For one leg this is margin-model.md's "solve, look up
 * the bracket at the result, solve again".
 */

#define G_LOG_DOMAIN "ml-margin"

#include "config.h"

#include <math.h>

#include "ml-margin-private.h"
#include "ml-types.h"

/* A piece has one bracket per leg; a step can only move to a piece further in, so the number
 * of steps is bounded by the number of pieces. This is only a guard against rounding loops. */
#define MAX_STEPS 256

typedef guint (*FindBracket) (const MlBrackets *brackets, double notional);

/* The line a + b·P that f follows on the piece next to @price (above it or below it). */
static void
_piece_line (const MlGroup    *group,
             const MlBrackets *brackets,
             const MlLeg      *legs,
             guint             n_legs,
             double            price,
             FindBracket       find,
             double           *a,
             double           *b)
{
  double amounts = 0, slopes = 0;

  for (guint i = 0; i < n_legs; i++)
    {
      const MlBracket *bracket = &brackets->table[find (brackets, legs[i].q * price)];

      amounts += bracket->amount;
      slopes += legs[i].q * bracket->rate;
    }

  *a = group->k + amounts;
  *b = group->s - slopes;
}

static guint
_find_above (const MlBrackets *brackets,
             double            notional)
{
  return _ml_brackets_find_above (brackets, notional);
}

static guint
_find_below (const MlBrackets *brackets,
             double            notional)
{
  return _ml_brackets_find_below (brackets, notional);
}

/* The lower end: from P → 0, where f(0+) = a, walk right while f ≤ 0. */
static gboolean
_solve_low (MlGroup          *group,
            const MlBrackets *brackets,
            const MlLeg      *legs,
            guint             n_legs)
{
  double x = 0, a, b;

  _piece_line (group, brackets, legs, n_legs, 0, _find_above, &a, &b);
  if (a > 0)
    {
      group->low = ML_PRICE_NONE;
      return TRUE;
    }

  for (guint step = 0; step < MAX_STEPS; step++)
    {
      double root;

      if (b <= 0)
        return FALSE; /* f never rises above 0 to the right: nothing survives */

      root = -a / b;
      if (!(root > x))
        break;
      x = root;
      _piece_line (group, brackets, legs, n_legs, x, _find_above, &a, &b);
    }

  group->low = x;
  return TRUE;
}

/* The upper end: from the line f follows beyond the last cap, walk left while f ≤ 0. An end
 * beyond the highest price the model accepts is none: there the slope is what cancels to
 * within rounding (a hedge whose net size equals its maintenance slope), not a real one. */
static gboolean
_solve_high (MlGroup          *group,
             const MlBrackets *brackets,
             const MlLeg      *legs,
             guint             n_legs)
{
  double x, a, b;

  _piece_line (group, brackets, legs, n_legs, INFINITY, _find_below, &a, &b);
  if (b >= 0)
    {
      group->high = INFINITY;
      return TRUE;
    }

  x = -a / b;
  for (guint step = 0; step < MAX_STEPS; step++)
    {
      double root;

      if (x <= 0)
        return FALSE;
      _piece_line (group, brackets, legs, n_legs, x, _find_below, &a, &b);
      if (b >= 0)
        return FALSE; /* f never rises above 0 to the left: nothing survives */

      root = -a / b;
      if (!(root < x))
        break;
      x = root;
    }

  group->high = x > ML_MAX_PRICE ? INFINITY : x;
  return TRUE;
}

/**
 * _ml_group_solve:
 * @balance: the isolated margin W, or the cross wallet balance WBc
 *
 * Fills @group with the margin balance and the interval of mark prices where it survives.
 */
void
_ml_group_solve (MlGroup          *group,
                 const MlBrackets *brackets,
                 double            balance,
                 const MlLeg      *legs,
                 guint             n_legs)
{
  group->k = balance;
  group->s = 0;
  for (guint i = 0; i < n_legs; i++)
    {
      group->k -= legs[i].sq * legs[i].e;
      group->s += legs[i].sq;
    }

  group->low = ML_PRICE_NONE;
  group->high = INFINITY;
  group->alive = _solve_low (group, brackets, legs, n_legs) &&
                 _solve_high (group, brackets, legs, n_legs) &&
                 group->low < group->high;
  if (!group->alive)
    group->low = group->high = ML_PRICE_NONE;
}

/* A balance with nothing to liquidate it: the cross wallet when no cross position is open. */
void
_ml_group_constant (MlGroup *group,
                    double   balance)
{
  group->k = balance;
  group->s = 0;
  group->low = ML_PRICE_NONE;
  group->high = INFINITY;
  group->alive = TRUE;
}

/* Where the margin balance reaches 0: margin-model.md's BP = E − s·W/Q for one leg. */
double
_ml_group_bankruptcy_price (const MlGroup *group)
{
  double price;

  if (group->s == 0)
    return ML_PRICE_NONE;

  price = -group->k / group->s;
  return price > 0 ? price : ML_PRICE_NONE;
}
