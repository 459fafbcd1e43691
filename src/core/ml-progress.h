/* ml-progress.h — what the learner has done, kept in a file that two windows can share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ML_TYPE_PROGRESS (ml_progress_get_type ())

G_DECLARE_FINAL_TYPE (MlProgress, ml_progress, ML, PROGRESS, GObject)

/**
 * MlPrediction:
 * @ML_PREDICTION_NONE: the step's question was not answered
 * @ML_PREDICTION_RIGHT: the first answer was right
 * @ML_PREDICTION_WRONG: the first answer was wrong (later ones, after a reset, do not change it)
 */
typedef enum
{
  ML_PREDICTION_NONE,
  ML_PREDICTION_RIGHT,
  ML_PREDICTION_WRONG,
} MlPrediction;

/**
 * MlStepProgress:
 * @done: the step's task was done (or, with no task, its question answered or the step seen)
 * @attempts: how many answers were committed to its question
 * @prediction: whether the first was right
 */
typedef struct
{
  gboolean     done;
  guint        attempts;
  MlPrediction prediction;
} MlStepProgress;

MlProgress *ml_progress_new              (const char     *filename);
const char *ml_progress_get_filename     (MlProgress     *self);
gboolean    ml_progress_load             (MlProgress     *self,
                                          char          **kept_aside,
                                          GError        **error);
gboolean    ml_progress_save             (MlProgress     *self,
                                          GError        **error);
void        ml_progress_reset            (MlProgress     *self);

void        ml_progress_get_step         (MlProgress     *self,
                                          const char     *pack,
                                          const char     *lesson,
                                          guint           step,
                                          MlStepProgress *progress);
void        ml_progress_set_done         (MlProgress     *self,
                                          const char     *pack,
                                          const char     *lesson,
                                          guint           step);
void        ml_progress_add_answer       (MlProgress     *self,
                                          const char     *pack,
                                          const char     *lesson,
                                          guint           step,
                                          gboolean        right);
guint       ml_progress_count_done       (MlProgress     *self,
                                          const char     *pack,
                                          const char     *lesson,
                                          guint           n_steps);

gboolean    ml_progress_get_last         (MlProgress     *self,
                                          char          **pack,
                                          char          **lesson,
                                          guint          *step);
void        ml_progress_set_last         (MlProgress     *self,
                                          const char     *pack,
                                          const char     *lesson,
                                          guint           step);

gboolean    ml_progress_export           (MlProgress     *self,
                                          const char     *filename,
                                          GError        **error);

G_END_DECLS
