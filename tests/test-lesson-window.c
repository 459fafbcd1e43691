/* test-lesson-window.c — a learner takes a whole lesson in the window: the task, the question, Next
 *
 * Every step is done through the widgets, as a learner would: the step's solution is played by
 * clicking and typing, never by calling the lab.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ml-lesson-action.h"
#include "ml-lesson-card.h"
#include "ml-lesson-step-private.h"
#include "ml-limits-window.h"
#include "ml-test-window.h"

static gpointer
card_child (MlWindow   *window,
            const char *name)
{
  return gtk_widget_get_template_child (ml_test_window_child (window, "lesson_card"), ML_TYPE_LESSON_CARD, name);
}

static void
close_window (MlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
}

/* What a learner types: C-locale digits, which every locale's entries accept too. */
static void
type_number (gpointer editable,
             int      decimals,
             double   value)
{
  g_autofree char *text = g_strdup_printf ("%.*f", decimals, value);

  ml_test_type (editable, text);
}


/* An order, placed as a learner places one in the order panel. */
static void
place_order (MlWindow             *window,
             const MlLessonAction *action)
{
  ml_test_click (ml_test_window_panel_child (window, action->side == ML_SIDE_LONG ? "long_button" : "short_button"));
  ml_test_click (ml_test_window_panel_child (window, action->mode == ML_MARGIN_MODE_ISOLATED ? "isolated_button" : "cross_button"));
  type_number (ml_test_window_panel_child (window, "leverage_spin"), 0, action->leverage);
  if (action->quantity > 0)
    {
      ml_test_click (ml_test_window_panel_child (window, "btc_button"));
      type_number (ml_test_window_panel_child (window, "size_entry"), 4, action->quantity);
    }
  else
    {
      ml_test_click (ml_test_window_panel_child (window, "usdt_button"));
      type_number (ml_test_window_panel_child (window, "size_entry"), 2, action->margin);
    }
  if (action->price > 0)
    type_number (ml_test_window_panel_child (window, "price_entry"), 1, action->price);
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
}

static void
play_action (MlWindow             *window,
             const MlLessonAction *action)
{
  MlLab *lab = ml_window_get_lab (window);

  switch (action->kind)
    {
    case ML_LESSON_ACTION_OPEN:
      place_order (window, action);
      break;
    case ML_LESSON_ACTION_MARK:
      type_number (ml_test_window_child (window, "mark_entry"), 1, action->price);
      ml_test_press_enter (ml_test_window_child (window, "mark_entry"));
      break;
    case ML_LESSON_ACTION_PATH:
      while (ml_lab_get_path_position (lab) < ml_lab_get_path_length (lab))
        ml_test_window_click_action (window, "win.step");
      break;
    case ML_LESSON_ACTION_COMPARE:
      ml_test_click (ml_test_window_child (window, "compare_button"));
      break;
    case ML_LESSON_ACTION_ADD_MARGIN:
    case ML_LESSON_ACTION_REMOVE_MARGIN:
    case ML_LESSON_ACTION_CLOSE:
    default:
      g_error ("the walked lesson uses an action this test does not click through");
    }
}

/* The step's task done as its solution does it, through the widgets. */
static void
play_solution (MlWindow     *window,
               MlLessonStep *step)
{
  GPtrArray *solution = _ml_lesson_step_get_solution (step);

  for (guint a = 0; a < solution->len; a++)
    play_action (window, solution->pdata[a]);
}

/* The task's check mark, as the learner and a screen reader get it. */
static void
assert_task (MlWindow *window,
             gboolean  done)
{
  GtkWidget *task = card_child (window, "task_box");

  g_assert_true (gtk_widget_get_visible (task));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (task), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (task), GTK_ACCESSIBLE_STATE_CHECKED,
                                    done ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_cmpint (gtk_widget_has_css_class (task, "done"), ==, done);
}

/* The choice's button in the card, found by what it says. */
static GtkWidget *
find_choice (MlWindow   *window,
             const char *text)
{
  GtkWidget *box = card_child (window, "choices_box");

  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
    {
      if (g_strcmp0 (ml_test_label (gtk_button_get_child (GTK_BUTTON (button))), text) == 0)
        return button;
    }
  g_error ("no choice reads “%s”", text);
}

static void
answer_question (MlWindow     *window,
                 MlLessonStep *step)
{
  MlLessonQuestion *question = ml_lesson_step_get_question (step);
  guint right = ml_lesson_question_get_answer (question);
  g_autofree char *choice = ml_lesson_step_expand (step, ml_lesson_question_get_choice (question, right));
  g_autofree char *why = ml_lesson_step_expand (step, ml_lesson_question_get_why (question, right));
  g_autofree char *verdict = NULL;
  double mark_before = ml_account_get_mark_price (ml_lab_get_account (ml_window_get_lab (window)));

  g_assert_false (gtk_widget_get_visible (card_child (window, "feedback_box")));
  /* From the keyboard, as Space or Enter on the focused choice does. */
  ml_test_activate (find_choice (window, choice));

  /* The prediction stays on the card beside the outcome, with why it is right. */
  g_assert_true (gtk_widget_get_visible (card_child (window, "feedback_box")));
  verdict = g_strdup_printf ("Right. You predicted “%s”", choice);
  g_assert_cmpstr (ml_test_label (card_child (window, "verdict_label")), ==, verdict);
  g_assert_cmpstr (ml_test_label (card_child (window, "why_label")), ==, why);
  g_assert_true (gtk_widget_has_focus (card_child (window, "verdict_label")));

  /* The lab showed the outcome. */
  if (ml_lesson_question_get_reveal (question) == ML_LESSON_REVEAL_MARK)
    {
      g_assert_cmpfloat (mark_before, !=, ml_lesson_question_get_reveal_price (question));
      g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (ml_window_get_lab (window))), ==,
                         ml_lesson_question_get_reveal_price (question));
    }
  else if (ml_lesson_question_get_reveal (question) == ML_LESSON_REVEAL_COMPARE)
    g_assert_true (ml_lab_get_compare (ml_window_get_lab (window)));
}

/* A newcomer's first start opens the first lesson; the learner does every step through the
 * widgets, answers, goes on, finishes, and a later start resumes at the next lesson. */
static void
test_lesson_walk (void)
{
  MlLessonPack *course = ml_lesson_pack_get_builtin ();
  MlLesson *lesson = ml_lesson_pack_get_lesson (course, 0);
  MlWindow *window = ml_test_window_new ();
  MlLessonRun *run = ml_window_get_lesson_run (window);
  g_autofree char *heading = NULL;
  g_autofree char *last_heading = NULL;

  g_assert_true (gtk_widget_get_visible (ml_test_window_child (window, "lesson_card")));
  g_assert_true (ml_lesson_run_get_lesson (run) == lesson);
  g_assert_cmpstr (adw_window_title_get_subtitle (ml_test_window_child (window, "window_title")), ==, ml_lesson_get_title (lesson));

  for (guint i = 0; i < ml_lesson_get_n_steps (lesson); i++)
    {
      MlLessonStep *step = ml_lesson_get_step (lesson, i);
      g_autofree char *counter = g_strdup_printf ("Step %u of %u", i + 1, ml_lesson_get_n_steps (lesson));
      g_autofree char *text = ml_lesson_step_expand (step, ml_lesson_step_get_text (step));

      g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, counter);
      g_assert_cmpstr (ml_test_label (card_child (window, "text_label")), ==, text);
      g_assert_null (strchr (text, '{'));

      if (ml_lesson_step_get_task (step) != NULL)
        {
          assert_task (window, FALSE);
          /* The question waits for the task. */
          if (ml_lesson_step_get_question (step) != NULL)
            g_assert_true (gtk_widget_get_visible (card_child (window, "locked_label")));
          play_solution (window, step);
          assert_task (window, TRUE);
        }
      if (ml_lesson_step_get_question (step) != NULL)
        answer_question (window, step);
      /* The text fits: its scrolled part is no Tab stop that shows and does nothing. */
      g_assert_false (gtk_widget_get_focusable (card_child (window, "scroller")));

      /* A screen reader reads the next step, or the summary, from its heading. */
      ml_test_activate (card_child (window, "next_button"));
      g_assert_true (gtk_widget_has_focus (card_child (window, i + 1 < ml_lesson_get_n_steps (lesson)
                                                               ? "heading_label" : "summary_heading")));
    }

  /* Finished: what was learnt, and the way on. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (card_child (window, "stack")), ==, "summary");
  heading = g_strdup_printf ("Lesson complete: %s", ml_lesson_get_title (lesson));
  g_assert_cmpstr (ml_test_label (card_child (window, "summary_heading")), ==, heading);
  g_assert_cmpstr (ml_test_label (card_child (window, "summary_label")), ==, ml_lesson_get_summary (lesson));
  ml_test_click (card_child (window, "next_lesson_button"));
  g_assert_true (ml_lesson_run_get_lesson (run) == ml_lesson_pack_get_lesson (course, 1));
  g_assert_cmpuint (ml_lesson_run_get_step_index (run), ==, 0);
  close_window (window);

  /* A later start resumes where the learner left off. */
  window = ml_test_window_new ();
  run = ml_window_get_lesson_run (window);
  g_assert_true (ml_lesson_run_get_lesson (run) == ml_lesson_pack_get_lesson (course, 1));
  /* Its title has a colon of its own, so a dash parts it from the step's. */
  lesson = ml_lesson_pack_get_lesson (course, 1);
  last_heading = g_strdup_printf ("2. %s — %s", ml_lesson_get_title (lesson),
                                  ml_lesson_step_get_title (ml_lesson_get_step (lesson, 0)));
  g_assert_nonnull (strchr (ml_lesson_get_title (lesson), ':'));
  g_assert_cmpstr (ml_test_label (card_child (window, "heading_label")), ==, last_heading);
  close_window (window);
}

typedef struct {
  MlWindow *window;
  gboolean  painted;
  gboolean  lesson_shown;
  gboolean  listed;
} FirstFrame;

static void
first_frame_painted (GdkFrameClock *clock,
                     FirstFrame    *frame)
{
  MlLesson *lesson = ml_lesson_run_get_lesson (ml_window_get_lesson_run (frame->window));

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, frame);
  frame->painted = TRUE;
  frame->lesson_shown = lesson != NULL &&
                        gtk_widget_get_mapped (ml_test_window_child (frame->window, "lesson_card")) &&
                        g_strcmp0 (adw_window_title_get_subtitle (ml_test_window_child (frame->window, "window_title")),
                                   ml_lesson_get_title (lesson)) == 0;
  frame->listed = gtk_list_box_get_row_at_index (ml_test_window_lesson_list (frame->window), 1) != NULL;
}

static void
first_frame_realized (GtkWidget  *widget,
                      FirstFrame *frame)
{
  /* After the surface's own "paint" handler, which draws the frame, and before "after-paint". */
  g_signal_connect (gtk_widget_get_frame_clock (widget), "paint", G_CALLBACK (first_frame_painted), frame);
}

/* The window's first frame already shows the lesson the learner is at (the next one, after
 * the walk) and lists the lessons: no flash of the bare lab before the lesson. */
static void
test_lesson_first_frame (void)
{
  FirstFrame frame = { ml_window_new (NULL) };

  g_signal_connect (frame.window, "realize", G_CALLBACK (first_frame_realized), &frame);
  gtk_window_set_default_size (GTK_WINDOW (frame.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (frame.window));
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (frame.lesson_shown);
  g_assert_true (frame.listed);
  close_window (frame.window);
}

/* The relative luminance of an sRGB pixel, as WCAG defines it. */
static double
luminance (const guchar *bgra)
{
  double channel[3];

  for (int i = 0; i < 3; i++)
    {
      double c = bgra[2 - i] / 255.0;

      channel[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* The contrast of @label's strongest pixel, the core of its letters, against the lesson
 * card's ground at its top left corner, in the window as it renders it (the card's tint is
 * translucent, over the window's background). */
static double
text_contrast (MlWindow  *window,
               GtkWidget *label)
{
  GtkWidget *card = ml_test_window_child (window, "lesson_card");
  int width, height;
  g_autofree guchar *data = ml_test_render (GTK_WIDGET (window), &width, &height);
  graphene_rect_t bounds, card_bounds;
  double ground, best = 1;

  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (window), &bounds));
  g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (window), &card_bounds));
  ground = luminance (data + (((int)card_bounds.origin.y + 2) * width + (int)card_bounds.origin.x + 2) * 4);
  for (int y = MAX (0, bounds.origin.y); y < MIN (height, bounds.origin.y + bounds.size.height); y++)
    for (int x = MAX (0, bounds.origin.x); x < MIN (width, bounds.origin.x + bounds.size.width); x++)
      {
        double l = luminance (data + (y * width + x) * 4);

        best = MAX (best, (MAX (l, ground) + 0.05) / (MIN (l, ground) + 0.05));
      }
  return best;
}

/* The card's dimmed text, its step counter and the hint under a question that waits for its
 * task, stays readable on the card's tint: 4.5:1 at least (WCAG AA), light or dark. */
static void
test_lesson_dim_text_contrast (void)
{
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  g_autoptr(GtkCssProvider) style = ml_test_add_app_style ();

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      MlWindow *window;
      double counter, hint;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[i]);
      window = ml_test_window_new ();
      /* The first step of the first lesson, whatever earlier tests left: its question waits. */
      ml_window_open_lesson (window, ML_LESSON_PACK_BUILTIN_ID,
                             ml_lesson_get_id (ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 0)), 0);
      ml_test_wait_for_paint (window);
      g_assert_true (gtk_widget_get_mapped (card_child (window, "locked_label")));
      counter = text_contrast (window, card_child (window, "counter_label"));
      hint = text_contrast (window, card_child (window, "locked_label"));
      g_test_message ("%s: counter %.2f:1, hint %.2f:1", i ? "dark" : "light", counter, hint);
      g_assert_cmpfloat (counter, >=, 4.5);
      g_assert_cmpfloat (hint, >=, 4.5);
      close_window (window);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

/* The pixels of the window around a widget, a few more than its bounds on each side, where
 * its focus ring would be drawn. */
static GBytes *
render_around (MlWindow  *window,
               GtkWidget *widget)
{
  graphene_rect_t bounds;
  int width, height;
  g_autofree guchar *data = NULL;
  GByteArray *pixels = g_byte_array_new ();

  ml_test_wait_for_paint (window);
  data = ml_test_render (GTK_WIDGET (window), &width, &height);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  for (int y = MAX (0, bounds.origin.y - 5); y < MIN (height, bounds.origin.y + bounds.size.height + 5); y++)
    {
      int x = MAX (0, bounds.origin.x - 5);
      int end = MIN (width, bounds.origin.x + bounds.size.width + 5);

      g_byte_array_append (pixels, data + (y * width + x) * 4, (end - x) * 4);
    }
  return g_byte_array_free_to_bytes (pixels);
}

/* The feedback takes the focus, for a screen reader; it must not look like a place to type.
 * Answered with the mouse, it looks as it does unfocused: no text caret. From the keyboard it
 * shows a focus ring, so that the learner sees where the focus went. */
static void
test_lesson_verdict_focus (void)
{
  g_autoptr(GtkCssProvider) style = ml_test_add_app_style ();
  MlWindow *window = ml_test_window_new ();
  MlLessonStep *step;
  MlLessonQuestion *question;
  GtkWidget *verdict = card_child (window, "verdict_label");
  g_autofree char *choice = NULL;
  g_autoptr(GBytes) clicked = NULL;
  g_autoptr(GBytes) unfocused = NULL;
  g_autoptr(GBytes) keyboard = NULL;

  ml_window_open_lesson (window, ML_LESSON_PACK_BUILTIN_ID,
                         ml_lesson_get_id (ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 0)), 0);
  step = ml_lesson_run_get_step (ml_window_get_lesson_run (window));
  question = ml_lesson_step_get_question (step);
  play_solution (window, step);
  choice = ml_lesson_step_expand (step, ml_lesson_question_get_choice (question, 0));
  ml_test_wait_for_paint (window);

  /* A pointer click leaves the window without focus rings, as GTK keeps it after one. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  ml_test_click (find_choice (window, choice));
  g_assert_true (gtk_widget_has_focus (verdict));
  clicked = render_around (window, verdict);
  gtk_widget_grab_focus (card_child (window, "next_button"));
  unfocused = render_around (window, verdict);
  g_assert_true (g_bytes_equal (clicked, unfocused));

  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  gtk_widget_grab_focus (verdict);
  keyboard = render_around (window, verdict);
  g_assert_false (g_bytes_equal (keyboard, unfocused));

  close_window (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

/* With a lesson's answered step above the lab, at the window's default size, what the order
 * can lose is still in view: no scrolled window it sits in hides any of it. */
static void
test_lesson_loss_in_view (void)
{
  MlWindow *window = ml_test_window_new ();
  MlLesson *lesson = ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 6);
  MlLessonStep *step = ml_lesson_get_step (lesson, 1);
  GtkWidget *loss = ml_test_window_panel_child (window, "loss_value");
  g_autofree char *choice = NULL;
  graphene_rect_t bounds, view;

  ml_window_open_lesson (window, ML_LESSON_PACK_BUILTIN_ID, ml_lesson_get_id (lesson), 1);
  play_solution (window, step);
  choice = ml_lesson_step_expand (step, ml_lesson_question_get_choice (ml_lesson_step_get_question (step), 0));
  ml_test_click (find_choice (window, choice));
  ml_test_wait_for_paint (window);

  g_assert_true (gtk_widget_get_mapped (loss));
  g_assert_cmpstr (ml_test_label (loss), !=, "");
  g_assert_true (gtk_widget_compute_bounds (loss, GTK_WIDGET (window), &bounds));
  for (GtkWidget *w = loss; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        g_assert_true (gtk_widget_compute_bounds (w, GTK_WIDGET (window), &view));
        g_test_message ("loss %g..%g, scrolled view %g..%g", bounds.origin.y, bounds.origin.y + bounds.size.height,
                        view.origin.y, view.origin.y + view.size.height);
        g_assert_true (graphene_rect_contains_rect (&view, &bounds));
      }
  close_window (window);
}

/* Back, Reset and skipping always work: the learner is never trapped. */
static void
test_lesson_never_trapped (void)
{
  MlWindow *window = ml_test_window_new ();
  MlLessonRun *run = ml_window_get_lesson_run (window);
  MlLab *lab = ml_window_get_lab (window);
  MlLesson *lesson = ml_lesson_run_get_lesson (run);
  guint start = ml_lesson_run_get_step_index (run);
  double mark;

  /* Next skips a step whose task is not done. */
  ml_test_click (card_child (window, "next_button"));
  g_assert_cmpuint (ml_lesson_run_get_step_index (run), ==, start + 1);
  g_assert_true (ml_lesson_run_get_lesson (run) == lesson);

  /* Reset puts the lab back at the step's start. */
  mark = ml_account_get_mark_price (ml_lab_get_account (lab));
  ml_test_type (ml_test_window_child (window, "mark_entry"), "41000");
  ml_test_press_enter (ml_test_window_child (window, "mark_entry"));
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, 41000);
  ml_test_window_click_action (window, "lesson.reset-step");
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, mark);

  /* Back returns to the step before, and Free Practice leaves the lesson for the bare lab. */
  ml_test_window_click_action (window, "lesson.back");
  g_assert_cmpuint (ml_lesson_run_get_step_index (run), ==, start);
  ml_test_window_free_practice (window);
  g_assert_null (ml_lesson_run_get_lesson (run));
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, ML_LAB_FRESH_MARK_PRICE);
  close_window (window);
}


static char *
progress_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "margin-lab", "progress.json", NULL);
}

/* A progress file that cannot be read is kept aside and the learner is told; never reset silently. */
static void
test_lesson_corrupt_progress (void)
{
  g_autofree char *file = progress_file ();
  g_autofree char *aside = g_strconcat (file, ".corrupt", NULL);
  g_autofree char *folder = g_path_get_dirname (file);
  g_autofree char *kept = NULL;
  g_autofree char *shown = NULL;
  MlWindow *window;

  g_mkdir_with_parents (folder, 0700);
  g_remove (aside);
  ml_test_write_file (file, "{\"margin-lab-progress\": 1, \"steps\": [", -1);
  window = ml_test_window_new ();
  ml_test_iterate ();

  shown = ml_test_shown_text (ml_test_window_child (window, "toast_overlay"));
  g_assert_nonnull (strstr (shown, "Your lesson progress could not be read"));
  g_assert_nonnull (strstr (shown, "progress.json.corrupt"));
  kept = ml_test_read_file (aside, NULL);
  g_assert_cmpstr (kept, ==, "{\"margin-lab-progress\": 1, \"steps\": [");
  /* A fresh start, as for a newcomer: the first lesson. */
  g_assert_true (ml_lesson_run_get_lesson (ml_window_get_lesson_run (window)) ==
                 ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 0));

  close_window (window);

  /* Damaged while a window is open (by another program): the next save keeps it aside too. */
  window = ml_test_window_new ();
  ml_test_iterate ();
  g_clear_pointer (&shown, g_free);
  shown = ml_test_shown_text (ml_test_window_child (window, "toast_overlay"));
  g_assert_null (strstr (shown, "Your lesson progress could not be read"));
  g_remove (aside);
  ml_test_write_file (file, "not progress", -1);
  ml_test_click (card_child (window, "next_button"));
  ml_test_iterate ();
  g_clear_pointer (&kept, g_free);
  kept = ml_test_read_file (aside, NULL);
  g_assert_cmpstr (kept, ==, "not progress");
  g_clear_pointer (&shown, g_free);
  shown = ml_test_shown_text (ml_test_window_child (window, "toast_overlay"));
  g_assert_nonnull (strstr (shown, "Your lesson progress could not be read"));
  close_window (window);
}

/* An imported pack that can no longer be read is left out of the sidebar, and the learner is
 * told which file and why, as plain text. */
static void
test_lesson_broken_pack_told (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "margin-lab", "packs", NULL);
  g_autofree char *file = g_build_filename (folder, "<i>bad&amp;.mlpack", NULL);
  g_autofree char *shown = NULL;
  MlWindow *window;

  g_mkdir_with_parents (folder, 0700);
  ml_test_write_file (file, "{\"margin-lab-pack\": 1, \"id\": \"other\", <b>", -1);
  window = ml_test_window_new ();
  ml_test_iterate ();

  shown = ml_test_shown_text (ml_test_window_child (window, "toast_overlay"));
  g_assert_nonnull (strstr (shown, "A lesson pack could not be read and is left out: "));
  g_assert_nonnull (strstr (shown, "<i>bad&amp;.mlpack"));
  close_window (window);
  g_remove (file);
}

/* Reset Progress asks first: Cancel keeps everything, Reset forgets every check mark. */
static void
test_lesson_reset_progress (void)
{
  MlWindow *window = ml_test_window_new ();
  MlLessonRun *run = ml_window_get_lesson_run (window);
  MlProgress *progress = ml_lesson_run_get_progress (run);
  MlLesson *lesson = ml_lesson_run_get_lesson (run);
  const char *pack = ml_lesson_pack_get_id (ml_lesson_run_get_pack (run));
  AdwMessageDialog *dialog;

  ml_progress_set_done (progress, pack, ml_lesson_get_id (lesson), 0);
  g_assert_cmpuint (ml_progress_count_done (progress, pack, ml_lesson_get_id (lesson), 1), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-progress", NULL);
  ml_test_flush ();
  g_assert_nonnull (dialog = ml_test_find_message_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reset Progress?");
  ml_test_answer_dialog (dialog, "_Cancel");
  g_assert_cmpuint (ml_progress_count_done (progress, pack, ml_lesson_get_id (lesson), 1), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-progress", NULL);
  ml_test_flush ();
  ml_test_answer_dialog (ml_test_find_message_dialog (), "_Reset");
  g_assert_cmpuint (ml_progress_count_done (progress, pack, ml_lesson_get_id (lesson), 1), ==, 0);
  close_window (window);
}

static char *
sample_pack (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
}

/* The sidebar's row of @lesson, found by the title it shows. */
static GtkListBoxRow *
find_lesson_row (MlWindow *window,
                 MlLesson *lesson)
{
  GtkListBox *list = ml_test_window_lesson_list (window);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (row);

      for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), ml_lesson_get_title (lesson)) != NULL)
          return row;
    }
  g_error ("no row shows “%s”", ml_lesson_get_title (lesson));
}

/* An imported pack joins the sidebar under its title and opens; removing it asks first. */
static void
test_lesson_import_and_remove (void)
{
  g_autofree char *path = sample_pack ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MlWindow *window = ml_test_window_new ();
  MlLessonRun *run = ml_window_get_lesson_run (window);
  GtkWidget *sidebar = ml_test_window_child (window, "sidebar");
  g_autofree char *listed = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;
  MlLessonPack *pack;

  ml_window_import_pack (window, file);
  ml_test_flush ();
  pack = ml_lesson_run_get_pack (run);
  g_assert_nonnull (pack);
  g_assert_cmpstr (ml_lesson_pack_get_id (pack), !=, ML_LESSON_PACK_BUILTIN_ID);
  g_assert_true (ml_lesson_run_get_lesson (run) == ml_lesson_pack_get_lesson (pack, 0));
  title = g_strdup (ml_lesson_pack_get_title (pack));
  listed = ml_test_shown_text (sidebar);
  g_assert_nonnull (strstr (listed, title));
  g_assert_nonnull (strstr (listed, ml_lesson_get_title (ml_lesson_pack_get_lesson (pack, 0))));

  /* The pack asks for its lessons in order: the second waits for the first. */
  g_assert_true (ml_lesson_pack_get_in_order (pack));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_lesson_row (window, ml_lesson_pack_get_lesson (pack, 1)))));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_lesson_row (window, ml_lesson_pack_get_lesson (pack, 0)))));

  ml_test_click (ml_test_find_action (sidebar, "lesson.remove-pack"));
  ml_test_answer_dialog (ml_test_find_message_dialog (), "_Remove");
  ml_test_flush ();
  g_assert_null (ml_lesson_run_get_lesson (run));
  ml_test_iterate ();
  after = ml_test_shown_text (sidebar);
  g_assert_null (strstr (after, title));
  g_assert_null (ml_test_find_action (sidebar, "lesson.remove-pack"));
  close_window (window);
}

/* The file chooser the window shows (GTK's own, outside a sandbox), or NULL. */
static GtkFileChooser *
find_file_chooser (void)
{
  return (GtkFileChooser *)ml_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, TRUE);
}

/* A pack's folder is chosen as a folder, from the main menu: in the Flatpak, only then does the
 * portal grant the lessons beside the manifest. */
static void
test_lesson_import_folder (void)
{
  g_autofree char *path = sample_pack ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  MlWindow *window = ml_test_window_new ();
  MlLessonRun *run = ml_window_get_lesson_run (window);
  GtkFileChooser *chooser;
  MlLessonPack *pack;

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  /* GTK's own file chooser leaves GIO's and GVfs's worker threads' objects behind at exit,
   * which LeakSanitizer cannot tell from ours: the normal build runs this. */
  g_test_skip ("GTK's file chooser under LeakSanitizer");
  gtk_window_destroy (GTK_WINDOW (window));
  return;
#endif
#endif
  ml_test_window_click_menu_item (window, "Import Lesson Pack Folder…");
  g_assert_nonnull (chooser = find_file_chooser ());
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import Lesson Pack Folder");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == GTK_WINDOW (window));

  /* The learner goes into the pack's folder, sees it, and presses Import. The chooser loads
   * the folder in the background: on a busy machine a flush is not always enough. */
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

      if (chosen != NULL && g_file_equal (chosen, folder))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ml_test_flush ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  ml_test_flush ();
  g_assert_null (find_file_chooser ());
  pack = ml_lesson_run_get_pack (run);
  g_assert_nonnull (pack);
  g_assert_cmpstr (ml_lesson_pack_get_id (pack), !=, ML_LESSON_PACK_BUILTIN_ID);
  g_assert_true (ml_lesson_run_get_lesson (run) == ml_lesson_pack_get_lesson (pack, 0));
  close_window (window);
}

/* A broken pack is refused in a dialog that names the place and the problem; nothing changes. */
static void
test_lesson_import_broken (void)
{
  g_autofree char *dir = ml_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.mlpack", NULL);
  g_autoptr(GFile) file = NULL;
  MlWindow *window = ml_test_window_new ();
  MlLesson *before = ml_lesson_run_get_lesson (ml_window_get_lesson_run (window));
  AdwMessageDialog *dialog;

  ml_test_write_file (path, "{\"margin-lab-pack\": 1, \"id\": \"x\", \"title\": \"X\", \"lessons\": []}", -1);
  file = g_file_new_for_path (path);
  ml_window_import_pack (window, file);
  ml_test_flush ();
  g_assert_nonnull (dialog = ml_test_find_message_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import “broken.mlpack”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lessons"));
  ml_test_answer_dialog (dialog, "_Close");
  g_assert_true (ml_lesson_run_get_lesson (ml_window_get_lesson_run (window)) == before);
  close_window (window);
  ml_test_remove_tree (dir);
}

/* What This Simulator Leaves Out: from the main menu, and from the end of the last lesson. */
static void
test_lesson_limits (void)
{
  MlWindow *window = ml_test_window_new ();
  MlLessonPack *course = ml_lesson_pack_get_builtin ();
  MlLesson *last = ml_lesson_pack_get_lesson (course, ml_lesson_pack_get_n_lessons (course) - 1);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *limits = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (ml_window_open_lesson (window, ML_LESSON_PACK_BUILTIN_ID, ml_lesson_get_id (last),
                                        ml_lesson_get_n_steps (last) - 1));
  ml_test_flush ();
  ml_test_click (card_child (window, "next_button"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (card_child (window, "stack")), ==, "summary");
  g_assert_false (gtk_widget_get_visible (card_child (window, "next_lesson_button")));
  ml_test_click (card_child (window, "limits_button"));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ML_IS_LIMITS_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        limits = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (limits);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (limits)) == GTK_WINDOW (window));
  shown = ml_test_shown_text (limits);
  g_assert_nonnull (strstr (shown, "Funding"));
  g_assert_nonnull (strstr (shown, "Partial liquidation"));
  gtk_window_destroy (GTK_WINDOW (limits));
  close_window (window);
}

/* A menu's item, by the label it shows (mnemonic and all): the GtkModelButton around it. */
static GtkWidget *
find_item_by_text (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_ancestor (widget, g_type_from_name ("GtkModelButton"));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item_by_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu's item @text, the menu popped up as the learner opens it (its popover is made
 * then, the first time). */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    {
      GtkWidget *item;

      gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
      ml_test_flush ();
      item = find_item_by_text (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), text);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));
      ml_test_flush ();
      if (item != NULL)
        return item;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Export Worksheet… is in the main menu, greyed out in free practice and there once a lesson
 * is open. (The save dialog itself is not shown here: GTK's file chooser reads folders in GIO's
 * threads and leaves their allocations to the sanitizers; the worksheet it writes is tested in
 * test-worksheet and through the command line.) */
static void
test_lesson_worksheet (void)
{
  MlWindow *window = ml_test_window_new ();
  GtkWidget *item;

  ml_test_window_free_practice (window);
  g_assert_nonnull (item = find_menu_item (GTK_WIDGET (window), "Export _Worksheet…"));
  g_assert_false (gtk_widget_get_sensitive (item));

  gtk_widget_activate_action (GTK_WIDGET (window), "lesson.open", "(ss)", ML_LESSON_PACK_BUILTIN_ID, "worked-example");
  ml_test_flush ();
  g_assert_nonnull (item = find_menu_item (GTK_WIDGET (window), "Export _Worksheet…"));
  g_assert_true (gtk_widget_get_sensitive (item));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/lesson-window/walk", test_lesson_walk);
  g_test_add_func ("/lesson-window/first-frame", test_lesson_first_frame);
  g_test_add_func ("/lesson-window/never-trapped", test_lesson_never_trapped);
  g_test_add_func ("/lesson-window/dim-text-contrast", test_lesson_dim_text_contrast);
  g_test_add_func ("/lesson-window/verdict-focus", test_lesson_verdict_focus);
  g_test_add_func ("/lesson-window/loss-in-view", test_lesson_loss_in_view);
  g_test_add_func ("/lesson-window/corrupt-progress", test_lesson_corrupt_progress);
  g_test_add_func ("/lesson-window/broken-pack-told", test_lesson_broken_pack_told);
  g_test_add_func ("/lesson-window/reset-progress", test_lesson_reset_progress);
  g_test_add_func ("/lesson-window/import-and-remove", test_lesson_import_and_remove);
  g_test_add_func ("/lesson-window/import-folder", test_lesson_import_folder);
  g_test_add_func ("/lesson-window/import-broken", test_lesson_import_broken);
  g_test_add_func ("/lesson-window/limits", test_lesson_limits);
  g_test_add_func ("/lesson-window/worksheet", test_lesson_worksheet);

  return g_test_run ();
}
