/* ml-position-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The positions list builds rows lazily: a GtkListView makes an MlPositionRow for each place
 * on screen and binds it to whichever position scrolls there, so a scenario of a thousand
 * positions opens as fast as one of three, and a mark move updates only the rows bound. The
 * rows are not selectable: their buttons are what acts on a position.
 */

#define G_LOG_DOMAIN "ml-position-list"

#include "config.h"

#include "ml-position-list.h"
#include "ml-position-row.h"

struct _MlPositionList
{
  GtkWidget       parent_instance;

  MlAccount      *account;

  GtkStack       *stack;
  GtkListView    *list_view;
  GtkNoSelection *selection;

  guint           removed_at;  /* where rows last went, for the focus to stay there */
  guint           refocus_id;
};

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MlPositionList, ml_position_list, GTK_TYPE_WIDGET)

static void
ml_position_list_setup (MlPositionList *self,
                        GtkListItem    *item)
{
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, ml_position_row_new (NULL, NULL));
}

static void
ml_position_list_bind (MlPositionList *self,
                       GtkListItem    *item)
{
  ml_position_row_set_position (ML_POSITION_ROW (gtk_list_item_get_child (item)), self->account,
                                gtk_list_item_get_item (item));
}

/* An unbound row follows nothing, so rows scrolled away cost nothing on a mark move. */
static void
ml_position_list_unbind (MlPositionList *self,
                         GtkListItem    *item)
{
  ml_position_row_set_position (ML_POSITION_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
ml_position_list_update_empty (MlPositionList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* The row showing the position at @index, if it is on screen. */
static GtkWidget *
ml_position_list_find_row (MlPositionList *self,
                           guint           index)
{
  g_autoptr(MlPosition) position = g_list_model_get_item (G_LIST_MODEL (self->selection), index);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (ML_IS_POSITION_ROW (row) && gtk_widget_get_mapped (row)
          && ml_position_row_get_position (ML_POSITION_ROW (row)) == position)
        return row;
    }
  return NULL;
}

/* Closing or removing a position from its row takes the row away, and GTK leaves the window
 * with no focus at all: Tab then goes nowhere. The focus goes instead to the row that took its
 * place, or the one before it, or, when the list is empty, back to what is before the list,
 * as Shift+Tab would. */
static gboolean
ml_position_list_refocus (gpointer data)
{
  MlPositionList *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  GtkWidget *focus, *row;

  self->refocus_id = 0;
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (root == NULL || (focus != NULL && gtk_widget_get_mapped (focus)))
    return G_SOURCE_REMOVE;
  if (n > 0 && (row = ml_position_list_find_row (self, MIN (self->removed_at, n - 1))) != NULL
      && gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD))
    return G_SOURCE_REMOVE;
  gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_BACKWARD);
  return G_SOURCE_REMOVE;
}

/* Connected to the account's positions before the list's own view is, so that the focus is
 * still on the row about to go. */
static void
ml_position_list_positions_changed (MlPositionList *self,
                                    guint           position,
                                    guint           removed,
                                    guint           added)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (removed > added && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self))
      && self->refocus_id == 0)
    {
      self->removed_at = position;
      self->refocus_id = g_idle_add_full (GTK_PRIORITY_RESIZE + 10, ml_position_list_refocus, self, NULL);
    }
}

/* Tab leaves the list after the focused row's last button, rather than walking through every
 * row's buttons: the arrows move between rows. */
static gboolean
ml_position_list_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ML_TYPE_POSITION_ROW) : NULL;

  if (row != NULL && gtk_widget_is_ancestor (row, widget)
      && (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    return gtk_widget_child_focus (row, direction);
  return GTK_WIDGET_CLASS (ml_position_list_parent_class)->focus (widget, direction);
}

static void
ml_position_list_dispose (GObject *object)
{
  MlPositionList *self = ML_POSITION_LIST (object);

  g_clear_handle_id (&self->refocus_id, g_source_remove);
  ml_position_list_set_account (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_POSITION_LIST);
  G_OBJECT_CLASS (ml_position_list_parent_class)->dispose (object);
}

static void
ml_position_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MlPositionList *self = ML_POSITION_LIST (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_position_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MlPositionList *self = ML_POSITION_LIST (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      ml_position_list_set_account (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_position_list_class_init (MlPositionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_position_list_dispose;
  object_class->get_property = ml_position_list_get_property;
  object_class->set_property = ml_position_list_set_property;
  widget_class->focus = ml_position_list_focus;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ML_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "positionlist");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-position-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MlPositionList, stack);
  gtk_widget_class_bind_template_child (widget_class, MlPositionList, list_view);
  gtk_widget_class_bind_template_child (widget_class, MlPositionList, selection);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_list_setup);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_list_bind);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_list_unbind);
}

static void
ml_position_list_init (MlPositionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (ml_position_list_update_empty),
                           self, G_CONNECT_SWAPPED);
  ml_position_list_update_empty (self);
}

GtkWidget *
ml_position_list_new (void)
{
  return g_object_new (ML_TYPE_POSITION_LIST, NULL);
}

MlAccount *
ml_position_list_get_account (MlPositionList *self)
{
  g_return_val_if_fail (ML_IS_POSITION_LIST (self), NULL);
  return self->account;
}

/**
 * ml_position_list_set_account:
 * @account: (nullable): the account whose positions to show
 */
void
ml_position_list_set_account (MlPositionList *self,
                              MlAccount      *account)
{
  g_return_if_fail (ML_IS_POSITION_LIST (self));
  g_return_if_fail (account == NULL || ML_IS_ACCOUNT (account));

  if (self->account == account)
    return;
  /* The rows are unbound from the old account's positions before it goes. */
  gtk_no_selection_set_model (self->selection, NULL);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_func (ml_account_get_positions (self->account),
                                          ml_position_list_positions_changed, self);
  g_set_object (&self->account, account);
  if (account != NULL)
    {
      g_signal_connect_swapped (ml_account_get_positions (account), "items-changed",
                                G_CALLBACK (ml_position_list_positions_changed), self);
      gtk_no_selection_set_model (self->selection, ml_account_get_positions (account));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}
