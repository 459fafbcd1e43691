/* ml-lesson-action.h — what a step's solution and a question's reveal do to the lab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lab.h"
#include "ml-lesson-reader.h"
#include "ml-lesson-task.h"

G_BEGIN_DECLS

/* The most actions a solution holds. */
#define ML_LESSON_MAX_ACTIONS 100

typedef enum
{
  ML_LESSON_ACTION_OPEN,
  ML_LESSON_ACTION_MARK,
  ML_LESSON_ACTION_ADD_MARGIN,
  ML_LESSON_ACTION_REMOVE_MARGIN,
  ML_LESSON_ACTION_CLOSE,
  ML_LESSON_ACTION_PATH,
  ML_LESSON_ACTION_COMPARE,
} MlLessonActionKind;

typedef struct
{
  MlLessonActionKind kind;
  char         *path;      /* where it is written, for problems */
  char         *id;        /* the position opened (or NULL), changed or closed */
  MlSide        side;
  MlMarginMode  mode;
  guint         leverage;
  double        quantity;  /* an order of so many BTC, or 0 when it gives its margin */
  double        margin;
  double        price;     /* the order's price (0: the mark), or the mark's new price */
  double        amount;    /* margin added or removed */
} MlLessonAction;

void            _ml_lesson_action_free       (MlLessonAction       *self);
MlLessonAction *_ml_lesson_action_read       (MlLessonReader       *reader,
                                              JsonNode             *node,
                                              const char           *path,
                                              gboolean              reveal);
GPtrArray      *_ml_lesson_action_read_list  (MlLessonReader       *reader,
                                              JsonObject           *object,
                                              const char           *path,
                                              const char           *key);
void            _ml_lesson_action_track      (MlLab                *lab,
                                              MlLessonState        *state);
gboolean        _ml_lesson_action_play       (const MlLessonAction *self,
                                              MlLab                *lab,
                                              MlLessonState        *state,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlLessonAction, _ml_lesson_action_free)

G_END_DECLS
