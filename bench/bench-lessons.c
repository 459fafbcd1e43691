/* bench-lessons.c — checking a step's task after a change, against the lesson system's target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lesson run checks the step's task after every change of the lab, a drag of the mark
 * included, so a check must cost far less than a frame: the target is 0.1 ms. For every step
 * with a task, in the sample pack and in the built-in course when there is one, this sets a lab
 * at the step's scenario, plays the step's solution, then times the check on the state a lesson
 * run keeps (the account, Compare Modes, the lowest and highest mark since the start), alone and
 * after a mark move. A run during which the thread was switched out is left out of the worst
 * (its time is the scheduler's, not the check's) and counted. Prints figures, never fails on time.
 */

#define G_LOG_DOMAIN "bench-lessons"
#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include "config.h"

#include <sys/resource.h>

#include "bench-common.h"
#include "margin-lab-core.h"
#include "ml-lesson-pack.h"
#include "ml-lesson-step.h"
#include "ml-lesson-task.h"

#define CHECKS    5000
#define CHANGES   1000
#define TARGET_US 100.0
/* Where the built-in course is, when this build has one: asking for it otherwise is a critical. */
#define BUILTIN_MANIFEST "/io/github/marginlab/MarginLab/lessons/course/manifest.json"

typedef struct
{
  char   *name;
  double  check_median, check_worst;
  double  change_median, change_worst;
  guint   switched;  /* runs left out of the worst */
  gboolean done;     /* the check said the solution did the task */
} Figures;

/* What a lesson run does after each change: the state follows the lab. */
static void
bench_lessons_track (MlLab         *lab,
                     MlLessonState *state)
{
  double mark;

  state->account = ml_lab_get_account (lab);
  state->compare = ml_lab_get_compare (lab);
  mark = ml_account_get_mark_price (state->account);
  state->mark_low = MIN (state->mark_low, mark);
  state->mark_high = MAX (state->mark_high, mark);
}

/* The times this thread has been switched out so far. */
static long
bench_lessons_switches (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_nvcsw + usage.ru_nivcsw;
}

/* Keeps @us as a sample, and in the worst unless the thread was switched out during it. */
static void
bench_lessons_record (double  *samples,
                      guint    i,
                      double   us,
                      long     switches,
                      double  *worst,
                      Figures *figures)
{
  samples[i] = us;
  if (bench_lessons_switches () == switches)
    *worst = MAX (*worst, us);
  else
    figures->switched++;
}

static double
bench_lessons_median (double *samples,
                      guint   n)
{
  Result result = { NULL };

  bench_common_summarize (samples, n, &result);
  return result.median_us;
}

/* Times the check of @step's task once its solution is played, then a mark move of a dollar
 * (there and back, as a drag does) followed by the check. */
static gboolean
bench_lessons_step (MlLessonStep *step,
                    Figures      *figures)
{
  g_autofree double *checks = g_new (double, CHECKS);
  g_autofree double *changes = g_new (double, CHANGES);
  g_autoptr(MlLab) lab = ml_lab_new ();
  g_autoptr(GError) error = NULL;
  MlLessonTask *task = ml_lesson_step_get_task (step);
  MlLessonState state = { NULL };
  double mark;

  ml_lab_set_scenario (lab, ml_lesson_step_get_scenario (step), NULL);
  state.start = ml_scenario_get_account (ml_lesson_step_get_scenario (step));
  state.mark_low = state.mark_high = ml_account_get_mark_price (ml_lab_get_account (lab));
  bench_lessons_track (lab, &state);
  g_signal_connect (lab, "changed", G_CALLBACK (bench_lessons_track), &state);
  if (!ml_lesson_step_play_solution (step, lab, &error))
    {
      g_printerr ("%s: the solution does not play: %s\n", figures->name, error->message);
      return FALSE;
    }
  figures->done = ml_lesson_task_check (task, &state);

  for (guint i = 0; i < CHECKS; i++)
    {
      long switches = bench_lessons_switches ();
      double begin = bench_common_now_us ();

      ml_lesson_task_check (task, &state);
      bench_lessons_record (checks, i, bench_common_now_us () - begin, switches, &figures->check_worst, figures);
    }

  mark = ml_account_get_mark_price (ml_lab_get_account (lab));
  for (guint i = 0; i < CHANGES; i++)
    {
      long switches = bench_lessons_switches ();
      double begin = bench_common_now_us ();

      if (!ml_lab_move_mark (lab, mark + (i % 2 ? 0 : 1), ML_LAB_STEP_JOIN, &error))
        {
          g_printerr ("%s: the mark does not move: %s\n", figures->name, error->message);
          return FALSE;
        }
      ml_lesson_task_check (task, &state);
      bench_lessons_record (changes, i, bench_common_now_us () - begin, switches, &figures->change_worst, figures);
    }

  figures->check_median = bench_lessons_median (checks, CHECKS);
  figures->change_median = bench_lessons_median (changes, CHANGES);
  return TRUE;
}

static gboolean
bench_lessons_pack (MlLessonPack *pack,
                    GArray       *all)
{
  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);

      for (guint j = 0; j < ml_lesson_get_n_steps (lesson); j++)
        {
          MlLessonStep *step = ml_lesson_get_step (lesson, j);
          Figures figures = { NULL };

          if (ml_lesson_step_get_task (step) == NULL)
            continue;
          figures.name = g_strdup_printf ("%s/%s step %u", ml_lesson_pack_get_id (pack),
                                          ml_lesson_get_id (lesson), j + 1);
          if (!bench_lessons_step (step, &figures))
            return FALSE;
          g_array_append_val (all, figures);
        }
    }
  return TRUE;
}

static void
bench_lessons_print_time (double us,
                          int    width)
{
  g_autofree char *text = _format_time (us);

  printf (" ");
  _print_cell (text, width);
}

static const char *
bench_lessons_verdict (const Figures *figures)
{
  if (figures->check_median > TARGET_US || figures->change_median > TARGET_US)
    return "OVER target";
  if (figures->check_worst > TARGET_US || figures->change_worst > TARGET_US)
    return "within target, worst over";
  return "within target";
}

static void
bench_lessons_print (GArray   *all,
                     gboolean  builtin)
{
  guint undone = 0, switched = 0;

  printf ("Margin Lab lessons benchmark (%s build; the median and worst of %u checks, and of %u "
          "mark moves each followed by the check)\n\n", ML_BENCH_BUILD, CHECKS, CHANGES);
  printf ("%-44s %10s %10s %12s %10s %10s  %s\n", "step with a task", "check", "worst",
          "move+check", "worst", "target", "verdict");
  for (guint i = 0; i < all->len; i++)
    {
      Figures *figures = &g_array_index (all, Figures, i);

      printf ("%-44s", figures->name);
      bench_lessons_print_time (figures->check_median, 10);
      bench_lessons_print_time (figures->check_worst, 10);
      bench_lessons_print_time (figures->change_median, 12);
      bench_lessons_print_time (figures->change_worst, 10);
      bench_lessons_print_time (TARGET_US, 10);
      printf ("  %s\n", bench_lessons_verdict (figures));
      undone += !figures->done;
      switched += figures->switched;
      g_free (figures->name);
    }
  printf ("\n%u steps, %s.\nA worst is the slowest single run, leaving out the %u of %u during which "
          "the thread was switched out.\n",
          all->len, builtin ? "the sample pack's and the built-in course's"
                            : "the sample pack's (this build has no built-in course)",
          switched, all->len * (CHECKS + CHANGES));
  if (undone > 0)
    printf ("%u steps whose check was false after their solution: the loader should have refused them.\n", undone);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Figures));
  g_autoptr(GError) error = NULL;
  g_autoptr(MlLessonPack) sample = ml_lesson_pack_new_from_file (ML_BENCH_SAMPLE_PACK, NULL, &error);
  gboolean builtin = g_resources_get_info (BUILTIN_MANIFEST, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);

  if (sample == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (!bench_lessons_pack (sample, all))
    return EXIT_FAILURE;
  if (builtin && !bench_lessons_pack (ml_lesson_pack_get_builtin (), all))
    return EXIT_FAILURE;

  bench_lessons_print (all, builtin);
  return EXIT_SUCCESS;
}
