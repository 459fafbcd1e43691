/* ml-progress-private.h — the progress file's contents, shared by ml-progress.c and ml-progress-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-progress.h"

G_BEGIN_DECLS

/* The largest progress file read: far beyond what 200 lessons of 100 steps in many packs
 * write, small enough that a stray file costs nothing. */
#define ML_PROGRESS_MAX_SIZE (4 * 1024 * 1024)

/* Times are milliseconds since the Unix epoch: exact in a JSON integer of 13 digits. */
typedef struct
{
  gboolean     done;
  guint        attempts;
  MlPrediction prediction;
  gint64       answered;  /* when the first answer was committed; 0 before it */
  gint64       time;      /* when the step was first recorded */
} MlProgressEntry;

/* Where the learner was: a step, or free practice (pack and lesson NULL). */
typedef struct
{
  char   *pack;
  char   *lesson;
  guint   step;
  gint64  time;           /* when it was recorded; 0: nothing recorded */
} MlProgressLast;

typedef struct
{
  gint64          reset;  /* when the progress was last reset; 0: never */
  MlProgressLast  last;
  GHashTable     *steps;  /* "PACK/LESSON/N" → MlProgressEntry */
} MlProgressState;

gboolean  _ml_progress_is_id           (const char      *text);
void      _ml_progress_state_init      (MlProgressState *state);
void      _ml_progress_state_clear     (MlProgressState *state);
char     *_ml_progress_step_key        (const char      *pack,
                                        const char      *lesson,
                                        guint            step);
gboolean  _ml_progress_state_parse     (MlProgressState *state,
                                        const char      *data,
                                        gsize            length,
                                        GError         **error);
char     *_ml_progress_state_serialize (MlProgressState *state,
                                        gsize           *length);
char     *_ml_progress_state_report    (MlProgressState *state,
                                        const char      *date,
                                        gsize           *length);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MlProgressState, _ml_progress_state_clear)

G_END_DECLS
