/* ml-worksheet.c — a lesson, or one step of it, as a PDF handout to print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout a teacher prints before a lesson: a header with the learner's name and the date,
 * then each step on a page of its own with its text, its chart at the step's start, its task
 * and its question with boxes to tick and lines to write why; the answer key comes last, alone.
 * Its texts are the step's, expanded as the lesson card expands them, so its numbers are the
 * window's; its labels are in the app's language, and its direction is the caller's.
 */

#define G_LOG_DOMAIN "ml-worksheet"

#include "config.h"

#include <langinfo.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "ml-sheet-private.h"
#include "ml-worksheet.h"

#define RULED_LINES 3

struct _MlWorksheet
{
  GObject           parent_instance;

  MlLesson         *lesson;
  guint             step;
  PangoDirection    direction;
  MlWorksheetPaper  paper;
};

G_DEFINE_FINAL_TYPE (MlWorksheet, ml_worksheet, G_TYPE_OBJECT)

static void
ml_worksheet_finalize (GObject *object)
{
  MlWorksheet *self = (MlWorksheet *)object;

  g_clear_object (&self->lesson);

  G_OBJECT_CLASS (ml_worksheet_parent_class)->finalize (object);
}

static void
ml_worksheet_class_init (MlWorksheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_worksheet_finalize;
}

static void
ml_worksheet_init (MlWorksheet *self)
{
  self->direction = PANGO_DIRECTION_LTR;
  self->paper = ml_worksheet_paper_for_locale ();
}

/**
 * ml_worksheet_paper_for_locale:
 *
 * The paper of LC_PAPER, as gtk_paper_size_get_default() reads it: Letter where the locale
 * says 216 × 279 mm, A4 everywhere else, and where it says nothing.
 */
MlWorksheetPaper
ml_worksheet_paper_for_locale (void)
{
#ifdef __GLIBC__
  /* glibc's own items (enums, so not to be tested with #ifdef), answered with a number where
   * a string would be. */
  union { unsigned int word; char *string; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (width.word == 216 && height.word == 279)
    return ML_WORKSHEET_PAPER_LETTER;
#endif
  return ML_WORKSHEET_PAPER_A4;
}

/**
 * ml_worksheet_new:
 * @step: the step to print, from 0, or %ML_WORKSHEET_ALL_STEPS
 *
 * A worksheet on the locale's paper, left to right until ml_worksheet_set_direction().
 */
MlWorksheet *
ml_worksheet_new (MlLesson *lesson,
                  guint     step)
{
  MlWorksheet *self;

  g_return_val_if_fail (ML_IS_LESSON (lesson), NULL);
  g_return_val_if_fail (step == ML_WORKSHEET_ALL_STEPS || step < ml_lesson_get_n_steps (lesson), NULL);

  self = g_object_new (ML_TYPE_WORKSHEET, NULL);
  self->lesson = g_object_ref (lesson);
  self->step = step;
  return self;
}

MlLesson *
ml_worksheet_get_lesson (MlWorksheet *self)
{
  g_return_val_if_fail (ML_IS_WORKSHEET (self), NULL);
  return self->lesson;
}

guint
ml_worksheet_get_step (MlWorksheet *self)
{
  g_return_val_if_fail (ML_IS_WORKSHEET (self), 0);
  return self->step;
}

PangoDirection
ml_worksheet_get_direction (MlWorksheet *self)
{
  g_return_val_if_fail (ML_IS_WORKSHEET (self), PANGO_DIRECTION_LTR);
  return self->direction;
}

/**
 * ml_worksheet_set_direction:
 * @direction: %PANGO_DIRECTION_RTL for a right-to-left language, such as Arabic; else LTR
 */
void
ml_worksheet_set_direction (MlWorksheet    *self,
                            PangoDirection  direction)
{
  g_return_if_fail (ML_IS_WORKSHEET (self));
  self->direction = direction == PANGO_DIRECTION_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

void
ml_worksheet_get_paper (MlWorksheet      *self,
                        MlWorksheetPaper *paper)
{
  g_return_if_fail (ML_IS_WORKSHEET (self));
  *paper = self->paper;
}

void
ml_worksheet_set_paper (MlWorksheet            *self,
                        const MlWorksheetPaper *paper)
{
  g_return_if_fail (ML_IS_WORKSHEET (self));
  g_return_if_fail (paper->width >= 200 && paper->height >= 200);
  self->paper = *paper;
}

/* The content */

static gboolean
ml_worksheet_has_step (MlWorksheet *self,
                       guint        index)
{
  return self->step == ML_WORKSHEET_ALL_STEPS || self->step == index;
}

static void
ml_worksheet_add_header (MlWorksheet *self,
                         MlSheet     *sheet)
{
  g_autofree char *id = NULL;

  /* Translators: at the end of a worksheet's first line; %s is the lesson's id, as --lesson takes it */
  id = g_strdup_printf (_("Lesson “%s”"), ml_lesson_get_id (self->lesson));
  /* Translators: the small line above a worksheet's title, printed in capitals where a script has them */
  _ml_sheet_add_text_with_aside (sheet, ML_SHEET_KICKER, _("Margin Lab · Worksheet"), id);
  _ml_sheet_add_text (sheet, ML_SHEET_TITLE, ml_lesson_get_title (self->lesson));
  /* Translators: the fields a learner fills in by hand at the top of a worksheet */
  _ml_sheet_add_fields (sheet, _("Name:"), _("Date:"));
  _ml_sheet_add_rule (sheet);
}

static char *
ml_worksheet_choice_text (MlLessonStep     *step,
                          MlLessonQuestion *question,
                          guint             index)
{
  g_autofree char *choice = ml_lesson_step_expand (step, ml_lesson_question_get_choice (question, index));

  /* Translators: a choice of a question on a worksheet: its letter, then its text */
  return g_strdup_printf (_("%c. %s"), 'A' + index, choice);
}

static void
ml_worksheet_add_question (MlSheet          *sheet,
                           MlLessonStep     *step,
                           MlLessonQuestion *question)
{
  g_autofree char *text = ml_lesson_step_expand (step, ml_lesson_question_get_text (question));

  /* Translators: a heading on a worksheet, over a step's question */
  _ml_sheet_add_text (sheet, ML_SHEET_LABEL, _("Predict"));
  _ml_sheet_add_text (sheet, ML_SHEET_STRONG, text);
  for (guint i = 0; i < ml_lesson_question_get_n_choices (question); i++)
    {
      g_autofree char *choice = ml_worksheet_choice_text (step, question, i);

      _ml_sheet_add_box (sheet, choice);
    }
  /* Translators: on a worksheet, over the lines where the learner writes the reason */
  _ml_sheet_add_text (sheet, ML_SHEET_LABEL, _("Why? Explain your answer"));
  _ml_sheet_add_lines (sheet, RULED_LINES);
}

/* The step's kicker: where it is in the lesson, and its title if it has one. */
static void
ml_worksheet_add_step_heading (MlWorksheet  *self,
                               MlSheet      *sheet,
                               guint         index)
{
  MlLessonStep *step = ml_lesson_get_step (self->lesson, index);
  /* Translators: over a step on a worksheet; the step's number and how many the lesson has */
  g_autofree char *counter = g_strdup_printf (_("Step %u of %u"), index + 1, ml_lesson_get_n_steps (self->lesson));

  _ml_sheet_add_text (sheet, ML_SHEET_KICKER, counter);
  if (ml_lesson_step_get_title (step) != NULL)
    {
      g_autofree char *title = ml_lesson_step_expand (step, ml_lesson_step_get_title (step));

      _ml_sheet_add_text (sheet, ML_SHEET_HEADING, title);
    }
}

static void
ml_worksheet_add_step (MlWorksheet *self,
                       MlSheet     *sheet,
                       MlLab       *lab,
                       guint        index)
{
  MlLessonStep *step = ml_lesson_get_step (self->lesson, index);
  MlLessonTask *task = ml_lesson_step_get_task (step);
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  g_autofree char *text = ml_lesson_step_expand (step, ml_lesson_step_get_text (step));

  ml_worksheet_add_step_heading (self, sheet, index);
  _ml_sheet_add_text (sheet, ML_SHEET_BODY, text);

  /* The lab as the window shows it when the step starts (as ml_lesson_run_start() puts it). */
  ml_lab_set_compare (lab, FALSE);
  ml_lab_set_scenario (lab, ml_lesson_step_get_scenario (step), NULL);
  _ml_sheet_add_chart (sheet, ml_lab_get_account (lab), ml_lab_get_compare (lab));

  if (task != NULL)
    {
      g_autofree char *instruction = ml_lesson_step_expand (step, ml_lesson_task_get_text (task));

      /* Translators: a heading on a worksheet, over what the step asks the learner to do in the lab */
      _ml_sheet_add_text (sheet, ML_SHEET_LABEL, _("In the lab"));
      _ml_sheet_add_box (sheet, instruction);
    }
  if (question != NULL)
    ml_worksheet_add_question (sheet, step, question);
}

static void
ml_worksheet_add_answer (MlWorksheet *self,
                         MlSheet     *sheet,
                         guint        index)
{
  MlLessonStep *step = ml_lesson_get_step (self->lesson, index);
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  guint answer = ml_lesson_question_get_answer (question);
  g_autofree char *choice = ml_worksheet_choice_text (step, question, answer);
  g_autofree char *why = ml_lesson_step_expand (step, ml_lesson_question_get_why (question, answer));
  g_autofree char *counter = NULL;

  if (ml_lesson_step_get_title (step) != NULL)
    {
      g_autofree char *title = ml_lesson_step_expand (step, ml_lesson_step_get_title (step));

      /* Translators: a heading in a worksheet's answer key: the step's number and title */
      counter = g_strdup_printf (_("Step %u · %s"), index + 1, title);
    }
  else
    /* Translators: a heading in a worksheet's answer key: the step's number */
    counter = g_strdup_printf (_("Step %u"), index + 1);
  _ml_sheet_add_text (sheet, ML_SHEET_LABEL, counter);
  _ml_sheet_add_text (sheet, ML_SHEET_STRONG, choice);
  _ml_sheet_add_text (sheet, ML_SHEET_BODY, why);
}

static void
ml_worksheet_add_answer_key (MlWorksheet *self,
                             MlSheet     *sheet)
{
  const char *summary;
  gboolean any = FALSE;

  _ml_sheet_break_page (sheet);
  /* Translators: the small line above the title of a worksheet's last page */
  _ml_sheet_add_text (sheet, ML_SHEET_KICKER, _("For the teacher"));
  /* Translators: the title of a worksheet's last page, which gives the right answers */
  _ml_sheet_add_text (sheet, ML_SHEET_TITLE, _("Answer Key"));
  _ml_sheet_add_text (sheet, ML_SHEET_SUMMARY, ml_lesson_get_title (self->lesson));
  _ml_sheet_add_rule (sheet);
  /* The lesson's summary states what it teaches: on the learner's pages it would give the
   * answers away. */
  summary = ml_lesson_get_summary (self->lesson);
  if (summary != NULL && summary[0] != '\0')
    {
      /* Translators: a heading in a worksheet's answer key, over the lesson's summary */
      _ml_sheet_add_text (sheet, ML_SHEET_LABEL, _("What the lesson teaches"));
      _ml_sheet_add_text (sheet, ML_SHEET_BODY, summary);
    }
  for (guint i = 0; i < ml_lesson_get_n_steps (self->lesson); i++)
    if (ml_worksheet_has_step (self, i) && ml_lesson_step_get_question (ml_lesson_get_step (self->lesson, i)) != NULL)
      {
        ml_worksheet_add_answer (self, sheet, i);
        any = TRUE;
      }
  if (!any)
    _ml_sheet_add_text (sheet, ML_SHEET_BODY, self->step == ML_WORKSHEET_ALL_STEPS
                        ? _("This lesson asks no questions: there is nothing to mark.")
                        : _("This step asks no question: there is nothing to mark."));
}

static cairo_status_t
ml_worksheet_append (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
ml_worksheet_paint (MlWorksheet *self,
                    cairo_t     *cr,
                    guint       *n_pages)
{
  g_autoptr(MlSheet) sheet = _ml_sheet_new (cr, &self->paper, self->direction);
  g_autoptr(MlLab) lab = ml_lab_new ();
  /* Translators: in a worksheet's footer: the app's name and version */
  g_autofree char *version = g_strdup_printf (_("Margin Lab %s"), PACKAGE_VERSION);
  gboolean first = TRUE;

  ml_worksheet_add_header (self, sheet);
  for (guint i = 0; i < ml_lesson_get_n_steps (self->lesson); i++)
    {
      if (!ml_worksheet_has_step (self, i))
        continue;
      if (!first)
        _ml_sheet_break_page (sheet);
      ml_worksheet_add_step (self, sheet, lab, i);
      first = FALSE;
    }
  ml_worksheet_add_answer_key (self, sheet);
  *n_pages = _ml_sheet_paint (sheet, ml_lesson_get_id (self->lesson), version);
}

/**
 * ml_worksheet_write:
 * @filename: the PDF file to write
 * @n_pages: (out) (optional): how many pages it has
 *
 * Lays the worksheet out and writes it atomically: a write that fails leaves whatever was at
 * @filename as it was, and says why.
 */
gboolean
ml_worksheet_write (MlWorksheet  *self,
                    const char   *filename,
                    guint        *n_pages,
                    GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages = 0;

  g_return_val_if_fail (ML_IS_WORKSHEET (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (ml_worksheet_append, bytes, self->paper.width, self->paper.height);
  /* Translators: a worksheet's title in its PDF's properties; %s is the lesson's title */
  title = g_strdup_printf (_("Worksheet: %s"), ml_lesson_get_title (self->lesson));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Margin Lab " PACKAGE_VERSION);
  cr = cairo_create (surface);
  ml_worksheet_paint (self, cr, &pages);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is cairo's reason, in English */
                   _("Could not draw the worksheet: %s."), cairo_status_to_string (status));
      return FALSE;
    }
  if (!ml_file_replace_contents (filename, (const char *)bytes->data, bytes->len, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}
