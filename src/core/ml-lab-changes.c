/* ml-lab-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the learner does in the lab: orders, closing, margin in and out, the mark price, and
 * steps along the scenario's price path. Each is one change applied by _ml_lab_apply()
 * (ml-lab.c), so that it can be undone and the views hear of it once.
 */

#define G_LOG_DOMAIN "ml-lab"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-lab-private.h"

typedef struct
{
  const MlOrder *order;
  MlPosition    *opened;
} MlLabOrder;

static gboolean
ml_lab_changes_open_func (MlLab    *self,
                          gpointer  data,
                          GError  **error)
{
  MlLabOrder *order = data;

  order->opened = ml_account_open_position (self->account, order->order, error);
  return order->opened != NULL;
}

/**
 * ml_lab_open_position:
 *
 * Places @order.
 *
 * Returns: (transfer none) (nullable): the new position, or %NULL if the order was refused
 */
MlPosition *
ml_lab_open_position (MlLab         *self,
                      const MlOrder *order,
                      GError       **error)
{
  MlLabOrder change = { order, NULL };

  g_return_val_if_fail (ML_IS_LAB (self), NULL);
  g_return_val_if_fail (order != NULL, NULL);

  if (!_ml_lab_apply (self, ml_lab_changes_open_func, &change, ML_LAB_STEP_NEW, FALSE, self->path_position, error))
    return NULL;
  return change.opened;
}

typedef gboolean (*MlLabPositionFunc) (MlAccount   *account,
                                       MlPosition  *position,
                                       double       amount,
                                       GError     **error);

typedef struct
{
  MlLabPositionFunc func;
  const char       *id;
  double            amount;
} MlLabPositionChange;

static gboolean
ml_lab_changes_close_func (MlAccount   *account,
                           MlPosition  *position,
                           double       amount,
                           GError     **error)
{
  return ml_account_close_position (account, position, error);
}

static gboolean
ml_lab_changes_position_func (MlLab    *self,
                              gpointer  data,
                              GError  **error)
{
  MlLabPositionChange *change = data;
  MlPosition *position = ml_account_find_position (self->account, change->id);

  if (position == NULL)
    {
      /* Translators: %s is a position's id, such as “a” */
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED, _("There is no position “%s”."), change->id);
      return FALSE;
    }
  return change->func (self->account, position, change->amount, error);
}

static gboolean
ml_lab_changes_change_position (MlLab              *self,
                                MlLabPositionFunc   func,
                                const char         *id,
                                double              amount,
                                GError            **error)
{
  MlLabPositionChange change = { func, id, amount };

  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  return _ml_lab_apply (self, ml_lab_changes_position_func, &change, ML_LAB_STEP_NEW, FALSE, self->path_position, error);
}

gboolean
ml_lab_close_position (MlLab       *self,
                       const char  *id,
                       GError     **error)
{
  return ml_lab_changes_change_position (self, ml_lab_changes_close_func, id, 0, error);
}

gboolean
ml_lab_add_margin (MlLab       *self,
                   const char  *id,
                   double       amount,
                   GError     **error)
{
  return ml_lab_changes_change_position (self, ml_account_add_margin, id, amount, error);
}

gboolean
ml_lab_remove_margin (MlLab       *self,
                      const char  *id,
                      double       amount,
                      GError     **error)
{
  return ml_lab_changes_change_position (self, ml_account_remove_margin, id, amount, error);
}

static gboolean
ml_lab_changes_move_mark_func (MlLab    *self,
                               gpointer  data,
                               GError  **error)
{
  return ml_account_move_mark_price (self->account, *(const double *)data, NULL, error);
}

/**
 * ml_lab_move_mark:
 * @step: %ML_LAB_STEP_JOIN for the later moves of one drag, so that Undo takes the whole
 *   drag back at once
 *
 * Moves the mark price; moving it to where it is changes nothing.
 */
gboolean
ml_lab_move_mark (MlLab      *self,
                  double      price,
                  MlLabStep   step,
                  GError    **error)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);

  if (price == ml_account_get_mark_price (self->account))
    return TRUE;
  return _ml_lab_apply (self, ml_lab_changes_move_mark_func, &price, step, TRUE, self->path_position, error);
}

/* The price path */

static gboolean
ml_lab_changes_restart_func (MlLab    *self,
                             gpointer  data,
                             GError  **error)
{
  _ml_lab_take_account (self, ml_account_copy (ml_scenario_get_account (self->scenario)));
  return TRUE;
}

/**
 * ml_lab_step_path:
 * @step: %ML_LAB_STEP_JOIN while playing, so that one run of Play is one undo step
 *
 * Applies the path's next price. At the end of the path it goes back to the scenario's start
 * instead (an undo step of its own), so that the next step plays the path again.
 *
 * Returns: %TRUE if the lab changed
 */
gboolean
ml_lab_step_path (MlLab      *self,
                  MlLabStep   step,
                  GError    **error)
{
  const double *path;
  gsize n = 0;

  g_return_val_if_fail (ML_IS_LAB (self), FALSE);

  path = self->scenario ? ml_scenario_get_path (self->scenario, &n) : NULL;
  if (n == 0)
    return FALSE;
  if (self->path_position >= n)
    return _ml_lab_apply (self, ml_lab_changes_restart_func, NULL, ML_LAB_STEP_NEW, FALSE, 0, error);
  return _ml_lab_apply (self, ml_lab_changes_move_mark_func, (gpointer)&path[self->path_position], step, TRUE,
                       self->path_position + 1, error);
}
