/* ml-brackets-private.h — the table, for the solver's inner loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-brackets.h"

G_BEGIN_DECLS

struct _MlBrackets
{
  GObject    parent_instance;

  MlBracket *table;
  guint      n_brackets;
  char      *name;       /* set for the shipped tables, NULL for a scenario's own */
  char      *source;
  char      *published;
  gboolean   flat;       /* one bracket written as {"rate", "amount"} */
  guint      n_implied;  /* 1 when table[0] is the zero-margin bracket we add, else 0 */
};

/* The bracket that holds the notionals just above @notional (floor <= N < cap): the one the
 * maintenance margin follows when the price rises from here. ml_brackets_find() is the one
 * below (floor < N <= cap). Maintenance margin is continuous, so both give the same value. */
static inline guint
_ml_brackets_find_above (const MlBrackets *self,
                         double            notional)
{
  guint i = 0;

  while (i + 1 < self->n_brackets && notional >= self->table[i].cap)
    i++;
  return i;
}

static inline guint
_ml_brackets_find_below (const MlBrackets *self,
                         double            notional)
{
  guint i = 0;

  while (i + 1 < self->n_brackets && notional > self->table[i].cap)
    i++;
  return i;
}

G_END_DECLS
