/* test-worksheet.c — a lesson printed as a PDF worksheet, read back as a teacher's printer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is read with poppler's pdfinfo and pdftotext (poppler-utils, which build-aux/deps.sh
 * installs): its pages, their size, the words on each and where they sit. No display needed.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "margin-lab-core.h"
#include "ml-worksheet.h"

typedef struct
{
  char        *dir;
  char        *path;
  MlLesson    *lesson;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("margin-lab-worksheet-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "worksheet.pdf", NULL);
  fixture->lesson = g_object_ref (ml_lesson_pack_find_lesson (ml_lesson_pack_get_builtin (), "worked-example", NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_object_unref (fixture->lesson);
}

/* Runs a poppler tool and returns what it printed; NULL, having skipped, without poppler. */
static char *
test_worksheet_poppler (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed: build-aux/test.sh installs it");
      return NULL;
    }
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return out;
}

/* Text as it reads on paper: every run of white space, a no-break space too, made one space,
 * and without the invisible marks that isolate a number's direction (pdftotext drops them). */
static char *
test_worksheet_normalize (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("(\\s|\u00a0)+", 0, 0, NULL);
  g_autoptr(GRegex) isolate = g_regex_new ("[\u2066-\u2069]", 0, 0, NULL);
  g_autofree char *spaced = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  return g_regex_replace_literal (isolate, spaced, -1, 0, "", 0, NULL);
}

/* The text of page @page (from 1; 0 for all), every run of white space made one space. */
static char *
test_worksheet_text (const char *path,
                     int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = test_worksheet_poppler (page > 0 ? one : all);

  return text ? test_worksheet_normalize (text) : NULL;
}

static char *
test_worksheet_info (const char *path,
                     const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = test_worksheet_poppler (argv);
  g_auto(GStrv) lines = info ? g_strsplit (info, "\n", -1) : NULL;

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static char *
test_worksheet_expand (MlLessonStep *step,
                       const char   *text)
{
  g_autofree char *expanded = ml_lesson_step_expand (step, text);

  return test_worksheet_normalize (expanded);
}

static guint
test_worksheet_write (MlWorksheet *worksheet,
                      const char  *path)
{
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (ml_worksheet_write (worksheet, path, &n_pages, &error));
  g_assert_no_error (error);
  return n_pages;
}

/* Every step on a page of its own, in order, and the answer key alone on the last page. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MlWorksheet) worksheet = ml_worksheet_new (fixture->lesson, ML_WORKSHEET_ALL_STEPS);
  guint n_steps = ml_lesson_get_n_steps (fixture->lesson);
  guint n_pages = test_worksheet_write (worksheet, fixture->path);
  g_autofree char *pages = test_worksheet_info (fixture->path, "Pages");
  g_autofree char *last = NULL;

  if (pages == NULL)
    return;
  g_assert_cmpuint (n_steps, ==, 3);
  g_assert_cmpuint (n_pages, ==, n_steps + 1);
  g_assert_cmpint (atoi (pages), ==, n_pages);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *text = test_worksheet_text (fixture->path, i + 1);
      g_autofree char *counter = g_strdup_printf ("Step %u of %u", i + 1, n_steps);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_nonnull (strstr (text, counter));
      g_assert_nonnull (strstr (text, footer));
      g_assert_null (strstr (text, "Answer Key"));
    }
  last = test_worksheet_text (fixture->path, n_pages);
  g_assert_nonnull (strstr (last, "Answer Key"));
  g_assert_null (strstr (last, "Step 1 of"));
  g_assert_null (strstr (last, "Name:"));
}

/* The learner's fields, the lesson's id and the app's version, each step's text with the numbers
 * the lesson card shows, and the right answers with their reasons on the last page. */
static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MlWorksheet) worksheet = ml_worksheet_new (fixture->lesson, ML_WORKSHEET_ALL_STEPS);
  guint n_pages = test_worksheet_write (worksheet, fixture->path);
  g_autofree char *first = test_worksheet_text (fixture->path, 1);
  g_autofree char *all = test_worksheet_text (fixture->path, 0);
  g_autofree char *key = test_worksheet_text (fixture->path, n_pages);

  if (first == NULL)
    return;
  g_assert_nonnull (strstr (first, "Name:"));
  g_assert_nonnull (strstr (first, "Date:"));
  g_assert_nonnull (strstr (first, ml_lesson_get_title (fixture->lesson)));
  g_assert_nonnull (strstr (first, "worked-example"));
  g_assert_nonnull (strstr (first, "Margin Lab " PACKAGE_VERSION));

  for (guint i = 0; i < ml_lesson_get_n_steps (fixture->lesson); i++)
    {
      MlLessonStep *step = ml_lesson_get_step (fixture->lesson, i);
      MlLessonQuestion *question = ml_lesson_step_get_question (step);
      guint answer = ml_lesson_question_get_answer (question);
      g_autofree char *text = test_worksheet_expand (step, ml_lesson_step_get_text (step));
      g_autofree char *task = test_worksheet_expand (step, ml_lesson_task_get_text (ml_lesson_step_get_task (step)));
      g_autofree char *right = test_worksheet_expand (step, ml_lesson_question_get_choice (question, answer));
      g_autofree char *why = test_worksheet_expand (step, ml_lesson_question_get_why (question, answer));

      g_assert_nonnull (strstr (all, text));
      g_assert_nonnull (strstr (all, task));
      g_assert_nonnull (strstr (key, right));
      g_assert_nonnull (strstr (key, why));
    }

  /* The first step's numbers by margin-model.md: a 1,000 USDT balance, BTC at 60,000, a 100 USDT
   * isolated margin at 30× (0.05 BTC); the first bracket's 0.4 % maintenance margin puts its
   * liquidation where 100 + 0.05 (P − 60,000) = 0.004 × 0.05 P: P = 2,900 / 0.0498 = 58,232.93. */
  g_assert_nonnull (strstr (all, "You have 1000.00 USDT and BTC trades at 60000.0."));
  g_assert_nonnull (strstr (all, "a margin of 100.00 USDT at 30× leverage"));
  g_assert_nonnull (strstr (key, "liquidated at 58232.9"));
}

/* One step: its page and the answer key, and nothing of the other steps. */
static void
test_one_step (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(MlWorksheet) worksheet = ml_worksheet_new (fixture->lesson, 1);
  MlLessonStep *first = ml_lesson_get_step (fixture->lesson, 0);
  MlLessonStep *second = ml_lesson_get_step (fixture->lesson, 1);
  g_autofree char *first_text = test_worksheet_expand (first, ml_lesson_step_get_text (first));
  g_autofree char *second_text = test_worksheet_expand (second, ml_lesson_step_get_text (second));
  guint n_pages = test_worksheet_write (worksheet, fixture->path);
  g_autofree char *all = test_worksheet_text (fixture->path, 0);
  g_autofree char *key = test_worksheet_text (fixture->path, n_pages);

  if (all == NULL)
    return;
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_nonnull (strstr (all, "Step 2 of 3"));
  g_assert_null (strstr (all, "Step 1 of 3"));
  g_assert_null (strstr (all, "Step 3 of 3"));
  g_assert_nonnull (strstr (all, second_text));
  g_assert_null (strstr (all, first_text));
  g_assert_nonnull (strstr (key, "Step 2 ·"));
  g_assert_null (strstr (key, "Step 1 ·"));
  g_assert_null (strstr (key, "Step 3 ·"));
}

/* The paper of LC_PAPER: A4 in Germany, Letter in the United States. */
static void
test_paper (gconstpointer data)
{
  const char *locale = data;
  gboolean letter = g_str_has_prefix (locale, "en_US");
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-worksheet-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "paper.pdf", NULL);
  g_autoptr(MlWorksheet) worksheet = NULL;
  g_autofree char *size = NULL;
  MlWorksheetPaper paper;

  if (setlocale (LC_PAPER, locale) == NULL)
    {
      g_test_skip ("the locale is not installed: build-aux/test.sh installs it");
      g_rmdir (dir);
      return;
    }
  paper = ml_worksheet_paper_for_locale ();
  worksheet = ml_worksheet_new (ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 0), 0);
  setlocale (LC_PAPER, saved);

  g_assert_cmpfloat_with_epsilon (paper.width, letter ? 612.0 : 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (paper.height, letter ? 792.0 : 841.89, 0.01);
  test_worksheet_write (worksheet, path);
  if ((size = test_worksheet_info (path, "Page size")) != NULL)
    g_assert_cmpstr (size, ==, letter ? "612 x 792 pts (letter)" : "595.28 x 841.89 pts (A4)");
  g_remove (path);
  g_rmdir (dir);
}

/* Where the words of the line holding @word sit, across the page, from pdftotext -bbox. */
static gboolean
test_worksheet_line_extent (const char *path,
                            const char *word,
                            double     *left,
                            double     *right)
{
  const char *argv[] = { "pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-", NULL };
  g_autofree char *html = test_worksheet_poppler (argv);
  g_auto(GStrv) lines = html ? g_strsplit (html, "\n", -1) : NULL;
  double line_y = -1;

  *left = G_MAXDOUBLE;
  *right = 0;
  if (lines == NULL)
    return FALSE;
  /* The line is the words at @word's height. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; lines[i] != NULL; i++)
      {
        double x0, y0, x1, y1;
        char text[256];

        if (sscanf (lines[i], " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%255[^<]", &x0, &y0, &x1, &y1, text) != 5)
          continue;
        if (pass == 0 && line_y < 0 && strcmp (text, word) == 0)
          line_y = y0;
        if (pass == 1 && fabs (y0 - line_y) < 1.0)
          {
            *left = MIN (*left, x0);
            *right = MAX (*right, x1);
          }
      }
  g_assert_cmpfloat (line_y, >=, 0);
  return TRUE;
}

/* A right-to-left worksheet starts its lines at the right margin: the title, the fields. */
static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MlWorksheet) worksheet = ml_worksheet_new (fixture->lesson, 0);
  MlWorksheetPaper paper;
  double left, right;

  ml_worksheet_set_paper (worksheet, &ML_WORKSHEET_PAPER_A4);
  ml_worksheet_get_paper (worksheet, &paper);
  test_worksheet_write (worksheet, fixture->path);
  if (!test_worksheet_line_extent (fixture->path, "worked", &left, &right))
    return;
  /* Left to right: the title starts at the left margin and stops short of the right one. */
  g_assert_cmpfloat (fabs (left - 56.0), <, 2.0);
  g_assert_cmpfloat (right, <, paper.width - 56.0 - 40.0);

  ml_worksheet_set_direction (worksheet, PANGO_DIRECTION_RTL);
  g_assert_cmpint (ml_worksheet_get_direction (worksheet), ==, PANGO_DIRECTION_RTL);
  test_worksheet_write (worksheet, fixture->path);
  test_worksheet_line_extent (fixture->path, "worked", &left, &right);
  g_assert_cmpfloat (fabs (right - (paper.width - 56.0)), <, 2.0);
  g_assert_cmpfloat (left, >, 56.0 + 40.0);
  /* The name field starts at the right; its colon, in a right-to-left line, on its left. */
  test_worksheet_line_extent (fixture->path, ":Name", &left, &right);
  g_assert_cmpfloat (fabs (right - (paper.width - 56.0)), <, 2.0);
}

/* A write that cannot be done says why and leaves no file. */
static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MlWorksheet) worksheet = ml_worksheet_new (fixture->lesson, ML_WORKSHEET_ALL_STEPS);
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "worksheet.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_false (ml_worksheet_write (worksheet, path, &n_pages, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_pages, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/worksheet/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/worksheet/content", Fixture, NULL, fixture_set_up, test_content, fixture_tear_down);
  g_test_add ("/worksheet/one-step", Fixture, NULL, fixture_set_up, test_one_step, fixture_tear_down);
  g_test_add ("/worksheet/right-to-left", Fixture, NULL, fixture_set_up, test_right_to_left, fixture_tear_down);
  g_test_add ("/worksheet/write-fails", Fixture, NULL, fixture_set_up, test_write_fails, fixture_tear_down);
  g_test_add_data_func ("/worksheet/paper/a4", "de_DE.UTF-8", test_paper);
  g_test_add_data_func ("/worksheet/paper/letter", "en_US.UTF-8", test_paper);

  return g_test_run ();
}
