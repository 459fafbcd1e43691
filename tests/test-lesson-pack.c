/* test-lesson-pack.c — lesson packs: loading, every refusal, checks, placeholders, languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack is untrusted: each way it can be wrong has a case here, asserting that the problem
 * names the file, the JSON path and the reason. The numbers the checks and placeholders are
 * tested against come from margin-model.md's worked examples, or are computed by hand in a
 * comment, never from the code under test.
 */

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ml-test-util.h"
#include "ml-lesson-pack-private.h"
#include "ml-lesson-reader.h"
#include "ml-lesson-task-private.h"

/* Test JSON is written with ' for ", which C strings would need escaped. */
static char *
test_pack_json (const char *text)
{
  char *json = g_strdup (text);

  g_strdelimit (json, "'", '"');
  return json;
}

/* Two scenarios: "e", 1,000 USDT and nothing open at 60,000; "one", margin-model.md's isolated
 * long (0.1 BTC at 60,000, 20x, W = 300: LP 57,228.9156626506, BP 57,000), with a path. */
#define SCENARIOS \
  "'scenarios': {" \
  "  'e': {'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000}," \
  "  'one': {'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000, 'path': [58000, 57000]," \
  "          'positions': [{'id': 'a', 'side': 'long', 'mode': 'isolated', 'quantity': 0.1," \
  "                         'entry_price': 60000, 'leverage': 20, 'margin': 300}]}}"

#define STEP_OK "{'text': 'T', 'scenario': 'e'}"

/* A whole pack around @lessons, the inside of its "lessons" list. */
static char *
test_pack_with_lessons (const char *lessons)
{
  g_autofree char *text = g_strdup_printf ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P', " SCENARIOS ", "
                                           "'lessons': [%s]}", lessons);
  return test_pack_json (text);
}

/* A pack of one lesson, "l", with @steps, the inside of its "steps" list. */
static char *
test_pack_with_steps (const char *steps)
{
  g_autofree char *lesson = g_strdup_printf ("{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': [%s]}", steps);
  return test_pack_with_lessons (lesson);
}

static MlLessonPack *
test_pack_load (const char *json)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  MlLessonPack *pack = _ml_lesson_pack_new_from_data (json, strlen (json), "t.mlpack", &problems, &error);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *)problems->pdata[i]);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (problems->len, ==, 0);
  return pack;
}

/* Asserts that some problem is "FILE: PATH: …REASON…" (or "FILE: …REASON…" for a NULL path). */
static void
test_pack_assert_problems (GPtrArray  *problems,
                           const char *file,
                           const char *path,
                           const char *reason)
{
  g_autofree char *prefix = path ? g_strdup_printf ("%s: %s: ", file, path) : g_strdup_printf ("%s: ", file);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = problems->pdata[i];

      g_assert_null (strchr (line, '\n'));
      if (g_str_has_prefix (line, prefix) && strstr (line + strlen (prefix), reason) != NULL)
        return;
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", (const char *)problems->pdata[i]);
  g_error ("no problem reads “%s…%s…”", prefix, reason);
}

static void
test_pack_assert_refused (const char *json,
                          const char *path,
                          const char *reason)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlLessonPack) pack = _ml_lesson_pack_new_from_data (json, strlen (json), "t.mlpack", &problems, &error);

  g_assert_null (pack);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_cmpstr (error->message, ==, problems->pdata[0]);
  test_pack_assert_problems (problems, "t.mlpack", path, reason);
}

static void
test_pack_assert_problems_count (const char *json,
                                 guint       count)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MlLessonPack) pack = _ml_lesson_pack_new_from_data (json, strlen (json), "t.mlpack", &problems, NULL);

  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, count);
}

static void
test_pack_assert_step_refused (const char *steps,
                               const char *path,
                               const char *reason)
{
  g_autofree char *json = test_pack_with_steps (steps);

  test_pack_assert_refused (json, path, reason);
}

static char *
test_pack_sample (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
}

/* The sample pack */

static void
test_sample_pack (void)
{
  g_autofree char *path = test_pack_sample ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlLessonPack) pack = ml_lesson_pack_new_from_file (path, &problems, &error);
  g_autofree char *summary = NULL;
  const char * const languages[] = { "en", "de", NULL };
  MlLesson *lesson;
  guint index = 0;

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpstr (ml_lesson_pack_get_id (pack), ==, "sample-pack");
  g_assert_true (ml_lesson_pack_get_in_order (pack));
  g_assert_cmpuint (ml_lesson_pack_get_n_lessons (pack), ==, 2);
  g_assert_cmpstrv (ml_lesson_pack_get_languages (pack), languages);

  lesson = ml_lesson_pack_find_lesson (pack, "adding-margin", &index);
  g_assert_nonnull (lesson);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (ml_lesson_get_title (lesson), ==, "Adding margin moves the liquidation price");
  g_assert_cmpuint (ml_lesson_get_n_steps (lesson), ==, 2);
  g_assert_null (ml_lesson_pack_find_lesson (pack, "nope", NULL));

  summary = ml_lesson_pack_describe (pack);
  g_assert_cmpstr (summary, ==, "sample-pack: 2 lessons, 4 steps, 4 tasks, 4 questions, languages: en, de");
}

/* Each step of the sample pack, played as the learner would through a lab: its task is false
 * at the start and true after "Show me". The lab's state is tracked as the lesson run does. */
static void
test_sample_pack_play (void)
{
  g_autofree char *path = test_pack_sample ();
  g_autoptr(MlLessonPack) pack = ml_lesson_pack_new_from_file (path, NULL, NULL);
  g_autoptr(MlLab) lab = ml_lab_new ();

  g_assert_nonnull (pack);
  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);

      for (guint j = 0; j < ml_lesson_get_n_steps (lesson); j++)
        {
          MlLessonStep *step = ml_lesson_get_step (lesson, j);
          MlLessonTask *task = ml_lesson_step_get_task (step);
          g_autoptr(GError) error = NULL;
          MlLessonState state = { 0 };

          ml_lab_set_scenario (lab, ml_lesson_step_get_scenario (step), NULL);
          state.start = ml_scenario_get_account (ml_lesson_step_get_scenario (step));
          state.account = ml_lab_get_account (lab);
          state.mark_low = state.mark_high = ml_account_get_mark_price (state.account);
          g_assert_false (ml_lesson_task_check (task, &state));

          g_assert_true (ml_lesson_step_play_solution (step, lab, &error));
          g_assert_no_error (error);
          state.account = ml_lab_get_account (lab);
          state.mark_low = MIN (state.mark_low, ml_account_get_mark_price (state.account));
          g_assert_true (ml_lesson_task_check (task, &state));
        }
    }
}

/* The first step's placeholders, read at load: its solution opens an isolated long with
 * 100 USDT of margin, so it can lose 100.00; its reveal moves the mark to 54,000, below that
 * long's liquidation price (0.0166 BTC at 60,000, 10x: about 54,193), which takes the margin
 * and leaves the wallet 1,000 − 100 = 900.00 USDT. */
static void
test_sample_pack_placeholders (void)
{
  g_autofree char *path = test_pack_sample ();
  g_autoptr(MlLessonPack) pack = ml_lesson_pack_new_from_file (path, NULL, NULL);
  MlLessonStep *step = ml_lesson_get_step (ml_lesson_pack_get_lesson (pack, 0), 0);
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  g_autofree char *task = ml_lesson_step_expand (step, ml_lesson_task_get_text (ml_lesson_step_get_task (step)));
  g_autofree char *why = ml_lesson_step_expand (step, ml_lesson_question_get_why (question, 0));
  g_autofree char *text = ml_lesson_step_expand (step, ml_lesson_step_get_text (step));

  g_assert_cmpstr (task, ==, "Open a long in isolated mode that can lose at most \u2068100.00\u00a0USDT\u2069.");
  g_assert_cmpstr (why, ==, "The position could only use its own \u2068100.00\u00a0USDT\u2069; the wallet keeps \u2068900.00\u00a0USDT\u2069.");
  g_assert_cmpstr (text, ==, "You have \u20681000.00\u00a0USDT\u2069 in the account and BTC trades at 60000.0. "
                             "In isolated mode a position gets its own margin, set aside from the rest.");
  g_assert_cmpuint (ml_lesson_question_get_n_choices (question), ==, 2);
  g_assert_cmpuint (ml_lesson_question_get_answer (question), ==, 0);
  g_assert_cmpint (ml_lesson_question_get_reveal (question), ==, ML_LESSON_REVEAL_MARK);
  g_assert_cmpfloat (ml_lesson_question_get_reveal_price (question), ==, 54000);
  g_assert_cmpuint (ml_lesson_step_get_controls (step), ==,
                    ML_LESSON_CONTROLS_MODE | ML_LESSON_CONTROLS_LEVERAGE | ML_LESSON_CONTROLS_SIZE | ML_LESSON_CONTROLS_PLACE);
}

/* The same pack from a GResource, as the built-in course is read. */
static void
test_resource_pack (void)
{
  g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///io/github/marginlab/MarginLab/tests/sample-pack");
  g_autoptr(GFile) missing = g_file_new_for_uri ("resource:///io/github/marginlab/MarginLab/tests/no-pack");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlLessonPack) pack = _ml_lesson_pack_new_from_folder (folder, &problems, &error);
  g_autoptr(MlLessonPack) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (ml_lesson_pack_get_source (pack), ==, "resource:///io/github/marginlab/MarginLab/tests/sample-pack");
  g_assert_cmpuint (ml_lesson_pack_get_n_lessons (pack), ==, 2);
  g_assert_cmpuint (ml_lesson_get_n_steps (ml_lesson_pack_get_lesson (pack, 1)), ==, 2);

  g_clear_pointer (&problems, g_ptr_array_unref);
  none = _ml_lesson_pack_new_from_folder (missing, &problems, NULL);
  g_assert_null (none);
  test_pack_assert_problems (problems, "resource:///io/github/marginlab/MarginLab/tests/no-pack", NULL,
                             "there is no manifest.json here");
}

/* The README's example */

static char *
test_pack_readme_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr(GError) error = NULL;
  const char *section, *start, *end;

  g_file_get_contents (path, &readme, NULL, &error);
  g_assert_no_error (error);
  section = strstr (readme, "\n## A complete example\n");
  g_assert_nonnull (section);
  start = strstr (section, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "\n```");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
test_readme_example (void)
{
  g_autofree char *json = test_pack_readme_example ();
  g_autoptr(MlLessonPack) pack = test_pack_load (json);
  MlLessonStep *step = ml_lesson_get_step (ml_lesson_pack_get_lesson (pack, 0), 0);

  g_assert_cmpuint (ml_lesson_pack_get_n_lessons (pack), ==, 1);
  g_assert_nonnull (ml_lesson_step_get_task (step));
  g_assert_nonnull (ml_lesson_step_get_question (step));
}

/* Translations */

static void
test_translations (void)
{
  g_autofree char *json = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'title': {'en': 'Hello', 'de': 'Hallo', 'pt_BR': 'Olá'}, "
                                          SCENARIOS ", 'lessons': [{'id': 'l', 'title': {'en': 'Only English'}, "
                                          "'summary': 'S', 'steps': [" STEP_OK "]}]}");
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  const char * const languages[] = { "en", "de", "pt_BR", NULL };
  const struct { const char *language, *title; } cases[] = {
    { "de", "Hallo" }, { "de_AT:de", "Hallo" }, { "fr:pt_BR", "Olá" }, { "fr", "Hello" }, { "en", "Hello" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MlLessonPack) pack = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      pack = test_pack_load (json);
      g_assert_cmpstr (ml_lesson_pack_get_title (pack), ==, cases[i].title);
      /* A text without the learner's language falls back on English. */
      g_assert_cmpstr (ml_lesson_get_title (ml_lesson_pack_get_lesson (pack, 0)), ==, "Only English");
      g_assert_cmpstrv (ml_lesson_pack_get_languages (pack), languages);
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_translation_problems (void)
{
  test_pack_assert_step_refused ("{'text': {'de': 'Nur Deutsch'}, 'scenario': 'e'}",
                                 "lessons[0].steps[0].text", "need “en”");
  test_pack_assert_step_refused ("{'text': {'en': 'T', 'english': 'T'}, 'scenario': 'e'}",
                                 "lessons[0].steps[0].text.english", "not a language code");
  test_pack_assert_step_refused ("{'text': {'en': 'T', 'de': 'a <b>b</b>'}, 'scenario': 'e'}",
                                 "lessons[0].steps[0].text.de", "looks like markup");
  test_pack_assert_step_refused ("{'text': 5, 'scenario': 'e'}", "lessons[0].steps[0].text", "expected text");
}

/* Placeholders: values read at load, formatted when shown, in the locale of that moment */

static MlLessonStep *
test_pack_first_step (MlLessonPack *pack)
{
  return ml_lesson_get_step (ml_lesson_pack_get_lesson (pack, 0), 0);
}

static void
test_placeholders (void)
{
  /* margin-model.md: LP 57,228.9156626506 and BP 57,000 for W = 300. Shown as a price to the
   * 0.1 tick; the distance from the mark is (60,000 − 57,228.916) / 60,000 = 4.62 %. */
  g_autofree char *json = test_pack_with_steps (
      "{'text': 'LP {a.liquidation}, BP {a.bankruptcy}, W {a.margin}, Q {a.quantity}, {a.leverage}, "
      "{a.distance}, {{a}} and }}', 'scenario': 'one'}");
  g_autoptr(MlLessonPack) pack = test_pack_load (json);
  MlLessonStep *step = test_pack_first_step (pack);
  g_autofree char *c = ml_lesson_step_expand (step, ml_lesson_step_get_text (step));

  g_assert_cmpstr (c, ==, "LP 57228.9, BP 57000.0, W \u2068300.00\u00a0USDT\u2069, Q \u20680.1000\u00a0BTC\u2069, \u206820×\u2069, "
                          "\u20684.62\u00a0%\u2069, {a} and }");
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      g_autofree char *de = ml_lesson_step_expand (step, "LP {a.liquidation}, W {a.margin}");

      g_assert_cmpstr (de, ==, "LP 57.228,9, W \u2068300,00\u00a0USDT\u2069");
      setlocale (LC_ALL, "C.UTF-8");
    }
}

/* solved. reads after the solution, after. after the reveal too: adding 200 to the long's 300
 * makes W = 500, so LP = (6,000 − 500) / (0.1 × 0.996) = 55,220.88 (margin-model.md's long
 * formula, MMR 0.4 %, cum 0); the reveal plays the path, whose last price is 57,000. */
static void
test_placeholder_moments (void)
{
  g_autofree char *json = test_pack_with_steps (
      "{'text': '{a.margin} {solved.a.margin} {solved.a.liquidation} {after.mark} {mark}', 'scenario': 'one',"
      " 'task': {'text': 'T', 'check': {'position': {'id': 'a', 'margin': 500}}},"
      " 'solution': [{'add_margin': {'position': 'a', 'amount': 200}}],"
      " 'question': {'text': 'Q', 'choices': [{'text': 'A', 'why': 'W', 'correct': true}, {'text': 'B', 'why': 'W'}],"
      "              'reveal': {'path': true}}}");
  g_autoptr(MlLessonPack) pack = test_pack_load (json);
  MlLessonStep *step = test_pack_first_step (pack);
  g_autofree char *text = ml_lesson_step_expand (step, ml_lesson_step_get_text (step));

  g_assert_cmpstr (text, ==, "\u2068300.00\u00a0USDT\u2069 \u2068500.00\u00a0USDT\u2069 55220.9 57000.0 60000.0");
}

static void
test_placeholder_problems (void)
{
  const struct { const char *text, *reason; } cases[] = {
    { "{nothing}", "names nothing" },
    { "{zz.liquidation}", "no position “zz” at the step’s start" },
    { "{a.colour}", "names no value of a position" },
    { "{pool.liquidation}", "no such value at the step’s start" },
    { "{ratio}", "no such value" },
    { "{solved.mine.loss}", "no position “mine” after the step’s solution" },
    { "{}", "names no value" },
    { "a { b", "not closed" },
    { "a } b", "closes no placeholder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *step = g_strdup_printf ("{'text': '%s', 'scenario': 'one'}", cases[i].text);

      test_pack_assert_step_refused (step, "lessons[0].steps[0].text", cases[i].reason);
    }

  /* The pack's and the lessons' texts have no step to read values from. */
  {
    g_autofree char *json = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'You have {balance}', "
                                            SCENARIOS ", 'lessons': [{'id': 'l', 'title': 'L', 'summary': 'S', "
                                            "'steps': [" STEP_OK "]}]}");

    test_pack_assert_refused (json, "title", "only in a step");
  }
}

/* Refusals: the JSON */

static void
test_bad_syntax (void)
{
  g_autofree char *json = test_pack_json ("{'margin-lab-pack': 1,\n  'id': 'p',,\n}");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MlLessonPack) pack = _ml_lesson_pack_new_from_data (json, strlen (json), "t.mlpack", &problems, NULL);

  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 1);
  /* The second ',' stands at line 2, column 13: two spaces, then '"id": "p",' in 10. */
  g_assert_true (g_str_has_prefix (problems->pdata[0], "t.mlpack: 2:13: "));
}

static void
test_bad_types (void)
{
  g_autofree char *json = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P', 'in_order': 'yes', 'lessons': {}}");

  test_pack_assert_refused (json, "in_order", "expected true or false");
  test_pack_assert_refused (json, "lessons", "expected a list");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 5}", "lessons[0].steps[0].scenario", "expected a scenario");
  test_pack_assert_step_refused ("[]", "lessons[0].steps[0]", "expected an object");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'controls': 'mark'}", "lessons[0].steps[0].controls", "expected a list");
}

static void
test_bad_not_object (void)
{
  test_pack_assert_refused ("[1, 2]", NULL, "not an object");
  test_pack_assert_refused ("", NULL, "is empty");
  test_pack_assert_refused ("   \n", NULL, "is empty");
}

static void
test_bad_version (void)
{
  g_autofree char *newer = test_pack_json ("{'margin-lab-pack': 2, 'id': 'p', 'title': 'P', 'lessons': []}");
  g_autofree char *none = test_pack_json ("{'id': 'p', 'title': 'P', 'lessons': []}");

  test_pack_assert_refused (newer, "margin-lab-pack", "newer Margin Lab");
  test_pack_assert_refused (none, "margin-lab-pack", "missing");
}

static void
test_unknown_keys (void)
{
  g_autofree char *pack = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P', 'colour': 'red', " SCENARIOS
                                          ", 'lessons': [{'id': 'l', 'title': 'L', 'summary': 'S', 'step': [], 'steps': [" STEP_OK "]}]}");

  test_pack_assert_refused (pack, "colour", "unknown key");
  test_pack_assert_refused (pack, "lessons[0].step", "unknown key");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'hint': 'H'}", "lessons[0].steps[0].hint", "unknown key");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'task': {'text': 'T', 'check': {'compare': true}, 'x': 1},"
                                 " 'solution': [{'compare': true}]}", "lessons[0].steps[0].task.x", "unknown key");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'task': {'text': 'T', 'check': {'positions': {'count': 1}}},"
                                 " 'solution': [{'open': {'side': 'long', 'mode': 'cross', 'leverage': 10, 'quantity': 0.01, 'fast': true}}]}",
                                 "lessons[0].steps[0].solution[0].open.fast", "unknown key");
}

static void
test_missing (void)
{
  g_autofree char *no_lessons = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P'}");
  g_autofree char *no_title = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', " SCENARIOS ", 'lessons': [{'id': 'l', 'summary': 'S', 'steps': [" STEP_OK "]}]}");

  test_pack_assert_refused (no_lessons, "lessons", "missing");
  test_pack_assert_refused (no_title, "title", "missing");
  test_pack_assert_refused (no_title, "lessons[0].title", "missing");
  test_pack_assert_step_refused ("{'scenario': 'e'}", "lessons[0].steps[0].text", "missing");
  test_pack_assert_step_refused ("{'text': 'T'}", "lessons[0].steps[0].scenario", "missing");
}

static void
test_empty_lesson (void)
{
  g_autofree char *no_steps = test_pack_with_lessons ("{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': []}");
  g_autofree char *no_lessons = test_pack_with_lessons ("");

  test_pack_assert_refused (no_steps, "lessons[0].steps", "empty");
  test_pack_assert_refused (no_lessons, "lessons", "empty");
}

static void
test_duplicate_ids (void)
{
  g_autofree char *json = test_pack_with_lessons ("{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': [" STEP_OK "]},"
                                                  "{'id': 'l', 'title': 'M', 'summary': 'S', 'steps': [" STEP_OK "]}");
  g_autofree char *keys = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'id': 'q', 'title': 'P', 'lessons': []}");

  test_pack_assert_refused (json, "lessons[1].id", "another lesson of the pack has the id “l”");
  /* Two equal keys in one object: json-glib would keep the last silently. */
  test_pack_assert_refused (keys, NULL, "1:");
}

static void
test_bad_ids (void)
{
  g_autofree char *long_id = g_strnfill (65, 'a');
  g_autofree char *text = g_strdup_printf ("{'margin-lab-pack': 1, 'id': '%s', 'title': 'P', " SCENARIOS ", "
                                           "'lessons': [{'id': 'Lesson One', 'title': 'L', 'summary': 'S', 'steps': [" STEP_OK "]}]}",
                                           long_id);
  g_autofree char *json = test_pack_json (text);

  test_pack_assert_refused (json, "id", "is not an id");
  test_pack_assert_refused (json, "lessons[0].id", "“Lesson One” is not an id");
}

/* Refusals: the text */

static void
test_bad_text (void)
{
  g_autofree char *long_text = g_strnfill (ML_LESSON_PACK_MAX_TEXT + 1, 'x');
  g_autofree char *long_step = g_strdup_printf ("{'text': '%s', 'scenario': 'e'}", long_text);
  const struct { const char *text, *reason; } cases[] = {
    { "a <b>bold</b> word", "“<b” looks like markup" },
    { "see </i>", "“</” looks like markup" },
    { "a <!-- comment -->", "looks like markup" },
    { "R&amp;D", "“&amp;” is a markup entity" },
    { "R&#38;D", "“&#38;” is a markup entity" },
    { "a\\u0007b", "control characters (U+0007)" },
    { "a\\tb", "control characters (U+0009)" },
    { "a\\nb", "line break (U+000A)" },
    { "a\\u2028b", "line break (U+2028)" },
    { "a\\u202eb", "U+202E, an invisible character that changes the direction" },
    { "  ", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *step = g_strdup_printf ("{'text': '%s', 'scenario': 'e'}", cases[i].text);

      test_pack_assert_step_refused (step, "lessons[0].steps[0].text", cases[i].reason);
    }
  test_pack_assert_step_refused (long_step, "lessons[0].steps[0].text", "at most 2000 characters");
}

/* What the rule lets through: a lone "<" or "&" is text. */
static void
test_plain_text (void)
{
  g_autofree char *json = test_pack_with_steps ("{'text': 'If A < B or 2<3, R&D & co; a & b; x <= y', 'scenario': 'e'}");
  g_autoptr(MlLessonPack) pack = test_pack_load (json);
  g_autofree char *text = ml_lesson_step_expand (test_pack_first_step (pack), ml_lesson_step_get_text (test_pack_first_step (pack)));

  g_assert_cmpstr (text, ==, "If A < B or 2<3, R&D & co; a & b; x <= y");
}

/* Refusals: scenarios */

static void
test_bad_scenario (void)
{
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': {'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000,"
                                 " 'positions': [{'id': 'x', 'side': 'long', 'mode': 'cross', 'quantity': 0.1, 'entry_price': 60000, 'leverage': 500}]}}",
                                 "lessons[0].steps[0].scenario", "positions[0].leverage: ");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'nowhere'}", "lessons[0].steps[0].scenario",
                                 "no scenario named “nowhere”");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'previous'}", "lessons[0].steps[0].scenario",
                                 "no previous step");
}

static void
test_bad_scenario_names (void)
{
  g_autofree char *json = test_pack_json ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P', 'scenarios': {"
                                          "'previous': {'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000},"
                                          "'Big Name': {'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000},"
                                          "'bad': {'margin-lab-scenario': 1, 'wallet_balance': -1, 'mark_price': 60000},"
                                          "'file': 'scenarios/x.mlscenario'},"
                                          "'lessons': [{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': [{'text': 'T', 'scenario': 'bad'}]}]}");

  test_pack_assert_refused (json, "scenarios.previous", "may not take that name");
  test_pack_assert_refused (json, "scenarios.“Big Name”", "is not an id");
  /* A step naming a scenario that could not be read adds nothing to what was said. */
  test_pack_assert_problems_count (json, 4);
  test_pack_assert_refused (json, "scenarios.bad", "wallet_balance: ");
  test_pack_assert_refused (json, "scenarios.file", "a single-file pack holds its lessons and scenarios inside it");
}

static void
test_too_many (void)
{
  g_autoptr(GString) lessons = g_string_new (NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autoptr(GString) scenarios = g_string_new ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P', 'scenarios': {");
  g_autofree char *many_lessons = NULL;
  g_autofree char *many_steps = NULL;
  g_autofree char *many_scenarios = NULL;

  for (guint i = 0; i <= ML_LESSON_PACK_MAX_LESSONS; i++)
    g_string_append_printf (lessons, "%s{'id': 'l%u', 'title': 'L', 'summary': 'S', 'steps': [" STEP_OK "]}", i ? "," : "", i);
  for (guint i = 0; i <= ML_LESSON_PACK_MAX_STEPS; i++)
    g_string_append_printf (steps, "%s" STEP_OK, i ? "," : "");
  for (guint i = 0; i <= ML_LESSON_PACK_MAX_SCENARIOS; i++)
    g_string_append_printf (scenarios, "%s's%u': {'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000}", i ? "," : "", i);
  g_string_append (scenarios, "}, 'lessons': [{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': [{'text': 'T', 'scenario': 's0'}]}]}");

  many_lessons = test_pack_with_lessons (lessons->str);
  many_steps = test_pack_with_steps (steps->str);
  many_scenarios = test_pack_json (scenarios->str);
  test_pack_assert_refused (many_lessons, "lessons", "201 is too many; at most 200");
  test_pack_assert_refused (many_steps, "lessons[0].steps", "101 is too many; at most 100");
  test_pack_assert_refused (many_scenarios, "scenarios", "65 scenarios is too many; a pack has at most 64");
}

static void
test_too_large (void)
{
  gsize size = ML_LESSON_PACK_MAX_FILE_SIZE + 1;
  g_autofree char *data = g_malloc (size + 1);

  memset (data, ' ', size);
  data[size] = '\0';
  test_pack_assert_refused (data, NULL, "is too large (1048577 bytes)");
}

static void
test_binary (void)
{
  const char data[] = "{\"margin-lab-pack\": 1, \xff\xfe}";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MlLessonPack) pack = _ml_lesson_pack_new_from_data (data, sizeof data - 1, "t.mlpack", &problems, NULL);

  g_assert_null (pack);
  /* '{"margin-lab-pack": 1, ' is 23 bytes: the first that is not UTF-8 is the 24th. */
  test_pack_assert_problems (problems, "t.mlpack", NULL, "is not a text file (byte 24 is not UTF-8 text)");
}

/* Refusals: tasks, solutions, questions */

static void
test_task_unknown_position (void)
{
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'one',"
                                 " 'task': {'text': 'T', 'check': {'not': {'position': {'id': 'b'}}}}, 'solution': [{'close': 'a'}]}",
                                 "lessons[0].steps[0].task.check.not.position.id", "the step’s scenario has no position “b”");
}

static void
test_task_already_true (void)
{
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'one',"
                                 " 'task': {'text': 'T', 'check': {'position': {'id': 'a'}}}, 'solution': [{'mark': 59000}]}",
                                 "lessons[0].steps[0].task", "already done when the step starts");
}

static void
test_solution_incomplete (void)
{
  /* 58,000 is above the long's liquidation price, 57,228.9. */
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'one',"
                                 " 'task': {'text': 'T', 'check': {'position': {'id': 'a', 'liquidated': true}}}, 'solution': [{'mark': 58000}]}",
                                 "lessons[0].steps[0].solution", "does not complete the task");
}

static void
test_solution_refused (void)
{
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'one',"
                                 " 'task': {'text': 'T', 'check': {'positions': {'count': 0}}}, 'solution': [{'mark': 58000}, {'close': 'b'}]}",
                                 "lessons[0].steps[0].solution[1]", "the lab refuses this action: ");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e',"
                                 " 'task': {'text': 'T', 'check': {'positions': {'count': 1}}}, 'solution': [{'path': true}]}",
                                 "lessons[0].steps[0].solution[0]", "has no price path");
}

static void
test_solution_without_task (void)
{
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'solution': [{'mark': 1000}]}",
                                 "lessons[0].steps[0].solution", "goes with a task");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'task': {'text': 'T', 'check': {'compare': true}}}",
                                 "lessons[0].steps[0].solution", "needs the solution");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'task': {'text': 'T', 'check': {'compare': true}}, 'solution': []}",
                                 "lessons[0].steps[0].solution", "empty");
}

static void
test_bad_actions (void)
{
  const struct { const char *action, *path, *reason; } cases[] = {
    { "{'mark': 0}", "solution[0].mark", "too small" },
    { "{'mark': 1, 'path': true}", "solution[0]", "exactly one key" },
    { "{'path': false}", "solution[0].path", "expected true" },
    { "{'fly': true}", "solution[0].fly", "unknown key" },
    { "{'open': {'side': 'up', 'mode': 'cross', 'leverage': 10, 'quantity': 1}}", "solution[0].open.side", "neither “long” nor “short”" },
    { "{'open': {'side': 'long', 'mode': 'cross', 'leverage': 10.5, 'quantity': 1}}", "solution[0].open.leverage", "whole number" },
    { "{'open': {'side': 'long', 'mode': 'cross', 'leverage': 10}}", "solution[0].open", "either “quantity”" },
    { "{'open': {'side': 'long', 'mode': 'cross', 'leverage': 10, 'quantity': 1, 'margin': 1}}", "solution[0].open", "not both" },
    { "{'add_margin': {'position': 'a'}}", "solution[0].add_margin.amount", "missing" },
    { "{'close': 5}", "solution[0].close", "expected the id" },
    { "{'close': 'a\\nb'}", "solution[0].close", "“a\\nb” is not a position’s id" },
    { "{'add_margin': {'position': '', 'amount': 1}}", "solution[0].add_margin.position", "is not a position’s id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *step = g_strdup_printf ("{'text': 'T', 'scenario': 'one', 'task': {'text': 'T', 'check': {'compare': true}},"
                                               " 'solution': [%s]}", cases[i].action);
      g_autofree char *path = g_strdup_printf ("lessons[0].steps[0].%s", cases[i].path);

      test_pack_assert_step_refused (step, path, cases[i].reason);
    }
}

#define QUESTION_STEP(choices, reveal) \
  "{'text': 'T', 'scenario': 'one', 'question': {'text': 'Q', 'choices': [" choices "]" reveal "}}"
#define CHOICE "{'text': 'A', 'why': 'W'}"
#define RIGHT "{'text': 'A', 'why': 'W', 'correct': true}"

static void
test_bad_question (void)
{
  test_pack_assert_step_refused (QUESTION_STEP (CHOICE "," CHOICE, ""), "lessons[0].steps[0].question.choices", "no choice is right");
  test_pack_assert_step_refused (QUESTION_STEP (RIGHT "," RIGHT, ""), "lessons[0].steps[0].question.choices[1]", "a second choice is marked correct");
  test_pack_assert_step_refused (QUESTION_STEP (RIGHT, ""), "lessons[0].steps[0].question.choices", "1 is too few; it needs at least 2");
  test_pack_assert_step_refused (QUESTION_STEP (RIGHT "," CHOICE "," CHOICE "," CHOICE "," CHOICE "," CHOICE "," CHOICE, ""),
                                 "lessons[0].steps[0].question.choices", "7 is too many; at most 6");
  test_pack_assert_step_refused (QUESTION_STEP (RIGHT ", {'text': 'B'}", ""), "lessons[0].steps[0].question.choices[1].why", "missing");
  test_pack_assert_step_refused (QUESTION_STEP (RIGHT "," CHOICE, ", 'reveal': {'open': {}}"), "lessons[0].steps[0].question.reveal.open", "unknown key");
  test_pack_assert_step_refused (QUESTION_STEP (RIGHT "," CHOICE, ", 'reveal': {'mark': 'low'}"), "lessons[0].steps[0].question.reveal.mark", "expected a number");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'question': {'text': 'Q', 'choices': [" RIGHT "," CHOICE "], 'reveal': {'path': true}}}",
                                 "lessons[0].steps[0].question.reveal", "the lab refuses this reveal: the step’s scenario has no price path");
}

static void
test_bad_controls (void)
{
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'controls': ['mode', 'wheel']}",
                                 "lessons[0].steps[0].controls[1]", "not a control");
  test_pack_assert_step_refused ("{'text': 'T', 'scenario': 'e', 'controls': ['mark', 'mark']}",
                                 "lessons[0].steps[0].controls[1]", "“mark” is named twice");
}

static void
test_bad_checks (void)
{
  const struct { const char *check, *path, *reason; } cases[] = {
    { "{}", "check", "exactly one key" },
    { "{'compare': true, 'positions': {'count': 1}}", "check", "exactly one key" },
    { "{'position': {}}", "check.position", "at least one key" },
    { "{'position': {'size': 1}}", "check.position.size", "unknown key" },
    { "{'position': {'side': 'up'}}", "check.position.side", "expected “long” or “short”" },
    { "{'position': {'leverage': 'none'}}", "check.position.leverage", "expected a number, or a range" },
    { "{'position': {'margin': {'min': 5, 'max': 1}}}", "check.position.margin", "the range is empty" },
    { "{'position': {'margin': {'value': 5, 'min': 1}}}", "check.position.margin", "a range is" },
    { "{'position': {'margin': {'value': 5, 'tolerance': -1}}}", "check.position.margin.tolerance", "too small" },
    { "{'pool': {'depth': 1}}", "check.pool.depth", "unknown key" },
    { "{'mark_crossed': {'below': 1, 'above': 2}}", "check.mark_crossed", "expected {\"below\": PRICE}" },
    { "{'compare': false}", "check.compare", "expected true" },
    { "{'all': []}", "check.all", "a list of 1 to 32 checks" },
    { "{'not': [{'compare': true}]}", "check.not", "expected an object" },
    { "{'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'not': {'compare': true}}}}}}}}}}}}}}}}}}",
      "check.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not.not", "nested more than 16 deep" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *step = g_strdup_printf ("{'text': 'T', 'scenario': 'one', 'task': {'text': 'T', 'check': %s},"
                                               " 'solution': [{'compare': true}]}", cases[i].check);
      g_autofree char *path = g_strdup_printf ("lessons[0].steps[0].task.%s", cases[i].path);

      test_pack_assert_step_refused (step, path, cases[i].reason);
    }
}

/* Every problem at once: --check-pack lists them all, not only the first. */
static void
test_all_problems (void)
{
  g_autofree char *json = test_pack_with_steps ("{'text': 'a <b>', 'scenario': 'e', 'hint': 1},"
                                                "{'text': 'T', 'scenario': 'nowhere'},"
                                                "{'text': 'T', 'scenario': 'e', 'controls': ['wheel']}");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MlLessonPack) pack = _ml_lesson_pack_new_from_data (json, strlen (json), "t.mlpack", &problems, NULL);

  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 4);
  test_pack_assert_problems (problems, "t.mlpack", "lessons[0].steps[0].hint", "unknown key");
  test_pack_assert_problems (problems, "t.mlpack", "lessons[0].steps[0].text", "markup");
  test_pack_assert_problems (problems, "t.mlpack", "lessons[0].steps[1].scenario", "no scenario");
  test_pack_assert_problems (problems, "t.mlpack", "lessons[0].steps[2].controls[0]", "not a control");
}

/* Refusals: a pack's folder and its files */

static void
test_pack_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        test_pack_remove_tree (child);
      }
  g_remove (path);
}

static char *
test_pack_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ml-pack-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Writes @contents, with ' for ", to @name in @dir. */
static void
test_pack_write (const char *dir,
                 const char *name,
                 const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *json = test_pack_json (contents);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

#define LESSON_FILE "{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': [{'text': 'T', 'scenario': 's'}]}"
#define SCENARIO_FILE "{'margin-lab-scenario': 1, 'wallet_balance': 1000, 'mark_price': 60000}"

static void
test_pack_write_manifest (const char *dir,
                          const char *lessons)
{
  g_autofree char *manifest = g_strdup_printf ("{'margin-lab-pack': 1, 'id': 'p', 'title': 'P', "
                                               "'scenarios': {'s': 'scenarios/s.mlscenario'}, 'lessons': [%s]}", lessons);

  test_pack_write (dir, "manifest.json", manifest);
  test_pack_write (dir, "scenarios/s.mlscenario", SCENARIO_FILE);
}

static void
test_pack_assert_folder_refused (const char *dir,
                                 const char *file,
                                 const char *path,
                                 const char *reason)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlLessonPack) pack = ml_lesson_pack_new_from_file (dir, &problems, &error);
  g_autofree char *shown = file ? g_build_filename (dir, file, NULL) : g_strdup (dir);

  g_assert_null (pack);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID);
  test_pack_assert_problems (problems, shown, path, reason);
}

static void
test_folder (void)
{
  g_autofree char *dir = test_pack_folder ();
  g_autofree char *manifest = g_build_filename (dir, "manifest.json", NULL);
  g_autoptr(MlLessonPack) pack = NULL;
  g_autoptr(MlLessonPack) again = NULL;

  test_pack_write_manifest (dir, "'lessons/a.json'");
  test_pack_write (dir, "lessons/a.json", LESSON_FILE);

  pack = ml_lesson_pack_new_from_file (dir, NULL, NULL);
  g_assert_nonnull (pack);
  g_assert_cmpstr (ml_lesson_pack_get_source (pack), ==, dir);
  /* Its manifest names the same pack. */
  again = ml_lesson_pack_new_from_file (manifest, NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpstr (ml_lesson_get_id (ml_lesson_pack_get_lesson (again, 0)), ==, "l");

  /* A problem inside a lesson's file names that file, with the path from its root. */
  test_pack_write (dir, "lessons/a.json", "{'id': 'l', 'title': 'L', 'summary': 'S', 'steps': [{'text': '<i>', 'scenario': 's'}]}");
  test_pack_assert_folder_refused (dir, "lessons/a.json", "steps[0].text", "markup");

  test_pack_remove_tree (dir);
}

static void
test_folder_empty (void)
{
  g_autofree char *dir = test_pack_folder ();

  test_pack_assert_folder_refused (dir, NULL, NULL, "there is no manifest.json here");
  test_pack_remove_tree (dir);
}

static void
test_folder_leaves_pack (void)
{
  g_autofree char *dir = test_pack_folder ();
  g_autofree char *outside = test_pack_folder ();
  g_autofree char *target = g_build_filename (outside, "a.json", NULL);
  g_autofree char *link = g_build_filename (dir, "lessons", "link.json", NULL);

  test_pack_write (outside, "a.json", LESSON_FILE);
  test_pack_write_manifest (dir, "'../a.json', '/etc/passwd', 'lessons/link.json', 'lessons//a.json', 'lessons/a b.json'");
  test_pack_write (dir, "lessons/a.json", LESSON_FILE);
  g_assert_cmpint (symlink (target, link), ==, 0);

  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[0]", "“..” leaves the pack");
  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[1]", "an absolute path leaves the pack");
  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[2]", "a symbolic link leads out of the pack");
  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[3]", "empty part");
  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[4]", "a file’s name in a pack is made of");

  test_pack_remove_tree (dir);
  test_pack_remove_tree (outside);
}

static void
test_folder_bad_files (void)
{
  g_autofree char *dir = test_pack_folder ();
  g_autofree char *big = g_build_filename (dir, "lessons", "big.json", NULL);
  g_autofree char *binary = g_build_filename (dir, "lessons", "binary.json", NULL);
  g_autofree char *spaces = g_strnfill (ML_LESSON_PACK_MAX_FILE_SIZE + 1, ' ');
  g_autoptr(GError) error = NULL;

  test_pack_write_manifest (dir, "'lessons/big.json', 'lessons/binary.json', 'lessons/none.json', 'scenarios'");
  test_pack_write (dir, "scenarios/s.mlscenario", "{'margin-lab-scenario': 1, 'wallet_balance': -5, 'mark_price': 60000}");
  test_pack_write (dir, "lessons/a.json", LESSON_FILE);
  g_file_set_contents (big, spaces, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (binary, "\x7f" "ELF\x02\x01\x01\0\0\0", 10, &error);
  g_assert_no_error (error);

  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[0]", "too large (1048577 bytes)");
  test_pack_assert_folder_refused (dir, "lessons/binary.json", NULL, "is not a text file");
  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[2]", "cannot be read");
  test_pack_assert_folder_refused (dir, "manifest.json", "lessons[3]", "it is a folder");
  /* The scenario validator's own message, naming the scenario's file. */
  test_pack_assert_folder_refused (dir, "scenarios/s.mlscenario", "wallet_balance", "not allowed");

  test_pack_remove_tree (dir);
}

static void
test_folder_too_many_files (void)
{
  g_autofree char *dir = test_pack_folder ();
  g_autoptr(GString) lessons = g_string_new (NULL);
  g_autofree char *path = NULL;

  /* The manifest, the scenario and 199 lessons are 201 files. */
  for (guint i = 0; i < ML_LESSON_PACK_MAX_FILES - 1; i++)
    g_string_append_printf (lessons, "%s'lessons/l%u.json'", i ? "," : "", i);
  test_pack_write_manifest (dir, lessons->str);
  for (guint i = 0; i < ML_LESSON_PACK_MAX_FILES - 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("lessons/l%u.json", i);
      g_autofree char *lesson = g_strdup_printf ("{'id': 'l%u', 'title': 'L', 'summary': 'S', 'steps': [{'text': 'T', 'scenario': 's'}]}", i);

      test_pack_write (dir, name, lesson);
    }

  path = g_strdup_printf ("lessons[%u]", ML_LESSON_PACK_MAX_FILES - 2);
  test_pack_assert_folder_refused (dir, "manifest.json", path, "a pack has at most 200 files");
  test_pack_remove_tree (dir);
}

/* Checks, evaluated on hand-built accounts */

static MlLessonTask *
test_task_new (const char *check,
               MlAccount  *start)
{
  g_autofree char *text = g_strdup_printf ("{'text': 'T', 'check': %s}", check);
  g_autofree char *json = test_pack_json (text);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(MlLessonReader) reader = _ml_lesson_reader_new (NULL, "t");
  MlLessonTask *task = _ml_lesson_task_new_from_json (node, "task", reader, start);

  for (guint i = 0; i < reader->problems->len; i++)
    g_printerr ("problem: %s\n", (const char *)reader->problems->pdata[i]);
  g_assert_cmpuint (reader->problems->len, ==, 0);
  g_assert_nonnull (task);
  return task;
}

static gboolean
test_check (const char          *check,
            const MlLessonState *state)
{
  g_autoptr(MlLessonTask) task = test_task_new (check, state->start);

  return ml_lesson_task_check (task, state);
}

static MlAccount *
test_account_with (MlMarginMode mode,
                   double       quantity,
                   guint        leverage)
{
  MlAccount *account = ml_account_new (ml_brackets_get_default (), 1000, 60000);
  MlOrder order = { "a", ML_SIDE_LONG, mode, quantity, 60000, leverage, 0 };
  g_autoptr(GError) error = NULL;

  ml_account_open_position (account, &order, &error);
  g_assert_no_error (error);
  return account;
}

static void
test_state_init (MlLessonState *state,
                 MlAccount     *account,
                 MlAccount     *start)
{
  state->account = account;
  state->start = start;
  state->compare = FALSE;
  state->mark_low = state->mark_high = ml_account_get_mark_price (account);
}

/* margin-model.md: isolated long 0.1 BTC at 60,000, 20x, W = 300: LP 57,228.9156626506,
 * BP 57,000; notional 0.1 × 60,000 = 6,000; it can lose its margin, 300; remaining W + 0. */
static void
test_check_position (void)
{
  g_autoptr(MlAccount) account = test_account_with (ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  MlLessonState state;

  test_state_init (&state, account, account);
  g_assert_true (test_check ("{'position': {'id': 'a', 'side': 'long', 'mode': 'isolated'}}", &state));
  g_assert_false (test_check ("{'position': {'side': 'short'}}", &state));
  g_assert_false (test_check ("{'position': {'mode': 'cross'}}", &state));
  g_assert_false (test_check ("{'position': {'liquidated': true}}", &state));
  /* Prices within 0.05: 57,228.9157 − 57,228.9 = 0.016, − 57,228.8 = 0.116. */
  g_assert_true (test_check ("{'position': {'liquidation': 57228.9}}", &state));
  g_assert_false (test_check ("{'position': {'liquidation': 57228.8}}", &state));
  g_assert_false (test_check ("{'position': {'liquidation': 'none'}}", &state));
  g_assert_true (test_check ("{'position': {'liquidation': {'value': 57229, 'tolerance': 0.1}}}", &state));
  g_assert_false (test_check ("{'position': {'liquidation': {'value': 57229, 'tolerance': 0.05}}}", &state));
  g_assert_true (test_check ("{'position': {'entry': 60000.04}}", &state));
  g_assert_false (test_check ("{'position': {'entry': 60000.06}}", &state));
  /* USDT within 0.005, BTC within 0.00005, leverage exact. */
  g_assert_true (test_check ("{'position': {'margin': 300.004}}", &state));
  g_assert_false (test_check ("{'position': {'margin': 300.01}}", &state));
  g_assert_true (test_check ("{'position': {'quantity': 0.10004}}", &state));
  g_assert_false (test_check ("{'position': {'quantity': 0.10006}}", &state));
  g_assert_true (test_check ("{'position': {'leverage': 20}}", &state));
  g_assert_false (test_check ("{'position': {'leverage': 19}}", &state));
  g_assert_true (test_check ("{'position': {'leverage': {'min': 10, 'max': 20}}}", &state));
  g_assert_false (test_check ("{'position': {'leverage': {'min': 21}}}", &state));
  g_assert_true (test_check ("{'position': {'notional': 6000}}", &state));
  g_assert_true (test_check ("{'position': {'max_loss': {'max': 300}}}", &state));
  g_assert_false (test_check ("{'position': {'max_loss': {'max': 299.99}}}", &state));
  g_assert_true (test_check ("{'position': {'remaining': 300}}", &state));
  g_assert_true (test_check ("{'position': {'margin_added': 0}}", &state));
}

/* Adding 200 makes W = 500 and LP = (6,000 − 500) / (0.1 × 0.996) = 55,220.88; below the
 * first LP the long is liquidated, and a liquidated position matches only when asked for. */
static void
test_check_margin_and_liquidation (void)
{
  g_autoptr(MlAccount) start = test_account_with (ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  g_autoptr(MlAccount) account = ml_account_copy (start);
  g_autoptr(MlAccount) opened = ml_account_new (ml_brackets_get_default (), 1000, 60000);
  g_autoptr(GError) error = NULL;
  MlLessonState state;

  g_assert_true (ml_account_add_margin (account, ml_account_find_position (account, "a"), 200, &error));
  test_state_init (&state, account, start);
  g_assert_true (test_check ("{'position': {'id': 'a', 'margin_added': 200}}", &state));
  g_assert_false (test_check ("{'position': {'id': 'a', 'margin_added': {'max': 199}}}", &state));
  g_assert_true (test_check ("{'position': {'liquidation': 55220.9}}", &state));

  /* Opened in the step: its margin minus its initial margin, 300 − 300. */
  test_state_init (&state, start, opened);
  g_assert_true (test_check ("{'position': {'margin_added': 0}}", &state));

  g_assert_true (ml_account_move_mark_price (account, 55000, NULL, &error));
  test_state_init (&state, account, start);
  g_assert_false (test_check ("{'position': {'id': 'a'}}", &state));
  g_assert_true (test_check ("{'position': {'id': 'a', 'liquidated': true}}", &state));
  g_assert_true (test_check ("{'positions': {'count': 0}}", &state));
  g_assert_false (test_check ("{'positions': {'count': {'min': 1}}}", &state));
}

/* margin-model.md: a fresh lab's 0.01 BTC cross long at 60,000 against 1,000 USDT has no
 * liquidation price and can lose 600. A 0.1 BTC cross long at 20x has the pool's LP at
 * (1,000 − 6,000) / (0.1 × 0.004 − 0.1) = 50,200.80; at 50,000 the pool is liquidated. */
static void
test_check_pool (void)
{
  g_autoptr(MlAccount) safe = test_account_with (ML_MARGIN_MODE_CROSS, 0.01, 10);
  g_autoptr(MlAccount) start = test_account_with (ML_MARGIN_MODE_CROSS, 0.1, 20);
  g_autoptr(MlAccount) account = ml_account_copy (start);
  g_autoptr(GError) error = NULL;
  MlLessonState state;

  test_state_init (&state, safe, safe);
  g_assert_true (test_check ("{'pool': {'liquidation': 'none', 'collateral': 1000}}", &state));
  g_assert_true (test_check ("{'position': {'liquidation': 'none', 'max_loss': 600}}", &state));
  g_assert_false (test_check ("{'pool': {'liquidation': {'min': 1}}}", &state));

  test_state_init (&state, account, start);
  g_assert_true (test_check ("{'pool': {'liquidation': 50200.8, 'liquidated': false}}", &state));
  g_assert_false (test_check ("{'pool': {'liquidated': true}}", &state));
  g_assert_true (ml_account_move_mark_price (account, 50000, NULL, &error));
  g_assert_true (test_check ("{'pool': {'liquidated': true}}", &state));
}

static void
test_check_history (void)
{
  g_autoptr(MlAccount) account = test_account_with (ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  MlLessonState state;

  test_state_init (&state, account, account);
  state.mark_low = 57000;
  g_assert_true (test_check ("{'mark_crossed': {'below': 57500}}", &state));
  g_assert_true (test_check ("{'mark_crossed': {'below': 57000}}", &state));
  g_assert_false (test_check ("{'mark_crossed': {'below': 56999}}", &state));
  g_assert_false (test_check ("{'mark_crossed': {'above': 61000}}", &state));
  state.mark_high = 61000;
  g_assert_true (test_check ("{'mark_crossed': {'above': 61000}}", &state));

  g_assert_false (test_check ("{'compare': true}", &state));
  state.compare = TRUE;
  g_assert_true (test_check ("{'compare': true}", &state));
}

static void
test_check_logic (void)
{
  g_autoptr(MlAccount) account = test_account_with (ML_MARGIN_MODE_ISOLATED, 0.1, 20);
  MlLessonState state;

  test_state_init (&state, account, account);
  g_assert_true (test_check ("{'all': [{'positions': {'count': 1}}, {'position': {'leverage': 20}}]}", &state));
  g_assert_false (test_check ("{'all': [{'positions': {'count': 1}}, {'compare': true}]}", &state));
  g_assert_true (test_check ("{'any': [{'compare': true}, {'position': {'leverage': 20}}]}", &state));
  g_assert_false (test_check ("{'any': [{'compare': true}, {'positions': {'count': 2}}]}", &state));
  g_assert_true (test_check ("{'not': {'compare': true}}", &state));
  g_assert_false (test_check ("{'not': {'positions': {'count': 1}}}", &state));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lesson-pack/sample", test_sample_pack);
  g_test_add_func ("/lesson-pack/sample/play", test_sample_pack_play);
  g_test_add_func ("/lesson-pack/sample/placeholders", test_sample_pack_placeholders);
  g_test_add_func ("/lesson-pack/resource", test_resource_pack);
  g_test_add_func ("/lesson-pack/readme-example", test_readme_example);
  g_test_add_func ("/lesson-pack/translations", test_translations);
  g_test_add_func ("/lesson-pack/translations/problems", test_translation_problems);
  g_test_add_func ("/lesson-pack/placeholders", test_placeholders);
  g_test_add_func ("/lesson-pack/placeholders/moments", test_placeholder_moments);
  g_test_add_func ("/lesson-pack/placeholders/problems", test_placeholder_problems);
  g_test_add_func ("/lesson-pack/bad/syntax", test_bad_syntax);
  g_test_add_func ("/lesson-pack/bad/types", test_bad_types);
  g_test_add_func ("/lesson-pack/bad/not-object", test_bad_not_object);
  g_test_add_func ("/lesson-pack/bad/version", test_bad_version);
  g_test_add_func ("/lesson-pack/bad/unknown-keys", test_unknown_keys);
  g_test_add_func ("/lesson-pack/bad/missing", test_missing);
  g_test_add_func ("/lesson-pack/bad/empty-lesson", test_empty_lesson);
  g_test_add_func ("/lesson-pack/bad/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/lesson-pack/bad/ids", test_bad_ids);
  g_test_add_func ("/lesson-pack/bad/text", test_bad_text);
  g_test_add_func ("/lesson-pack/plain-text", test_plain_text);
  g_test_add_func ("/lesson-pack/bad/scenario", test_bad_scenario);
  g_test_add_func ("/lesson-pack/bad/scenario-names", test_bad_scenario_names);
  g_test_add_func ("/lesson-pack/bad/too-many", test_too_many);
  g_test_add_func ("/lesson-pack/bad/too-large", test_too_large);
  g_test_add_func ("/lesson-pack/bad/binary", test_binary);
  g_test_add_func ("/lesson-pack/bad/task-unknown-position", test_task_unknown_position);
  g_test_add_func ("/lesson-pack/bad/task-already-true", test_task_already_true);
  g_test_add_func ("/lesson-pack/bad/solution-incomplete", test_solution_incomplete);
  g_test_add_func ("/lesson-pack/bad/solution-refused", test_solution_refused);
  g_test_add_func ("/lesson-pack/bad/solution-without-task", test_solution_without_task);
  g_test_add_func ("/lesson-pack/bad/actions", test_bad_actions);
  g_test_add_func ("/lesson-pack/bad/question", test_bad_question);
  g_test_add_func ("/lesson-pack/bad/controls", test_bad_controls);
  g_test_add_func ("/lesson-pack/bad/checks", test_bad_checks);
  g_test_add_func ("/lesson-pack/bad/all-problems", test_all_problems);
  g_test_add_func ("/lesson-pack/folder", test_folder);
  g_test_add_func ("/lesson-pack/folder/empty", test_folder_empty);
  g_test_add_func ("/lesson-pack/folder/leaves-pack", test_folder_leaves_pack);
  g_test_add_func ("/lesson-pack/folder/bad-files", test_folder_bad_files);
  g_test_add_func ("/lesson-pack/folder/too-many-files", test_folder_too_many_files);
  g_test_add_func ("/lesson-pack/check/position", test_check_position);
  g_test_add_func ("/lesson-pack/check/margin-and-liquidation", test_check_margin_and_liquidation);
  g_test_add_func ("/lesson-pack/check/pool", test_check_pool);
  g_test_add_func ("/lesson-pack/check/history", test_check_history);
  g_test_add_func ("/lesson-pack/check/logic", test_check_logic);

  return g_test_run ();
}
