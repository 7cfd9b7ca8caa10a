/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ecart-communicate-page.h"
#include "ecart-desired-page.h"
#include "ecart-import-dialog.h"
#include "ecart-journey-page.h"
#include "ecart-measurements-page.h"
#include "ecart-overview-page.h"
#include "ecart-portfolio-page.h"
#include "ecart-presentation.h"
#include "ecart-proposed-page.h"
#include "ecart-report-export.h"
#include "ecart-dashboard-page.h"
#include "ecart-start-page.h"
#include "ecart-window.h"

/* EcartWindow shows either the start page or one workspace: a sidebar with the pages and
 * the segments, and the pages. The selected segment and page are window properties the
 * pages follow. */

struct _EcartWindow
{
  AdwApplicationWindow  parent_instance;

  EcartWorkspace       *workspace;
  EcartSegment         *segment;
  GFileMonitor         *monitor;
  GCancellable         *check_cancellable;
  gulong                undo_handler;
  gulong                redo_handler;
  gulong                name_handler;
  guint                 folded_idle;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  EcartStartPage       *start_page;
  AdwLeaflet           *leaflet;
  AdwHeaderBar         *sidebar_header;
  AdwHeaderBar         *content_header;
  GtkWidget            *back_button;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkListBox           *pages_list;
  GtkListBox           *segments_list;
  GtkStack             *page_stack;
  EcartOverviewPage    *overview_page;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
};

G_DEFINE_FINAL_TYPE (EcartWindow, ecart_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_SEGMENT,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_undo_actions (EcartWindow *self)
{
  gboolean can_undo = self->workspace != NULL && ecart_workspace_can_undo (self->workspace);
  gboolean can_redo = self->workspace != NULL && ecart_workspace_can_redo (self->workspace);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  /* Translators: tooltip of the Undo button, %s is what it undoes ("Rename segment") */
  undo_tip = can_undo ? g_strdup_printf (_("Undo “%s”"), ecart_workspace_get_undo_label (self->workspace))
                      : g_strdup (_("Undo"));
  /* Translators: tooltip of the Redo button, %s is what it redoes */
  redo_tip = can_redo ? g_strdup_printf (_("Redo “%s”"), ecart_workspace_get_redo_label (self->workspace))
                      : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);
}

static void
update_title (EcartWindow *self)
{
  const char *name = self->workspace != NULL ? ecart_workspace_get_name (self->workspace) : NULL;
  GtkStackPage *page;
  const char *page_title = NULL;

  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : PACKAGE_NAME);
  adw_window_title_set_title (self->sidebar_title, name != NULL ? name : PACKAGE_NAME);

  page = gtk_stack_get_page (self->page_stack, gtk_stack_get_visible_child (self->page_stack));
  if (page != NULL)
    page_title = gtk_stack_page_get_title (page);
  adw_window_title_set_title (self->content_title, page_title != NULL ? page_title : "");
  adw_window_title_set_subtitle (self->content_title,
                                 self->segment != NULL
                                 ? ecart_item_get_name (ECART_ITEM (self->segment)) : NULL);
}

static void
on_workspace_notify_cb (EcartWindow *self)
{
  update_undo_actions (self);
  update_title (self);
}

/* The file went away or cannot be written any more: editing stops and the window says so.
 * What is saved stays readable; "Save a Copy…" keeps it elsewhere. */
static void
stop_editing (EcartWindow *self,
              const char  *message)
{
  if (self->workspace == NULL)
    return;

  ecart_workspace_set_read_only (self->workspace, TRUE);
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  update_undo_actions (self);
}

static void
check_file (EcartWindow *self)
{
  const char *path;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->workspace == NULL)
    return;

  path = ecart_workspace_get_path (self->workspace);
  name = g_filename_display_basename (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” is no longer available: it was moved or deleted. "
                                 "Editing is stopped; save a copy to keep this workspace."),
                               name);
  else if (g_access (path, W_OK) != 0)
    message = g_strdup_printf (_("“%s” can no longer be written. Editing is stopped; save a "
                                 "copy to go on working."),
                               name);

  if (message != NULL)
    stop_editing (self, message);
}

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    EcartWindow       *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      check_file (self);
      break;
    default:
      break;
    }
}

/* The full check of a large file runs on a connection of its own, in a thread. */
static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(EcartDatabase) db = NULL;
  GError *error = NULL;

  db = ecart_database_open (task_data, ECART_DATABASE_FLAGS_READ_ONLY, &error);
  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EcartWindow *self = ECART_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      ecart_window_set_workspace (self, NULL);
      ecart_window_show_error (self, _("Could Not Open the Workspace"), error);
      return;
    }

  g_clear_object (&self->check_cancellable);
  if (self->workspace != NULL)
    {
      ecart_workspace_set_read_only (self->workspace, FALSE);
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      update_undo_actions (self);
      check_file (self);
    }
}

static void
start_check (EcartWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_filename_display_basename (ecart_workspace_get_path (self->workspace));
  g_autofree char *message = NULL;

  /* Editing waits for the check: nothing is written to a file that may be damaged. */
  ecart_workspace_set_read_only (self->workspace, TRUE);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Checking “%s”… It can be edited once the check is done."), name);
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);

  self->check_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->check_cancellable, on_check_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (ecart_workspace_get_path (self->workspace)), g_free);
  g_task_run_in_thread (task, check_thread);
}

static void
draw_segment_dot (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  EcartSegment *segment = g_object_get_data (G_OBJECT (area), "segment");
  GdkRGBA color;

  if (segment == NULL || !gdk_rgba_parse (&color, ecart_segment_get_color (segment)))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
create_segment_row (gpointer item,
                    gpointer user_data)
{
  EcartSegment *segment = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 12);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (dot), "segment", g_object_ref (segment), g_object_unref);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_segment_dot, NULL, NULL);
  g_signal_connect_object (segment, "notify::color", G_CALLBACK (gtk_widget_queue_draw), dot,
                           G_CONNECT_SWAPPED);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (segment, "name", label, "label", G_BINDING_SYNC_CREATE);

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_bind_property (segment, "name", row, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ecart_item_get_name (ECART_ITEM (segment)), -1);
  g_object_set_data (G_OBJECT (row), "segment", segment);
  return row;
}

static void
select_segment_row (EcartWindow *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->segments_list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "segment") == self->segment)
      {
        if (gtk_list_box_get_selected_row (self->segments_list) != row)
          gtk_list_box_select_row (self->segments_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->segments_list);
}

static void
on_segments_changed_cb (GListModel  *list,
                        guint        position,
                        guint        removed,
                        guint        added,
                        EcartWindow *self)
{
  /* The selected segment may have been deleted (or undone). */
  if (self->segment != NULL
      && ecart_workspace_find_segment (self->workspace,
                                       ecart_item_get_id (ECART_ITEM (self->segment))) == NULL)
    {
      g_autoptr(EcartSegment) first = g_list_model_get_item (list, 0);

      ecart_window_set_segment (self, first);
    }
  else if (self->segment == NULL && g_list_model_get_n_items (list) > 0)
    {
      g_autoptr(EcartSegment) first = g_list_model_get_item (list, 0);

      ecart_window_set_segment (self, first);
    }
  else
    select_segment_row (self);
}

static void
on_segments_list_row_selected_cb (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  EcartWindow   *self)
{
  if (row != NULL)
    ecart_window_set_segment (self, g_object_get_data (G_OBJECT (row), "segment"));
}

static void
on_segments_list_row_activated_cb (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   EcartWindow   *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_pages_list_row_activated_cb (GtkListBox    *list,
                                GtkListBoxRow *row,
                                EcartWindow   *self)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  ecart_window_set_page (self, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The sidebar's pages come in two groups: the workshop's material, then the four steps of
 * the method (DESIGN.md §1), each group under its heading. */
static const char *
page_group_title (GtkListBoxRow *row)
{
  static const char * const steps[] = { "desired", "communicate", "proposed", "dashboard" };
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (name, steps[i]) == 0)
      return _("The Four Steps");
  return _("Workshop");
}

static GtkWidget *
make_sidebar_heading (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
pages_list_header_func (GtkListBoxRow *row,
                        GtkListBoxRow *before,
                        gpointer       user_data)
{
  const char *title = page_group_title (row);

  if (before != NULL && g_strcmp0 (title, page_group_title (before)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) == NULL)
    gtk_list_box_row_set_header (row, make_sidebar_heading (title));
}

static void
on_page_stack_visible_child_cb (EcartWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->pages_list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      gtk_list_box_select_row (self->pages_list, row);

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Lets go of the workspace without touching the widgets: what disposing the window needs.
 * (Changing tooltips there would queue a tooltip query that GTK 4.8 runs after the window
 * is gone, on a NULL surface.) */
static void
release_workspace (EcartWindow *self)
{
  if (self->check_cancellable != NULL)
    {
      g_cancellable_cancel (self->check_cancellable);
      g_clear_object (&self->check_cancellable);
    }

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (ecart_workspace_get_segments (self->workspace), self);
      gtk_list_box_bind_model (self->segments_list, NULL, NULL, NULL, NULL);
    }
}

static gboolean
ecart_window_close_request (GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);
  GSettings *settings;
  int width;
  int height;

  if (ECART_IS_APPLICATION (app))
    {
      settings = ecart_application_get_settings (ECART_APPLICATION (app));
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (ecart_window_parent_class)->close_request (window);
}

static void
ecart_window_dispose (GObject *object)
{
  EcartWindow *self = (EcartWindow *)object;

  release_workspace (self);
  g_clear_handle_id (&self->folded_idle, g_source_remove);
  g_clear_object (&self->workspace);
  g_clear_object (&self->segment);

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_WINDOW);

  G_OBJECT_CLASS (ecart_window_parent_class)->dispose (object);
}

static void
ecart_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EcartWindow *self = ECART_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_SEGMENT:
      g_value_set_object (value, self->segment);
      break;
    case PROP_PAGE:
      g_value_set_string (value, ecart_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EcartWindow *self = ECART_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      ecart_window_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_SEGMENT:
      ecart_window_set_segment (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      ecart_window_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartWindow *self = ECART_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->workspace == NULL)
    return;

  /* The focused field saves what is being typed first, so that undo never loses it. A new
   * edit leaves nothing to redo. */
  if (gtk_root_get_focus (GTK_ROOT (self)) != NULL)
    gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (self)), "field.commit", NULL);
  if (g_str_equal (action_name, "win.redo") && !ecart_workspace_can_redo (self->workspace))
    return;

  ok = g_str_equal (action_name, "win.undo") ? ecart_workspace_undo (self->workspace, &error)
                                             : ecart_workspace_redo (self->workspace, &error);
  if (!ok)
    ecart_window_show_error (self, g_str_equal (action_name, "win.undo") ? _("Could not undo")
                                                                         : _("Could not redo"),
                             error);
}

static void
on_save_copy_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          EcartWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL
          && ecart_database_backup_to (ecart_workspace_get_database (self->workspace), path, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: %s is a file name */
          g_autofree char *title = g_strdup_printf (_("Copy saved as “%s”"), name);

          g_autofree char *markup = g_markup_escape_text (title, -1);

          /* A toast's title is markup; a file name is not. */
          ecart_window_add_toast (self, adw_toast_new (markup));
        }
      else if (error != NULL)
        ecart_window_show_error (self, _("Could not save a copy"), error);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EcartWindow *self = ECART_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->workspace == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name offered for a copy, %s is the workspace's name */
  name = g_strdup_printf (_("%s (copy).ecart"), ecart_workspace_get_name (self->workspace));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Folded, the sidebar and the content each show the window's buttons and the content a
 * way back. The leaflet says it folded while it is being allocated: the header bars change
 * after that allocation, not during it (which would leave the pages unallocated when they
 * are drawn). */
static gboolean
apply_folded_cb (gpointer data)
{
  EcartWindow *self = data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  self->folded_idle = 0;
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header, folded);
  adw_header_bar_set_show_start_title_buttons (self->content_header, folded);
  gtk_widget_set_visible (self->back_button, folded);
  return G_SOURCE_REMOVE;
}

static void
on_leaflet_folded_cb (EcartWindow *self)
{
  if (self->folded_idle == 0)
    self->folded_idle = g_idle_add (apply_folded_cb, self);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EcartWindow *self = ECART_WINDOW (widget);

  if (self->workspace == NULL)
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet,
                          adw_leaflet_get_visible_child (self->leaflet) == gtk_widget_get_first_child (GTK_WIDGET (self->leaflet))
                          ? ADW_NAVIGATION_DIRECTION_FORWARD : ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (ECART_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
close_workspace_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ecart_window_set_workspace (ECART_WINDOW (widget), NULL);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartWindow *self = ECART_WINDOW (widget);

  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->workspace == NULL)
    return;

  /* One presentation per window: F5 again brings it back to the front. */
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (ECART_IS_PRESENTATION (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      {
        gtk_window_present (l->data);
        return;
      }

  gtk_window_present (GTK_WINDOW (ecart_presentation_new (self->workspace, GTK_WINDOW (self))));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ecart_report_export_choose (ECART_WINDOW (widget));
}

static void
ecart_window_class_init (EcartWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ecart_window_dispose;
  object_class->get_property = ecart_window_get_property;
  object_class->set_property = ecart_window_set_property;

  window_class->close_request = ecart_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_object ("segment", NULL, NULL, ECART_TYPE_SEGMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ECART_TYPE_START_PAGE);
  g_type_ensure (ECART_TYPE_OVERVIEW_PAGE);
  g_type_ensure (ECART_TYPE_PORTFOLIO_PAGE);
  g_type_ensure (ECART_TYPE_JOURNEY_PAGE);
  g_type_ensure (ECART_TYPE_DESIRED_PAGE);
  g_type_ensure (ECART_TYPE_PROPOSED_PAGE);
  g_type_ensure (ECART_TYPE_COMMUNICATE_PAGE);
  g_type_ensure (ECART_TYPE_DASHBOARD_PAGE);
  g_type_ensure (ECART_TYPE_MEASUREMENTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ecart/Ecart/ecart-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, pages_list);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, segments_list);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, EcartWindow, banner_label);
  gtk_widget_class_bind_template_callback (widget_class, on_segments_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_segments_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pages_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.close-workspace", NULL, close_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  /* win.page::NAME shows a page (its shortcuts are the application's accels). */
  gtk_widget_class_install_property_action (widget_class, "win.page", "page");
  ecart_import_dialog_install_window_actions (widget_class);
}

/* Every page that has a `workspace` or a `segment` property follows the window's. */
static void
bind_pages (EcartWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (child);

      if (g_object_class_find_property (klass, "workspace") != NULL)
        g_object_bind_property (self, "workspace", child, "workspace", G_BINDING_SYNC_CREATE);
      if (g_object_class_find_property (klass, "segment") != NULL)
        g_object_bind_property (self, "segment", child, "segment", G_BINDING_SYNC_CREATE);
    }
}

static void
ecart_window_init (EcartWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bind_pages (self);
  gtk_list_box_set_header_func (self->pages_list, pages_list_header_func, NULL, NULL);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_folded_cb), self);
  apply_folded_cb (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-workspace", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  ecart_import_dialog_add_drop_target (GTK_WIDGET (self));
  update_undo_actions (self);
}

EcartWindow *
ecart_window_new (EcartApplication *application)
{
  EcartWindow *self;
  GSettings *settings = ecart_application_get_settings (application);

  self = g_object_new (ECART_TYPE_WINDOW,
                       "application", application,
                       "default-width", g_settings_get_int (settings, "window-width"),
                       "default-height", g_settings_get_int (settings, "window-height"),
                       NULL);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  return self;
}

EcartWorkspace *
ecart_window_get_workspace (EcartWindow *self)
{
  g_return_val_if_fail (ECART_IS_WINDOW (self), NULL);
  return self->workspace;
}

/**
 * ecart_window_set_workspace:
 * @workspace: (nullable): the workspace to show, or %NULL for the start page
 */
void
ecart_window_set_workspace (EcartWindow    *self,
                            EcartWorkspace *workspace)
{
  g_return_if_fail (ECART_IS_WINDOW (self));
  g_return_if_fail (workspace == NULL || ECART_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  release_workspace (self);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  ecart_window_set_segment (self, NULL);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      GListModel *segments = ecart_workspace_get_segments (workspace);

      gtk_list_box_bind_model (self->segments_list, segments, create_segment_row, self, NULL);
      g_signal_connect (segments, "items-changed", G_CALLBACK (on_segments_changed_cb), self);
      g_signal_connect_swapped (workspace, "notify::can-undo", G_CALLBACK (on_workspace_notify_cb), self);
      g_signal_connect_swapped (workspace, "notify::can-redo", G_CALLBACK (on_workspace_notify_cb), self);
      g_signal_connect_swapped (workspace, "notify::undo-label", G_CALLBACK (on_workspace_notify_cb), self);
      g_signal_connect_swapped (workspace, "notify::redo-label", G_CALLBACK (on_workspace_notify_cb), self);
      g_signal_connect_swapped (workspace, "notify::name", G_CALLBACK (on_workspace_notify_cb), self);

      if (g_list_model_get_n_items (segments) > 0)
        {
          g_autoptr(EcartSegment) first = g_list_model_get_item (segments, 0);

          ecart_window_set_segment (self, first);
        }

      {
        g_autoptr(GFile) file = g_file_new_for_path (ecart_workspace_get_path (workspace));

        self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
        if (self->monitor != NULL)
          g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed_cb), self);
      }

      if (ecart_database_get_check_pending (ecart_workspace_get_database (workspace)))
        start_check (self);

      ecart_window_set_page (self, "overview");
      on_page_stack_visible_child_cb (self);
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

      if (ecart_database_get_warning (ecart_workspace_get_database (workspace)) != NULL)
        {
          const char *warning = ecart_database_get_warning (ecart_workspace_get_database (workspace));
          g_autofree char *markup = g_markup_escape_text (warning, -1);

          ecart_window_add_toast (self, adw_toast_new (markup));
        }
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "start");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-workspace", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", workspace != NULL);
  update_undo_actions (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

EcartSegment *
ecart_window_get_segment (EcartWindow *self)
{
  g_return_val_if_fail (ECART_IS_WINDOW (self), NULL);
  return self->segment;
}

/**
 * ecart_window_set_segment:
 * @segment: (nullable): the segment the pages show
 */
void
ecart_window_set_segment (EcartWindow  *self,
                          EcartSegment *segment)
{
  g_return_if_fail (ECART_IS_WINDOW (self));
  g_return_if_fail (segment == NULL || ECART_IS_SEGMENT (segment));

  if (!g_set_object (&self->segment, segment))
    return;

  select_segment_row (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
}

const char *
ecart_window_get_page (EcartWindow *self)
{
  g_return_val_if_fail (ECART_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
ecart_window_set_page (EcartWindow *self,
                       const char  *page)
{
  g_return_if_fail (ECART_IS_WINDOW (self));

  if (page == NULL || gtk_stack_get_child_by_name (self->page_stack, page) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, page);
  /* On a folded window, the page slides into view (a shortcut, like a click in the
   * sidebar, goes to the page). */
  if (self->workspace != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
ecart_window_add_toast (EcartWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (ECART_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ecart_window_show_error:
 *
 * Tells the user what failed, in a dialog over the window: the title says what could not
 * be done, the body why (the error's message).
 */
void
ecart_window_show_error (EcartWindow  *self,
                         const char   *title,
                         const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (ECART_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* A write that failed because the file went away or turned read-only stops editing. */
  if (g_error_matches (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_READ_ONLY)
      || g_error_matches (error, ECART_DATABASE_ERROR, ECART_DATABASE_ERROR_IO))
    check_file (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), title, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
