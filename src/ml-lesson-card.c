/* ml-lesson-card.c — the lesson card above the lab: the step, its task, its question
 *
 * The card only shows its MlLessonRun: what the learner does goes through the lesson.* actions,
 * which the window installs, so that their shortcuts work from any focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-lesson-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-lesson-card.h"
#include "ml-utils.h"

struct _MlLessonCard
{
  GtkWidget    parent_instance;

  MlLessonRun *run;
  gboolean     summary;
  int          text_height;   /* the scroller's largest, as the template sets it */
  guint        feedback_frames;  /* frames waited to scroll the feedback into view */
  MlLessonStep *choices_step;    /* the step and answer the choice buttons were made for */
  int          choices_answer;

  GtkStack    *stack;
  GtkWidget   *scroller;
  GtkWidget   *content;
  GtkLabel    *heading_label;
  GtkLabel    *counter_label;
  GtkLabel    *text_label;
  GtkWidget   *task_box;
  GtkImage    *task_icon;
  GtkLabel    *task_label;
  GtkWidget   *question_box;
  GtkLabel    *question_label;
  GtkWidget   *locked_label;
  GtkGrid     *choices_box;
  GtkWidget   *feedback_box;
  GtkLabel    *verdict_label;
  GtkLabel    *why_label;
  GtkLabel    *right_label;
  GtkButton   *next_button;
  GtkLabel    *summary_heading;
  GtkLabel    *summary_label;
  GtkLabel    *score_label;
  GtkWidget   *limits_button;
  GtkWidget   *next_lesson_button;
};

enum {
  PROP_0,
  PROP_RUN,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MlLessonCard, ml_lesson_card, GTK_TYPE_WIDGET)

static void
ml_lesson_card_set_expanded (MlLessonCard *self,
                             GtkLabel     *label,
                             const char   *text)
{
  g_autofree char *shown = ml_lesson_step_expand (ml_lesson_run_get_step (self->run), text);

  gtk_label_set_text (label, shown);
}

static void
ml_lesson_card_show_heading (MlLessonCard *self)
{
  MlLessonPack *pack = ml_lesson_run_get_pack (self->run);
  MlLesson *lesson = ml_lesson_run_get_lesson (self->run);
  MlLessonStep *step = ml_lesson_run_get_step (self->run);
  g_autofree char *heading = NULL;
  g_autofree char *counter = NULL;
  guint index = 0;

  ml_lesson_pack_find_lesson (pack, ml_lesson_get_id (lesson), &index);
  if (ml_lesson_step_get_title (step) != NULL)
    {
      g_autofree char *title = ml_lesson_step_expand (step, ml_lesson_step_get_title (step));

      /* Translators: the lesson card's heading: the lesson's number, its title, the step's title.
       * A dash, not a colon, parts the two titles, as lesson titles have colons of their own. */
      heading = g_strdup_printf (_("%u. %s — %s"), index + 1, ml_lesson_get_title (lesson), title);
    }
  else
    /* Translators: the lesson card's heading: the lesson's number and title */
    heading = g_strdup_printf (_("%u. %s"), index + 1, ml_lesson_get_title (lesson));
  gtk_label_set_text (self->heading_label, heading);

  /* Translators: where the learner is in the lesson */
  counter = g_strdup_printf (_("Step %u of %u"), ml_lesson_run_get_step_index (self->run) + 1,
                             ml_lesson_get_n_steps (lesson));
  gtk_label_set_text (self->counter_label, counter);
}

static void
ml_lesson_card_show_task (MlLessonCard *self)
{
  MlLessonTask *task = ml_lesson_step_get_task (ml_lesson_run_get_step (self->run));
  gboolean done = ml_lesson_run_get_task_done (self->run);
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  gtk_widget_set_visible (self->task_box, task != NULL);
  if (task == NULL)
    return;

  text = ml_lesson_step_expand (ml_lesson_run_get_step (self->run), ml_lesson_task_get_text (task));
  gtk_label_set_text (self->task_label, text);
  gtk_image_set_from_icon_name (self->task_icon, done ? "object-select-symbolic" : "radio-symbolic");
  ml_utils_set_css_class (self->task_box, "done", done);

  /* The task reads as a check box that the lab ticks: a screen reader tells when it changes. */
  if (done)
    /* Translators: what a screen reader says for the task's check box once the task is done;
     * %s is the task's text */
    spoken = g_strdup_printf (_("Task done: %s"), text);
  else
    /* Translators: what a screen reader says for the task's check box; %s is the task's text */
    spoken = g_strdup_printf (_("Task: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->task_box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->task_box), GTK_ACCESSIBLE_STATE_CHECKED,
                               done ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

static GtkWidget *
ml_lesson_card_new_choice (MlLessonCard     *self,
                           MlLessonQuestion *question,
                           guint             index,
                           int               answer)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  ml_lesson_card_set_expanded (self, GTK_LABEL (label), ml_lesson_question_get_choice (question, index));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  /* A button with a label inside is not named by it in GTK 4.8: say it for the screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lesson.answer");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32)index);
  gtk_widget_add_css_class (button, "lesson-choice");

  if (answer == (int)index)
    gtk_widget_add_css_class (button, index == ml_lesson_question_get_answer (question) ? "right" : "wrong");
  else if (answer != ML_LESSON_RUN_NO_ANSWER && index == ml_lesson_question_get_answer (question))
    gtk_widget_add_css_class (button, "answer");
  return button;
}

static void
ml_lesson_card_show_feedback (MlLessonCard     *self,
                              MlLessonQuestion *question,
                              int               answer)
{
  guint right = ml_lesson_question_get_answer (question);
  g_autofree char *chosen = NULL;
  g_autofree char *verdict = NULL;

  gtk_widget_set_visible (self->feedback_box, answer != ML_LESSON_RUN_NO_ANSWER);
  if (answer == ML_LESSON_RUN_NO_ANSWER)
    return;

  chosen = ml_lesson_step_expand (ml_lesson_run_get_step (self->run), ml_lesson_question_get_choice (question, answer));
  verdict = (guint)answer == right
    /* Translators: the feedback after a prediction; %s is the choice the learner committed to */
    ? g_strdup_printf (_("Right. You predicted “%s”"), chosen)
    /* Translators: the feedback after a wrong prediction; %s is the choice committed to */
    : g_strdup_printf (_("Not quite. You predicted “%s”"), chosen);
  gtk_label_set_text (self->verdict_label, verdict);
  ml_lesson_card_set_expanded (self, self->why_label, ml_lesson_question_get_why (question, answer));

  gtk_widget_set_visible (GTK_WIDGET (self->right_label), (guint)answer != right);
  if ((guint)answer != right)
    {
      g_autofree char *text = ml_lesson_step_expand (ml_lesson_run_get_step (self->run),
                                                     ml_lesson_question_get_choice (question, right));
      g_autofree char *why = ml_lesson_step_expand (ml_lesson_run_get_step (self->run),
                                                    ml_lesson_question_get_why (question, right));
      /* Translators: after a wrong prediction: the right choice (a sentence), then why it is right */
      g_autofree char *shown = g_strdup_printf (_("The answer is “%s” %s"), text, why);

      gtk_label_set_text (self->right_label, shown);
    }
}

static void
ml_lesson_card_show_question (MlLessonCard *self)
{
  MlLessonStep *step = ml_lesson_run_get_step (self->run);
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  int answer = ml_lesson_run_get_answer (self->run);
  gboolean open = ml_lesson_step_get_task (step) == NULL || ml_lesson_run_get_task_done (self->run);

  gtk_widget_set_visible (self->question_box, question != NULL);
  if (question == NULL)
    return;

  ml_lesson_card_set_expanded (self, self->question_label, ml_lesson_question_get_text (question));
  gtk_widget_set_visible (self->locked_label, !open && answer == ML_LESSON_RUN_NO_ANSWER);
  /* The choices appear once the task is done, as the question is about what it leads to; once
   * committed, the prediction is told in the feedback, beside the outcome in the lab. */
  gtk_widget_set_visible (GTK_WIDGET (self->choices_box), open && answer == ML_LESSON_RUN_NO_ANSWER);
  /* Made again only for another step or answer, so that the focus and a screen reader's
   * place among them survive the lab's changes. */
  if (self->choices_step != step || self->choices_answer != answer)
    {
      for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))) != NULL;)
        gtk_grid_remove (self->choices_box, child);
      /* Two a row: a choice is a sentence, and two fit beside each other from 800 pixels wide. */
      for (guint i = 0; i < ml_lesson_question_get_n_choices (question); i++)
        gtk_grid_attach (self->choices_box, ml_lesson_card_new_choice (self, question, i, answer), i % 2, i / 2, 1, 1);
      g_set_object (&self->choices_step, step);
      self->choices_answer = answer;
    }
  ml_lesson_card_show_feedback (self, question, answer);
}

static void
ml_lesson_card_show_summary (MlLessonCard *self)
{
  MlLessonPack *pack = ml_lesson_run_get_pack (self->run);
  MlLesson *lesson = ml_lesson_run_get_lesson (self->run);
  guint index = 0;
  g_autofree char *heading = NULL;
  gboolean last;

  ml_lesson_pack_find_lesson (pack, ml_lesson_get_id (lesson), &index);
  last = index + 1 == ml_lesson_pack_get_n_lessons (pack);
  /* Translators: the heading when a lesson is finished; %s is its title */
  heading = g_strdup_printf (_("Lesson complete: %s"), ml_lesson_get_title (lesson));
  gtk_label_set_text (self->summary_heading, heading);
  gtk_label_set_text (self->summary_label, ml_lesson_get_summary (lesson));
  gtk_widget_set_visible (self->limits_button, last);
  gtk_widget_set_visible (self->next_lesson_button, !last);
  gtk_label_set_text (self->score_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), FALSE);

  if (ml_lesson_run_get_progress (self->run) != NULL)
    {
      MlProgress *progress = ml_lesson_run_get_progress (self->run);
      guint n = ml_lesson_get_n_steps (lesson), done = 0, answered = 0, right = 0;
      g_autofree char *score = NULL;

      for (guint i = 0; i < n; i++)
        {
          MlStepProgress step;

          ml_progress_get_step (progress, ml_lesson_pack_get_id (pack), ml_lesson_get_id (lesson), i, &step);
          done += step.done;
          answered += step.prediction != ML_PREDICTION_NONE;
          right += step.prediction == ML_PREDICTION_RIGHT;
        }
      /* Translators: a finished lesson's record: steps done, then first predictions right */
      score = g_strdup_printf (_("%u of %u steps done · %u of %u predictions right the first time"),
                               done, n, right, answered);
      gtk_label_set_text (self->score_label, score);
      gtk_widget_set_visible (GTK_WIDGET (self->score_label), TRUE);
    }
}

static void
ml_lesson_card_update (MlLessonCard *self)
{
  MlLessonStep *step;
  gboolean last, done;

  if (self->run == NULL || (step = ml_lesson_run_get_step (self->run)) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, self->summary ? "summary" : "step");
  if (self->summary)
    {
      ml_lesson_card_show_summary (self);
      return;
    }

  ml_lesson_card_show_heading (self);
  ml_lesson_card_set_expanded (self, self->text_label, ml_lesson_step_get_text (step));
  ml_lesson_card_show_task (self);
  ml_lesson_card_show_question (self);

  last = ml_lesson_run_get_step_index (self->run) + 1 == ml_lesson_get_n_steps (ml_lesson_run_get_lesson (self->run));
  done = (ml_lesson_step_get_task (step) == NULL || ml_lesson_run_get_task_done (self->run)) &&
         (ml_lesson_step_get_question (step) == NULL || ml_lesson_run_get_answer (self->run) != ML_LESSON_RUN_NO_ANSWER);
  gtk_button_set_label (self->next_button, last ? _("Finish") : _("Next"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), last ? _("Finish the lesson") : _("Next step"));
  /* Next is always there (a learner may skip); it is the suggested way on once the step is done. */
  ml_utils_set_css_class (GTK_WIDGET (self->next_button), "suggested-action", done);
}

/* Once laid out, the feedback is scrolled into view: in a short window the card scrolls. */
static gboolean
ml_lesson_card_show_feedback_tick (GtkWidget     *widget,
                                   GdkFrameClock *clock,
                                   gpointer       data)
{
  MlLessonCard *self = ML_LESSON_CARD (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  /* Until the feedback has been laid out, the scrolled range does not reach it: wait a frame. */
  if (!gtk_widget_compute_bounds (self->feedback_box, self->content, &bounds) || bounds.size.height <= 0 ||
      gtk_adjustment_get_upper (adjustment) < bounds.origin.y + bounds.size.height)
    return ++self->feedback_frames < 10 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

/* Whether the focus is on the card or on nothing the learner can see, as when the control
 * that had it has gone: then a new step or the summary may take it. */
static gboolean
ml_lesson_card_focus_is_ours (MlLessonCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         (focus == NULL || !gtk_widget_get_mapped (focus) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

/* The card's focus is its heading's, or the summary's: what a screen reader should read
 * (style.css hides the caret of these selectable labels). */
static gboolean
ml_lesson_card_grab_focus (GtkWidget *widget)
{
  MlLessonCard *self = ML_LESSON_CARD (widget);
  GtkLabel *heading = self->summary ? self->summary_heading : self->heading_label;

  ml_utils_announce (heading);
  return gtk_widget_has_focus (GTK_WIDGET (heading));
}

/* Another step (Next, Back, Reset, another lesson) starts at its heading for a screen reader,
 * when the learner was on the card. */
static void
ml_lesson_card_step_changed (MlLessonCard *self)
{
  gboolean ours = ml_lesson_card_focus_is_ours (self);

  ml_lesson_card_update (self);
  if (ours && !self->summary && ml_lesson_run_get_step (self->run) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A committed prediction moves the focus to its feedback, so that a screen reader reads it. */
static void
ml_lesson_card_answered (MlLessonCard *self)
{
  ml_lesson_card_update (self);
  if (ml_lesson_run_get_answer (self->run) != ML_LESSON_RUN_NO_ANSWER && !self->summary)
    {
      ml_utils_announce (self->verdict_label);
      self->feedback_frames = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (self), ml_lesson_card_show_feedback_tick, NULL, NULL);
    }
}

/* The step's text scrolls when the window is short. GTK 4.8's scrolled window measures its
 * natural height as if its labels did not wrap, so the card asks for the text's real height at
 * its width, up to the scroller's largest, and the window's box gives it that first.
 * Asked for its height at no width in particular, the card tells it at its natural width, as a
 * box of wrapping labels does: its heading's grid would tell it at its narrowest, every word
 * on a line of its own, and the window would be taller than 800 × 600 leaves. */
static void
ml_lesson_card_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  MlLessonCard *self = ML_LESSON_CARD (widget);
  int scroller_min, scroller_nat, content_min, content_nat;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation != GTK_ORIENTATION_VERTICAL || self->summary)
    return;

  gtk_widget_measure (self->scroller, orientation, for_size, &scroller_min, &scroller_nat, NULL, NULL);
  gtk_widget_measure (self->content, orientation, for_size, &content_min, &content_nat, NULL, NULL);
  *natural += CLAMP (content_nat, scroller_min,
                     MAX (scroller_min, gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (self->scroller))))
              - scroller_nat;
  *natural = MAX (*natural, *minimum);
}

static GtkSizeRequestMode
ml_lesson_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ml_lesson_card_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (ML_LESSON_CARD (widget)->stack), width, height, baseline, NULL);
}

static void
ml_lesson_card_dispose (GObject *object)
{
  MlLessonCard *self = ML_LESSON_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_LESSON_CARD);
  g_clear_object (&self->run);
  g_clear_object (&self->choices_step);

  G_OBJECT_CLASS (ml_lesson_card_parent_class)->dispose (object);
}

static void
ml_lesson_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MlLessonCard *self = ML_LESSON_CARD (object);

  switch (prop_id)
    {
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;
    case PROP_SUMMARY:
      g_value_set_boolean (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lesson_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MlLessonCard *self = ML_LESSON_CARD (object);

  switch (prop_id)
    {
    case PROP_RUN:
      ml_lesson_card_set_run (self, g_value_get_object (value));
      break;
    case PROP_SUMMARY:
      ml_lesson_card_set_summary (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lesson_card_class_init (MlLessonCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ml_lesson_card_dispose;
  object_class->get_property = ml_lesson_card_get_property;
  object_class->set_property = ml_lesson_card_set_property;

  properties[PROP_RUN] = g_param_spec_object ("run", NULL, NULL, ML_TYPE_LESSON_RUN, flags);
  properties[PROP_SUMMARY] = g_param_spec_boolean ("summary", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->get_request_mode = ml_lesson_card_get_request_mode;
  widget_class->measure = ml_lesson_card_measure;
  widget_class->size_allocate = ml_lesson_card_size_allocate;
  widget_class->grab_focus = ml_lesson_card_grab_focus;
  gtk_widget_class_set_css_name (widget_class, "lessoncard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-lesson-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, stack);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, content);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, counter_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, task_box);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, task_icon);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, task_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, question_box);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, question_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, locked_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, choices_box);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, why_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, right_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, next_button);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, summary_heading);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, score_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, limits_button);
  gtk_widget_class_bind_template_child (widget_class, MlLessonCard, next_lesson_button);
}

/* A scrolled window takes the focus when nothing in it does, so that the keys scroll it: a Tab
 * stop that does nothing and shows nothing when the step's text fits. */
static void
ml_lesson_card_scroll_range_changed (MlLessonCard *self,
                                     GtkAdjustment *adjustment)
{
  gtk_widget_set_focusable (self->scroller,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >= 1);
}

static void
ml_lesson_card_init (MlLessonCard *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (ml_lesson_card_scroll_range_changed), self,
                           G_CONNECT_SWAPPED);
  ml_lesson_card_scroll_range_changed (self, adjustment);
  /* The text inside fills the card, but the card takes only what it asks for: the lab expands. */
  gtk_widget_set_vexpand (GTK_WIDGET (self), FALSE);
  self->text_height = gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (self->scroller));
}

GtkWidget *
ml_lesson_card_new (void)
{
  return g_object_new (ML_TYPE_LESSON_CARD, NULL);
}

MlLessonRun *
ml_lesson_card_get_run (MlLessonCard *self)
{
  g_return_val_if_fail (ML_IS_LESSON_CARD (self), NULL);
  return self->run;
}

void
ml_lesson_card_set_run (MlLessonCard *self,
                        MlLessonRun  *run)
{
  g_return_if_fail (ML_IS_LESSON_CARD (self));
  g_return_if_fail (run == NULL || ML_IS_LESSON_RUN (run));

  if (self->run == run)
    return;
  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_set_object (&self->run, run);
  if (run != NULL)
    {
      /* "step" is told at every start, reset and stop, another lesson's too. */
      g_signal_connect_object (run, "notify::step", G_CALLBACK (ml_lesson_card_step_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (run, "notify::task-done", G_CALLBACK (ml_lesson_card_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (run, "notify::answer", G_CALLBACK (ml_lesson_card_answered), self, G_CONNECT_SWAPPED);
    }
  ml_lesson_card_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}

gboolean
ml_lesson_card_get_summary (MlLessonCard *self)
{
  g_return_val_if_fail (ML_IS_LESSON_CARD (self), FALSE);
  return self->summary;
}

/**
 * ml_lesson_card_set_summary:
 *
 * Shows what the lesson taught, once its last step is finished, instead of the step.
 */
void
ml_lesson_card_set_summary (MlLessonCard *self,
                            gboolean      summary)
{
  gboolean ours;

  g_return_if_fail (ML_IS_LESSON_CARD (self));

  summary = !!summary;
  if (self->summary == summary)
    return;
  ours = ml_lesson_card_focus_is_ours (self);
  self->summary = summary;
  ml_lesson_card_update (self);
  if (ours && summary)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * ml_lesson_card_set_text_scale:
 * @scale: how much larger the window's text is than usual, 1 or more
 *
 * Lets the step's text grow this much taller before it scrolls, so that in presentation mode
 * a step's text and choices show as much of themselves as they do otherwise.
 */
void
ml_lesson_card_set_text_scale (MlLessonCard *self,
                               double        scale)
{
  g_return_if_fail (ML_IS_LESSON_CARD (self));
  g_return_if_fail (scale >= 1);

  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), (int)(self->text_height * scale));
}
