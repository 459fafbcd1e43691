/* ml-lab-private.h — the lab's state, shared by its two files (ml-lab.c, ml-lab-changes.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lab.h"

G_BEGIN_DECLS

/* One state of the lab, for the undo and redo stacks. */
typedef struct
{
  MlAccount *account;
  guint      path_position;
  guint      serial;
} MlLabState;

typedef struct
{
  MlPosition *position;
  double      price;
} MlLabLiquidation;

struct _MlLab
{
  GObject     parent_instance;

  MlAccount  *account;
  MlScenario *scenario;        /* as it was opened or last saved; never changed by the lab */
  GFile      *file;            /* where Save writes; NULL until opened or saved */
  GArray     *undo;            /* MlLabState, the states before each change */
  GArray     *redo;
  guint       path_position;   /* how many of the path's prices have been applied */
  guint       serial;          /* names the current state: equal serials, equal states */
  guint       saved_serial;
  guint       last_serial;
  guint       account_serial;  /* counts the accounts put in, for "notify::account" */
  guint       source_serial;   /* counts the scenarios and files put in, opened or saved */
  guint       start_serial;    /* counts the fresh starts: New, Open, a scenario put in */
  gboolean    mark_step_open;  /* a JOIN mark move joins the last undo step */
  gboolean    compare;         /* Compare Modes: a way of looking, so neither undone nor saved */
  gboolean    fresh_charge_fees;    /* what New starts with */
  double      fresh_taker_fee_rate;
  double      fresh_maker_fee_rate;
  gulong      liquidated_handler;
  GArray     *liquidations;    /* MlLabLiquidation, what the change under way liquidated */
};

typedef gboolean (*MlLabChangeFunc) (MlLab    *self,
                                     gpointer  data,
                                     GError  **error);

gboolean _ml_lab_apply        (MlLab            *self,
                               MlLabChangeFunc   func,
                               gpointer          data,
                               MlLabStep         step,
                               gboolean          mark_move,
                               guint             path_position,
                               GError          **error);
void     _ml_lab_take_account (MlLab            *self,
                               MlAccount        *account);

G_END_DECLS
