/* fuzz-pack.c — libFuzzer target for the single-file lesson pack reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lesson pack is untrusted input, and reading one also plays its steps on a lab. This reads
 * each input as a .mlpack file. A refused input must come with its problems, each one line
 * naming the input, the first of them the error's message. An accepted one must describe
 * itself, show every text of every step with its placeholders filled in as one line, and
 * replay each step's solution through a lab, which must take it as it did at load.
 * Anything else is a finding: a crash, a sanitizer report, a leak, a GLib warning or critical
 * (made fatal below), or an abort() here.
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C _build-fuzz tests/fuzz/fuzz-pack
 *   ./_build-fuzz/tests/fuzz/fuzz-pack -max_total_time=60 -dict=tests/fuzz/pack.dict \
 *       _build-fuzz/tests/fuzz/corpus-pack tests/fuzz/corpus-pack
 *
 * fuzz-scenario.c says more on the corpus folders, findings and whole stacks.
 */

#define G_LOG_DOMAIN "fuzz-pack"

#include "config.h"

#include <string.h>

#include "margin-lab-core.h"
#include "ml-lesson-pack-private.h"
#include "fuzz-common.h"

static void
fuzz_pack_fail (const char *what,
                const char *detail)
{
  fprintf (stderr, "fuzz-pack: %s\n", what);
  if (detail != NULL)
    fprintf (stderr, "--- %s\n", detail);
  abort ();
}

static void
fuzz_pack_check_refused (GPtrArray    *problems,
                         const GError *error)
{
  if (error == NULL || problems == NULL || problems->len == 0)
    fuzz_pack_fail ("a refused input has no error or no problems", error ? error->message : NULL);
  if (strcmp (error->message, problems->pdata[0]) != 0)
    fuzz_pack_fail ("the error is not the first problem", error->message);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = problems->pdata[i];

      if (!g_str_has_prefix (line, "fuzz: ") || strchr (line, '\n') != NULL || !g_utf8_validate (line, -1, NULL))
        fuzz_pack_fail ("a problem is not one line of UTF-8 naming the input", line);
    }
}

static void
fuzz_pack_expand (MlLessonStep *step,
                  const char   *text)
{
  g_autofree char *shown = NULL;

  if (text == NULL)
    return;
  shown = ml_lesson_step_expand (step, text);
  if (!g_utf8_validate (shown, -1, NULL) || strchr (shown, '\n') != NULL)
    fuzz_pack_fail ("an expanded text is not one line of UTF-8", shown);
}

static void
fuzz_pack_check_step (MlLessonStep *step,
                      MlLab        *lab)
{
  MlLessonTask *task = ml_lesson_step_get_task (step);
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  g_autoptr(GError) error = NULL;
  MlLessonState state = { 0 };

  fuzz_pack_expand (step, ml_lesson_step_get_title (step));
  fuzz_pack_expand (step, ml_lesson_step_get_text (step));
  if (task != NULL)
    fuzz_pack_expand (step, ml_lesson_task_get_text (task));
  for (guint i = 0; question != NULL && i < ml_lesson_question_get_n_choices (question); i++)
    {
      fuzz_pack_expand (step, ml_lesson_question_get_choice (question, i));
      fuzz_pack_expand (step, ml_lesson_question_get_why (question, i));
    }

  ml_lab_set_scenario (lab, ml_lesson_step_get_scenario (step), NULL);
  ml_lab_set_compare (lab, FALSE);
  if (!ml_lesson_step_play_solution (step, lab, &error))
    fuzz_pack_fail ("a solution accepted at load is refused when played again", error->message);
  if (task == NULL)
    return;

  /* Evaluated for what it reads; its result is not asserted, since the marks the solution
   * passed through are not tracked here and a check on them may go either way. */
  state.account = ml_lab_get_account (lab);
  state.start = ml_scenario_get_account (ml_lesson_step_get_scenario (step));
  state.compare = ml_lab_get_compare (lab);
  state.mark_low = 0;
  state.mark_high = G_MAXDOUBLE;
  ml_lesson_task_check (task, &state);
}

static void
fuzz_pack_check_accepted (MlLessonPack *pack)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  g_autofree char *summary = ml_lesson_pack_describe (pack);

  if (summary == NULL || !g_str_has_prefix (summary, "fuzz: ") || strchr (summary, '\n') != NULL)
    fuzz_pack_fail ("the summary is not one line naming the input", summary);
  if (ml_lesson_pack_get_n_lessons (pack) == 0)
    fuzz_pack_fail ("an accepted pack has no lesson", NULL);

  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);

      if (ml_lesson_pack_find_lesson (pack, ml_lesson_get_id (lesson), NULL) != lesson)
        fuzz_pack_fail ("two lessons have one id", ml_lesson_get_id (lesson));
      if (ml_lesson_get_n_steps (lesson) == 0)
        fuzz_pack_fail ("an accepted lesson has no step", ml_lesson_get_id (lesson));
      for (guint j = 0; j < ml_lesson_get_n_steps (lesson); j++)
        fuzz_pack_check_step (ml_lesson_get_step (lesson, j), lab);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MlLessonPack) pack = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (size > MAX_INPUT_SIZE)
    return -1; /* not added to the corpus */

  pack = _ml_lesson_pack_new_from_data ((const char *)data, size, "fuzz", &problems, &error);
  if (pack == NULL)
    fuzz_pack_check_refused (problems, error);
  else if (error != NULL || problems == NULL || problems->len != 0)
    fuzz_pack_fail ("an accepted input also has problems", error ? error->message : NULL);
  else
    fuzz_pack_check_accepted (pack);
  return 0;
}
