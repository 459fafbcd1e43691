/* ml-progress.c — what the learner has done, kept in a file that two windows can share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caller saves after each change. A save reads the file again and merges it with what
 * this object holds before it writes, so two windows (two MlProgress on one file) add to each
 * other's progress instead of overwriting it: a step is done if either says so, has the larger
 * count of answers, and keeps the prediction that was made first. A reset is recorded with its
 * time, and whatever was recorded before it is dropped from both sides of every later merge.
 *
 * The file is read back defensively: one that is damaged is renamed aside, never overwritten
 * and never silently emptied, and the caller tells the learner. The format is described in
 * ml-progress-file.c.
 */

#define G_LOG_DOMAIN "ml-progress"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ml-file.h"
#include "ml-lesson-pack.h"
#include "ml-progress-private.h"

/* Damaged files kept aside beside one progress file, at most: progress.json.corrupt, then
 * progress.json.1.corrupt … */
#define MAX_KEPT_ASIDE 100

struct _MlProgress
{
  GObject          parent_instance;

  char            *filename;
  MlProgressState  state;
};

G_DEFINE_FINAL_TYPE (MlProgress, ml_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILENAME,
  N_PROPS
};

enum {
  CHANGED,
  KEPT_ASIDE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_LOCK_DEFINE_STATIC (clock);
static gint64 clock_last;

/* The time of a change, in milliseconds: never the same twice in this process, so that a
 * reset and the change right after it, or two answers, always come in order. */
static gint64
ml_progress_now (void)
{
  gint64 now = g_get_real_time () / 1000;

  G_LOCK (clock);
  now = clock_last = MAX (now, clock_last + 1);
  G_UNLOCK (clock);
  return now;
}

/* A reset made on a computer whose clock is ahead (the file may be shared): what is
 * recorded here from now on must still come after it, or the next merge would drop it. */
static void
ml_progress_clock_pass (gint64 time)
{
  G_LOCK (clock);
  clock_last = MAX (clock_last, time);
  G_UNLOCK (clock);
}

static void
ml_progress_finalize (GObject *object)
{
  MlProgress *self = (MlProgress *)object;

  g_clear_pointer (&self->filename, g_free);
  _ml_progress_state_clear (&self->state);

  G_OBJECT_CLASS (ml_progress_parent_class)->finalize (object);
}

static void
ml_progress_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MlProgress *self = ML_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_progress_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MlProgress *self = ML_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      self->filename = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_progress_class_init (MlProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_progress_finalize;
  object_class->get_property = ml_progress_get_property;
  object_class->set_property = ml_progress_set_property;

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlProgress::changed:
   *
   * What the learner has done changed: a step was recorded, the progress was reset, or a
   * load or a save brought in what another window recorded.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  /**
   * MlProgress::kept-aside:
   * @path: where the damaged file now is
   *
   * The progress file was damaged and was renamed to @path; the progress read from it is
   * empty. Emitted by a load (which also returns @path) and by a save that found the file
   * damaged since it was loaded.
   */
  signals[KEPT_ASIDE] =
    g_signal_new ("kept-aside", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ml_progress_init (MlProgress *self)
{
  _ml_progress_state_init (&self->state);
}

/**
 * ml_progress_new:
 * @filename: the progress file; it need not exist yet, nor its folder
 *
 * Returns: (transfer full): empty progress, to be loaded from @filename
 */
MlProgress *
ml_progress_new (const char *filename)
{
  g_return_val_if_fail (filename != NULL, NULL);

  return g_object_new (ML_TYPE_PROGRESS, "filename", filename, NULL);
}

const char *
ml_progress_get_filename (MlProgress *self)
{
  g_return_val_if_fail (ML_IS_PROGRESS (self), NULL);

  return self->filename;
}

/* Reading and merging */

/* @reason is a predicate from ml-file.c ("cannot be read: …"). */
static gboolean
ml_progress_file_error (MlProgress  *self,
                        GError     **error,
                        GError      *reason)
{
  g_autofree char *name = ml_file_display_name (self->filename);

  g_set_error (error, reason->domain, reason->code, "%s: %s", name, reason->message);
  return FALSE;
}

/* Renames the damaged file to the first free name of progress.json.corrupt,
 * progress.json.1.corrupt …, so that nothing kept aside before is overwritten. */
static char *
ml_progress_keep_aside (MlProgress  *self,
                        GError     **error)
{
  g_autofree char *name = ml_file_display_name (self->filename);

  for (guint i = 0; i < MAX_KEPT_ASIDE; i++)
    {
      g_autofree char *aside = i == 0 ? g_strconcat (self->filename, ".corrupt", NULL)
                                      : g_strdup_printf ("%s.%u.corrupt", self->filename, i);
      GStatBuf st;
      int saved_errno;

      if (g_lstat (aside, &st) == 0)
        continue;
      if (errno == ENOENT && g_rename (self->filename, aside) == 0)
        return g_steal_pointer (&aside);

      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second why it failed */
                   _("%s: is damaged and cannot be kept aside: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* Translators: %s is a file name, %u a number */
               _("%s: is damaged, and %u damaged copies of it are already kept aside"),
               name, MAX_KEPT_ASIDE);
  return NULL;
}

/* Reads the file into @from. A missing file reads as empty progress; a damaged one is kept
 * aside (its new name in @kept_aside) and reads as empty too. Returns %FALSE only when the
 * file could be neither read nor kept aside: then nothing may be written over it. */
static gboolean
ml_progress_read_file (MlProgress       *self,
                       MlProgressState  *from,
                       char            **kept_aside,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = ml_file_read_contents (self->filename, ML_PROGRESS_MAX_SIZE, &length, &local_error);
  if (data == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  if (data == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return ml_progress_file_error (self, error, local_error);
  if (data != NULL && _ml_progress_state_parse (from, data, length, &local_error))
    return TRUE;

  _ml_progress_state_clear (from);
  _ml_progress_state_init (from);
  if (!(*kept_aside = ml_progress_keep_aside (self, error)))
    return FALSE;
  g_debug ("%s: %s; kept aside as %s", self->filename, local_error->message, *kept_aside);
  return TRUE;
}

/* Drops whatever was recorded at or before the reset. */
static gboolean
ml_progress_forget_before_reset (MlProgress *self)
{
  GHashTableIter iter;
  MlProgressEntry *entry;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->state.steps);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    if (entry->time <= self->state.reset)
      {
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }

  if (self->state.last.time != 0 && self->state.last.time <= self->state.reset)
    {
      g_clear_pointer (&self->state.last.pack, g_free);
      g_clear_pointer (&self->state.last.lesson, g_free);
      self->state.last = (MlProgressLast) { NULL, NULL, 0, 0 };
      changed = TRUE;
    }
  return changed;
}

static gboolean
ml_progress_merge_entry (MlProgressEntry       *ours,
                         const MlProgressEntry *theirs)
{
  MlProgressEntry before = *ours;

  ours->done = ours->done || theirs->done;
  ours->attempts = MAX (ours->attempts, theirs->attempts);
  if (theirs->answered != 0 && (ours->answered == 0 || theirs->answered < ours->answered))
    {
      ours->answered = theirs->answered;
      ours->prediction = theirs->prediction;
    }
  ours->time = MIN (ours->time, theirs->time);

  return before.done != ours->done || before.attempts != ours->attempts ||
         before.prediction != ours->prediction;
}

static gboolean
ml_progress_merge_last (MlProgress     *self,
                        MlProgressLast *theirs)
{
  MlProgressLast *ours = &self->state.last;
  gboolean changed;

  if (theirs->time <= self->state.reset || theirs->time <= ours->time)
    return FALSE;

  changed = ours->time == 0 || g_strcmp0 (ours->pack, theirs->pack) != 0 ||
            g_strcmp0 (ours->lesson, theirs->lesson) != 0 || ours->step != theirs->step;
  g_free (ours->pack);
  g_free (ours->lesson);
  *ours = *theirs;
  *theirs = (MlProgressLast) { NULL, NULL, 0, 0 };
  return changed;
}

/* Merges what another window wrote into this object. Returns whether anything that can be
 * read through the API changed. */
static gboolean
ml_progress_merge (MlProgress      *self,
                   MlProgressState *from)
{
  GHashTableIter iter;
  const char *key;
  MlProgressEntry *theirs;
  gboolean changed = FALSE;

  if (from->reset > self->state.reset)
    {
      ml_progress_clock_pass (from->reset);
      self->state.reset = from->reset;
      changed = ml_progress_forget_before_reset (self);
    }

  g_hash_table_iter_init (&iter, from->steps);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, (gpointer *)&theirs))
    {
      MlProgressEntry *ours;

      if (theirs->time <= self->state.reset)
        continue;
      if ((ours = g_hash_table_lookup (self->state.steps, key)) != NULL)
        changed |= ml_progress_merge_entry (ours, theirs);
      else
        {
          g_hash_table_insert (self->state.steps, g_strdup (key), g_memdup2 (theirs, sizeof *theirs));
          changed = TRUE;
        }
    }

  changed |= ml_progress_merge_last (self, &from->last);
  return changed;
}

/* Signals go out once everything is in place, so that a handler may save or load. */
static void
ml_progress_emit (MlProgress *self,
                  const char *kept_aside,
                  gboolean    changed)
{
  if (kept_aside != NULL)
    g_signal_emit (self, signals[KEPT_ASIDE], 0, kept_aside);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ml_progress_load:
 * @kept_aside: (out) (optional) (transfer full): where a damaged file was renamed to, or
 *   %NULL when the file was valid or missing
 *
 * Reads the file and merges it into what this object holds (for a new object: takes it).
 * A missing file is empty progress. A damaged one (not JSON, binary, too large, of another
 * version, or holding anything the app does not write) is renamed aside and read as empty,
 * which is not a failure: the caller tells the learner where it went.
 *
 * Returns: %FALSE with @error only when the file could not be read, nor kept aside
 */
gboolean
ml_progress_load (MlProgress  *self,
                  char       **kept_aside,
                  GError     **error)
{
  g_auto(MlProgressState) from = { 0 };
  g_autofree char *aside = NULL;
  gboolean changed;

  g_return_val_if_fail (ML_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_aside != NULL)
    *kept_aside = NULL;

  _ml_progress_state_init (&from);
  if (!ml_progress_read_file (self, &from, &aside, error))
    return FALSE;

  changed = ml_progress_merge (self, &from);
  ml_progress_emit (self, aside, changed);
  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}

/**
 * ml_progress_save:
 *
 * Merges what the file holds now (another window may have written it) into this object, and
 * writes the result atomically, creating the folder if needed. A file damaged since it was
 * loaded is kept aside first ("kept-aside" says where).
 *
 * Returns: %TRUE if the file holds this object's progress
 */
gboolean
ml_progress_save (MlProgress  *self,
                  GError     **error)
{
  g_auto(MlProgressState) from = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL, *aside = NULL, *data = NULL;
  gboolean changed;
  gsize length;

  g_return_val_if_fail (ML_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (self->filename);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = ml_file_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder's name, then why it could not be made */
                   _("%s: cannot be created: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  _ml_progress_state_init (&from);
  if (!ml_progress_read_file (self, &from, &aside, error))
    return FALSE;
  changed = ml_progress_merge (self, &from);

  data = _ml_progress_state_serialize (&self->state, &length);
  if (!ml_file_replace_contents (self->filename, data, length, &local_error))
    ml_progress_file_error (self, error, local_error);

  ml_progress_emit (self, aside, changed);
  return local_error == NULL;
}

/**
 * ml_progress_reset:
 *
 * Forgets everything the learner did, here and, at the next save, in the file and in every
 * window that merges with it: nothing recorded before now comes back.
 */
void
ml_progress_reset (MlProgress *self)
{
  g_return_if_fail (ML_IS_PROGRESS (self));

  self->state.reset = ml_progress_now ();
  ml_progress_forget_before_reset (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Steps */

static MlProgressEntry *
ml_progress_lookup (MlProgress *self,
                    const char *pack,
                    const char *lesson,
                    guint       step)
{
  g_autofree char *key = _ml_progress_step_key (pack, lesson, step);

  return g_hash_table_lookup (self->state.steps, key);
}

/* The step's entry, created (seen, nothing done) if it had none. */
static MlProgressEntry *
ml_progress_ensure (MlProgress *self,
                    const char *pack,
                    const char *lesson,
                    guint       step,
                    gboolean   *created)
{
  MlProgressEntry *entry = ml_progress_lookup (self, pack, lesson, step);

  *created = entry == NULL;
  if (entry == NULL)
    {
      entry = g_new0 (MlProgressEntry, 1);
      entry->time = ml_progress_now ();
      g_hash_table_insert (self->state.steps, _ml_progress_step_key (pack, lesson, step), entry);
    }
  return entry;
}

/* Only steps the file can name: an id with a '/' would make a key that reads back wrong. */
static gboolean
ml_progress_is_step (const char *pack,
                     const char *lesson,
                     guint       step)
{
  return pack != NULL && _ml_progress_is_id (pack) && lesson != NULL && _ml_progress_is_id (lesson) &&
         step < ML_LESSON_PACK_MAX_STEPS;
}

/**
 * ml_progress_get_step:
 * @progress: (out caller-allocates): the step's progress; all zero for a step not recorded
 */
void
ml_progress_get_step (MlProgress     *self,
                      const char     *pack,
                      const char     *lesson,
                      guint           step,
                      MlStepProgress *progress)
{
  MlProgressEntry *entry;

  g_return_if_fail (ML_IS_PROGRESS (self));
  g_return_if_fail (pack != NULL && lesson != NULL);
  g_return_if_fail (progress != NULL);

  entry = ml_progress_lookup (self, pack, lesson, step);
  if (entry == NULL)
    *progress = (MlStepProgress) { FALSE, 0, ML_PREDICTION_NONE };
  else
    *progress = (MlStepProgress) { entry->done, entry->attempts, entry->prediction };
}

/**
 * ml_progress_set_done:
 * @pack: a pack id, @lesson a lesson id of that pack, and @step a step's index in it
 *
 * Records that the step is done. Emits "changed" if it was not already.
 */
void
ml_progress_set_done (MlProgress *self,
                      const char *pack,
                      const char *lesson,
                      guint       step)
{
  MlProgressEntry *entry;
  gboolean created;

  g_return_if_fail (ML_IS_PROGRESS (self));
  g_return_if_fail (ml_progress_is_step (pack, lesson, step));

  entry = ml_progress_ensure (self, pack, lesson, step, &created);
  if (entry->done && !created)
    return;
  entry->done = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ml_progress_add_answer:
 * @right: whether the committed answer was right
 *
 * Counts an answer committed to the step's question. Only the first answer is the
 * prediction: later ones (after "Reset this step") count, but do not change it.
 */
void
ml_progress_add_answer (MlProgress *self,
                        const char *pack,
                        const char *lesson,
                        guint       step,
                        gboolean    right)
{
  MlProgressEntry *entry;
  gboolean created;

  g_return_if_fail (ML_IS_PROGRESS (self));
  g_return_if_fail (ml_progress_is_step (pack, lesson, step));

  entry = ml_progress_ensure (self, pack, lesson, step, &created);
  if (entry->attempts < G_MAXUINT)
    entry->attempts++;
  if (entry->prediction == ML_PREDICTION_NONE)
    {
      entry->prediction = right ? ML_PREDICTION_RIGHT : ML_PREDICTION_WRONG;
      entry->answered = ml_progress_now ();
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ml_progress_count_done:
 * @n_steps: the number of steps the lesson has
 *
 * Returns: how many of the lesson's first @n_steps steps are done
 */
guint
ml_progress_count_done (MlProgress *self,
                        const char *pack,
                        const char *lesson,
                        guint       n_steps)
{
  guint done = 0;

  g_return_val_if_fail (ML_IS_PROGRESS (self), 0);
  g_return_val_if_fail (pack != NULL && lesson != NULL, 0);

  for (guint i = 0; i < n_steps; i++)
    {
      MlProgressEntry *entry = ml_progress_lookup (self, pack, lesson, i);

      done += entry != NULL && entry->done;
    }
  return done;
}

/* Where the learner was */

/**
 * ml_progress_get_last:
 * @pack: (out) (optional) (transfer full) (nullable): the pack id, %NULL for free practice
 * @lesson: (out) (optional) (transfer full) (nullable): the lesson id, %NULL for free practice
 * @step: (out) (optional): the step's index
 *
 * Returns: %FALSE if nothing was recorded (a first start, or just after a reset)
 */
gboolean
ml_progress_get_last (MlProgress  *self,
                      char       **pack,
                      char       **lesson,
                      guint       *step)
{
  MlProgressLast *last;

  g_return_val_if_fail (ML_IS_PROGRESS (self), FALSE);

  last = &self->state.last;
  if (pack != NULL)
    *pack = last->time != 0 ? g_strdup (last->pack) : NULL;
  if (lesson != NULL)
    *lesson = last->time != 0 ? g_strdup (last->lesson) : NULL;
  if (step != NULL)
    *step = last->time != 0 ? last->step : 0;
  return last->time != 0;
}

/**
 * ml_progress_set_last:
 * @pack: (nullable): a pack id, or %NULL (with @lesson %NULL and @step 0) for free practice
 *
 * Records where the learner is, to start there next time; the step counts as seen.
 */
void
ml_progress_set_last (MlProgress *self,
                      const char *pack,
                      const char *lesson,
                      guint       step)
{
  MlProgressLast *last;
  gboolean created = FALSE, moved;

  g_return_if_fail (ML_IS_PROGRESS (self));
  g_return_if_fail ((pack == NULL) == (lesson == NULL));
  g_return_if_fail (pack != NULL || step == 0);
  if (pack != NULL)
    {
      g_return_if_fail (ml_progress_is_step (pack, lesson, step));
      ml_progress_ensure (self, pack, lesson, step, &created);
    }

  last = &self->state.last;
  moved = last->time == 0 || g_strcmp0 (last->pack, pack) != 0 ||
          g_strcmp0 (last->lesson, lesson) != 0 || last->step != step;
  /* The time moves on even when the place does not: this window is where the learner is. */
  last->time = ml_progress_now ();
  if (moved)
    {
      g_free (last->pack);
      g_free (last->lesson);
      last->pack = g_strdup (pack);
      last->lesson = g_strdup (lesson);
      last->step = step;
    }
  if (moved || created)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ml_progress_export:
 * @filename: where to write the report
 *
 * Writes a short report for a teacher, atomically: the app's version, the date and, per
 * pack and lesson, the steps done and seen, the questions answered and the predictions that
 * were right on the first try.
 *
 * Returns: %TRUE if @filename holds the report
 */
gboolean
ml_progress_export (MlProgress  *self,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL, *data = NULL;
  gsize length;

  g_return_val_if_fail (ML_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  data = _ml_progress_state_report (&self->state, date, &length);
  if (!ml_file_replace_contents (filename, data, length, &local_error))
    {
      g_autofree char *name = ml_file_display_name (filename);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
