/* ml-lesson-sidebar.c — the lessons a learner can take, with their progress marks
 *
 * Rows only name what to open: activating one runs lesson.open or lesson.free-practice, the
 * window's actions, so the sidebar holds no lesson state of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-lesson-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-lesson-sidebar.h"

struct _MlLessonSidebar
{
  GtkWidget        parent_instance;

  MlLessonLibrary *library;
  MlLessonRun     *run;
  guint            rebuild_source;

  GtkListBox      *list;
  GtkLabel        *overall_label;
  GtkProgressBar  *overall_bar;
};

G_DEFINE_FINAL_TYPE (MlLessonSidebar, ml_lesson_sidebar, GTK_TYPE_WIDGET)

/* What a lesson's row shows, and what the overall count adds up. */
typedef struct
{
  guint done;
  guint n_steps;
} LessonCount;

static LessonCount
ml_lesson_sidebar_count (MlLessonSidebar *self,
                         MlLessonPack    *pack,
                         MlLesson        *lesson)
{
  MlProgress *progress = ml_lesson_run_get_progress (self->run);
  LessonCount count = { 0, ml_lesson_get_n_steps (lesson) };

  if (progress != NULL)
    count.done = ml_progress_count_done (progress, ml_lesson_pack_get_id (pack), ml_lesson_get_id (lesson),
                                         count.n_steps);
  return count;
}

/* A row's title wraps. A grid, not a box: GTK 4.8's box measures a wrapping label's width
 * for its height on every allocation, a binary search of Pango layouts per row. Unlike a
 * box, a grid does not stretch its cells to a taller row, so it is centred in the row. */
static GtkWidget *
ml_lesson_sidebar_new_grid (int spacing)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), spacing);
  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  return grid;
}

static GtkWidget *
ml_lesson_sidebar_new_header (MlLessonPack *pack)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = ml_lesson_sidebar_new_grid (6);
  GtkWidget *label = gtk_label_new (ml_lesson_pack_get_title (pack));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "lesson-pack-header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, ml_lesson_pack_get_title (pack), -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);

  if (g_strcmp0 (ml_lesson_pack_get_id (pack), ML_LESSON_PACK_BUILTIN_ID) != 0)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: the button beside an imported lesson pack's title; %s is its title */
      g_autofree char *name = g_strdup_printf (_("Remove “%s”"), ml_lesson_pack_get_title (pack));

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove this lesson pack"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "lesson.remove-pack");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", ml_lesson_pack_get_id (pack));
      gtk_grid_attach (GTK_GRID (grid), remove, 1, 0, 1, 1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static GtkWidget *
ml_lesson_sidebar_new_row (const char *icon,
                           const char *title,
                           const char *status,
                           const char *spoken_status)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = ml_lesson_sidebar_new_grid (8);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *spoken = NULL;

  gtk_grid_attach (GTK_GRID (grid), gtk_image_new_from_icon_name (icon), 0, 0, 1, 1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
  if (status != NULL)
    {
      GtkWidget *mark = gtk_label_new (status);

      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_add_css_class (mark, "numeric");
      gtk_grid_attach (GTK_GRID (grid), mark, 2, 0, 1, 1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  /* Translators: how a screen reader names a lesson's row: its title, then its progress */
  spoken = spoken_status ? g_strdup_printf (_("%s, %s"), title, spoken_status) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

static GtkWidget *
ml_lesson_sidebar_new_lesson_row (MlLessonSidebar *self,
                                  MlLessonPack    *pack,
                                  MlLesson        *lesson,
                                  guint            index,
                                  gboolean         locked,
                                  LessonCount      count)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, ml_lesson_get_title (lesson));
  g_autofree char *status = NULL;
  g_autofree char *spoken = NULL;
  const char *icon;
  GtkWidget *row;

  if (locked)
    {
      icon = "system-lock-screen-symbolic";
      spoken = g_strdup (_("locked until the lesson before it is done"));
    }
  else if (count.done == count.n_steps)
    {
      icon = "object-select-symbolic";
      spoken = g_strdup (_("done"));
    }
  else
    {
      icon = count.done > 0 ? "radio-mixed-symbolic" : "radio-symbolic";
      /* Translators: a lesson's progress mark in the sidebar: steps done of its steps */
      status = g_strdup_printf (_("%u/%u"), count.done, count.n_steps);
      /* Translators: how a screen reader reads a lesson's progress mark */
      spoken = g_strdup_printf (_("%u of %u steps done"), count.done, count.n_steps);
    }

  row = ml_lesson_sidebar_new_row (icon, title, status, spoken);
  gtk_widget_set_sensitive (row, !locked);
  if (locked)
    gtk_widget_set_tooltip_text (row, _("This pack asks for its lessons in order: finish the one before"));
  g_object_set_data_full (G_OBJECT (row), "pack", g_strdup (ml_lesson_pack_get_id (pack)), g_free);
  g_object_set_data_full (G_OBJECT (row), "lesson", g_strdup (ml_lesson_get_id (lesson)), g_free);
  return row;
}

/* Adds @pack's rows; returns the row of the lesson being taken, if it is in @pack. */
static GtkWidget *
ml_lesson_sidebar_add_pack (MlLessonSidebar *self,
                            MlLessonPack    *pack,
                            guint           *lessons_done,
                            guint           *n_lessons,
                            guint           *steps_done,
                            guint           *n_steps)
{
  MlLesson *current = ml_lesson_run_get_lesson (self->run);
  GtkWidget *selected = NULL;
  gboolean previous_done = TRUE;

  gtk_list_box_append (self->list, ml_lesson_sidebar_new_header (pack));
  for (guint i = 0; i < ml_lesson_pack_get_n_lessons (pack); i++)
    {
      MlLesson *lesson = ml_lesson_pack_get_lesson (pack, i);
      LessonCount count = ml_lesson_sidebar_count (self, pack, lesson);
      gboolean locked = ml_lesson_pack_get_in_order (pack) && !previous_done && lesson != current;
      GtkWidget *row = ml_lesson_sidebar_new_lesson_row (self, pack, lesson, i, locked, count);

      gtk_list_box_append (self->list, row);
      if (lesson == current)
        selected = row;
      previous_done = count.done == count.n_steps;
      *lessons_done += previous_done;
      *n_lessons += 1;
      *steps_done += count.done;
      *n_steps += count.n_steps;
    }
  return selected;
}

static void
ml_lesson_sidebar_show_overall (MlLessonSidebar *self,
                                guint            lessons_done,
                                guint            n_lessons,
                                guint            steps_done,
                                guint            n_steps)
{
  /* Translators: the overall progress under the list of lessons */
  g_autofree char *text = g_strdup_printf (ngettext ("%u of %u lesson done", "%u of %u lessons done", n_lessons),
                                           lessons_done, n_lessons);

  gtk_label_set_text (self->overall_label, text);
  gtk_progress_bar_set_fraction (self->overall_bar, n_steps > 0 ? (double)steps_done / n_steps : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_bar), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
ml_lesson_sidebar_rebuild (MlLessonSidebar *self)
{
  GListModel *packs = ml_lesson_library_get_packs (self->library);
  guint lessons_done = 0, n_lessons = 0, steps_done = 0, n_steps = 0;
  GtkWidget *free_row, *selected = NULL;

  /* GTK 4.8 has no gtk_list_box_remove_all (). */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, child);
  free_row = ml_lesson_sidebar_new_row ("applications-science-symbolic", _("Free Practice"), NULL,
                                        _("the lab with no lesson"));
  gtk_list_box_append (self->list, free_row);

  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(MlLessonPack) pack = g_list_model_get_item (packs, i);
      GtkWidget *row = ml_lesson_sidebar_add_pack (self, pack, &lessons_done, &n_lessons, &steps_done, &n_steps);

      selected = selected ? selected : row;
    }

  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (selected ? selected : free_row));
  ml_lesson_sidebar_show_overall (self, lessons_done, n_lessons, steps_done, n_steps);
}

static gboolean
ml_lesson_sidebar_rebuild_idle (gpointer data)
{
  MlLessonSidebar *self = data;

  self->rebuild_source = 0;
  ml_lesson_sidebar_rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Progress is saved after each change, often several in one go: the rows follow once, before
 * the next frame is drawn. */
static void
ml_lesson_sidebar_queue_rebuild (MlLessonSidebar *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, ml_lesson_sidebar_rebuild_idle, self, NULL);
}

static void
ml_lesson_sidebar_row_activated (MlLessonSidebar *self,
                                 GtkListBoxRow   *row)
{
  const char *pack = g_object_get_data (G_OBJECT (row), "pack");
  const char *lesson = g_object_get_data (G_OBJECT (row), "lesson");

  if (pack != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "lesson.open", "(ss)", pack, lesson);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "lesson.free-practice", NULL);
}

static void
ml_lesson_sidebar_dispose (GObject *object)
{
  MlLessonSidebar *self = ML_LESSON_SIDEBAR (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_LESSON_SIDEBAR);
  g_clear_object (&self->library);
  g_clear_object (&self->run);

  G_OBJECT_CLASS (ml_lesson_sidebar_parent_class)->dispose (object);
}

static void
ml_lesson_sidebar_class_init (MlLessonSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_lesson_sidebar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lessonsidebar");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-lesson-sidebar.ui");
  /* Bound so that dispose_template () unparents the whole template. */
  gtk_widget_class_bind_template_child_full (widget_class, "box", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, MlLessonSidebar, list);
  gtk_widget_class_bind_template_child (widget_class, MlLessonSidebar, overall_label);
  gtk_widget_class_bind_template_child (widget_class, MlLessonSidebar, overall_bar);
}

static void
ml_lesson_sidebar_init (MlLessonSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (ml_lesson_sidebar_row_activated),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
ml_lesson_sidebar_new (void)
{
  return g_object_new (ML_TYPE_LESSON_SIDEBAR, NULL);
}

/**
 * ml_lesson_sidebar_bind:
 *
 * Lists @library's packs, marks the lesson @run is taking and follows both, and the progress.
 */
void
ml_lesson_sidebar_bind (MlLessonSidebar *self,
                        MlLessonLibrary *library,
                        MlLessonRun     *run)
{
  g_return_if_fail (ML_IS_LESSON_SIDEBAR (self));
  g_return_if_fail (ML_IS_LESSON_LIBRARY (library));
  g_return_if_fail (ML_IS_LESSON_RUN (run));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->run = g_object_ref (run);
  g_signal_connect_object (ml_lesson_library_get_packs (library), "items-changed",
                           G_CALLBACK (ml_lesson_sidebar_queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (run, "notify::lesson", G_CALLBACK (ml_lesson_sidebar_queue_rebuild), self, G_CONNECT_SWAPPED);
  if (ml_lesson_run_get_progress (run) != NULL)
    g_signal_connect_object (ml_lesson_run_get_progress (run), "changed",
                             G_CALLBACK (ml_lesson_sidebar_queue_rebuild), self, G_CONNECT_SWAPPED);
  ml_lesson_sidebar_rebuild (self);
}
