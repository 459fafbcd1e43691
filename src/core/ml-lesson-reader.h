/* ml-lesson-reader.h — what the readers of a lesson pack share while one pack is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack is untrusted: nothing in it stops the reading at the first problem. Each reader
 * records what is wrong, "FILE: JSON.PATH: PROBLEM", and goes on with the next value it can
 * read, so that --check-pack shows a teacher every problem at once.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ml-scenario.h"

G_BEGIN_DECLS

/* What a text may hold. */
typedef enum
{
  ML_LESSON_TEXT_PLAIN, /* no placeholders: "{{" and "}}" are read as braces */
  ML_LESSON_TEXT_STEP,  /* placeholders, read against the step's states */
} MlLessonTextUse;

/* A step's text, kept with its place until the step's states can resolve its placeholders. */
typedef struct
{
  char *path;
  char *text;
} MlLessonTextRef;

typedef struct
{
  GFile      *root;        /* the manifest's folder; NULL for a single-file pack */
  char       *root_real;   /* its canonical path when it is local, for the symlink check */
  char       *file;        /* the file being read, as messages name it */
  GPtrArray  *problems;    /* char *, one line each */
  GHashTable *languages;   /* the languages the pack's texts are in */
  GHashTable *scenarios;   /* name → MlScenario, or NULL for one that could not be read */
  GHashTable *lesson_ids;  /* the lesson ids read so far */
  GPtrArray  *texts;       /* MlLessonTextRef: the step's texts read so far */
  guint       n_files;
  gboolean    translated;  /* the built-in course: its plain texts are looked up with gettext */
  char       *context;     /* "lesson:ID", the gettext context of the texts being read */
} MlLessonReader;

MlLessonReader *_ml_lesson_reader_new          (GFile          *root,
                                                const char     *file);
void            _ml_lesson_reader_free         (MlLessonReader *self);
void            _ml_lesson_reader_set_context  (MlLessonReader *self,
                                                const char     *id);

void            _ml_lesson_reader_problem      (MlLessonReader *self,
                                                const char     *path,
                                                const char     *format,
                                                ...) G_GNUC_PRINTF (3, 4);
gboolean        _ml_lesson_reader_take_error   (MlLessonReader *self,
                                                GError         *error);
void            _ml_lesson_reader_add_line     (MlLessonReader *self,
                                                const char     *line);
char           *_ml_lesson_reader_swap_file    (MlLessonReader *self,
                                                char           *file);

JsonNode       *_ml_lesson_reader_parse        (MlLessonReader *self,
                                                const char     *data,
                                                gsize           length);
char           *_ml_lesson_reader_read_file    (MlLessonReader *self,
                                                const char     *name,
                                                const char     *path,
                                                char          **shown,
                                                gsize          *length);

gboolean        _ml_lesson_reader_check_keys   (MlLessonReader *self,
                                                JsonObject     *object,
                                                const char     *path,
                                                const char * const *allowed);
gboolean        _ml_lesson_reader_expect_object (MlLessonReader *self,
                                                 JsonNode       *node,
                                                 const char     *path);
JsonArray      *_ml_lesson_reader_get_array    (MlLessonReader *self,
                                                JsonObject     *object,
                                                const char     *path,
                                                const char     *key,
                                                guint           min,
                                                guint           max);
gboolean        _ml_lesson_reader_check_id     (MlLessonReader *self,
                                                const char     *id,
                                                const char     *path);
gboolean        _ml_lesson_reader_read_id      (MlLessonReader *self,
                                                JsonObject     *object,
                                                const char     *path,
                                                const char    **id);
gboolean        _ml_lesson_reader_read_position (MlLessonReader *self,
                                                 JsonNode       *node,
                                                 const char     *path,
                                                 const char    **id);
gboolean        _ml_lesson_reader_read_text    (MlLessonReader *self,
                                                JsonObject     *object,
                                                const char     *path,
                                                const char     *key,
                                                gboolean        required,
                                                MlLessonTextUse use,
                                                char          **text);
MlScenario     *_ml_lesson_reader_read_scenario (MlLessonReader *self,
                                                 JsonNode       *node,
                                                 const char     *path,
                                                 gboolean        by_file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlLessonReader, _ml_lesson_reader_free)

G_END_DECLS
