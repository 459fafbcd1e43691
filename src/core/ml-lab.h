/* ml-lab.h — the lab's state: the account, its scenario and file, undo, the price path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ml-account.h"
#include "ml-scenario.h"

G_BEGIN_DECLS

#define ML_TYPE_LAB (ml_lab_get_type ())

G_DECLARE_FINAL_TYPE (MlLab, ml_lab, ML, LAB, GObject)

/* A fresh lab: a round balance to learn with, near BTC's price when the article was written. */
#define ML_LAB_FRESH_BALANCE    1000.0
#define ML_LAB_FRESH_MARK_PRICE 60000.0

/**
 * MlLabStep:
 * @ML_LAB_STEP_NEW: the change is an undo step of its own
 * @ML_LAB_STEP_JOIN: a mark move that joins the mark move before it in one undo step (the
 *   later moves of one drag); after any other change it starts a step of its own
 */
typedef enum
{
  ML_LAB_STEP_NEW,
  ML_LAB_STEP_JOIN,
} MlLabStep;

MlLab        *ml_lab_new                (void);

MlAccount    *ml_lab_get_account        (MlLab        *self);
MlScenario   *ml_lab_get_scenario       (MlLab        *self);
GFile        *ml_lab_get_file           (MlLab        *self);
char         *ml_lab_dup_title          (MlLab        *self);
gboolean      ml_lab_get_dirty          (MlLab        *self);
gboolean      ml_lab_get_can_undo       (MlLab        *self);
gboolean      ml_lab_get_can_redo       (MlLab        *self);
guint         ml_lab_get_path_length    (MlLab        *self);
guint         ml_lab_get_path_position  (MlLab        *self);
gboolean      ml_lab_get_compare        (MlLab        *self);
void          ml_lab_set_compare        (MlLab        *self,
                                         gboolean      compare);
gboolean      ml_lab_get_fresh_charge_fees    (MlLab        *self);
void          ml_lab_set_fresh_charge_fees    (MlLab        *self,
                                               gboolean      charge_fees);
double        ml_lab_get_fresh_taker_fee_rate (MlLab        *self);
void          ml_lab_set_fresh_taker_fee_rate (MlLab        *self,
                                               double        rate);
double        ml_lab_get_fresh_maker_fee_rate (MlLab        *self);
void          ml_lab_set_fresh_maker_fee_rate (MlLab        *self,
                                               double        rate);

void          ml_lab_reset              (MlLab        *self);
void          ml_lab_set_scenario       (MlLab        *self,
                                         MlScenario   *scenario,
                                         GFile        *file);
gboolean      ml_lab_open_file          (MlLab        *self,
                                         GFile        *file,
                                         GError      **error);
gboolean      ml_lab_save_file          (MlLab        *self,
                                         GFile        *file,
                                         GError      **error);

gboolean      ml_lab_undo               (MlLab        *self);
gboolean      ml_lab_redo               (MlLab        *self);

MlPosition   *ml_lab_open_position      (MlLab        *self,
                                         const MlOrder *order,
                                         GError      **error);
gboolean      ml_lab_close_position     (MlLab        *self,
                                         const char   *id,
                                         GError      **error);
gboolean      ml_lab_add_margin         (MlLab        *self,
                                         const char   *id,
                                         double        amount,
                                         GError      **error);
gboolean      ml_lab_remove_margin      (MlLab        *self,
                                         const char   *id,
                                         double        amount,
                                         GError      **error);
gboolean      ml_lab_move_mark          (MlLab        *self,
                                         double        price,
                                         MlLabStep     step,
                                         GError      **error);
gboolean      ml_lab_step_path          (MlLab        *self,
                                         MlLabStep     step,
                                         GError      **error);

G_END_DECLS
