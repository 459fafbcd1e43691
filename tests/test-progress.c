/* test-progress.c — the progress file: kept across restarts, shared by two windows, read defensively
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ml-test-files.h"
#include "ml-test-util.h"

#define PACK "margin-lab"

typedef struct
{
  char *dir;
  char *path;      /* DIR/data/margin-lab/progress.json: its folders do not exist yet */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ml_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "data", "margin-lab", "progress.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ml_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A progress object on @path, loaded; the file must be valid or missing. */
static MlProgress *
test_progress_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL;
  MlProgress *progress = ml_progress_new (path);

  g_assert_true (ml_progress_load (progress, &kept_aside, &error));
  g_assert_no_error (error);
  g_assert_null (kept_aside);
  return progress;
}

static void
test_progress_save (MlProgress *progress)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ml_progress_save (progress, &error));
  g_assert_no_error (error);
}

static void
test_progress_assert_step (MlProgress   *progress,
                           const char   *pack,
                           const char   *lesson,
                           guint         step,
                           gboolean      done,
                           guint         attempts,
                           MlPrediction  prediction)
{
  MlStepProgress got;

  ml_progress_get_step (progress, pack, lesson, step, &got);
  g_assert_cmpint (got.done, ==, done);
  g_assert_cmpuint (got.attempts, ==, attempts);
  g_assert_cmpint (got.prediction, ==, prediction);
}

static void
test_progress_count (gpointer data)
{
  (*(guint *)data)++;
}

static void
test_progress_store_path (MlProgress  *progress,
                          const char  *path,
                          char       **store)
{
  g_free (*store);
  *store = g_strdup (path);
}

static void
test_progress_restart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MlProgress) first = test_progress_open (fixture->path);
  g_autoptr(MlProgress) again = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *pack = NULL, *lesson = NULL;
  GStatBuf st;
  guint step = 99;

  /* Step 0 done; step 1's question answered wrong, then right; the learner is at step 1. */
  ml_progress_set_done (first, PACK, "first", 0);
  ml_progress_add_answer (first, PACK, "first", 1, FALSE);
  ml_progress_add_answer (first, PACK, "first", 1, TRUE);
  ml_progress_set_last (first, PACK, "first", 1);
  test_progress_save (first);

  /* The missing folder was made, readable by its owner only. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  again = test_progress_open (fixture->path);
  test_progress_assert_step (again, PACK, "first", 0, TRUE, 0, ML_PREDICTION_NONE);
  test_progress_assert_step (again, PACK, "first", 1, FALSE, 2, ML_PREDICTION_WRONG);
  test_progress_assert_step (again, PACK, "first", 2, FALSE, 0, ML_PREDICTION_NONE);
  g_assert_cmpuint (ml_progress_count_done (again, PACK, "first", 3), ==, 1);
  g_assert_true (ml_progress_get_last (again, &pack, &lesson, &step));
  g_assert_cmpstr (pack, ==, PACK);
  g_assert_cmpstr (lesson, ==, "first");
  g_assert_cmpuint (step, ==, 1);
}

/* A file written by hand in the documented format reads as it says, and the steps of a pack
 * that is not installed survive a save. */
static void
test_progress_format (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char file[] =
    "{ \"margin-lab-progress\": 1, \"reset\": 0,\n"
    "  \"last\": { \"free\": true, \"time\": 1700000000000 },\n"
    "  \"steps\": {\n"
    "    \"margin-lab/first/2\": { \"done\": true, \"attempts\": 3, \"prediction\": \"right\","
    "                            \"answered\": 1700000000001, \"time\": 1700000000000 },\n"
    "    \"gone-pack/old-lesson/0\": { \"done\": false, \"attempts\": 1, \"prediction\": \"wrong\","
    "                                \"answered\": 1700000000002, \"time\": 1700000000000 }\n"
    "  } }\n";
  g_autoptr(MlProgress) progress = NULL;
  g_autoptr(MlProgress) again = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *pack = NULL, *lesson = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  ml_test_write_file (fixture->path, file, -1);

  progress = test_progress_open (fixture->path);
  test_progress_assert_step (progress, PACK, "first", 2, TRUE, 3, ML_PREDICTION_RIGHT);
  test_progress_assert_step (progress, "gone-pack", "old-lesson", 0, FALSE, 1, ML_PREDICTION_WRONG);
  g_assert_true (ml_progress_get_last (progress, &pack, &lesson, NULL));
  g_assert_null (pack);
  g_assert_null (lesson);

  ml_progress_set_done (progress, PACK, "first", 0);
  test_progress_save (progress);
  again = test_progress_open (fixture->path);
  test_progress_assert_step (again, "gone-pack", "old-lesson", 0, FALSE, 1, ML_PREDICTION_WRONG);
  test_progress_assert_step (again, PACK, "first", 0, TRUE, 0, ML_PREDICTION_NONE);
}

/* Loads a damaged file: it must be renamed to @expected_aside with its bytes intact, and the
 * progress read from it is empty. */
static void
test_progress_assert_kept_aside (const char *path,
                                 const char *bytes,
                                 gsize       length,
                                 const char *expected_aside)
{
  g_autoptr(MlProgress) progress = ml_progress_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL, *kept = NULL, *signalled = NULL;
  gsize kept_length;

  ml_test_write_file (path, bytes, length);
  g_signal_connect (progress, "kept-aside", G_CALLBACK (test_progress_store_path), &signalled);

  g_assert_true (ml_progress_load (progress, &kept_aside, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kept_aside, ==, expected_aside);
  g_assert_cmpstr (signalled, ==, expected_aside);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  kept = ml_test_read_file (kept_aside, &kept_length);
  g_assert_cmpmem (kept, kept_length, bytes, length);
  g_assert_false (ml_progress_get_last (progress, NULL, NULL, NULL));
}

static void
test_progress_corrupt (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char truncated[] = "{ \"margin-lab-progress\": 1, ";
  static const char binary[] = { 0x7f, 'E', 'L', 'F', 0x00, 0x01, (char)0xff, (char)0xfe, '{', '}' };
  static const char newer[] =
    "{ \"margin-lab-progress\": 2, \"reset\": 0, \"last\": null, \"steps\": {} }";
  /* Valid JSON of the right version, but attempts is text. */
  static const char wrong_type[] =
    "{ \"margin-lab-progress\": 1, \"reset\": 0, \"last\": null, \"steps\": {"
    " \"margin-lab/first/0\": { \"done\": true, \"attempts\": \"2\", \"prediction\": null,"
    " \"answered\": null, \"time\": 1700000000000 } } }";
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *aside0 = g_strconcat (fixture->path, ".corrupt", NULL);
  g_autofree char *aside1 = g_strconcat (fixture->path, ".1.corrupt", NULL);
  g_autofree char *aside2 = g_strconcat (fixture->path, ".2.corrupt", NULL);
  g_autofree char *aside3 = g_strconcat (fixture->path, ".3.corrupt", NULL);
  g_autofree char *aside4 = g_strconcat (fixture->path, ".4.corrupt", NULL);
  g_autofree char *huge = NULL, *kept = NULL;
  g_autoptr(MlProgress) progress = NULL;
  gsize huge_length = 4 * 1024 * 1024 + 1, kept_length;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  test_progress_assert_kept_aside (fixture->path, truncated, strlen (truncated), aside0);
  test_progress_assert_kept_aside (fixture->path, binary, sizeof binary, aside1);
  test_progress_assert_kept_aside (fixture->path, newer, strlen (newer), aside2);
  test_progress_assert_kept_aside (fixture->path, wrong_type, strlen (wrong_type), aside3);

  /* One byte over the 4 MiB limit: an object padded with spaces, valid JSON but too large. */
  huge = g_malloc (huge_length);
  memset (huge, ' ', huge_length);
  huge[0] = '{';
  huge[huge_length - 1] = '}';
  test_progress_assert_kept_aside (fixture->path, huge, huge_length, aside4);

  /* A save starts a new file and leaves every one kept aside as it was. */
  progress = test_progress_open (fixture->path);
  ml_progress_set_done (progress, PACK, "first", 0);
  test_progress_save (progress);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  kept = ml_test_read_file (aside1, &kept_length);
  g_assert_cmpmem (kept, kept_length, binary, sizeof binary);
}

/* A file damaged after it was loaded is kept aside by the save, not written over. */
static void
test_progress_corrupt_at_save (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char damaged[] = "not json at all";
  g_autoptr(MlProgress) progress = test_progress_open (fixture->path);
  g_autoptr(MlProgress) again = NULL;
  g_autofree char *aside = g_strconcat (fixture->path, ".corrupt", NULL);
  g_autofree char *signalled = NULL, *kept = NULL;
  gsize kept_length;

  ml_progress_set_done (progress, PACK, "first", 0);
  test_progress_save (progress);
  ml_test_write_file (fixture->path, damaged, -1);

  g_signal_connect (progress, "kept-aside", G_CALLBACK (test_progress_store_path), &signalled);
  ml_progress_set_done (progress, PACK, "first", 1);
  test_progress_save (progress);
  g_assert_cmpstr (signalled, ==, aside);
  kept = ml_test_read_file (aside, &kept_length);
  g_assert_cmpmem (kept, kept_length, damaged, strlen (damaged));

  again = test_progress_open (fixture->path);
  g_assert_cmpuint (ml_progress_count_done (again, PACK, "first", 2), ==, 2);
}

/* A folder where the file should be cannot be read: an error, and nothing is renamed. */
static void
test_progress_unreadable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MlProgress) progress = ml_progress_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);
  g_assert_false (ml_progress_load (progress, &kept_aside, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (kept_aside);
  g_clear_error (&error);

  ml_progress_set_done (progress, PACK, "first", 0);
  g_assert_false (ml_progress_save (progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
}

static void
test_progress_two_windows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MlProgress) a = test_progress_open (fixture->path);
  g_autoptr(MlProgress) b = test_progress_open (fixture->path);
  g_autoptr(MlProgress) c = NULL;
  g_autofree char *pack = NULL, *lesson = NULL;
  guint a_changes = 0, step;

  g_signal_connect_swapped (a, "changed", G_CALLBACK (test_progress_count), &a_changes);

  /* Window a does lesson "first"; window b does "second" and answers step 0 first (right);
   * a answers the same step later (wrong). */
  ml_progress_set_done (a, PACK, "first", 0);
  ml_progress_set_done (a, PACK, "first", 1);
  test_progress_save (a);
  ml_progress_set_done (b, PACK, "second", 0);
  ml_progress_add_answer (b, PACK, "second", 0, TRUE);
  ml_progress_set_last (b, PACK, "second", 0);
  test_progress_save (b);
  ml_progress_add_answer (a, PACK, "second", 0, FALSE);
  ml_progress_add_answer (a, PACK, "second", 0, FALSE);
  ml_progress_set_last (a, PACK, "first", 1);
  a_changes = 0;
  test_progress_save (a);
  /* a's save brought in b's steps. */
  g_assert_cmpuint (a_changes, ==, 1);

  c = test_progress_open (fixture->path);
  g_assert_cmpuint (ml_progress_count_done (c, PACK, "first", 2), ==, 2);
  /* Done by b; two answers (a's count, the larger); b's prediction, made first. */
  test_progress_assert_step (c, PACK, "second", 0, TRUE, 2, ML_PREDICTION_RIGHT);
  /* a moved last, after b did. */
  g_assert_true (ml_progress_get_last (c, &pack, &lesson, &step));
  g_assert_cmpstr (lesson, ==, "first");
  g_assert_cmpuint (step, ==, 1);

  /* b saving again, with its older picture, takes nothing away. */
  test_progress_save (b);
  g_clear_object (&c);
  c = test_progress_open (fixture->path);
  g_assert_cmpuint (ml_progress_count_done (c, PACK, "first", 2), ==, 2);
  test_progress_assert_step (c, PACK, "second", 0, TRUE, 2, ML_PREDICTION_RIGHT);
}

static void
test_progress_reset (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MlProgress) a = test_progress_open (fixture->path);
  g_autoptr(MlProgress) b = test_progress_open (fixture->path);
  g_autoptr(MlProgress) c = NULL;
  guint b_changes = 0;

  ml_progress_set_done (b, PACK, "first", 0);
  ml_progress_set_last (b, PACK, "first", 0);
  test_progress_save (b);
  g_assert_true (ml_progress_load (a, NULL, NULL));
  test_progress_assert_step (a, PACK, "first", 0, TRUE, 0, ML_PREDICTION_NONE);

  /* a resets; b, which has not heard of it, still holds step 0 and records step 1. */
  ml_progress_reset (a);
  g_assert_false (ml_progress_get_last (a, NULL, NULL, NULL));
  test_progress_assert_step (a, PACK, "first", 0, FALSE, 0, ML_PREDICTION_NONE);
  ml_progress_set_done (b, PACK, "first", 1);
  ml_progress_set_done (a, PACK, "first", 2);
  test_progress_save (a);

  g_signal_connect_swapped (b, "changed", G_CALLBACK (test_progress_count), &b_changes);
  test_progress_save (b);
  /* b learnt of the reset: step 0 and its last place are gone from it too. */
  g_assert_cmpuint (b_changes, ==, 1);
  test_progress_assert_step (b, PACK, "first", 0, FALSE, 0, ML_PREDICTION_NONE);
  g_assert_false (ml_progress_get_last (b, NULL, NULL, NULL));

  c = test_progress_open (fixture->path);
  test_progress_assert_step (c, PACK, "first", 0, FALSE, 0, ML_PREDICTION_NONE);
  test_progress_assert_step (c, PACK, "first", 1, TRUE, 0, ML_PREDICTION_NONE);
  test_progress_assert_step (c, PACK, "first", 2, TRUE, 0, ML_PREDICTION_NONE);
  g_assert_false (ml_progress_get_last (c, NULL, NULL, NULL));
}

/* A reset written by a computer whose clock is ahead: what is recorded here after it still
 * counts. 4102444800000 ms is 2100-01-01T00:00:00Z. */
static void
test_progress_reset_ahead (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char file[] =
    "{ \"margin-lab-progress\": 1, \"reset\": 4102444800000, \"last\": null, \"steps\": {} }";
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(MlProgress) progress = NULL;
  g_autoptr(MlProgress) again = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  ml_test_write_file (fixture->path, file, -1);
  progress = test_progress_open (fixture->path);
  ml_progress_set_done (progress, PACK, "first", 0);
  test_progress_save (progress);

  again = test_progress_open (fixture->path);
  test_progress_assert_step (again, PACK, "first", 0, TRUE, 0, ML_PREDICTION_NONE);
}

static void
test_progress_first_answer (void)
{
  g_autoptr(MlProgress) progress = ml_progress_new ("/nonexistent/progress.json");
  guint changes = 0;

  g_signal_connect_swapped (progress, "changed", G_CALLBACK (test_progress_count), &changes);
  ml_progress_add_answer (progress, PACK, "first", 0, FALSE);
  ml_progress_add_answer (progress, PACK, "first", 0, TRUE);
  ml_progress_add_answer (progress, PACK, "first", 1, TRUE);
  ml_progress_add_answer (progress, PACK, "first", 1, FALSE);
  ml_progress_add_answer (progress, PACK, "first", 1, FALSE);
  test_progress_assert_step (progress, PACK, "first", 0, FALSE, 2, ML_PREDICTION_WRONG);
  test_progress_assert_step (progress, PACK, "first", 1, FALSE, 3, ML_PREDICTION_RIGHT);
  g_assert_cmpuint (changes, ==, 5);

  /* Done twice is one change. */
  ml_progress_set_done (progress, PACK, "first", 0);
  ml_progress_set_done (progress, PACK, "first", 0);
  g_assert_cmpuint (changes, ==, 6);
}

static void
test_progress_last (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MlProgress) progress = test_progress_open (fixture->path);
  g_autoptr(MlProgress) again = NULL;
  char *pack = (char *)"unset", *lesson = (char *)"unset";
  guint step = 7;

  /* A first start: nothing recorded, and the outputs say so. */
  g_assert_false (ml_progress_get_last (progress, &pack, &lesson, &step));
  g_assert_null (pack);
  g_assert_null (lesson);
  g_assert_cmpuint (step, ==, 0);

  /* Free practice, across a restart. */
  ml_progress_set_last (progress, NULL, NULL, 0);
  test_progress_save (progress);
  again = test_progress_open (fixture->path);
  pack = lesson = (char *)"unset";
  step = 7;
  g_assert_true (ml_progress_get_last (again, &pack, &lesson, &step));
  g_assert_null (pack);
  g_assert_null (lesson);
  g_assert_cmpuint (step, ==, 0);

  ml_progress_set_last (again, PACK, "second", 3);
  g_assert_true (ml_progress_get_last (again, &pack, &lesson, &step));
  g_assert_cmpstr (pack, ==, PACK);
  g_assert_cmpstr (lesson, ==, "second");
  g_assert_cmpuint (step, ==, 3);
  g_free (pack);
  g_free (lesson);
}

static JsonObject *
test_progress_find (JsonArray  *array,
                    const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (object, "id"), id))
        return object;
    }
  g_error ("no entry “%s” in the report", id);
}

static void
test_progress_assert_lesson (JsonArray  *packs,
                             const char *pack,
                             const char *lesson,
                             gint64      done,
                             gint64      seen,
                             gint64      answered,
                             gint64      right)
{
  JsonObject *p = test_progress_find (packs, pack);
  JsonObject *l = test_progress_find (json_object_get_array_member (p, "lessons"), lesson);

  g_assert_cmpint (json_object_get_int_member (l, "steps_done"), ==, done);
  g_assert_cmpint (json_object_get_int_member (l, "steps_seen"), ==, seen);
  g_assert_cmpint (json_object_get_int_member (l, "questions_answered"), ==, answered);
  g_assert_cmpint (json_object_get_int_member (l, "right_first_try"), ==, right);
}

static void
test_progress_export (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MlProgress) progress = test_progress_open (fixture->path);
  g_autofree char *report = g_build_filename (fixture->dir, "report.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *packs;

  /* first: 0 done and right; 1 only seen; 2 answered wrong, then right, and done.
   * second: 0 answered right, not done. teacher-week-3/a: 3 done, no question. */
  ml_progress_set_done (progress, PACK, "first", 0);
  ml_progress_add_answer (progress, PACK, "first", 0, TRUE);
  ml_progress_set_last (progress, PACK, "first", 1);
  ml_progress_add_answer (progress, PACK, "first", 2, FALSE);
  ml_progress_add_answer (progress, PACK, "first", 2, TRUE);
  ml_progress_set_done (progress, PACK, "first", 2);
  ml_progress_add_answer (progress, PACK, "second", 0, TRUE);
  ml_progress_set_done (progress, "teacher-week-3", "a", 3);

  g_assert_true (ml_progress_export (progress, report, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, report, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "app_version"), ==, PACKAGE_VERSION);
  date = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "date"), NULL);
  g_assert_nonnull (date);
  packs = json_object_get_array_member (root, "packs");
  g_assert_cmpuint (json_array_get_length (packs), ==, 2);
  /* first: done 0 and 2; seen 0, 1, 2; answered 0 and 2; right first: 0 only. */
  test_progress_assert_lesson (packs, PACK, "first", 2, 3, 2, 1);
  test_progress_assert_lesson (packs, PACK, "second", 0, 1, 1, 1);
  test_progress_assert_lesson (packs, "teacher-week-3", "a", 1, 1, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/progress/restart", test_progress_restart);
  ADD ("/progress/format", test_progress_format);
  ADD ("/progress/corrupt", test_progress_corrupt);
  ADD ("/progress/corrupt-at-save", test_progress_corrupt_at_save);
  ADD ("/progress/unreadable", test_progress_unreadable);
  ADD ("/progress/two-windows", test_progress_two_windows);
  ADD ("/progress/reset", test_progress_reset);
  ADD ("/progress/reset-ahead", test_progress_reset_ahead);
  ADD ("/progress/last", test_progress_last);
  ADD ("/progress/export", test_progress_export);
#undef ADD
  g_test_add_func ("/progress/first-answer", test_progress_first_answer);

  return g_test_run ();
}
