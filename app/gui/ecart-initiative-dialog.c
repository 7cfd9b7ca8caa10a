/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-initiative-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-initiative-board.h"
#include "ecart-initiative-dialog.h"

/* The dialog that edits an initiative (or proposes a new one): title, description, status,
 * owner, due date (typed as YYYY-MM-DD or picked in a calendar), and the segment, attribute
 * and touchpoint it is about, chosen from the workspace. The fields say at once what cannot
 * be saved; Save saves everything as one edit. */

struct _EcartInitiativeDialog
{
  AdwWindow        parent_instance;

  EcartWorkspace  *workspace;
  EcartInitiative *initiative;
  GPtrArray       *segments;
  GPtrArray       *attributes;
  GPtrArray       *touchpoints;

  GtkWidget       *save_button;
  AdwEntryRow     *title_row;
  GtkTextView     *description_view;
  AdwComboRow     *status_row;
  AdwEntryRow     *owner_row;
  AdwEntryRow     *due_row;
  GtkPopover      *calendar_popover;
  GtkCalendar     *calendar;
  GtkLabel        *error_label;
  AdwComboRow     *segment_row;
  AdwComboRow     *attribute_row;
  AdwComboRow     *touchpoint_row;
};

G_DEFINE_FINAL_TYPE (EcartInitiativeDialog, ecart_initiative_dialog, ADW_TYPE_WINDOW)

/* Whether @text is a date written YYYY-MM-DD, a day that exists. */
gboolean
ecart_initiative_check_date (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_error (AdwEntryRow *row,
               const char  *message)
{
  ecart_gui_set_field_error (GTK_WIDGET (row), message, NULL);
}

static void
validate (EcartInitiativeDialog *self)
{
  g_autofree char *title = dup_text (self->title_row);
  g_autofree char *due = dup_text (self->due_row);
  g_autofree char *due_message = NULL;
  const char *title_message = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  if (title[0] == '\0')
    title_message = _("Type a title for the initiative.");
  if (due[0] != '\0' && !ecart_initiative_check_date (due))
    /* Translators: %s is what the user typed as a due date */
    due_message = g_strdup_printf (_("“%s” is not a date: type it as YYYY-MM-DD (2026-06-30), or pick a day in the calendar."),
                                   due);

  set_row_error (self->title_row, title_message);
  set_row_error (self->due_row, due_message);

  if (title_message != NULL)
    g_string_append (message, title_message);
  if (due_message != NULL)
    g_string_append_printf (message, "%s%s", message->len > 0 ? "\n" : "", due_message);
  gtk_label_set_label (self->error_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiative.save",
                                 title_message == NULL && due_message == NULL);
}

static void
on_calendar_popover_show_cb (EcartInitiativeDialog *self)
{
  g_autofree char *due = dup_text (self->due_row);
  g_autoptr(GDateTime) date = NULL;

  if (ecart_initiative_check_date (due))
    {
      g_autofree char *iso = g_strconcat (due, "T00:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, date);
}

static void
on_calendar_day_selected_cb (EcartInitiativeDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (!gtk_widget_get_visible (GTK_WIDGET (self->calendar_popover)))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->due_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* A combo row listing "None" then @list's items, named by @name_func (or their name). */
static GPtrArray *
fill_combo (AdwComboRow  *row,
            GListModel   *list,
            char       *(*name_func) (EcartWorkspace *, gpointer),
            EcartWorkspace *workspace,
            gint64        selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *items = g_ptr_array_new_with_free_func (unref_item);
  guint selected = 0;

  gtk_string_list_append (names, C_("linked item", "None"));
  g_ptr_array_add (items, NULL);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EcartItem) item = g_list_model_get_item (list, i);
      g_autofree char *name = name_func != NULL ? name_func (workspace, item)
                                                : g_strdup (ecart_item_get_name (item));

      if (ecart_item_get_id (item) == selected_id)
        selected = items->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (items, g_object_ref (item));
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  return items;
}

/* "Reception (Delivery & first use)": a touchpoint with its stage. */
static char *
touchpoint_name (EcartWorkspace *workspace,
                 gpointer        item)
{
  EcartStage *stage = ecart_workspace_find_stage (workspace, ecart_touchpoint_get_stage_id (item));

  if (stage == NULL)
    return g_strdup (ecart_item_get_name (item));
  /* Translators: a touchpoint and, in brackets, its journey stage */
  return g_strdup_printf (_("%s (%s)"), ecart_item_get_name (item), ecart_item_get_name (ECART_ITEM (stage)));
}

static gpointer
selected_item (AdwComboRow *row,
               GPtrArray   *items)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < items->len ? g_ptr_array_index (items, selected) : NULL;
}

static gint64
id_or_zero (gpointer item)
{
  return item != NULL ? ecart_item_get_id (item) : 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartInitiativeDialog *self = ECART_INITIATIVE_DIALOG (widget);
  g_autofree char *title = dup_text (self->title_row);
  g_autofree char *owner = dup_text (self->owner_row);
  g_autofree char *due = dup_text (self->due_row);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  EcartSegment *segment = selected_item (self->segment_row, self->segments);
  EcartAttribute *attribute = selected_item (self->attribute_row, self->attributes);
  EcartTouchpoint *touchpoint = selected_item (self->touchpoint_row, self->touchpoints);
  EcartInitiativeStatus status = adw_combo_row_get_selected (self->status_row);
  EcartInitiative *initiative = self->initiative;
  gboolean changed;

  if (self->workspace == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (initiative == NULL)
    {
      initiative = ecart_workspace_add_initiative (self->workspace, title, status, &error);
      if (initiative == NULL)
        {
          ecart_gui_show_error (widget, _("Could not add the initiative"), error);
          return;
        }
      changed = description[0] != '\0' || owner[0] != '\0' || due[0] != '\0'
                || segment != NULL || attribute != NULL || touchpoint != NULL;
    }
  else
    changed = g_strcmp0 (title, ecart_item_get_name (ECART_ITEM (initiative))) != 0
              || g_strcmp0 (description, ecart_initiative_get_description (initiative)) != 0
              || g_strcmp0 (owner, ecart_initiative_get_owner (initiative)) != 0
              || g_strcmp0 (due, ecart_initiative_get_due_date (initiative) != NULL
                                 ? ecart_initiative_get_due_date (initiative) : "") != 0
              || id_or_zero (segment) != ecart_initiative_get_segment_id (initiative)
              || id_or_zero (attribute) != ecart_initiative_get_attribute_id (initiative)
              || id_or_zero (touchpoint) != ecart_initiative_get_touchpoint_id (initiative);

  if (changed
      && !ecart_workspace_update_initiative (self->workspace, initiative, title, description, owner,
                                             due, segment, attribute, touchpoint, &error))
    {
      ecart_gui_show_error (widget, _("Could not save the initiative"), error);
      return;
    }

  if ((int)status != ecart_initiative_get_status (initiative)
      && !ecart_workspace_move_initiative (self->workspace, initiative, status,
                                           ecart_initiative_count_in_status (self->workspace, status),
                                           &error))
    {
      ecart_gui_show_error (widget, _("Could not change the status of the initiative"), error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
ecart_initiative_dialog_dispose (GObject *object)
{
  EcartInitiativeDialog *self = (EcartInitiativeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_INITIATIVE_DIALOG);

  g_clear_object (&self->workspace);
  g_clear_object (&self->initiative);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  g_clear_pointer (&self->touchpoints, g_ptr_array_unref);

  G_OBJECT_CLASS (ecart_initiative_dialog_parent_class)->dispose (object);
}

static void
ecart_initiative_dialog_class_init (EcartInitiativeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ecart_initiative_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-initiative-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, segment_row);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, attribute_row);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeDialog, touchpoint_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "initiative.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ecart_initiative_dialog_init (EcartInitiativeDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    gtk_string_list_append (statuses, ecart_initiative_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

static EcartInitiativeDialog *
create (GtkWindow       *parent,
        EcartWorkspace  *workspace,
        EcartInitiative *initiative,
        gint64           segment_id,
        gint64           attribute_id,
        gint64           touchpoint_id)
{
  EcartInitiativeDialog *self;
  const char *description;

  self = g_object_new (ECART_TYPE_INITIATIVE_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->initiative = initiative != NULL ? g_object_ref (initiative) : NULL;

  self->segments = fill_combo (self->segment_row, ecart_workspace_get_segments (workspace), NULL,
                               workspace, segment_id);
  self->attributes = fill_combo (self->attribute_row, ecart_workspace_get_attributes (workspace), NULL,
                                 workspace, attribute_id);
  self->touchpoints = fill_combo (self->touchpoint_row, ecart_workspace_get_touchpoints (workspace),
                                  touchpoint_name, workspace, touchpoint_id);

  if (initiative != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), ecart_item_get_name (ECART_ITEM (initiative)));
      description = ecart_initiative_get_description (initiative);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                description != NULL ? description : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->owner_row),
                             ecart_initiative_get_owner (initiative) != NULL
                             ? ecart_initiative_get_owner (initiative) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->due_row),
                             ecart_initiative_get_due_date (initiative) != NULL
                             ? ecart_initiative_get_due_date (initiative) : "");
      adw_combo_row_set_selected (self->status_row, ecart_initiative_get_status (initiative));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New Initiative"));

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

/**
 * ecart_initiative_dialog_new:
 *
 * Returns: (transfer none): a dialog editing @initiative
 */
GtkWidget *
ecart_initiative_dialog_new (GtkWindow       *parent,
                             EcartWorkspace  *workspace,
                             EcartInitiative *initiative)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_INITIATIVE (initiative), NULL);

  return GTK_WIDGET (create (parent, workspace, initiative,
                            ecart_initiative_get_segment_id (initiative),
                            ecart_initiative_get_attribute_id (initiative),
                            ecart_initiative_get_touchpoint_id (initiative)));
}

/**
 * ecart_initiative_dialog_new_proposal:
 * @segment: (nullable): @attribute: (nullable): what the new initiative is about
 *
 * Returns: (transfer none): a dialog proposing a new initiative, added when saved
 */
GtkWidget *
ecart_initiative_dialog_new_proposal (GtkWindow      *parent,
                                      EcartWorkspace *workspace,
                                      EcartSegment   *segment,
                                      EcartAttribute *attribute)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);

  return GTK_WIDGET (create (parent, workspace, NULL,
                            segment != NULL ? ecart_item_get_id (ECART_ITEM (segment)) : 0,
                            attribute != NULL ? ecart_item_get_id (ECART_ITEM (attribute)) : 0,
                            0));
}
