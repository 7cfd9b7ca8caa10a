/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-initiative-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ecart-gui-util.h"
#include "ecart-initiative-board.h"
#include "ecart-initiative-card.h"
#include "ecart-initiative-dialog.h"

/* One initiative on the board: its title, the segment, attribute and touchpoint it is
 * about, its owner and due date. Enter (or a click) edits it; its menu and shortcuts move it
 * to another status or place, and delete it. */

struct _EcartInitiativeCard
{
  GtkListBoxRow    parent_instance;

  EcartWorkspace  *workspace;
  EcartInitiative *initiative;

  GtkLabel        *title_label;
  GtkMenuButton   *menu_button;
  GtkWidget       *segment_box;
  GtkWidget       *segment_dot;
  GtkLabel        *segment_label;
  GtkLabel        *link_label;
  GtkWidget       *owner_box;
  GtkLabel        *owner_label;
  GtkWidget       *due_box;
  GtkLabel        *due_label;
};

G_DEFINE_FINAL_TYPE (EcartInitiativeCard, ecart_initiative_card, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_INITIATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static EcartSegment *
find_segment (EcartInitiativeCard *self)
{
  gint64 id = ecart_initiative_get_segment_id (self->initiative);

  return id > 0 && self->workspace != NULL ? ecart_workspace_find_segment (self->workspace, id) : NULL;
}

static void
draw_segment_dot (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  EcartSegment *segment = find_segment (user_data);
  GdkRGBA color;

  if (segment == NULL || !gdk_rgba_parse (&color, ecart_segment_get_color (segment)))
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* "31 May 2025", or NULL for no (valid) date. */
static char *
format_due_date (const char  *date,
                 gboolean    *overdue)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = NULL;

  *overdue = FALSE;
  if (date == NULL || date[0] == '\0')
    return NULL;

  iso = g_strconcat (date, "T00:00:00", NULL);
  due = g_date_time_new_from_iso8601 (iso, g_date_time_get_timezone (now));
  if (due == NULL)
    return g_strdup (date);

  *overdue = g_date_time_compare (due, now) < 0
             && g_date_time_get_day_of_year (due) != g_date_time_get_day_of_year (now);
  /* Translators: a due date, see the strftime() manual ("31 May 2025") */
  return g_date_time_format (due, _("%-d %b %Y"));
}

static void
update (EcartInitiativeCard *self)
{
  EcartSegment *segment = find_segment (self);
  gint64 attribute_id = ecart_initiative_get_attribute_id (self->initiative);
  gint64 touchpoint_id = ecart_initiative_get_touchpoint_id (self->initiative);
  EcartAttribute *attribute = NULL;
  EcartTouchpoint *touchpoint = NULL;
  const char *title = ecart_item_get_name (ECART_ITEM (self->initiative));
  const char *owner = ecart_initiative_get_owner (self->initiative);
  g_autofree char *link = NULL;
  g_autofree char *due = NULL;
  g_autofree char *menu = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean overdue = FALSE;
  gboolean done = ecart_initiative_get_status (self->initiative) == ECART_INITIATIVE_DONE;

  if (self->workspace != NULL)
    {
      if (attribute_id > 0)
        attribute = ecart_workspace_find_attribute (self->workspace, attribute_id);
      if (touchpoint_id > 0)
        touchpoint = ecart_workspace_find_touchpoint (self->workspace, touchpoint_id);
    }

  gtk_label_set_label (self->title_label, title);

  gtk_widget_set_visible (self->segment_box, segment != NULL);
  if (segment != NULL)
    {
      gtk_label_set_label (self->segment_label, ecart_item_get_name (ECART_ITEM (segment)));
      gtk_widget_queue_draw (self->segment_dot);
      /* Translators: part of a card's description read by screen readers */
      g_string_append_printf (description, _("Segment: %s. "), ecart_item_get_name (ECART_ITEM (segment)));
    }

  if (attribute != NULL && touchpoint != NULL)
    /* Translators: what an initiative is about, "attribute · touchpoint" */
    link = g_strdup_printf (_("%s · %s"), ecart_item_get_name (ECART_ITEM (attribute)),
                            ecart_item_get_name (ECART_ITEM (touchpoint)));
  else if (attribute != NULL)
    link = g_strdup (ecart_item_get_name (ECART_ITEM (attribute)));
  else if (touchpoint != NULL)
    link = g_strdup (ecart_item_get_name (ECART_ITEM (touchpoint)));
  gtk_label_set_label (self->link_label, link != NULL ? link : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_label), link != NULL);
  if (attribute != NULL)
    g_string_append_printf (description, _("Attribute: %s. "), ecart_item_get_name (ECART_ITEM (attribute)));
  if (touchpoint != NULL)
    g_string_append_printf (description, _("Touchpoint: %s. "), ecart_item_get_name (ECART_ITEM (touchpoint)));

  gtk_label_set_label (self->owner_label, owner != NULL ? owner : "");
  gtk_widget_set_visible (self->owner_box, owner != NULL && owner[0] != '\0');
  if (owner != NULL && owner[0] != '\0')
    g_string_append_printf (description, _("Owner: %s. "), owner);

  due = format_due_date (ecart_initiative_get_due_date (self->initiative), &overdue);
  overdue = overdue && !done;
  gtk_label_set_label (self->due_label, due != NULL ? due : "");
  gtk_widget_set_visible (self->due_box, due != NULL);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_label), overdue ? _("Overdue") : _("Due date"));
  if (due != NULL)
    g_string_append_printf (description, overdue ? _("Overdue since %s. ") : _("Due %s. "), due);

  menu = g_strdup_printf (_("Actions for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, g_strchomp (description->str),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu, -1);
}

static GtkWidget *
board_of (EcartInitiativeCard *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), ECART_TYPE_INITIATIVE_BOARD);
}

static void
move (EcartInitiativeCard   *self,
      EcartInitiativeStatus  status,
      guint                  index)
{
  GtkWidget *board = board_of (self);
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;

  if (board != NULL)
    ecart_initiative_board_move (ECART_INITIATIVE_BOARD (board), self->initiative, status, index);
  else if (!ecart_workspace_move_initiative (self->workspace, self->initiative, status, index, &error))
    ecart_gui_show_error (GTK_WIDGET (self), _("Could not move the initiative"), error);
}

/* Actions --------------------------------------------------------------------------------- */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace == NULL)
    return;

  gtk_window_present (GTK_WINDOW (ecart_initiative_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               self->workspace, self->initiative)));
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (widget);
  int status = g_variant_get_int32 (parameter);

  if (self->workspace == NULL || status < 0 || status >= ECART_N_INITIATIVE_STATUSES
      || status == ecart_initiative_get_status (self->initiative))
    return;

  /* To the end of the other column. */
  move (self, status, ecart_initiative_count_in_status (self->workspace, status));
}

static void
move_status_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (widget);
  int direction = g_str_equal (action_name, "card.move-previous-status") ? -1 : 1;
  int status = ecart_initiative_get_status (self->initiative) + direction;

  if (self->workspace == NULL || status < 0 || status >= ECART_N_INITIATIVE_STATUSES)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  move (self, status, ecart_initiative_count_in_status (self->workspace, status));
}

static void
move_place_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (widget);
  int status;
  guint index;
  guint count;

  if (self->workspace == NULL)
    return;

  status = ecart_initiative_get_status (self->initiative);
  index = ecart_initiative_index_in_status (self->workspace, self->initiative);
  count = ecart_initiative_count_in_status (self->workspace, status);

  if (g_str_equal (action_name, "card.move-up"))
    {
      if (index == 0)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      move (self, status, index - 1);
    }
  else
    {
      if (index + 1 >= count)
        {
          gtk_widget_error_bell (widget);
          return;
        }
      move (self, status, index + 1);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (widget);
  GtkWidget *toplevel = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartInitiativeCard) keep = NULL;

  if (self->workspace == NULL || toplevel == NULL)
    return;

  /* Translators: %s is the title of an initiative */
  title = g_strdup_printf (_("Initiative “%s” deleted"), ecart_item_get_name (ECART_ITEM (self->initiative)));
  keep = g_object_ref (self);
  if (!ecart_workspace_delete_initiative (self->workspace, self->initiative, &error))
    ecart_gui_show_error (toplevel, _("Could not delete the initiative"), error);
  else
    ecart_gui_toast_undo (toplevel, title);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  EcartInitiativeCard *self = user_data;
  /* The statuses with a mnemonic each, for the keyboard. */
  static const char *move_labels[] = {
    N_("_Idea"), N_("_Planned"), N_("In P_rogress"), N_("_Done"),
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) places = g_menu_new ();
  g_autoptr(GMenu) delete = g_menu_new ();
  int status = ecart_initiative_get_status (self->initiative);
  guint index = 0;
  guint count = 0;

  if (self->workspace != NULL)
    {
      index = ecart_initiative_index_in_status (self->workspace, self->initiative);
      count = ecart_initiative_count_in_status (self->workspace, status);
    }

  append_item (edit, _("_Edit…"), "card.edit", "Return");

  for (int i = 0; i < ECART_N_INITIATIVE_STATUSES; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (i == status)
        continue;
      item = g_menu_item_new (_(move_labels[i]), NULL);
      g_menu_item_set_action_and_target_value (item, "card.move-to", g_variant_new_int32 (i));
      if (i == status - 1)
        g_menu_item_set_attribute (item, "accel", "s", "<Shift><Alt>Left");
      else if (i == status + 1)
        g_menu_item_set_attribute (item, "accel", "s", "<Shift><Alt>Right");
      g_menu_append_item (statuses, item);
    }

  if (index > 0)
    append_item (places, _("Move _Up"), "card.move-up", "<Alt>Up");
  if (index + 1 < count)
    append_item (places, _("Move Do_wn"), "card.move-down", "<Alt>Down");

  append_item (delete, _("De_lete"), "card.delete", "Delete");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, _("Move To"), G_MENU_MODEL (statuses));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (places));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* GObject --------------------------------------------------------------------------------- */

static void
ecart_initiative_card_dispose (GObject *object)
{
  EcartInitiativeCard *self = (EcartInitiativeCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ECART_TYPE_INITIATIVE_CARD);

  g_clear_object (&self->initiative);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (ecart_initiative_card_parent_class)->dispose (object);
}

static void
ecart_initiative_card_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_INITIATIVE:
      g_value_set_object (value, self->initiative);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_initiative_card_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EcartInitiativeCard *self = ECART_INITIATIVE_CARD (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_INITIATIVE:
      self->initiative = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_initiative_card_constructed (GObject *object)
{
  EcartInitiativeCard *self = (EcartInitiativeCard *)object;

  G_OBJECT_CLASS (ecart_initiative_card_parent_class)->constructed (object);

  g_signal_connect_object (self->initiative, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  /* A renamed segment, attribute or touchpoint. */
  if (self->workspace != NULL)
    g_signal_connect_object (self->workspace, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
ecart_initiative_card_class_init (EcartInitiativeCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ecart_initiative_card_constructed;
  object_class->dispose = ecart_initiative_card_dispose;
  object_class->get_property = ecart_initiative_card_get_property;
  object_class->set_property = ecart_initiative_card_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, ECART_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIATIVE] =
    g_param_spec_object ("initiative", NULL, NULL, ECART_TYPE_INITIATIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ecart/Ecart/ecart-initiative-card.ui");
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, segment_box);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, segment_dot);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, segment_label);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, link_label);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, owner_box);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, owner_label);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, due_box);
  gtk_widget_class_bind_template_child (widget_class, EcartInitiativeCard, due_label);

  gtk_widget_class_install_action (widget_class, "card.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "card.move-to", "i", move_to_action);
  gtk_widget_class_install_action (widget_class, "card.move-previous-status", NULL, move_status_action);
  gtk_widget_class_install_action (widget_class, "card.move-next-status", NULL, move_status_action);
  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, move_place_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, move_place_action);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "card.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK | GDK_ALT_MASK,
                                       "card.move-previous-status", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK | GDK_ALT_MASK,
                                       "card.move-next-status", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "card.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "card.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "card.delete", NULL);
}

static void
ecart_initiative_card_init (EcartInitiativeCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->segment_dot), draw_segment_dot, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
}

GtkWidget *
ecart_initiative_card_new (EcartWorkspace  *workspace,
                           EcartInitiative *initiative)
{
  g_return_val_if_fail (ECART_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ECART_IS_INITIATIVE (initiative), NULL);

  return g_object_new (ECART_TYPE_INITIATIVE_CARD,
                       "workspace", workspace,
                       "initiative", initiative,
                       NULL);
}

EcartInitiative *
ecart_initiative_card_get_initiative (EcartInitiativeCard *self)
{
  g_return_val_if_fail (ECART_IS_INITIATIVE_CARD (self), NULL);
  return self->initiative;
}
