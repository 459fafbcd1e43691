/* test-lesson-library.c — the packs a learner can take: importing, listing, replacing, removing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ml-test-files.h"
#include "ml-test-util.h"

/* data/lessons/sample-pack/manifest.json says so. */
#define SAMPLE_ID    "sample-pack"
#define SAMPLE_TITLE "Sample pack: isolated margin"

typedef struct
{
  char *dir;
  char *packs;     /* DIR/packs, the library's folder: it does not exist yet */
  char *sources;   /* DIR/sources, where the teacher's packs are */
  char *sample;    /* a copy of the sample pack in DIR/sources, with a link and a .git folder */
} Fixture;

/* A single-file pack of one lesson with one step. */
static char *
test_library_write_file_pack (Fixture    *fixture,
                              const char *name,
                              const char *id,
                              const char *title)
{
  g_autofree char *data = g_strdup_printf (
    "{ \"margin-lab-pack\": 1, \"id\": \"%s\", \"title\": \"%s\","
    "  \"lessons\": [ { \"id\": \"only\", \"title\": \"Only lesson\", \"summary\": \"Nothing to learn.\","
    "    \"steps\": [ { \"text\": \"Look at the lab.\", \"scenario\":"
    "      { \"margin-lab-scenario\": 1, \"wallet_balance\": 1000, \"mark_price\": 60000 } } ] } ] }",
    id, title);
  char *path = g_build_filename (fixture->sources, name, NULL);

  ml_test_write_file (path, data, -1);
  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
  g_autofree char *git = NULL, *link = NULL, *readme = NULL;

  fixture->dir = ml_test_make_tmp_dir ();
  fixture->packs = g_build_filename (fixture->dir, "packs", NULL);
  fixture->sources = g_build_filename (fixture->dir, "sources", NULL);
  fixture->sample = g_build_filename (fixture->sources, "sample", NULL);
  ml_test_copy_tree (sample, fixture->sample);

  /* What a teacher's folder may hold beside the pack: a repository, a link to one of its
   * files, notes. */
  git = g_build_filename (fixture->sample, ".git", NULL);
  g_assert_cmpint (g_mkdir (git, 0700), ==, 0);
  g_free (git);
  git = g_build_filename (fixture->sample, ".git", "HEAD", NULL);
  ml_test_write_file (git, "ref: refs/heads/main\n", -1);
  link = g_build_filename (fixture->sample, "link.json", NULL);
  g_assert_cmpint (symlink ("manifest.json", link), ==, 0);
  readme = g_build_filename (fixture->sample, "notes.txt", NULL);
  ml_test_write_file (readme, "For Tuesday.\n", -1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ml_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->packs);
  g_free (fixture->sources);
  g_free (fixture->sample);
}

static void
test_library_count (gpointer data)
{
  (*(guint *)data)++;
}

/* The ids of the listed packs, in order, joined by spaces. */
static char *
test_library_ids (MlLessonLibrary *library)
{
  GListModel *packs = ml_lesson_library_get_packs (library);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(MlLessonPack) pack = g_list_model_get_item (packs, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ml_lesson_pack_get_id (pack));
    }
  return g_string_free (ids, FALSE);
}

static MlLessonPack *
test_library_import (MlLessonLibrary *library,
                     const char      *path)
{
  g_autoptr(GError) error = NULL;
  MlLessonPack *pack = ml_lesson_library_import (library, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static void
test_library_import_and_list (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MlLessonLibrary) library = ml_lesson_library_new (fixture->packs);
  g_autoptr(MlLessonLibrary) again = NULL;
  MlLessonPack *file_pack, *folder_pack;
  g_autofree char *file = test_library_write_file_pack (fixture, "week.mlpack", "week-3", "Week 3");
  g_autofree char *ids = NULL, *tree = NULL, *expected_source = NULL;
  GListModel *packs;
  guint changes = 0;

  /* Nothing imported: the built-in course alone, and nothing broken. */
  packs = ml_lesson_library_get_packs (library);
  g_signal_connect_swapped (packs, "items-changed", G_CALLBACK (test_library_count), &changes);
  ids = test_library_ids (library);
  g_assert_cmpstr (ids, ==, ML_LESSON_PACK_BUILTIN_ID);
  g_assert_cmpstr (ml_lesson_library_get_broken (library)[0], ==, NULL);

  file_pack = test_library_import (library, file);
  g_assert_cmpstr (ml_lesson_pack_get_id (file_pack), ==, "week-3");
  expected_source = g_build_filename (fixture->packs, "week-3.mlpack", NULL);
  g_assert_cmpstr (ml_lesson_pack_get_source (file_pack), ==, expected_source);
  g_assert_cmpuint (changes, ==, 1);

  /* A folder pack, named by its manifest.json. By title, "Sample pack: isolated margin" comes
   * before "Week 3". */
  {
    g_autofree char *manifest = g_build_filename (fixture->sample, "manifest.json", NULL);

    folder_pack = test_library_import (library, manifest);
  }
  g_assert_cmpstr (ml_lesson_pack_get_title (folder_pack), ==, SAMPLE_TITLE);
  g_assert_cmpuint (ml_lesson_pack_get_n_lessons (folder_pack), ==, 2);
  g_assert_cmpuint (changes, ==, 2);
  g_clear_pointer (&ids, g_free);
  ids = test_library_ids (library);
  g_assert_cmpstr (ids, ==, ML_LESSON_PACK_BUILTIN_ID " " SAMPLE_ID " week-3");
  g_assert_true (ml_lesson_library_find (library, "week-3") == file_pack);
  g_assert_null (ml_lesson_library_find (library, "week-4"));

  /* The copies: the pack's files and the teacher's notes, the link as a file, no .git; no
   * hidden copy left behind. */
  tree = ml_test_list_tree (fixture->packs);
  g_assert_cmpstr (tree, ==,
                   "sample-pack/\n"
                   "sample-pack/lessons/\n"
                   "sample-pack/lessons/adding-margin.json\n"
                   "sample-pack/lessons/isolated-caps-loss.json\n"
                   "sample-pack/link.json\n"
                   "sample-pack/manifest.json\n"
                   "sample-pack/notes.txt\n"
                   "sample-pack/scenarios/\n"
                   "sample-pack/scenarios/empty.mlscenario\n"
                   "sample-pack/scenarios/one-long.mlscenario\n"
                   "week-3.mlpack");
  {
    g_autofree char *copied_link = g_build_filename (fixture->packs, SAMPLE_ID, "link.json", NULL);

    g_assert_true (g_file_test (copied_link, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (copied_link, G_FILE_TEST_IS_SYMLINK));
  }

  /* The teacher's files can go: the library reads its own copies. */
  ml_test_remove_tree (fixture->sources);
  again = ml_lesson_library_new (fixture->packs);
  g_clear_pointer (&ids, g_free);
  ids = test_library_ids (again);
  g_assert_cmpstr (ids, ==, ML_LESSON_PACK_BUILTIN_ID " " SAMPLE_ID " week-3");
  g_assert_cmpstr (ml_lesson_library_get_broken (again)[0], ==, NULL);
}

static void
test_library_reimport (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MlLessonLibrary) library = ml_lesson_library_new (fixture->packs);
  MlLessonPack *second, *third;
  g_autofree char *file = test_library_write_file_pack (fixture, "week.mlpack", "week-3", "Week 3");
  g_autofree char *revised = test_library_write_file_pack (fixture, "revised.mlpack", "week-3", "Week 3, revised");
  g_autofree char *folder = g_build_filename (fixture->sources, "as-folder", NULL);
  g_autofree char *manifest = g_build_filename (folder, "manifest.json", NULL);
  g_autofree char *tree = NULL, *ids = NULL;
  GListModel *packs = ml_lesson_library_get_packs (library);

  test_library_import (library, file);
  second = test_library_import (library, revised);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 2);
  g_assert_true (ml_lesson_library_find (library, "week-3") == second);
  g_assert_cmpstr (ml_lesson_pack_get_title (second), ==, "Week 3, revised");
  tree = ml_test_list_tree (fixture->packs);
  g_assert_cmpstr (tree, ==, "week-3.mlpack");

  /* The same id as a folder this time: the file makes way for it. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_rename (revised, manifest), ==, 0);
  third = test_library_import (library, folder);
  g_clear_pointer (&tree, g_free);
  tree = ml_test_list_tree (fixture->packs);
  g_assert_cmpstr (tree, ==, "week-3/\nweek-3/manifest.json");
  ids = test_library_ids (library);
  g_assert_cmpstr (ids, ==, ML_LESSON_PACK_BUILTIN_ID " week-3");
  g_assert_true (ml_lesson_library_find (library, "week-3") == third);
}

static void
test_library_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MlLessonLibrary) library = ml_lesson_library_new (fixture->packs);
  g_autoptr(MlLessonPack) folder_pack = NULL;
  MlLessonPack *file_pack;
  g_autofree char *file = test_library_write_file_pack (fixture, "week.mlpack", "week-3", "Week 3");
  g_autofree char *tree = NULL, *ids = NULL;
  g_autoptr(GError) error = NULL;
  MlLessonPack *builtin;

  file_pack = test_library_import (library, file);
  /* Held here, so that it can be offered for removal once more after it is gone. */
  folder_pack = g_object_ref (test_library_import (library, fixture->sample));

  g_assert_true (ml_lesson_library_remove (library, folder_pack, &error));
  g_assert_no_error (error);
  tree = ml_test_list_tree (fixture->packs);
  g_assert_cmpstr (tree, ==, "week-3.mlpack");
  g_assert_null (ml_lesson_library_find (library, SAMPLE_ID));

  /* Removed once, it cannot be removed again; the built-in course never. */
  g_assert_false (ml_lesson_library_remove (library, folder_pack, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_clear_error (&error);
  builtin = ml_lesson_library_find (library, ML_LESSON_PACK_BUILTIN_ID);
  g_assert_nonnull (builtin);
  g_assert_false (ml_lesson_library_remove (library, builtin, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (ml_lesson_library_remove (library, file_pack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tree, g_free);
  tree = ml_test_list_tree (fixture->packs);
  g_assert_cmpstr (tree, ==, "");
  ids = test_library_ids (library);
  g_assert_cmpstr (ids, ==, ML_LESSON_PACK_BUILTIN_ID);
}

static void
test_library_broken_in_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MlLessonLibrary) library = NULL;
  g_autofree char *file = test_library_write_file_pack (fixture, "week.mlpack", "week-3", "Week 3");
  g_autofree char *bad_json = g_build_filename (fixture->packs, "bad.mlpack", NULL);
  g_autofree char *no_manifest = g_build_filename (fixture->packs, "empty-folder", NULL);
  g_autofree char *twin = g_build_filename (fixture->packs, "zz-twin.mlpack", NULL);
  g_autofree char *ids = NULL, *data_twin = NULL;
  const char * const *broken;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (no_manifest, 0700), ==, 0);
  ml_test_write_file (bad_json, "{ \"margin-lab-pack\": 1, ", -1);
  /* A second pack with the id of one in the library: the one read first (by name) stays. */
  {
    g_autoptr(MlLessonLibrary) importer = ml_lesson_library_new (fixture->packs);

    test_library_import (importer, file);
  }
  data_twin = ml_test_read_file (file, &length);
  ml_test_write_file (twin, data_twin, length);

  library = ml_lesson_library_new (fixture->packs);
  ids = test_library_ids (library);
  g_assert_cmpstr (ids, ==, ML_LESSON_PACK_BUILTIN_ID " week-3");

  broken = ml_lesson_library_get_broken (library);
  g_assert_cmpuint (g_strv_length ((char **)broken), ==, 3);
  g_assert_nonnull (strstr (broken[0], "bad.mlpack: "));
  g_assert_nonnull (strstr (broken[1], "empty-folder"));
  g_assert_nonnull (strstr (broken[1], "manifest.json"));
  g_assert_nonnull (strstr (broken[2], "zz-twin.mlpack: "));
  g_assert_nonnull (strstr (broken[2], "week-3"));
  for (guint i = 0; i < 3; i++)
    g_assert_null (strchr (broken[i], '\n'));

  /* Importing the pack again puts its copy in place; the twin stays broken. */
  test_library_import (library, file);
  g_assert_cmpuint (g_strv_length ((char **)ml_lesson_library_get_broken (library)), ==, 3);
}

/* A refused import leaves the library's folder, and its list, as they were. */
static void
test_library_assert_refused (Fixture      *fixture,
                             const char   *path,
                             GQuark        domain,
                             int          code,
                             const char   *phrase)
{
  g_autoptr(MlLessonLibrary) library = ml_lesson_library_new (fixture->packs);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ml_test_list_tree (fixture->packs);
  g_autofree char *ids_before = test_library_ids (library);
  g_autofree char *after = NULL, *ids_after = NULL;

  g_assert_null (ml_lesson_library_import (library, path, &error));
  g_assert_error (error, domain, code);
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” does not say “%s”", error->message, phrase);

  after = ml_test_list_tree (fixture->packs);
  ids_after = test_library_ids (library);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (ids_after, ==, ids_before);
}

/* Moves the pack's lessons into .lessons/, and the manifest says so. */
static void
test_library_hide_lessons (const char *pack)
{
  g_autofree char *lessons = g_build_filename (pack, "lessons", NULL);
  g_autofree char *hidden = g_build_filename (pack, ".lessons", NULL);
  g_autofree char *manifest = g_build_filename (pack, "manifest.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_cmpint (g_rename (lessons, hidden), ==, 0);
  data = ml_test_read_file (manifest, NULL);
  text = g_string_new (data);
  g_assert_cmpuint (g_string_replace (text, "\"lessons/", "\".lessons/", 0), ==, 2);
  ml_test_write_file (manifest, text->str, text->len);
}

static void
test_library_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = test_library_write_file_pack (fixture, "week.mlpack", "week-3", "Week 3");
  g_autofree char *builtin = test_library_write_file_pack (fixture, "course.mlpack", ML_LESSON_PACK_BUILTIN_ID, "My course");
  g_autofree char *unknown_key = g_build_filename (fixture->sources, "typo.mlpack", NULL);
  g_autofree char *broken_folder = g_build_filename (fixture->sample, ".lessons", "adding-margin.json", NULL);

  /* Packs in the library already, which must not change either. */
  {
    g_autoptr(MlLessonLibrary) library = ml_lesson_library_new (fixture->packs);

    test_library_import (library, good);
    test_library_import (library, fixture->sample);
  }

  test_library_assert_refused (fixture, builtin, ML_ERROR, ML_ERROR_REFUSED, "built-in course");

  ml_test_write_file (unknown_key, "{ \"margin-lab-pack\": 1, \"id\": \"week-3\", \"titel\": \"Week 3\","
                                   "  \"lessons\": [] }", -1);
  test_library_assert_refused (fixture, unknown_key, ML_ERROR, ML_ERROR_INVALID, "typo.mlpack: ");

  /* A pack that reads a lesson from a hidden folder, which is not copied: its copy is
   * refused, and the older import of the same id stays. */
  test_library_hide_lessons (fixture->sample);
  test_library_assert_refused (fixture, fixture->sample, ML_ERROR, ML_ERROR_INVALID,
                               "hidden folders are not copied");

  /* A folder pack one of whose lessons is not JSON: refused, with the lesson's file named. */
  ml_test_write_file (broken_folder, "not json", -1);
  test_library_assert_refused (fixture, fixture->sample, ML_ERROR, ML_ERROR_INVALID, "adding-margin.json");
}

/* A lesson found by its id, in the pack named or in the first pack that has it. */
static void
test_library_find_lesson (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MlLessonLibrary) library = ml_lesson_library_new (fixture->packs);
  g_autofree char *file = test_library_write_file_pack (fixture, "week.mlpack", "week-3", "Week 3");
  MlLessonPack *week = test_library_import (library, file);
  MlLessonPack *found = NULL;
  MlLesson *lesson;

  lesson = ml_lesson_library_find_lesson (library, NULL, "only", &found);
  g_assert_true (found == week);
  g_assert_true (lesson == ml_lesson_pack_get_lesson (week, 0));
  g_assert_true (ml_lesson_library_find_lesson (library, "week-3", "only", NULL) == lesson);

  lesson = ml_lesson_library_find_lesson (library, NULL, "what-is-margin", &found);
  g_assert_true (found == ml_lesson_pack_get_builtin ());
  g_assert_cmpstr (ml_lesson_get_id (lesson), ==, "what-is-margin");

  /* Named in another pack, or nowhere: none. */
  g_assert_null (ml_lesson_library_find_lesson (library, "week-3", "what-is-margin", NULL));
  g_assert_null (ml_lesson_library_find_lesson (library, NULL, "no-such-lesson", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lesson-library/import-and-list", test_library_import_and_list);
  ADD ("/lesson-library/reimport", test_library_reimport);
  ADD ("/lesson-library/remove", test_library_remove);
  ADD ("/lesson-library/broken-in-folder", test_library_broken_in_folder);
  ADD ("/lesson-library/refused", test_library_refused);
  ADD ("/lesson-library/find-lesson", test_library_find_lesson);
#undef ADD

  return g_test_run ();
}
