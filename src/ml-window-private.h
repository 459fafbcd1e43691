/* ml-window-private.h — what ml-window.c and ml-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-chart-view.h"
#include "ml-explain-button.h"
#include "ml-lesson-card.h"
#include "ml-lesson-sidebar.h"
#include "ml-order-panel.h"
#include "ml-position-list.h"
#include "ml-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes have been saved or discarded. */
typedef void (*MlWindowThen) (MlWindow *self,
                              GFile    *file);

struct _MlWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  MlLab                *lab;
  MlLessonLibrary      *library;
  MlLessonRun          *run;
  gboolean              lessons_loaded;  /* the sidebar is filled, the learner's place resumed */
  gboolean              lesson_chosen;   /* a lesson or free practice was asked for: no resuming */
  guint                 play_source;
  double                play_speed;      /* path steps per PLAY_INTERVAL_MS */
  double                mark_shown;      /* what the mark entry was last given to show */
  gboolean              sliding;         /* the mark slider is being moved: its ends stay put */
  gboolean              close_confirmed; /* unsaved changes were saved or discarded */
  MlWindowThen          then;            /* waits for the unsaved changes dialog */
  GFile                *then_file;
  /* Presentation mode, and what it puts back on leaving */
  GSimpleAction        *presentation_action;
  gboolean              presenting;
  gboolean              presentation_fullscreen; /* it made the window fullscreen */
  gboolean              presentation_revealed;   /* the sidebar was shown */
  gboolean              presentation_locked;     /* and opened or closed by itself */
  AdwColorScheme        presentation_scheme;
  int                   presentation_width, presentation_height;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *header_bar;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  MlLessonSidebar      *sidebar;
  MlLessonCard         *lesson_card;
  GtkWidget            *lab_scroller;
  GtkWidget            *compare_button;
  MlOrderPanel         *order_panel;
  GtkWidget            *account_bar;
  MlExplainButton      *wallet_button;
  MlExplainButton      *equity_button;
  MlExplainButton      *pool_button;
  MlExplainButton      *ratio_button;
  MlChartView          *chart_view;
  GtkWidget            *path_box;
  GtkLabel             *path_label;
  GtkMenuButton        *speed_button;
  GtkMenuButton        *main_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *speed_menu;
  GtkScale             *mark_scale;
  GtkAdjustment        *mark_adjustment;
  GtkEntry             *mark_entry;
  GtkLabel             *mark_error;
  GtkButton            *play_button;
  GtkWidget            *reset_zoom_button;
  MlPositionList       *position_list;
  GtkWidget            *leave_presentation_button;
};

void     _ml_window_class_add_actions (GtkWidgetClass *widget_class);
void     _ml_window_add_actions       (MlWindow       *self);
void     _ml_window_update_actions    (MlWindow       *self);
void     _ml_window_update_title      (MlWindow       *self);
void     _ml_window_toast             (MlWindow       *self,
                                       const char     *message);
void     _ml_window_toast_error       (MlWindow       *self,
                                       GError         *error);
void     _ml_window_show_error        (MlWindow       *self,
                                       const char     *heading,
                                       const char     *message);
void     _ml_window_show_file_error   (MlWindow       *self,
                                       gboolean        saving,
                                       GFile          *file,
                                       const GError   *error);
void     _ml_window_stop_playing      (MlWindow       *self);
void     _ml_window_confirm_discard   (MlWindow       *self,
                                       MlWindowThen    then,
                                       GFile          *file);
void     _ml_window_class_add_lesson_actions (GtkWidgetClass *widget_class);
void     _ml_window_setup_lessons     (MlWindow       *self);
void     _ml_window_update_lesson_actions (MlWindow   *self);
void     _ml_window_setup_presentation (MlWindow      *self);
void     _ml_window_dispose_presentation (MlWindow    *self);
GtkFileChooserNative *_ml_window_new_chooser      (MlWindow             *self,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept);
GFile   *_ml_window_take_chosen_file  (GtkNativeDialog *dialog,
                                       int              response);
void     _ml_window_save_as           (MlWindow       *self,
                                       MlWindowThen    then);

G_END_DECLS
