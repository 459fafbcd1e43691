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

/* The line a + b·P that f follows on the piece next to @price: the one above it (the price
 * rising from there) or below it. At 0 and at infinity every leg is in the first or the last
 * bracket, without looking. */
static void
ml_margin_piece_line (const MlGroup    *group,
                      const MlBrackets *brackets,
                      const MlLeg      *legs,
                      guint             n_legs,
                      double            price,
                      gboolean          above,
                      double           *a,
                      double           *b)
{
  double amounts = 0, slopes = 0;

  for (guint i = 0; i < n_legs; i++)
    {
      double notional = legs[i].q * price;
      const MlBracket *bracket;

      if (price == 0)
        bracket = &brackets->table[0];
      else if (isinf (price))
        bracket = &brackets->table[brackets->n_brackets - 1];
      else if (above)
        bracket = &brackets->table[_ml_brackets_find_above (brackets, notional)];
      else
        bracket = &brackets->table[_ml_brackets_find_below (brackets, notional)];

      amounts += bracket->amount;
      slopes += legs[i].q * bracket->rate;
    }

  *a = group->k + amounts;
  *b = group->s - slopes;
}

/* Lines of f that need no bracket lookup: near 0 every leg is in the first bracket, beyond the
 * table in the last. They tell whether each end exists at all. */
static void
ml_margin_extreme_lines (const MlGroup    *group,
                         const MlBrackets *brackets,
                         const MlLeg      *legs,
                         guint             n_legs,
                         double           *a0,
                         double           *b0,
                         double           *a_inf,
                         double           *b_inf)
{
  const MlBracket *first = &brackets->table[0];
  const MlBracket *last = &brackets->table[brackets->n_brackets - 1];
  double q = 0;

  for (guint i = 0; i < n_legs; i++)
    q += legs[i].q;

  *a0 = group->k + n_legs * first->amount;
  *b0 = group->s - q * first->rate;
  *a_inf = group->k + n_legs * last->amount;
  *b_inf = group->s - q * last->rate;
}

/* Newton's method from @x, where f ≤ 0, towards the end on the side of @rising (the lower end
 * is approached rising from below). Every step lands where f is still ≤ 0, or on the end. */
static gboolean
ml_margin_walk (const MlGroup    *group,
                const MlBrackets *brackets,
                const MlLeg      *legs,
                guint             n_legs,
                double            x,
                gboolean          rising,
                double           *end)
{
  if (x <= 0 && !rising)
    return FALSE; /* f ≤ 0 at every positive price */

  for (guint step = 0; step < MAX_STEPS; step++)
    {
      double a, b, root;

      ml_margin_piece_line (group, brackets, legs, n_legs, x, rising, &a, &b);
      if (rising ? b <= 0 : b >= 0)
        return FALSE; /* f never rises above 0 on this side: nothing survives */

      root = -a / b;
      if (rising ? !(root > x) : !(root < x))
        break;
      x = root;
      if (x <= 0)
        return FALSE;
    }

  *end = x;
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
  double a0, b0, a_inf, b_inf, a, b, q = 0, qe = 0;
  gboolean alive = TRUE;

  group->k = balance;
  group->s = 0;
  for (guint i = 0; i < n_legs; i++)
    {
      group->k -= legs[i].sq * legs[i].e;
      group->s += legs[i].sq;
      q += legs[i].q;
      qe += legs[i].q * legs[i].e;
    }
  group->low = ML_PRICE_NONE;
  group->high = INFINITY;

  /* Start where the legs were opened: that piece's line lies above f everywhere (f is
   * concave), so its root on either side is outside the interval, a safe start. */
  ml_margin_extreme_lines (group, brackets, legs, n_legs, &a0, &b0, &a_inf, &b_inf);
  ml_margin_piece_line (group, brackets, legs, n_legs, q > 0 ? qe / q : 0, TRUE, &a, &b);

  if (a0 <= 0) /* f(0+) ≤ 0: there is a lower end */
    alive = ml_margin_walk (group, brackets, legs, n_legs,
                   b > 0 ? MAX (0, -a / b) : b0 > 0 ? MAX (0, -a0 / b0) : 0, TRUE, &group->low);
  if (alive && b_inf < 0) /* f falls without end: there is an upper end, maybe out of range */
    {
      double a_max, b_max;

      /* Beyond the highest price the model accepts an end counts as none; often it lies far
       * beyond (a net long whose maintenance slope outgrows it), and is found in one look. */
      ml_margin_piece_line (group, brackets, legs, n_legs, ML_MAX_PRICE, FALSE, &a_max, &b_max);
      if (a_max + b_max * ML_MAX_PRICE <= 0)
        alive = ml_margin_walk (group, brackets, legs, n_legs, b < 0 ? MIN (-a / b, ML_MAX_PRICE) : ML_MAX_PRICE,
                       FALSE, &group->high);
    }

  group->alive = alive && group->low < group->high;
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
