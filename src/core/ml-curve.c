/* ml-curve.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A curve is a list of breakpoints 0 < x_1 < … < x_n with its value exactly at each, and n + 1
 * linear pieces a + b·P on the open intervals between them (from 0, and up to infinity).
 * Liquidation makes the curves jump, so the value at a breakpoint is kept apart from the
 * pieces on either side: a position at its liquidation price has 0 left.
 */

#define G_LOG_DOMAIN "ml-curve"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ml-curve-private.h"

struct _MlCurve
{
  gatomicrefcount ref_count;
  guint   n;
  double *x;   /* n breakpoints */
  double *at;  /* the value at each breakpoint */
  double *a;   /* n + 1 intercepts */
  double *b;   /* n + 1 slopes */
  double  data[];
};

G_DEFINE_BOXED_TYPE (MlCurve, ml_curve, ml_curve_ref, ml_curve_unref)

static MlCurve *
ml_curve_alloc (guint n)
{
  MlCurve *self = g_malloc (sizeof *self + sizeof (double) * (4 * n + 2));

  g_atomic_ref_count_init (&self->ref_count);
  self->n = n;
  self->x = self->data;
  self->at = self->x + n;
  self->a = self->at + n;
  self->b = self->a + n + 1;
  return self;
}

MlCurve *
ml_curve_ref (MlCurve *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ml_curve_unref (MlCurve *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

guint
ml_curve_get_n_breakpoints (const MlCurve *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

/**
 * ml_curve_get_breakpoint:
 * @value: (out) (optional): the curve's value exactly at the breakpoint
 *
 * Returns: the price of breakpoint @index, in increasing order
 */
double
ml_curve_get_breakpoint (const MlCurve *self,
                         guint          index,
                         double        *value)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n, 0);

  if (value != NULL)
    *value = self->at[index];
  return self->x[index];
}

/**
 * ml_curve_get_piece:
 * @index: from 0 to the number of breakpoints
 *
 * Piece @index is `intercept + slope × P` on the open interval (@from, @to); the first starts
 * at 0, the last ends at infinity.
 */
void
ml_curve_get_piece (const MlCurve *self,
                    guint          index,
                    double        *from,
                    double        *to,
                    double        *intercept,
                    double        *slope)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index <= self->n);

  if (from != NULL)
    *from = index > 0 ? self->x[index - 1] : 0;
  if (to != NULL)
    *to = index < self->n ? self->x[index] : INFINITY;
  if (intercept != NULL)
    *intercept = self->a[index];
  if (slope != NULL)
    *slope = self->b[index];
}

double
ml_curve_evaluate (const MlCurve *self,
                   double         price)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  /* The first breakpoint at or above the price. */
  hi = self->n;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (self->x[mid] < price)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < self->n && self->x[lo] == price)
    return self->at[lo];
  return self->a[lo] + self->b[lo] * price;
}

typedef struct
{
  double x;
  double da, db;  /* what the line gains when the price passes x */
  double jump;    /* the value at x minus the line arriving from the left */
} Step;

/* Sorts by price. Written out because the account's curve is rebuilt on every change to its
 * positions, and qsort's callback and copies cost as much as the rest of the work. */
static void
ml_curve_sort_steps (Step  *steps,
                     guint  n)
{
  while (n > 16)
    {
      double pivot = steps[n / 2].x;
      guint i = 0, j = n - 1;

      for (;;)
        {
          while (steps[i].x < pivot)
            i++;
          while (steps[j].x > pivot)
            j--;
          if (i >= j)
            break;
          { Step t = steps[i]; steps[i] = steps[j]; steps[j] = t; }
          i++, j--;
        }
      /* Recurse into the smaller side, loop on the larger: the stack stays shallow. */
      if (j + 1 < n - j - 1)
        {
          ml_curve_sort_steps (steps, j + 1);
          steps += j + 1, n -= j + 1;
        }
      else
        {
          ml_curve_sort_steps (steps + j + 1, n - j - 1);
          n = j + 1;
        }
    }

  for (guint i = 1; i < n; i++)
    {
      Step t = steps[i];
      guint j = i;

      for (; j > 0 && steps[j - 1].x > t.x; j--)
        steps[j] = steps[j - 1];
      steps[j] = t;
    }
}

/* Sums the groups' curves: each adds k + s·P inside its interval and 0 outside, so the sum
 * changes line only where an interval opens or closes. */
MlCurve *
_ml_curve_new_from_groups (const MlGroup *groups,
                           guint          n_groups)
{
  Step small[8];
  g_autofree Step *large = 2 * n_groups > G_N_ELEMENTS (small) ? g_new (Step, 2 * n_groups) : NULL;
  Step *steps = large ? large : small; /* one position's curve is built often: no allocation */
  double a = 0, b = 0;
  guint n_steps = 0, n = 0;
  MlCurve *self;

  for (guint i = 0; i < n_groups; i++)
    {
      const MlGroup *g = &groups[i];

      if (!g->alive)
        continue;
      if (g->low > 0)
        steps[n_steps++] = (Step) { g->low, g->k, g->s, 0 };
      else
        a += g->k, b += g->s;
      if (isfinite (g->high))
        steps[n_steps++] = (Step) { g->high, -g->k, -g->s, -(g->k + g->s * g->high) };
    }

  ml_curve_sort_steps (steps, n_steps);

  self = ml_curve_alloc (n_steps);
  self->a[0] = a;
  self->b[0] = b;
  for (guint i = 0; i < n_steps; )
    {
      double x = steps[i].x, jump = 0;

      for (; i < n_steps && steps[i].x == x; i++)
        {
          a += steps[i].da;
          b += steps[i].db;
          jump += steps[i].jump;
        }

      self->x[n] = x;
      /* Exact 0 for a group at its own end; only rounding could make the sum dip below. */
      self->at[n] = MAX (0, self->a[n] + self->b[n] * x + jump);
      n++;
      self->a[n] = a;
      self->b[n] = b;
    }
  self->n = n;

  return self;
}
