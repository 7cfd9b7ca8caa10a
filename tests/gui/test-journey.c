/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ecart-application.h"
#include "ecart-item-dialog.h"
#include "ecart-journey-page.h"
#include "ecart-stage-column.h"
#include "ecart-touchpoint-row.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The customer journey page, driven as the user does: buttons, menus, dialogs, the
 * keyboard's actions and drops; each step checked in the file and on the screen. */

typedef struct
{
  EcartApplication   *app;
  char               *dir;
  char               *path;
  EcartWindow        *window;
  EcartWorkspace     *workspace;
  EcartJourneyPage   *page;
} Fixture;

static char *shared_demo;
static EcartApplication *shared_app;

/* The file ------------------------------------------------------------------------------------ */

static gint64
db_int (Fixture    *fixture,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gint64
db_int (Fixture    *fixture,
        const char *format,
        ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;
  gint64 value;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  value = ecart_database_query_int (ecart_workspace_get_database (fixture->workspace), sql, -1,
                                    &error);
  g_assert_no_error (error);
  return value;
}

/* The file's journey: "Stage: touchpoint (channel), …; Stage: …" in order. */
static char *
db_journey (Fixture *fixture)
{
  EcartDatabase *db = ecart_workspace_get_database (fixture->workspace);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 last_stage = -1;

  stmt = ecart_database_prepare (db,
                                 "SELECT s.id, s.name, t.name, c.key FROM stage s "
                                 "LEFT JOIN touchpoint t ON t.stage_id = s.id "
                                 "LEFT JOIN channel c ON c.id = t.channel_id "
                                 "ORDER BY s.position, s.id, t.position, t.id", &error);
  g_assert_no_error (error);
  while (ecart_database_step (db, stmt, &error) == ECART_STEP_ROW)
    {
      if (sqlite3_column_int64 (stmt, 0) != last_stage)
        {
          g_string_append_printf (text, "%s%s:", text->len > 0 ? "; " : "",
                                  (const char *)sqlite3_column_text (stmt, 1));
          last_stage = sqlite3_column_int64 (stmt, 0);
        }
      else
        g_string_append_c (text, ',');
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_string_append_printf (text, " %s (%s)", (const char *)sqlite3_column_text (stmt, 2),
                                (const char *)sqlite3_column_text (stmt, 3));
    }
  g_assert_no_error (error);
  sqlite3_reset (stmt);
  return g_strdup (text->str);
}

static EcartStage *
stage_named (Fixture    *fixture,
             const char *name)
{
  EcartItem *item = ecart_workspace_find_by_name (fixture->workspace,
                                                  ecart_workspace_get_stages (fixture->workspace),
                                                  name);

  g_assert_nonnull (item);
  return ECART_STAGE (item);
}

static EcartTouchpoint *
touchpoint_named (Fixture    *fixture,
                  const char *name)
{
  GListModel *touchpoints = ecart_workspace_get_touchpoints (fixture->workspace);
  EcartItem *item = ecart_workspace_find_by_name (fixture->workspace, touchpoints, name);

  g_assert_nonnull (item);
  return ECART_TOUCHPOINT (item);
}

static gint64
count_touchpoints_named (Fixture    *fixture,
                         const char *name)
{
  return db_int (fixture, "SELECT count(*) FROM touchpoint WHERE name = '%s'", name);
}

static gint64
stage_position (Fixture    *fixture,
                const char *name)
{
  return db_int (fixture, "SELECT position FROM stage WHERE name = '%s'", name);
}

static gint64
id_of (gpointer item)
{
  return ecart_item_get_id (ECART_ITEM (item));
}

/* The screen ---------------------------------------------------------------------------------- */

/* The page's journey, read from the widgets, in the same form as db_journey(). */
static char *
shown_journey (Fixture *fixture)
{
  GtkWidget *box = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_JOURNEY_PAGE,
                                     "stages_box");
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *column = gtk_widget_get_first_child (box); column != NULL;
       column = gtk_widget_get_next_sibling (column))
    {
      EcartStage *stage = ecart_stage_column_get_stage (ECART_STAGE_COLUMN (column));
      GtkListBox *list = GTK_LIST_BOX (ecart_test_child (column, ECART_TYPE_STAGE_COLUMN, "list"));
      GtkListBoxRow *row;

      g_string_append_printf (text, "%s%s:", text->len > 0 ? "; " : "",
                              ecart_item_get_name (ECART_ITEM (stage)));
      for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
        {
          EcartTouchpoint *touchpoint =
            ecart_touchpoint_row_get_touchpoint (ECART_TOUCHPOINT_ROW (row));
          EcartChannel *channel =
            ecart_workspace_find_channel (fixture->workspace,
                                          ecart_touchpoint_get_channel_id (touchpoint));

          g_string_append_printf (text, "%s %s (%s)", i > 0 ? "," : "",
                                  ecart_item_get_name (ECART_ITEM (touchpoint)),
                                  ecart_channel_get_key (channel));
        }
    }
  return g_strdup (text->str);
}

/* The journey is the same in the file and on the page. */
#define assert_journey(fixture, expected) G_STMT_START { \
    g_autofree char *in_file__ = db_journey (fixture); \
    g_autofree char *shown__ = shown_journey (fixture); \
    g_assert_cmpstr (in_file__, ==, expected); \
    g_assert_cmpstr (shown__, ==, expected); \
  } G_STMT_END

static GtkWidget *
column_of (Fixture    *fixture,
           const char *name)
{
  GtkWidget *column = ecart_journey_page_get_column (fixture->page, stage_named (fixture, name));

  g_assert_nonnull (column);
  return column;
}

static GtkWidget *
row_of (Fixture    *fixture,
        const char *name)
{
  GtkWidget *row = ecart_journey_page_get_row (fixture->page, touchpoint_named (fixture, name));

  g_assert_nonnull (row);
  return row;
}

/* The keyboard focus is on @widget or inside it (a menu button gives it to its button). */
static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkWidget *
entry_of (EcartItemDialog *dialog,
          const char      *name)
{
  GtkWidget *entry = ecart_test_find_by_accessible_label (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                          name);

  g_assert_nonnull (entry);
  return entry;
}

static AdwComboRow *
combo_of (EcartItemDialog *dialog,
          const char      *name)
{
  GtkWidget *row = ecart_test_find_by_accessible_label (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                        name);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static GtkWidget *
button_of (Fixture    *fixture,
           const char *name)
{
  GtkWidget *button = ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page),
                                                           GTK_TYPE_BUTTON, name);

  g_assert_nonnull (button);
  return button;
}

static void
save_window (Fixture    *fixture,
             const char *name)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), name));
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
  return NULL;
}

/* What a drop does: the column's drop target receives @item at (@x, @y). */
static void
drop_on (GtkWidget *column,
         gpointer   item,
         double     x,
         double     y)
{
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, G_OBJECT_TYPE (item));
  g_value_set_object (&value, item);
  g_signal_emit_by_name (drop_target_of (column), "drop", &value, x, y, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  ecart_test_iterate ();
}

static gboolean
no_dialog (gpointer data)
{
  return ecart_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
wait_for_no_dialog (GType type)
{
  g_assert_true (ecart_test_wait_for (no_dialog, GSIZE_TO_POINTER (type), 2000));
}

static void
open_workspace (Fixture    *fixture,
                const char *path,
                int         width,
                int         height)
{
  GSettings *settings = ecart_application_get_settings (fixture->app);

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  ecart_application_open_path (fixture->app, path, NULL);
  fixture->window =
    ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  fixture->workspace = ecart_window_get_workspace (fixture->window);
  g_assert_nonnull (fixture->workspace);

  ecart_window_set_page (fixture->window, "journey");
  fixture->page = ECART_JOURNEY_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                               ECART_TYPE_JOURNEY_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (ecart_journey_page_get_workspace (fixture->page) == fixture->workspace);
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "demo.ecart", NULL);
  ecart_test_copy_workspace (shared_demo, fixture->path);
  fixture->app = g_object_ref (shared_app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  ecart_test_iterate ();

  g_clear_object (&fixture->app);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static EcartItemDialog *
wait_for_item_dialog (void)
{
  GtkWindow *dialog = ecart_test_wait_for_toplevel (ECART_TYPE_ITEM_DIALOG, 2000);

  g_assert_nonnull (dialog);
  return ECART_ITEM_DIALOG (dialog);
}

static GtkWidget *
dialog_button (GtkWindow  *dialog,
               const char *label)
{
  GtkWidget *button = ecart_test_find_by_label (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  return button;
}

static GtkWidget *
dialog_label (GtkWindow  *dialog,
              const char *text)
{
  return ecart_test_find_by_label (GTK_WIDGET (dialog), GTK_TYPE_LABEL, text);
}

static gboolean
toast_shown (Fixture    *fixture,
             const char *title)
{
  GtkWidget *label = ecart_test_find_by_label (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, title);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
undo (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  ecart_test_iterate ();
}

static void
redo (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  ecart_test_iterate ();
}

/* The demo's journey, stage by stage. */
#define NEED "Need & discovery: Online ads (advertising), Social media (social)"
#define SEARCH "Search & choice: Website (web)"
#define PURCHASE "Purchase: Online booking (web), Call centre (phone)"
#define WAITING "Waiting: Confirmation email (email), Pre-stay app (mobile-app)"
#define DELIVERY "Delivery & first use: Airport transfer (partner), Reception (in-person), " \
                 "Room or villa (in-person)"
#define USE "Use & support: Restaurants and bars (in-person), Spa and leisure area (in-person), " \
            "Concierge chat (chat)"
#define RECOMMENDATION "Recommendation & reviews: Post-stay survey (email), Review sites (web)"
#define DEMO_JOURNEY NEED "; " SEARCH "; " PURCHASE "; " WAITING "; " DELIVERY "; " USE "; " \
                     RECOMMENDATION

/* Tests --------------------------------------------------------------------------------------- */

static void
test_journey_columns (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *column;
  GtkWidget *row;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* The stages in order, each with its touchpoints and their channels. */
  assert_journey (fixture, DEMO_JOURNEY);
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                              "7 stages · 15 touchpoints"));

  column = column_of (fixture, "Delivery & first use");
  g_assert_nonnull (ecart_test_find_by_label (column, GTK_TYPE_LABEL, "5"));
  g_assert_nonnull (ecart_test_find_by_label (column, GTK_TYPE_LABEL, "3 touchpoints"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Delivery & first use");

  /* A touchpoint shows its channel by icon and name. */
  row = row_of (fixture, "Concierge chat");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Chat");
  g_assert_nonnull (ecart_test_find_by_accessible_label (row, GTK_TYPE_MENU_BUTTON,
                                                         "Touchpoint Actions"));
  g_assert_true (ecart_test_find_by_accessible_label (column_of (fixture, "Use & support"),
                                                     ECART_TYPE_TOUCHPOINT_ROW, "Concierge chat")
                 == row);

  /* Named for screen readers and end-to-end tests. */
  g_assert_nonnull (button_of (fixture, "Add Stage"));
  g_assert_nonnull (button_of (fixture, "Add Touchpoint"));
  g_assert_nonnull (button_of (fixture, "Add Touchpoint to “Waiting”"));
  g_assert_nonnull (ecart_test_find_by_accessible_label (column, GTK_TYPE_MENU_BUTTON,
                                                         "Stage Actions"));

  save_window (fixture, "journey-1280x800.png");
}

static void
test_journey_small_window (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *box;

  open_workspace (fixture, fixture->path, 1024, 600);
  box = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_JOURNEY_PAGE, "stages_box");
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (box)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  save_window (fixture, "journey-1024x600.png");
}

static void
test_journey_projector (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *popover;

  /* A projector: run-with-display.sh's screen is as large. */
  open_workspace (fixture, fixture->path, 1920, 1080);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >=, 1900);
  save_window (fixture, "journey-1920x1080.png");

  /* A touchpoint's menu, with the channels and the stages to move to (a row within the
   * private display's 1280 pixels: the popover is placed on a monitor). */
  row = row_of (fixture, "Call centre");
  ecart_touchpoint_row_popup_menu (ECART_TOUCHPOINT_ROW (row));
  ecart_test_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (
              GTK_MENU_BUTTON (ecart_test_child (row, ECART_TYPE_TOUCHPOINT_ROW, "menu_button"))));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_test_widget_wait_for_draw (popover);
  ecart_test_save_screenshot (popover, "journey-touchpoint-menu.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static gboolean
is_vertical (gpointer data)
{
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (data)) == GTK_ORIENTATION_VERTICAL;
}

static void
test_journey_narrow (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *box;

  /* On a phone-sized window the stages stack up, still in order. */
  open_workspace (fixture, fixture->path, 400, 700);
  box = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_JOURNEY_PAGE, "stages_box");
  g_assert_true (ecart_test_wait_for (is_vertical, box, 2000));
  assert_journey (fixture, DEMO_JOURNEY);
  save_window (fixture, "journey-narrow.png");
}

static void
test_journey_stages (Fixture       *fixture,
                     gconstpointer  data)
{
  EcartItemDialog *dialog;
  GtkWidget *entry;
  GtkWidget *last;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* Add Stage: at the end, in the file and on the page, with the keyboard on it. */
  ecart_test_click (button_of (fixture, "Add Stage"));
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Stage name");
  g_assert_nonnull (entry);

  /* An empty name and a name in use are refused at the field. */
  ecart_test_type_and_activate (entry, "");
  g_assert_true (ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (dialog_label (GTK_WINDOW (dialog), "The name cannot be empty"));
  ecart_test_type_and_activate (entry, "purchase");
  g_assert_true (ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (dialog_label (GTK_WINDOW (dialog),
                                  "A journey stage named “Purchase” already exists"));
  assert_journey (fixture, DEMO_JOURNEY);

  ecart_test_type_and_activate (entry, "Loyalty");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  assert_journey (fixture, DEMO_JOURNEY "; Loyalty:");
  g_assert_true (focus_is_in (ecart_test_child (column_of (fixture, "Loyalty"),
                                                         ECART_TYPE_STAGE_COLUMN, "menu_button")));
  g_assert_nonnull (ecart_test_find_by_label (column_of (fixture, "Loyalty"), GTK_TYPE_LABEL, "8"));

  /* Rename from the stage's menu. */
  gtk_widget_activate_action (column_of (fixture, "Loyalty"), "stage.rename", NULL);
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Stage name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Loyalty");
  ecart_test_type_and_activate (entry, "Loyalty & return");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  assert_journey (fixture, DEMO_JOURNEY "; Loyalty & return:");

  /* Move Earlier, from the menu and from the keyboard (Ctrl+Shift+← on the stage). */
  gtk_widget_activate_action (column_of (fixture, "Loyalty & return"), "stage.move-earlier", NULL);
  ecart_test_iterate ();
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; " DELIVERY "; " USE
                  "; Loyalty & return:; " RECOMMENDATION);
  g_assert_nonnull (ecart_test_find_by_label (column_of (fixture, "Loyalty & return"),
                                              GTK_TYPE_LABEL, "7"));
  g_assert_true (focus_is_in (ecart_test_child (column_of (fixture, "Loyalty & return"),
                                                         ECART_TYPE_STAGE_COLUMN, "menu_button")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.move-left", NULL);
  ecart_test_iterate ();
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; " DELIVERY
                  "; Loyalty & return:; " USE "; " RECOMMENDATION);

  /* Drag a stage onto the left half of the first one: it becomes first. */
  drop_on (column_of (fixture, "Need & discovery"), stage_named (fixture, "Loyalty & return"),
           10, 40);
  assert_journey (fixture, "Loyalty & return:; " NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  DELIVERY "; " USE "; " RECOMMENDATION);
  /* …and onto the right half of the last one: it becomes last. */
  last = column_of (fixture, "Recommendation & reviews");
  drop_on (last, stage_named (fixture, "Loyalty & return"), gtk_widget_get_width (last) - 10, 40);
  assert_journey (fixture, DEMO_JOURNEY "; Loyalty & return:");

  /* Every step undoes, in order. */
  undo (fixture);
  assert_journey (fixture, "Loyalty & return:; " NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  DELIVERY "; " USE "; " RECOMMENDATION);
  undo (fixture);
  undo (fixture);
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY "; Loyalty & return:");
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY "; Loyalty:");
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);
  redo (fixture);
  assert_journey (fixture, DEMO_JOURNEY "; Loyalty:");
}

static void
test_journey_delete_stage (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *dialog;
  gint64 measurements;
  g_autofree char *count = NULL;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* A stage whose touchpoints hold no measurement goes at once, with its touchpoints. */
  gtk_widget_activate_action (column_of (fixture, "Waiting"), "stage.delete", NULL);
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  assert_journey (fixture,
                  NEED "; " SEARCH "; " PURCHASE "; " DELIVERY "; " USE "; " RECOMMENDATION);
  g_assert_true (toast_shown (fixture, "Stage “Waiting” and its 2 touchpoints deleted"));
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);

  /* One with measurements asks first, saying how many go. */
  measurements = db_int (fixture, "SELECT count(*) FROM measurement m JOIN touchpoint t "
                         "ON t.id = m.touchpoint_id WHERE t.stage_id = %" G_GINT64_FORMAT,
                         id_of (stage_named (fixture, "Purchase")));
  g_assert_cmpint (measurements, >, 0);
  count = g_strdup_printf ("%'" G_GINT64_FORMAT, measurements);
  g_assert_true (gtk_widget_grab_focus (ecart_test_child (column_of (fixture, "Purchase"),
                                                          ECART_TYPE_STAGE_COLUMN, "menu_button")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.delete", NULL);
  dialog = ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 2000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete “Purchase”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), count));
  ecart_test_click (dialog_button (dialog, "Delete"));
  wait_for_no_dialog (ADW_TYPE_MESSAGE_DIALOG);
  assert_journey (fixture,
                  NEED "; " SEARCH "; " WAITING "; " DELIVERY "; " USE "; " RECOMMENDATION);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM measurement WHERE touchpoint_id IN "
                           "(SELECT id FROM touchpoint "
                           "WHERE name IN ('Online booking', 'Call centre'))"),
                   ==, 0);

  /* Undo brings back the stage, its touchpoints and every measurement. */
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM measurement m JOIN touchpoint t "
                           "ON t.id = m.touchpoint_id WHERE t.stage_id = %" G_GINT64_FORMAT,
                           id_of (stage_named (fixture, "Purchase"))), ==, measurements);
}

static void
test_journey_add_touchpoint (Fixture       *fixture,
                             gconstpointer  data)
{
  EcartItemDialog *dialog;
  GtkWidget *entry;
  AdwComboRow *channel_row;
  AdwComboRow *stage_row;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* From the page's button: name, channel and stage. */
  ecart_test_click (button_of (fixture, "Add Touchpoint"));
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Touchpoint name");
  channel_row = combo_of (dialog, "Channel");
  stage_row = combo_of (dialog, "Journey stage");
  g_assert_nonnull (entry);
  g_assert_nonnull (channel_row);
  g_assert_nonnull (stage_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (channel_row)), ==, 10);

  /* A name in use is refused at the field. */
  ecart_test_type_and_activate (entry, "Reception");
  g_assert_true (ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (dialog_label (GTK_WINDOW (dialog),
                                  "A touchpoint named “Reception” already exists"));

  adw_combo_row_set_selected (channel_row, 5);  /* chat */
  adw_combo_row_set_selected (stage_row, 2);    /* Purchase */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_type_and_activate (entry, "Booking assistant");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  assert_journey (fixture, NEED "; " SEARCH "; "
                  "Purchase: Online booking (web), Call centre (phone), Booking assistant (chat); "
                  WAITING "; " DELIVERY "; " USE "; " RECOMMENDATION);
  g_assert_true (focus_is_in (row_of (fixture, "Booking assistant")));

  /* From a stage's own button, the stage is chosen already. */
  ecart_test_click (button_of (fixture, "Add Touchpoint to “Waiting”"));
  dialog = wait_for_item_dialog ();
  stage_row = combo_of (dialog, "Journey stage");
  g_assert_true (adw_combo_row_get_selected_item (stage_row)
                 == (gpointer)stage_named (fixture, "Waiting"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "journey-add-touchpoint-dialog.png");
  ecart_test_type_and_activate (entry_of (dialog, "Touchpoint name"),
                                "Welcome SMS");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  assert_journey (fixture, NEED "; " SEARCH "; "
                  "Purchase: Online booking (web), Call centre (phone), Booking assistant (chat); "
                  "Waiting: Confirmation email (email), Pre-stay app (mobile-app), "
                  "Welcome SMS (web); "
                  DELIVERY "; " USE "; " RECOMMENDATION);

  undo (fixture);
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);
}

static void
test_journey_edit_touchpoint (Fixture       *fixture,
                              gconstpointer  data)
{
  EcartItemDialog *dialog;
  GtkWidget *entry;
  GtkWidget *row;

  open_workspace (fixture, fixture->path, 1280, 800);
  row = row_of (fixture, "Call centre");

  /* Rename from the row's menu; an emptied name is refused. */
  gtk_widget_activate_action (row, "touchpoint.rename", NULL);
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Touchpoint name");
  ecart_test_type_and_activate (entry, "  ");
  g_assert_nonnull (dialog_label (GTK_WINDOW (dialog), "The name cannot be empty"));
  ecart_test_type_and_activate (entry, "Reservations line");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  assert_journey (fixture, NEED "; " SEARCH "; "
                  "Purchase: Online booking (web), Reservations line (phone); "
                  WAITING "; " DELIVERY "; " USE "; " RECOMMENDATION);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Reservations line");

  /* The channel, from the row's Channel menu: the row follows (same row, new icon). */
  gtk_widget_activate_action (row, "touchpoint.channel", "s", "chat");
  ecart_test_iterate ();
  assert_journey (fixture, NEED "; " SEARCH "; "
                  "Purchase: Online booking (web), Reservations line (chat); "
                  WAITING "; " DELIVERY "; " USE "; " RECOMMENDATION);
  g_assert_true (row == row_of (fixture, "Reservations line"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Chat");

  undo (fixture);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Phone");
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);
}

static void
test_journey_move_touchpoints (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *column;
  GtkWidget *first;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* Move Down in the row's menu. */
  gtk_widget_activate_action (row_of (fixture, "Airport transfer"), "touchpoint.move-down", NULL);
  ecart_test_iterate ();
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  "Delivery & first use: Reception (in-person), Airport transfer (partner), "
                  "Room or villa (in-person); " USE "; " RECOMMENDATION);

  /* The keyboard: Ctrl+Shift+↑ on the focused row, then Ctrl+Shift+→ to the next stage. */
  g_assert_true (gtk_widget_grab_focus (row_of (fixture, "Airport transfer")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.move-up", NULL);
  ecart_test_iterate ();
  assert_journey (fixture, DEMO_JOURNEY);
  g_assert_true (focus_is_in (row_of (fixture, "Airport transfer")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.move-left", NULL);
  ecart_test_iterate ();
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; "
                  "Waiting: Airport transfer (partner), Confirmation email (email), "
                  "Pre-stay app (mobile-app); "
                  "Delivery & first use: Reception (in-person), Room or villa (in-person); "
                  USE "; " RECOMMENDATION);
  g_assert_true (focus_is_in (row_of (fixture, "Airport transfer")));

  /* "Move to Stage" in the row's menu: at the end of that stage. */
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            id_of (stage_named (fixture, "Delivery & first use")));

    gtk_widget_activate_action (row_of (fixture, "Airport transfer"), "touchpoint.stage", "s", key);
  }
  ecart_test_iterate ();
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  "Delivery & first use: Reception (in-person), Room or villa (in-person), "
                  "Airport transfer (partner); " USE "; " RECOMMENDATION);

  /* Drag and drop: onto the top half of another stage's first row… */
  column = column_of (fixture, "Search & choice");
  first = row_of (fixture, "Website");
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (first, column, &bounds));
    drop_on (column, touchpoint_named (fixture, "Airport transfer"), 40, bounds.origin.y + 4);
  }
  assert_journey (fixture, NEED "; Search & choice: Airport transfer (partner), Website (web); "
                  PURCHASE "; " WAITING "; Delivery & first use: Reception (in-person), "
                  "Room or villa (in-person); " USE "; " RECOMMENDATION);

  /* …below the last row of its own stage… */
  column = column_of (fixture, "Search & choice");
  drop_on (column, touchpoint_named (fixture, "Airport transfer"), 40,
           gtk_widget_get_height (column) - 2);
  assert_journey (fixture, NEED "; Search & choice: Website (web), Airport transfer (partner); "
                  PURCHASE "; " WAITING "; Delivery & first use: Reception (in-person), "
                  "Room or villa (in-person); " USE "; " RECOMMENDATION);

  /* …and into a stage left empty. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.add-stage", NULL);
  {
    EcartItemDialog *dialog = wait_for_item_dialog ();

    ecart_test_type_and_activate (entry_of (dialog, "Stage name"),
                                  "Loyalty");
    wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  }
  drop_on (column_of (fixture, "Loyalty"), touchpoint_named (fixture, "Airport transfer"), 40, 60);
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  "Delivery & first use: Reception (in-person), Room or villa (in-person); "
                  USE "; " RECOMMENDATION "; Loyalty: Airport transfer (partner)");

  /* Undo, step by step, back to the demo. */
  for (guint i = 0; i < 8; i++)
    undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);
}

static void
test_journey_delete_touchpoint (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWindow *dialog;
  gint64 measurements;
  g_autofree char *count = NULL;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* Without measurements: at once, with a toast offering Undo; the focus goes on. */
  g_assert_true (gtk_widget_grab_focus (row_of (fixture, "Online ads")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.delete", NULL);
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  assert_journey (fixture, "Need & discovery: Social media (social); " SEARCH "; " PURCHASE "; "
                  WAITING "; " DELIVERY "; " USE "; " RECOMMENDATION);
  g_assert_true (toast_shown (fixture, "Touchpoint “Online ads” deleted"));
  g_assert_true (focus_is_in (row_of (fixture, "Social media")));
  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);

  /* With measurements: a confirmation saying how many; Cancel keeps all. */
  measurements = db_int (fixture, "SELECT count(*) FROM measurement WHERE touchpoint_id = %"
                         G_GINT64_FORMAT, id_of (touchpoint_named (fixture, "Reception")));
  g_assert_cmpint (measurements, >, 0);
  count = g_strdup_printf ("%'" G_GINT64_FORMAT, measurements);
  gtk_widget_activate_action (row_of (fixture, "Reception"), "touchpoint.delete", NULL);
  dialog = ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 2000);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), count));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "journey-delete-confirmation.png");
  ecart_test_click (dialog_button (dialog, "Cancel"));
  wait_for_no_dialog (ADW_TYPE_MESSAGE_DIALOG);
  assert_journey (fixture, DEMO_JOURNEY);

  gtk_widget_activate_action (row_of (fixture, "Reception"), "touchpoint.delete", NULL);
  dialog = ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 2000);
  ecart_test_click (dialog_button (dialog, "Delete"));
  wait_for_no_dialog (ADW_TYPE_MESSAGE_DIALOG);
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  "Delivery & first use: Airport transfer (partner), Room or villa (in-person); "
                  USE "; " RECOMMENDATION);
  g_assert_cmpint (count_touchpoints_named (fixture, "Reception"), ==, 0);
  g_assert_true (toast_shown (fixture, "Touchpoint “Reception” deleted"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "journey-deleted-toast.png");

  undo (fixture);
  assert_journey (fixture, DEMO_JOURNEY);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM measurement WHERE touchpoint_id = %"
                           G_GINT64_FORMAT, id_of (touchpoint_named (fixture, "Reception"))),
                   ==, measurements);
}

static void
test_journey_blank (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "blank.ecart", NULL);
  GtkWidget *stack;
  EcartItemDialog *dialog;
  GListModel *stages;

  ecart_test_copy_workspace (NULL, path);

  open_workspace (fixture, path, 1280, 800);

  /* A new workspace has the default journey, without touchpoints. */
  assert_journey (fixture, "Need & discovery:; Search & choice:; Purchase:; Waiting:; "
                  "Delivery & first use:; Use & support:; Recommendation & reviews:");
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                              "No touchpoints yet"));
  save_window (fixture, "journey-blank.png");

  /* Ctrl+Shift+T with the keyboard on a stage adds to that stage. */
  g_assert_true (gtk_widget_grab_focus (ecart_test_child (column_of (fixture, "Purchase"),
                                                          ECART_TYPE_STAGE_COLUMN, "menu_button")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.add-touchpoint", NULL);
  dialog = wait_for_item_dialog ();
  ecart_test_type_and_activate (entry_of (dialog, "Touchpoint name"),
                                "Checkout");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  assert_journey (fixture, "Need & discovery:; Search & choice:; Purchase: Checkout (web); "
                  "Waiting:; "
                  "Delivery & first use:; Use & support:; Recommendation & reviews:");

  /* Every stage deleted: the empty state, which adds the first stage again. */
  stages = ecart_workspace_get_stages (fixture->workspace);
  while (g_list_model_get_n_items (stages) > 0)
    {
      g_autoptr(EcartStage) stage = g_list_model_get_item (stages, 0);

      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "journey.delete-stage", "x",
                                  id_of (stage));
      ecart_test_iterate ();
    }
  stack = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_JOURNEY_PAGE, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  save_window (fixture, "journey-empty.png");

  ecart_test_click (button_of (fixture, "Add Stage"));
  dialog = wait_for_item_dialog ();
  ecart_test_type_and_activate (entry_of (dialog, "Stage name"),
                                "Discovery");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "journey");
  assert_journey (fixture, "Discovery:");
}

/* The keyboard, with real key presses: every action has its key, and the focus stays with
 * the touchpoint or stage that was worked on. */
static void
test_journey_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window;
  GtkWindow *dialog;

  open_workspace (fixture, fixture->path, 1280, 800);
  window = GTK_WIDGET (fixture->window);

  /* Ctrl+Shift+↓ and Ctrl+Shift+→ move the focused touchpoint, which keeps the focus. */
  g_assert_true (gtk_widget_grab_focus (row_of (fixture, "Airport transfer")));
  ecart_test_press_keys (window, "ctrl+shift+Down");
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  "Delivery & first use: Reception (in-person), Airport transfer (partner), "
                  "Room or villa (in-person); " USE "; " RECOMMENDATION);
  g_assert_true (focus_is_in (row_of (fixture, "Airport transfer")));

  /* Ctrl+Z puts it back, the focus still on it (its row is made again). */
  ecart_test_press_keys (window, "ctrl+z");
  assert_journey (fixture, DEMO_JOURNEY);
  g_assert_true (focus_is_in (row_of (fixture, "Airport transfer")));
  ecart_test_press_keys (window, "ctrl+shift+Down");
  g_assert_true (focus_is_in (row_of (fixture, "Airport transfer")));
  ecart_test_press_keys (window, "ctrl+shift+Right");
  assert_journey (fixture, NEED "; " SEARCH "; " PURCHASE "; " WAITING "; "
                  "Delivery & first use: Reception (in-person), Room or villa (in-person); "
                  "Use & support: Restaurants and bars (in-person), Airport transfer (partner), "
                  "Spa and leisure area (in-person), Concierge chat (chat); " RECOMMENDATION);
  g_assert_true (focus_is_in (row_of (fixture, "Airport transfer")));

  /* F2 renames it. */
  ecart_test_press_keys (window, "F2");
  dialog = ecart_test_wait_for_toplevel (ECART_TYPE_ITEM_DIALOG, 2000);
  g_assert_nonnull (dialog);
  ecart_test_press_keys (GTK_WIDGET (dialog), "ctrl+a");
  ecart_test_type_text (GTK_WIDGET (dialog), "Shuttle");
  ecart_test_press_keys (GTK_WIDGET (dialog), "Return");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (count_touchpoints_named (fixture, "Shuttle"), ==, 1);

  /* Delete on a touchpoint with measurements asks; Escape keeps it. */
  ecart_test_press_keys (window, "Delete");
  dialog = ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 2000);
  g_assert_nonnull (dialog);
  ecart_test_press_keys (GTK_WIDGET (dialog), "Escape");
  wait_for_no_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (count_touchpoints_named (fixture, "Shuttle"), ==, 1);

  /* Without measurements, Delete deletes at once. */
  g_assert_true (gtk_widget_grab_focus (row_of (fixture, "Online ads")));
  ecart_test_press_keys (window, "Delete");
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (count_touchpoints_named (fixture, "Online ads"), ==, 0);
  g_assert_true (focus_is_in (row_of (fixture, "Social media")));

  /* Ctrl+Shift+T adds a touchpoint to the stage the keyboard is in. */
  ecart_test_press_keys (window, "ctrl+shift+t");
  dialog = ecart_test_wait_for_toplevel (ECART_TYPE_ITEM_DIALOG, 2000);
  g_assert_nonnull (dialog);
  ecart_test_type_text (GTK_WIDGET (dialog), "Search ads");
  ecart_test_press_keys (GTK_WIDGET (dialog), "Return");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM touchpoint WHERE name = 'Search ads' "
                           "AND stage_id = %" G_GINT64_FORMAT,
                           id_of (stage_named (fixture, "Need & discovery"))), ==, 1);
  g_assert_true (focus_is_in (row_of (fixture, "Search ads")));

  /* Ctrl+Shift+N adds a stage; Ctrl+Shift+← on it moves it earlier. */
  ecart_test_press_keys (window, "ctrl+shift+n");
  dialog = ecart_test_wait_for_toplevel (ECART_TYPE_ITEM_DIALOG, 2000);
  g_assert_nonnull (dialog);
  ecart_test_type_text (GTK_WIDGET (dialog), "Loyalty");
  ecart_test_press_keys (GTK_WIDGET (dialog), "Return");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_true (focus_is_in (column_of (fixture, "Loyalty")));
  ecart_test_press_keys (window, "ctrl+shift+Left");
  g_assert_cmpint (stage_position (fixture, "Loyalty"), <,
                   stage_position (fixture, "Recommendation & reviews"));

  /* Ctrl+Z undoes, one step at a time. */
  ecart_test_press_keys (window, "ctrl+z");
  g_assert_cmpint (stage_position (fixture, "Loyalty"), >,
                   stage_position (fixture, "Recommendation & reviews"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  ecart_test_init_gui (&argc, &argv);

  dir = ecart_test_make_tmp_dir ();
  shared_demo = g_build_filename (dir, "demo.ecart", NULL);
  ecart_test_write_demo (shared_demo);

  shared_app = ecart_test_new_application ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/journey/columns", test_journey_columns);
  ADD ("/gui/journey/small-window", test_journey_small_window);
  ADD ("/gui/journey/narrow", test_journey_narrow);
  ADD ("/gui/journey/projector", test_journey_projector);
  ADD ("/gui/journey/stages", test_journey_stages);
  ADD ("/gui/journey/delete-stage", test_journey_delete_stage);
  ADD ("/gui/journey/add-touchpoint", test_journey_add_touchpoint);
  ADD ("/gui/journey/edit-touchpoint", test_journey_edit_touchpoint);
  ADD ("/gui/journey/move-touchpoints", test_journey_move_touchpoints);
  ADD ("/gui/journey/delete-touchpoint", test_journey_delete_touchpoint);
  ADD ("/gui/journey/blank", test_journey_blank);
  ADD ("/gui/journey/keyboard", test_journey_keyboard);
#undef ADD

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}
