/* test-lesson-run.c — a lesson driving the lab, checked after every change, with its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "margin-lab-core.h"
#include "ml-test-files.h"
#include "ml-test-util.h"

typedef struct
{
  char         *dir;
  MlLab        *lab;
  MlProgress   *progress;
  MlLessonRun  *run;
  MlLessonPack *pack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
  g_autoptr(GError) error = NULL;

  fixture->dir = ml_test_make_tmp_dir ();
  file = g_build_filename (fixture->dir, "progress.json", NULL);
  fixture->lab = ml_lab_new ();
  fixture->progress = ml_progress_new (file);
  fixture->run = ml_lesson_run_new (fixture->lab, fixture->progress);
  fixture->pack = ml_lesson_pack_new_from_file (pack_path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->run);
  g_clear_object (&fixture->pack);
  g_clear_object (&fixture->progress);
  g_assert_finalize_object (fixture->lab);
  ml_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The first step of the pack that has both a task and a question. */
static guint
find_step (MlLesson *lesson)
{
  for (guint i = 0; i < ml_lesson_get_n_steps (lesson); i++)
    {
      MlLessonStep *step = ml_lesson_get_step (lesson, i);

      if (ml_lesson_step_get_task (step) != NULL && ml_lesson_step_get_question (step) != NULL)
        return i;
    }
  g_assert_not_reached ();
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Every step starts at its own scenario, with its task not done, and the solution does it. */
static void
test_run_every_task (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n_tasks = 0;

  for (guint l = 0; l < ml_lesson_pack_get_n_lessons (fixture->pack); l++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (fixture->pack, l);

      for (guint s = 0; s < ml_lesson_get_n_steps (lesson); s++)
        {
          MlLessonStep *step = ml_lesson_get_step (lesson, s);
          MlAccount *start = ml_scenario_get_account (ml_lesson_step_get_scenario (step));
          g_autoptr(GError) error = NULL;

          ml_lesson_run_start (fixture->run, fixture->pack, lesson, s);
          g_assert_true (ml_lesson_run_get_step (fixture->run) == step);
          g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (fixture->lab)), ==,
                             ml_account_get_mark_price (start));
          g_assert_cmpuint (g_list_model_get_n_items (ml_account_get_positions (ml_lab_get_account (fixture->lab))), ==,
                            g_list_model_get_n_items (ml_account_get_positions (start)));
          if (ml_lesson_step_get_task (step) == NULL)
            continue;

          g_assert_false (ml_lesson_run_get_task_done (fixture->run));
          g_assert_true (ml_lesson_step_play_solution (step, fixture->lab, &error));
          g_assert_no_error (error);
          g_assert_true (ml_lesson_run_get_task_done (fixture->run));
          n_tasks++;
        }
    }
  g_assert_cmpuint (n_tasks, >, 0);
}

/* A prediction is locked until the task is done, committed once, recorded, then revealed. */
static void
test_run_answer (Fixture       *fixture,
                 gconstpointer  data)
{
  MlLesson *lesson = ml_lesson_pack_get_lesson (fixture->pack, 0);
  guint index = find_step (lesson);
  MlLessonStep *step = ml_lesson_get_step (lesson, index);
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  guint right = ml_lesson_question_get_answer (question);
  guint wrong = right == 0 ? 1 : 0;
  const char *pack_id = ml_lesson_pack_get_id (fixture->pack), *lesson_id = ml_lesson_get_id (lesson);
  g_autoptr(GError) error = NULL;
  MlStepProgress record;
  guint answers = 0;

  g_signal_connect (fixture->run, "notify::answer", G_CALLBACK (count_notify), &answers);
  ml_lesson_run_start (fixture->run, fixture->pack, lesson, index);
  answers = 0;

  g_assert_false (ml_lesson_run_answer (fixture->run, wrong, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (ml_lesson_run_get_answer (fixture->run), ==, ML_LESSON_RUN_NO_ANSWER);
  g_assert_cmpuint (answers, ==, 0);

  g_assert_true (ml_lesson_step_play_solution (step, fixture->lab, &error));
  g_assert_true (ml_lesson_run_answer (fixture->run, wrong, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ml_lesson_run_get_answer (fixture->run), ==, wrong);
  g_assert_cmpuint (answers, ==, 1);

  /* The reveal moved the lab: a question's reveal is always something the learner sees. */
  g_assert_true (ml_lab_get_can_undo (fixture->lab) || ml_lab_get_compare (fixture->lab));

  /* Once committed, a prediction stays. */
  g_assert_false (ml_lesson_run_answer (fixture->run, right, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_clear_error (&error);

  ml_progress_get_step (fixture->progress, pack_id, lesson_id, index, &record);
  g_assert_true (record.done);
  g_assert_cmpuint (record.attempts, ==, 1);
  g_assert_cmpint (record.prediction, ==, ML_PREDICTION_WRONG);

  /* Reset asks again; the record keeps the first prediction and counts the second attempt. */
  ml_lesson_run_reset_step (fixture->run);
  g_assert_cmpint (ml_lesson_run_get_answer (fixture->run), ==, ML_LESSON_RUN_NO_ANSWER);
  g_assert_false (ml_lesson_run_get_task_done (fixture->run));
  g_assert_true (ml_lesson_step_play_solution (step, fixture->lab, &error));
  g_assert_true (ml_lesson_run_answer (fixture->run, right, &error));
  g_assert_no_error (error);
  ml_progress_get_step (fixture->progress, pack_id, lesson_id, index, &record);
  g_assert_cmpuint (record.attempts, ==, 2);
  g_assert_cmpint (record.prediction, ==, ML_PREDICTION_WRONG);
}

/* An undo takes the check mark back; the progress keeps that the task was done. */
static void
test_run_live_check (Fixture       *fixture,
                     gconstpointer  data)
{
  MlLesson *lesson = ml_lesson_pack_get_lesson (fixture->pack, 0);
  guint index = find_step (lesson);
  MlLessonStep *step = ml_lesson_get_step (lesson, index);
  g_autoptr(GError) error = NULL;
  MlStepProgress record;

  ml_lesson_run_start (fixture->run, fixture->pack, lesson, index);
  g_assert_true (ml_lesson_step_play_solution (step, fixture->lab, &error));
  g_assert_true (ml_lesson_run_get_task_done (fixture->run));
  while (ml_lab_undo (fixture->lab))
    ;
  g_assert_false (ml_lesson_run_get_task_done (fixture->run));
  ml_progress_get_step (fixture->progress, ml_lesson_pack_get_id (fixture->pack), ml_lesson_get_id (lesson), index, &record);
  g_assert_true (record.done);
}

/* The checks see how far the mark went in the step, and Compare Modes starts off. */
static void
test_run_state (Fixture       *fixture,
                gconstpointer  data)
{
  MlLesson *lesson = ml_lesson_pack_get_lesson (fixture->pack, 0);
  MlLessonState state;
  double start;

  ml_lab_set_compare (fixture->lab, TRUE);
  ml_lesson_run_start (fixture->run, fixture->pack, lesson, 0);
  g_assert_false (ml_lab_get_compare (fixture->lab));
  start = ml_account_get_mark_price (ml_lab_get_account (fixture->lab));

  g_assert_true (ml_lab_move_mark (fixture->lab, start - 5000, ML_LAB_STEP_NEW, NULL));
  g_assert_true (ml_lab_move_mark (fixture->lab, start + 2000, ML_LAB_STEP_NEW, NULL));
  g_assert_true (ml_lab_move_mark (fixture->lab, start, ML_LAB_STEP_NEW, NULL));
  ml_lesson_run_get_state (fixture->run, &state);
  g_assert_cmpfloat (state.mark_low, ==, start - 5000);
  g_assert_cmpfloat (state.mark_high, ==, start + 2000);
  g_assert_true (state.account == ml_lab_get_account (fixture->lab));
  g_assert_true (state.start == ml_scenario_get_account (ml_lesson_step_get_scenario (ml_lesson_get_step (lesson, 0))));

  /* A new step forgets the old one's history. */
  ml_lesson_run_reset_step (fixture->run);
  ml_lesson_run_get_state (fixture->run, &state);
  g_assert_cmpfloat (state.mark_low, ==, start);
  g_assert_cmpfloat (state.mark_high, ==, start);
}

/* New Lab leaves the lesson; the progress remembers free practice for the next start. */
static void
test_run_leave (Fixture       *fixture,
                gconstpointer  data)
{
  MlLesson *lesson = ml_lesson_pack_get_lesson (fixture->pack, 0);
  g_autofree char *pack = NULL;
  g_autofree char *lesson_id = NULL;
  guint step = 99, steps = 0;

  ml_lesson_run_start (fixture->run, fixture->pack, lesson, 0);
  g_assert_true (ml_progress_get_last (fixture->progress, &pack, &lesson_id, &step));
  g_assert_cmpstr (pack, ==, ml_lesson_pack_get_id (fixture->pack));
  g_assert_cmpstr (lesson_id, ==, ml_lesson_get_id (lesson));
  g_assert_cmpuint (step, ==, 0);
  g_clear_pointer (&pack, g_free);
  g_clear_pointer (&lesson_id, g_free);

  /* The views follow "step" alone: it is told when the lesson ends too. */
  g_signal_connect (fixture->run, "notify::step", G_CALLBACK (count_notify), &steps);
  ml_lab_reset (fixture->lab);
  g_assert_cmpuint (steps, ==, 1);
  g_assert_null (ml_lesson_run_get_lesson (fixture->run));
  g_assert_null (ml_lesson_run_get_step (fixture->run));
  g_assert_true (ml_progress_get_last (fixture->progress, &pack, &lesson_id, &step));
  g_assert_null (pack);
  g_assert_null (lesson_id);
}

/* A step past the lesson's end starts its last step, as a stale launcher's --step would. */
static void
test_run_step_clamped (Fixture       *fixture,
                       gconstpointer  data)
{
  MlLesson *lesson = ml_lesson_pack_get_lesson (fixture->pack, 0);

  ml_lesson_run_start (fixture->run, fixture->pack, lesson, 1000);
  g_assert_cmpuint (ml_lesson_run_get_step_index (fixture->run), ==, ml_lesson_get_n_steps (lesson) - 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lesson-run/every-task", Fixture, NULL, fixture_set_up, test_run_every_task, fixture_tear_down);
  g_test_add ("/lesson-run/answer", Fixture, NULL, fixture_set_up, test_run_answer, fixture_tear_down);
  g_test_add ("/lesson-run/live-check", Fixture, NULL, fixture_set_up, test_run_live_check, fixture_tear_down);
  g_test_add ("/lesson-run/state", Fixture, NULL, fixture_set_up, test_run_state, fixture_tear_down);
  g_test_add ("/lesson-run/leave", Fixture, NULL, fixture_set_up, test_run_leave, fixture_tear_down);
  g_test_add ("/lesson-run/step-clamped", Fixture, NULL, fixture_set_up, test_run_step_clamped, fixture_tear_down);

  return g_test_run ();
}
