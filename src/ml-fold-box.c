/* ml-fold-box.c — children side by side, or one above the other where there is no room
 *
 * The mark bar holds the price path's controls and the mark's. Side by side they fit any
 * English window; a long translation in a narrow window needs more than the width there is.
 * GtkFlowBox would wrap them, but it shares each line out in equal columns, and the mark's
 * slider should take everything the path's controls leave. An MlFoldBox lays its children out
 * as a horizontal GtkBox does while their minimum widths fit, giving the extra width to the
 * children that expand, and otherwise stacks them, each the full width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ml-fold-box.h"

struct _MlFoldBox
{
  GtkWidget parent_instance;
};

static void ml_fold_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MlFoldBox, ml_fold_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, ml_fold_box_buildable_init))

#define SPACING 6

static GtkBuildableIface *ml_fold_box_parent_buildable;

static void
ml_fold_box_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    ml_fold_box_parent_buildable->add_child (buildable, builder, child, type);
}

static void
ml_fold_box_buildable_init (GtkBuildableIface *iface)
{
  ml_fold_box_parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = ml_fold_box_buildable_add_child;
}

/* The mark bar folds two; a few more would do. */
#define MAX_CHILDREN 8

/* The sum of the shown children's minimum widths, with the spacing between them. */
static int
ml_fold_box_line_width (GtkWidget *widget)
{
  int width = 0, n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      width += min;
      n++;
    }
  return width + MAX (n - 1, 0) * SPACING;
}

/* The children's widths on one line @width wide, as a horizontal GtkBox gives them: each its
 * minimum, then towards its natural width, then what is left to those that expand. */
static guint
ml_fold_box_share_line (GtkWidget  *widget,
                        int         width,
                        GtkWidget **children,
                        int        *widths)
{
  GtkRequestedSize sizes[MAX_CHILDREN];
  guint n = 0, n_expand = 0;
  int extra = width;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && n < MAX_CHILDREN; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[n].minimum_size, &sizes[n].natural_size, NULL, NULL);
      sizes[n].data = children[n] = child;
      extra -= sizes[n].minimum_size + (n > 0 ? SPACING : 0);
      n_expand += gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      n++;
    }
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (guint i = 0; i < n; i++)
    widths[i] = sizes[i].minimum_size +
                (gtk_widget_compute_expand (children[i], GTK_ORIENTATION_HORIZONTAL) ? extra / n_expand : 0);
  return n;
}

static void
ml_fold_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GtkWidget *children[MAX_CHILDREN];
  int widths[MAX_CHILDREN];
  guint n = 0;
  gboolean line;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The narrowest is one child a line; the natural width, all on one. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (n++ > 0 ? SPACING : 0);
        }
      return;
    }

  line = for_size < 0 || for_size >= ml_fold_box_line_width (widget);
  if (line)
    n = ml_fold_box_share_line (widget, MAX (for_size, ml_fold_box_line_width (widget)), children, widths);
  else
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child && n < MAX_CHILDREN; child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_should_layout (child))
        {
          children[n] = child;
          widths[n++] = for_size;
        }

  for (guint i = 0; i < n; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (children[i], orientation, widths[i], &child_min, &child_nat, NULL, NULL);
      if (line)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          *minimum += child_min + (i > 0 ? SPACING : 0);
          *natural += child_nat + (i > 0 ? SPACING : 0);
        }
    }
}

static void
ml_fold_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GtkWidget *children[MAX_CHILDREN];
  int widths[MAX_CHILDREN];
  int x = 0, y = 0;
  guint n;

  if (width >= ml_fold_box_line_width (widget))
    {
      /* From the start edge: from the right in a right-to-left language. */
      n = ml_fold_box_share_line (widget, width, children, widths);
      for (guint i = 0; i < n; i++)
        {
          gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

          gtk_widget_size_allocate (children[i],
                                    &(GtkAllocation) { rtl ? width - x - widths[i] : x, 0, widths[i], height }, -1);
          x += widths[i] + SPACING;
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + SPACING;
    }
}

static GtkSizeRequestMode
ml_fold_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ml_fold_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ml_fold_box_parent_class)->dispose (object);
}

static void
ml_fold_box_class_init (MlFoldBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_fold_box_dispose;
  widget_class->measure = ml_fold_box_measure;
  widget_class->size_allocate = ml_fold_box_size_allocate;
  widget_class->get_request_mode = ml_fold_box_get_request_mode;
}

static void
ml_fold_box_init (MlFoldBox *self)
{
}
