/* test-course.c — the built-in course: it loads, every task is solvable and not given away,
 * every question is well formed, and no number is typed into its texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ml-test-util.h"
#include "ml-lesson-pack.h"
#include "ml-lesson-pack-private.h"

/* The seed article's sections, in its order: what margin is, the two modes, liquidation risk,
 * beginners, cross's uses, the worked example, the mistakes, the rule of thumb and conclusion. */
static const char * const article_order[] = {
  "what-is-margin",
  "cross-margin",
  "isolated-margin",
  "liquidation-risk",
  "beginners-isolated",
  "why-cross",
  "worked-example",
  "common-mistakes",
  "rule-of-thumb",
};

/* Keys whose strings are names, file names or machine data, not text a learner reads. */
static const char * const not_text_keys[] = {
  "id", "scenario", "scenarios", "controls", "check", "solution", "reveal", "lessons",
};

/* What a check may look at, kept up to date as the lab changes, as the lesson card does. */
typedef struct
{
  MlLab         *lab;
  MlLessonState  state;
} TestCourseStep;

static void
test_course_step_changed (MlLab          *lab,
                          TestCourseStep *step)
{
  double mark = ml_account_get_mark_price (ml_lab_get_account (lab));

  step->state.account = ml_lab_get_account (lab);
  step->state.compare = ml_lab_get_compare (lab);
  step->state.mark_low = MIN (step->state.mark_low, mark);
  step->state.mark_high = MAX (step->state.mark_high, mark);
}

/* Starts @lesson_step on a fresh lab, from its own scenario. */
static void
test_course_step_start (TestCourseStep *step,
                        MlLessonStep   *lesson_step)
{
  MlScenario *scenario = ml_lesson_step_get_scenario (lesson_step);
  double mark;

  g_assert_nonnull (scenario);
  step->lab = ml_lab_new ();
  ml_lab_set_scenario (step->lab, scenario, NULL);
  mark = ml_account_get_mark_price (ml_lab_get_account (step->lab));
  step->state.start = ml_scenario_get_account (scenario);
  step->state.mark_low = mark;
  step->state.mark_high = mark;
  test_course_step_changed (step->lab, step);
  g_signal_connect (step->lab, "changed", G_CALLBACK (test_course_step_changed), step);
}

static void
test_course_step_clear (TestCourseStep *step)
{
  g_clear_object (&step->lab);
}

static MlLessonPack *
test_course_get (void)
{
  MlLessonPack *pack = ml_lesson_pack_get_builtin ();

  g_assert_nonnull (pack);
  return pack;
}

static char *
test_course_source (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "course", name, NULL);
}

static JsonNode *
test_course_read_json (const char *name)
{
  g_autofree char *path = test_course_source (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The manifest's lessons, each read from its file in the source tree, in the manifest's order. */
static GPtrArray *
test_course_read_lessons (void)
{
  g_autoptr(JsonNode) manifest = test_course_read_json ("manifest.json");
  JsonArray *names = json_object_get_array_member (json_node_get_object (manifest), "lessons");
  GPtrArray *lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < json_array_get_length (names); i++)
    g_ptr_array_add (lessons, test_course_read_json (json_array_get_string_element (names, i)));
  return lessons;
}

static void
test_course_loads (void)
{
  MlLessonPack *pack = test_course_get ();

  g_assert_cmpstr (ml_lesson_pack_get_id (pack), ==, ML_LESSON_PACK_BUILTIN_ID);
  g_assert_cmpstr (ml_lesson_pack_get_id (pack), ==, "margin-lab");
  g_assert_cmpstr (ml_lesson_pack_get_title (pack), ==, "Cross and isolated margin");
  g_assert_false (ml_lesson_pack_get_in_order (pack));
  g_assert_cmpuint (ml_lesson_pack_get_n_lessons (pack), >=, G_N_ELEMENTS (article_order));
}

static void
test_course_article_order (void)
{
  MlLessonPack *pack = test_course_get ();

  for (guint i = 0; i < G_N_ELEMENTS (article_order); i++)
    g_assert_cmpstr (ml_lesson_get_id (ml_lesson_pack_get_lesson (pack, i)), ==, article_order[i]);
}

/* Every lesson teaches by doing and by predicting: a task, a question the lab answers, and a
 * summary; every step with a task says which controls matter and ships a solution. */
static void
test_course_lessons_complete (void)
{
  MlLessonPack *pack = test_course_get ();

  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);
      guint n_tasks = 0, n_revealed = 0;

      g_test_message ("lesson %s", ml_lesson_get_id (lesson));
      g_assert_cmpstr (ml_lesson_get_title (lesson), !=, "");
      g_assert_cmpstr (ml_lesson_get_summary (lesson), !=, "");
      for (guint s = 0; s < ml_lesson_get_n_steps (lesson); s++)
        {
          MlLessonStep *step = ml_lesson_get_step (lesson, s);
          MlLessonQuestion *question = ml_lesson_step_get_question (step);

          g_assert_nonnull (ml_lesson_step_get_scenario (step));
          g_assert_cmpstr (ml_lesson_step_get_text (step), !=, "");
          if (ml_lesson_step_get_task (step) != NULL)
            {
              n_tasks++;
              g_assert_cmpint (ml_lesson_step_get_controls (step), !=, ML_LESSON_CONTROLS_NONE);
            }
          if (question != NULL && ml_lesson_question_get_reveal (question) != ML_LESSON_REVEAL_NONE)
            n_revealed++;
        }
      g_assert_cmpuint (n_tasks, >=, 1);
      g_assert_cmpuint (n_revealed, >=, 1);
    }
}

/* Every task is false when its step starts and true once its solution is played. */
static void
test_course_check_tasks (MlLessonPack *pack)
{
  guint n_tasks = 0;

  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);

      for (guint s = 0; s < ml_lesson_get_n_steps (lesson); s++)
        {
          MlLessonStep *lesson_step = ml_lesson_get_step (lesson, s);
          MlLessonTask *task = ml_lesson_step_get_task (lesson_step);
          TestCourseStep step = { NULL };
          g_autoptr(GError) error = NULL;

          if (task == NULL)
            continue;
          g_test_message ("lesson %s, step %u", ml_lesson_get_id (lesson), s + 1);
          test_course_step_start (&step, lesson_step);
          g_assert_false (ml_lesson_task_check (task, &step.state));
          g_assert_true (ml_lesson_step_play_solution (lesson_step, step.lab, &error));
          g_assert_no_error (error);
          /* Compare Modes is a property, not a "changed" of the model. */
          test_course_step_changed (step.lab, &step);
          g_assert_true (ml_lesson_task_check (task, &step.state));
          test_course_step_clear (&step);
          n_tasks++;
        }
    }
  g_assert_cmpuint (n_tasks, >=, G_N_ELEMENTS (article_order));
}

static void
test_course_tasks (void)
{
  test_course_check_tasks (test_course_get ());
}

/* Plays a solution read from the lesson's file, with every order's side or margin mode turned
 * the other way: the course's own actions only (open, mark, add_margin, compare). */
static void
test_course_play_flipped (MlLab     *lab,
                          JsonArray *solution,
                          gboolean   flip_side,
                          gboolean   flip_mode)
{
  for (guint i = 0; i < json_array_get_length (solution); i++)
    {
      JsonObject *action = json_array_get_object_element (solution, i);
      g_autoptr(GError) error = NULL;

      if (json_object_has_member (action, "open"))
        {
          JsonObject *open = json_object_get_object_member (action, "open");
          double mark = ml_account_get_mark_price (ml_lab_get_account (lab));
          gboolean is_long = g_str_equal (json_object_get_string_member (open, "side"), "long");
          gboolean is_cross = g_str_equal (json_object_get_string_member (open, "mode"), "cross");
          MlOrder order = { NULL };

          order.side = (is_long != flip_side) ? ML_SIDE_LONG : ML_SIDE_SHORT;
          order.mode = (is_cross != flip_mode) ? ML_MARGIN_MODE_CROSS : ML_MARGIN_MODE_ISOLATED;
          order.leverage = json_object_get_int_member (open, "leverage");
          order.price = mark;
          /* "margin" is USDT of margin: the size it buys at this leverage and price. */
          if (json_object_has_member (open, "quantity"))
            order.quantity = json_object_get_double_member (open, "quantity");
          else
            order.quantity = json_object_get_double_member (open, "margin") * order.leverage / mark;
          g_assert_nonnull (ml_lab_open_position (lab, &order, &error));
        }
      else if (json_object_has_member (action, "mark"))
        ml_lab_move_mark (lab, json_object_get_double_member (action, "mark"), ML_LAB_STEP_NEW, &error);
      else if (json_object_has_member (action, "add_margin"))
        {
          JsonObject *add = json_object_get_object_member (action, "add_margin");

          ml_lab_add_margin (lab, json_object_get_string_member (add, "position"),
                             json_object_get_double_member (add, "amount"), &error);
        }
      else
        {
          g_assert_true (json_object_has_member (action, "compare"));
          ml_lab_set_compare (lab, TRUE);
        }
      g_assert_no_error (error);
    }
}

static gboolean
test_course_solution_opens (JsonArray *solution)
{
  for (guint i = 0; i < json_array_get_length (solution); i++)
    if (json_object_has_member (json_array_get_object_element (solution, i), "open"))
      return TRUE;
  return FALSE;
}

/* A task that asks for an order is not passed by the same order on the other side or in the
 * other margin mode: the learner has to make the choice the step is about. */
static void
test_course_tasks_need_the_choice (void)
{
  MlLessonPack *pack = test_course_get ();
  g_autoptr(GPtrArray) files = test_course_read_lessons ();
  guint n_checked = 0;

  g_assert_cmpuint (files->len, ==, ml_lesson_pack_get_n_lessons (pack));
  for (guint i = 0; i < files->len; i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);
      JsonArray *steps = json_object_get_array_member (json_node_get_object (files->pdata[i]), "steps");

      g_assert_cmpuint (json_array_get_length (steps), ==, ml_lesson_get_n_steps (lesson));
      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          JsonObject *raw = json_array_get_object_element (steps, s);
          MlLessonStep *lesson_step = ml_lesson_get_step (lesson, s);
          JsonArray *solution;

          if (!json_object_has_member (raw, "solution"))
            continue;
          solution = json_object_get_array_member (raw, "solution");
          if (!test_course_solution_opens (solution))
            continue;
          g_test_message ("lesson %s, step %u", ml_lesson_get_id (lesson), s + 1);
          for (guint flip = 0; flip < 2; flip++)
            {
              TestCourseStep step = { NULL };

              test_course_step_start (&step, lesson_step);
              test_course_play_flipped (step.lab, solution, flip == 0, flip == 1);
              test_course_step_changed (step.lab, &step);
              g_assert_false (ml_lesson_task_check (ml_lesson_step_get_task (lesson_step), &step.state));
              test_course_step_clear (&step);
            }
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, G_N_ELEMENTS (article_order));
}

static void
test_course_assert_expands (MlLessonStep *step,
                            const char   *text)
{
  g_autofree char *expanded = NULL;

  g_assert_nonnull (text);
  expanded = ml_lesson_step_expand (step, text);
  g_assert_nonnull (expanded);
  g_assert_cmpstr (expanded, !=, "");
  if (strchr (expanded, '{') != NULL || strchr (expanded, '}') != NULL)
    g_error ("left unexpanded: %s", expanded);
}

/* Every question has one right answer and a reason for each choice; every placeholder of every
 * text names a value that exists. */
static void
test_course_check_texts (MlLessonPack *pack)
{
  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);

      for (guint s = 0; s < ml_lesson_get_n_steps (lesson); s++)
        {
          MlLessonStep *step = ml_lesson_get_step (lesson, s);
          MlLessonQuestion *question = ml_lesson_step_get_question (step);
          MlLessonTask *task = ml_lesson_step_get_task (step);
          guint n_choices;

          g_test_message ("lesson %s, step %u", ml_lesson_get_id (lesson), s + 1);
          test_course_assert_expands (step, ml_lesson_step_get_text (step));
          if (ml_lesson_step_get_title (step) != NULL)
            test_course_assert_expands (step, ml_lesson_step_get_title (step));
          if (task != NULL)
            test_course_assert_expands (step, ml_lesson_task_get_text (task));
          if (question == NULL)
            continue;
          test_course_assert_expands (step, ml_lesson_question_get_text (question));
          n_choices = ml_lesson_question_get_n_choices (question);
          /* A prediction picks from two to four; a quiz question may offer up to six. */
          g_assert_cmpuint (n_choices, >=, 2);
          g_assert_cmpuint (n_choices, <=, ml_lesson_question_get_reveal (question) != ML_LESSON_REVEAL_NONE ? 4 : 6);
          g_assert_cmpuint (ml_lesson_question_get_answer (question), <, n_choices);
          for (guint c = 0; c < n_choices; c++)
            {
              test_course_assert_expands (step, ml_lesson_question_get_choice (question, c));
              test_course_assert_expands (step, ml_lesson_question_get_why (question, c));
            }
        }
    }
}

static void
test_course_questions_and_placeholders (void)
{
  test_course_check_texts (test_course_get ());
}

/* The languages of po/LINGUAS. */
static char **
test_course_languages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#')
      g_string_append_printf (words, " %s", lines[i]);
  return g_strsplit_set (g_strstrip (words->str), " \t", -1);
}

/* In every language the course is translated into, from the build tree's catalogues: it loads,
 * its texts are that language's, every placeholder a translator moved still resolves, and every
 * task is as solvable as in English. */
static void
test_course_translated (void)
{
  g_auto(GStrv) languages = test_course_languages ();
  const char *localedir = g_getenv ("ML_TEST_LOCALEDIR");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_cmpuint (g_strv_length (languages), >=, 1);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(MlLessonPack) pack = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      if (languages[i][0] == '\0')
        continue;
      g_test_message ("in %s", languages[i]);
      g_setenv ("LANGUAGE", languages[i], TRUE);
      pack = _ml_lesson_pack_new_builtin (&problems, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpstr (ml_lesson_pack_get_title (pack), !=, "Cross and isolated margin");
      g_assert_cmpstr (ml_lesson_get_title (ml_lesson_pack_get_lesson (pack, 0)), !=, "What margin means in BTC/USDT futures");
      test_course_check_texts (pack);
      test_course_check_tasks (pack);
    }
  g_unsetenv ("LANGUAGE");
}

/* In the files themselves: each question marks exactly one choice correct. */
static void
test_course_one_correct_choice (void)
{
  g_autoptr(GPtrArray) files = test_course_read_lessons ();
  guint n_questions = 0;

  for (guint i = 0; i < files->len; i++)
    {
      JsonArray *steps = json_object_get_array_member (json_node_get_object (files->pdata[i]), "steps");

      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          JsonObject *step = json_array_get_object_element (steps, s);
          JsonArray *choices;
          guint n_correct = 0;

          if (!json_object_has_member (step, "question"))
            continue;
          choices = json_object_get_array_member (json_object_get_object_member (step, "question"), "choices");
          for (guint c = 0; c < json_array_get_length (choices); c++)
            {
              JsonObject *choice = json_array_get_object_element (choices, c);

              if (json_object_has_member (choice, "correct") && json_object_get_boolean_member (choice, "correct"))
                n_correct++;
            }
          g_assert_cmpuint (n_correct, ==, 1);
          n_questions++;
        }
    }
  g_assert_cmpuint (n_questions, >=, G_N_ELEMENTS (article_order));
}

/* What the lab shows after a step's solution and its question's reveal, computed by hand from
 * margin-model.md (bracket 1: MMR 0.4 %, no fees, wallet 1,000 USDT, entries at 60,000): the
 * outcome each question's right answer describes. */
typedef struct
{
  const char *lesson;
  guint       step;        /* counted from 1, as a teacher reads the file */
  const char *position;
  gboolean    liquidated;
  double      equity;
  double      ratio;       /* the margin ratio, or 0 when the row does not look at it */
} TestCourseOutcome;

static const TestCourseOutcome outcomes[] = {
  /* Isolated long 0.01 at 10x, W = 60: LP = (600 − 60) / (0.01 · 0.996) = 54,216.87 > 54,100. */
  { "what-is-margin", 2, "a", TRUE, 1000 - 60, 0 },
  /* Two cross longs of 0.05: 1000 + 0.1 (P − 60,000) = 0.0004 P at P = 50,200.80 > 50,000. */
  { "cross-margin", 2, "a", TRUE, 0, 0 },
  /* Isolated long 0.05 at 20x, W = 150: LP 57,228.92, above 55,000; the rest is kept. */
  { "isolated-margin", 1, "mine", TRUE, 1000 - 150, 0 },
  /* W = 300: LP = (3000 − 300) / (0.05 · 0.996) = 54,216.87 < 56,000; equity 700 + 300 − 200. */
  { "isolated-margin", 2, "a", FALSE, 800, 0 },
  /* Beside the isolated long, the cross long's pool 850 + 0.05 (P − 60,000) = 0.0002 P ends at
   * 43,172.69, above the path's 40,000: both gone, nothing left. */
  { "liquidation-risk", 1, "a", TRUE, 0, 0 },
  { "liquidation-risk", 1, "b", TRUE, 0, 0 },
  /* At 40,200: pool 1000 − 0.05 · 19,800 = 10, MM 0.05 · 40,200 · 0.004 = 8.04, ratio 80.4 %. */
  { "liquidation-risk", 2, "a", FALSE, 10, 0.804 },
  /* Isolated long 0.1 at 50x, W = 120: LP = (6000 − 120) / (0.1 · 0.996) = 59,036.14 > 58,000. */
  { "beginners-isolated", 1, "mine", TRUE, 1000 - 120, 0 },
  /* The same long in cross: 1000 − 0.1 · 2000 = 800 at 58,000, far above its pool's 50,200.80. */
  { "beginners-isolated", 2, "mine", FALSE, 800, 0 },
  /* The isolated hedge: the long goes at 57,228.92; the short 0.03 keeps 90 + 0.03 · 3000 = 180
   * beside the 1000 − 150 − 90 = 760 left in the pool. */
  { "why-cross", 1, "a", TRUE, 760 + 180, 0 },
  { "why-cross", 1, "h", FALSE, 760 + 180, 0 },
  /* In cross: 1000 − 0.05 · 3000 + 0.03 · 3000 = 940, the pool's liquidation far away. */
  { "why-cross", 2, "a", FALSE, 940, 0 },
  /* Long 0.2 and short 0.1: 1000 + 0.1 (P − 60,000) = 0.0012 P at 50,607.29, reached by the path. */
  { "why-cross", 3, "a", TRUE, 0, 0 },
  { "why-cross", 3, "h", TRUE, 0, 0 },
  /* The article's long, W = 100 at 30x: LP = (3000 − 100) / (0.05 · 0.996) = 58,232.93. */
  { "worked-example", 1, "a", TRUE, 1000 - 100, 0 },
  /* The same long in cross at 56,000: 1000 − 0.05 · 4000 = 800. */
  { "worked-example", 2, "a", FALSE, 800, 0 },
  /* And at 42,000, just above its pool's 40,160.64: 1000 − 0.05 · 18,000 = 100 left. */
  { "worked-example", 3, "a", FALSE, 100, 0 },
  /* Cross long 0.1 at 100x: the pool's 50,200.80 is above 50,000. */
  { "common-mistakes", 1, "a", TRUE, 0, 0 },
  /* Isolated long 0.1 at 100x, W = 60: LP = (6000 − 60) / (0.1 · 0.996) = 59,638.55 > 59,600. */
  { "common-mistakes", 2, "a", TRUE, 1000 - 60, 0 },
  /* Isolated long 0.05 at 10x, W = 300: LP 54,216.87 < 55,000; 700 + 300 − 0.05 · 5000 = 750. */
  { "common-mistakes", 3, "a", FALSE, 750, 0 },
  /* Isolated short 0.05 at 20x, W = 150: LP = (3000 + 150) / (0.05 · 1.004) = 62,749.00 < 64,000. */
  { "rule-of-thumb", 1, "s", TRUE, 1000 - 150, 0 },
  /* Isolated long 0.05 at 20x, W = 150: LP 57,228.92 < 58,000, still open: 1000 − 0.05 · 2000. */
  { "rule-of-thumb", 2, "a", FALSE, 900, 0 },
};

static void
test_course_outcomes (void)
{
  MlLessonPack *pack = test_course_get ();

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      const TestCourseOutcome *outcome = &outcomes[i];
      MlLesson *lesson = ml_lesson_pack_find_lesson (pack, outcome->lesson, NULL);
      TestCourseStep step = { NULL };
      g_autoptr(GError) error = NULL;
      MlLessonStep *lesson_step;
      MlAccount *account;
      MlPosition *position;

      g_test_message ("lesson %s, step %u, position %s", outcome->lesson, outcome->step, outcome->position);
      g_assert_nonnull (lesson);
      lesson_step = ml_lesson_get_step (lesson, outcome->step - 1);
      test_course_step_start (&step, lesson_step);
      g_assert_true (ml_lesson_step_play_solution (lesson_step, step.lab, &error));
      g_assert_no_error (error);
      g_assert_true (ml_lesson_step_play_reveal (lesson_step, step.lab, &error));
      g_assert_no_error (error);
      account = ml_lab_get_account (step.lab);
      position = ml_account_find_position (account, outcome->position);
      g_assert_nonnull (position);
      g_assert_cmpint (ml_position_get_liquidated (position), ==, outcome->liquidated);
      ml_assert_close (ml_account_get_equity (account), outcome->equity, ML_EXACT);
      if (outcome->ratio != 0)
        ml_assert_close (ml_account_get_cross_margin_ratio (account), outcome->ratio, ML_EXACT);
      test_course_step_clear (&step);
    }
}

/* Wherever a step ends with Compare Modes on, after its solution and its question's reveal, a
 * position is still open: Compare Modes draws the live positions in the other mode, so with
 * all of them liquidated its ghost line is the solid one, and an answer about it would tell of
 * a line the learner cannot see. */
static void
test_course_compare_has_a_position (void)
{
  MlLessonPack *pack = test_course_get ();
  guint n_compared = 0;

  for (guint l = 0; l < ml_lesson_pack_get_n_lessons (pack); l++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, l);

      for (guint s = 0; s < ml_lesson_get_n_steps (lesson); s++)
        {
          MlLessonStep *lesson_step = ml_lesson_get_step (lesson, s);
          TestCourseStep step = { NULL };
          g_autoptr(GError) error = NULL;
          GListModel *positions;
          guint n_live = 0;

          if (ml_lesson_step_get_scenario (lesson_step) == NULL)
            continue;
          test_course_step_start (&step, lesson_step);
          g_assert_true (ml_lesson_step_play_solution (lesson_step, step.lab, &error));
          g_assert_no_error (error);
          g_assert_true (ml_lesson_step_play_reveal (lesson_step, step.lab, &error));
          g_assert_no_error (error);
          positions = ml_account_get_positions (ml_lab_get_account (step.lab));
          for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
            {
              g_autoptr(MlPosition) position = g_list_model_get_item (positions, i);

              n_live += !ml_position_get_liquidated (position);
            }
          if (ml_lab_get_compare (step.lab))
            {
              g_test_message ("lesson %s, step %u: %u open", ml_lesson_get_id (lesson), s + 1, n_live);
              g_assert_cmpuint (n_live, >, 0);
              n_compared++;
            }
          test_course_step_clear (&step);
        }
    }
  g_assert_cmpuint (n_compared, >=, 2);
}

/* The last lesson ends the course with a review: at least ten questions. */
static void
test_course_review (void)
{
  MlLessonPack *pack = test_course_get ();
  MlLesson *last = ml_lesson_pack_get_lesson (pack, ml_lesson_pack_get_n_lessons (pack) - 1);
  guint n_questions = 0, n_quiz = 0;

  for (guint s = 0; s < ml_lesson_get_n_steps (last); s++)
    {
      MlLessonQuestion *question = ml_lesson_step_get_question (ml_lesson_get_step (last, s));

      if (question == NULL)
        continue;
      n_questions++;
      if (ml_lesson_question_get_reveal (question) == ML_LESSON_REVEAL_NONE)
        n_quiz++;
    }
  g_assert_cmpuint (n_questions, >=, 10);
  g_assert_cmpuint (n_quiz, >=, 10);
}

/* The first ASCII digit of @text outside a {placeholder}, or NULL. "{{" and "}}" write a brace. */
static const char *
test_course_find_digit (const char *text)
{
  gboolean in_placeholder = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!in_placeholder && (p[0] == '{' || p[0] == '}') && p[1] == p[0])
        p++;
      else if (*p == '{')
        in_placeholder = TRUE;
      else if (*p == '}')
        in_placeholder = FALSE;
      else if (!in_placeholder && g_ascii_isdigit (*p))
        return p;
    }
  return NULL;
}

static gboolean
test_course_is_text_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_text_keys); i++)
    if (g_str_equal (key, not_text_keys[i]))
      return FALSE;
  return TRUE;
}

/* Collects, into @found, "PLACE: TEXT" for every string under @node that has a typed digit. */
static void
test_course_walk_digits (JsonNode   *node,
                         const char *place,
                         GPtrArray  *found)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (test_course_is_text_key (l->data))
          {
            g_autofree char *inner = g_strdup_printf ("%s.%s", place, (const char *) l->data);

            test_course_walk_digits (json_object_get_member (object, l->data), inner, found);
          }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s[%u]", place, i);

          test_course_walk_digits (json_array_get_element (array, i), inner, found);
        }
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING
           && test_course_find_digit (json_node_get_string (node)) != NULL)
    g_ptr_array_add (found, g_strdup_printf ("%s: %s", place, json_node_get_string (node)));
}

/* The walk itself finds what it must: a typed digit anywhere in text, none in a placeholder. */
static void
test_course_digit_walk (void)
{
  static const char sample[] =
    "{ \"id\": \"lesson-2\", \"title\": \"Leverage {a.leverage}\", \"scenario\": \"s1\","
    "  \"steps\": [ { \"text\": \"A {{brace}} and {solved.b2.loss}\","
    "               \"question\": { \"choices\": [ { \"text\": \"At 10x\", \"why\": \"{x}\" } ] },"
    "               \"solution\": [ { \"open\": { \"id\": \"b2\", \"side\": \"long\" } } ] } ],"
    "  \"summary\": { \"en\": \"Three\", \"de\": \"Drei {{9}}\" } }";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, sample, -1, &error);
  g_assert_no_error (error);
  test_course_walk_digits (json_parser_get_root (parser), "sample", found);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (found->pdata[0], ==, "sample.steps[0].question.choices[0].text: At 10x");
  g_assert_cmpstr (found->pdata[1], ==, "sample.summary.de: Drei {{9}}");
}

/* Numbers in the course come from the model, never typed: no text in the source files holds an
 * ASCII digit outside a placeholder. */
static void
test_course_no_typed_digits (void)
{
  g_autoptr(JsonNode) manifest = test_course_read_json ("manifest.json");
  g_autoptr(GPtrArray) files = test_course_read_lessons ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  test_course_walk_digits (manifest, "manifest.json", found);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *place = g_strdup_printf ("lesson %u", i + 1);

      test_course_walk_digits (files->pdata[i], place, found);
    }
  for (guint i = 0; i < found->len; i++)
    g_test_message ("typed digit in %s", (const char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 0);
}

/* The resource holds every file of the source folder, as it is there. */
static void
test_course_in_resource (void)
{
  static const char * const folders[] = { "", "lessons", "scenarios" };
  guint n_files = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = test_course_source (folders[f]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *resource = NULL;
          g_autofree char *contents = NULL;
          g_autoptr(GBytes) bytes = NULL;
          gsize length;

          if (g_file_test (file, G_FILE_TEST_IS_DIR))
            continue;
          resource = g_build_path ("/", "/io/github/marginlab/MarginLab/lessons/course", folders[f], name, NULL);
          g_test_message ("%s", resource);
          bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
          g_assert_no_error (error);
          g_file_get_contents (file, &contents, &length, &error);
          g_assert_no_error (error);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
          n_files++;
        }
    }
  /* The manifest, nine lesson files and at least one scenario. */
  g_assert_cmpuint (n_files, >=, 1 + G_N_ELEMENTS (article_order) + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The environment's C.UTF-8: gettext reads LANGUAGE in it, not in the plain C locale. */
  setlocale (LC_ALL, "");

  g_test_add_func ("/course/loads", test_course_loads);
  g_test_add_func ("/course/article-order", test_course_article_order);
  g_test_add_func ("/course/lessons-complete", test_course_lessons_complete);
  g_test_add_func ("/course/tasks", test_course_tasks);
  g_test_add_func ("/course/tasks-need-the-choice", test_course_tasks_need_the_choice);
  g_test_add_func ("/course/questions-and-placeholders", test_course_questions_and_placeholders);
  g_test_add_func ("/course/one-correct-choice", test_course_one_correct_choice);
  g_test_add_func ("/course/outcomes", test_course_outcomes);
  g_test_add_func ("/course/review", test_course_review);
  g_test_add_func ("/course/compare-has-a-position", test_course_compare_has_a_position);
  g_test_add_func ("/course/digit-walk", test_course_digit_walk);
  g_test_add_func ("/course/no-typed-digits", test_course_no_typed_digits);
  g_test_add_func ("/course/in-resource", test_course_in_resource);
  g_test_add_func ("/course/translated", test_course_translated);

  return g_test_run ();
}
