/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ecart-application.h"
#include "ecart-item-dialog.h"
#include "ecart-portfolio-page.h"
#include "ecart-segment-card.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The portfolio page, driven as the user does: buttons, menus, dialogs, the keyboard's
 * actions and drops; each step checked in the file and on the screen. */

typedef struct
{
  EcartApplication   *app;
  char               *dir;
  char               *path;
  EcartWindow        *window;
  EcartWorkspace     *workspace;
  EcartPortfolioPage *page;
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

/* The segments' names in the file's order, joined by "|". */
static char *
db_segment_names (Fixture *fixture)
{
  EcartDatabase *db = ecart_workspace_get_database (fixture->workspace);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = ecart_database_prepare (db, "SELECT name FROM segment ORDER BY position, id", &error);
  g_assert_no_error (error);
  while (ecart_database_step (db, stmt, &error) == ECART_STEP_ROW)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "",
                            (const char *)sqlite3_column_text (stmt, 0));
  g_assert_no_error (error);
  sqlite3_reset (stmt);
  return g_strdup (names->str);
}

static gint64
segment_id (Fixture    *fixture,
            const char *name)
{
  EcartItem *item = ecart_workspace_find_by_name (fixture->workspace,
                                                  ecart_workspace_get_segments (fixture->workspace),
                                                  name);

  g_assert_nonnull (item);
  return ecart_item_get_id (item);
}

static EcartSegment *
segment_named (Fixture    *fixture,
               const char *name)
{
  return ecart_workspace_find_segment (fixture->workspace, segment_id (fixture, name));
}

/* The screen ---------------------------------------------------------------------------------- */

/* The cards' names in the flow box's order, joined by "|". */
static char *
card_names (Fixture *fixture)
{
  GtkFlowBox *flow_box = GTK_FLOW_BOX (ecart_test_child (GTK_WIDGET (fixture->page),
                                                         ECART_TYPE_PORTFOLIO_PAGE, "flow_box"));
  g_autoptr(GString) names = g_string_new (NULL);
  GtkFlowBoxChild *child;

  for (int i = 0; (child = gtk_flow_box_get_child_at_index (flow_box, i)) != NULL; i++)
    {
      EcartSegmentCard *card = ECART_SEGMENT_CARD (gtk_flow_box_child_get_child (child));
      EcartSegment *segment = ecart_segment_card_get_segment (card);

      g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "",
                              ecart_item_get_name (ECART_ITEM (segment)));
    }
  return g_strdup (names->str);
}

static GtkWidget *
card_of (Fixture    *fixture,
         const char *name)
{
  GtkWidget *card = ecart_portfolio_page_get_card (fixture->page, segment_named (fixture, name));

  g_assert_nonnull (card);
  return card;
}

/* The flow box's child around the card: what is selected and focused. */
static GtkWidget *
child_of (Fixture    *fixture,
          const char *name)
{
  return gtk_widget_get_parent (card_of (fixture, name));
}

static gboolean
is_selected (Fixture    *fixture,
             const char *name)
{
  return gtk_flow_box_child_is_selected (GTK_FLOW_BOX_CHILD (child_of (fixture, name)));
}

static gint64
count_named (Fixture    *fixture,
             const char *name)
{
  return db_int (fixture, "SELECT count(*) FROM segment WHERE name = '%s'", name);
}

static gint64
count_with_id (Fixture *fixture,
               gint64   id)
{
  return db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT, id);
}

static gboolean
is_window_segment (Fixture    *fixture,
                   const char *name)
{
  return ecart_window_get_segment (fixture->window) == segment_named (fixture, name);
}

static void
save_window (Fixture    *fixture,
             const char *name)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), name));
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

  ecart_window_set_page (fixture->window, "portfolio");
  fixture->page = ECART_PORTFOLIO_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                 ECART_TYPE_PORTFOLIO_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (ecart_portfolio_page_get_workspace (fixture->page) == fixture->workspace);
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

/* Tests --------------------------------------------------------------------------------------- */

static void
test_portfolio_cards (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *names = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *respondents = NULL;
  g_autofree char *targets = NULL;
  EcartSegment *families;
  GtkWidget *card;
  GtkWidget *child;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* One card per segment, in the file's order, each with its figures from the file. */
  names = db_segment_names (fixture);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, names);
  g_assert_cmpstr (names, ==, "Honeymoon couples|Families|Business travellers");

  card = card_of (fixture, "Families");
  respondents = g_strdup_printf ("%'" G_GINT64_FORMAT,
                                 db_int (fixture, "SELECT count(*) FROM respondent "
                                         "WHERE segment_id = %" G_GINT64_FORMAT,
                                         segment_id (fixture, "Families")));
  g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL, respondents));
  targets = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                             db_int (fixture, "SELECT count(*) FROM experience WHERE segment_id = %"
                                     G_GINT64_FORMAT " AND desired_target IS NOT NULL",
                                     segment_id (fixture, "Families")),
                             db_int (fixture, "SELECT count(*) FROM attribute"));
  g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL, targets));
  g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL,
                                              "Parents with one to three children, travelling "
                                              "in the school holidays, watchful about space, "
                                              "activities and budget."));

  /* Named for screen readers and end-to-end tests. */
  g_assert_nonnull (ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page),
                                                         GTK_TYPE_BUTTON, "Add Segment"));
  g_assert_nonnull (ecart_test_find_by_accessible_label (card, GTK_TYPE_MENU_BUTTON,
                                                         "Segment Actions"));
  g_assert_nonnull (ecart_test_find_by_accessible_label (card, GTK_TYPE_MENU_BUTTON,
                                                         "Segment Colour"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Families");

  /* The first segment is selected; a click on a card selects its segment in the window. */
  g_assert_true (is_window_segment (fixture, "Honeymoon couples"));
  g_assert_true (is_selected (fixture, "Honeymoon couples"));
  families = segment_named (fixture, "Families");
  child = gtk_widget_get_parent (card);
  g_signal_emit_by_name (child, "activate");
  ecart_test_iterate ();
  g_assert_true (ecart_window_get_segment (fixture->window) == families);
  g_assert_true (gtk_flow_box_child_is_selected (GTK_FLOW_BOX_CHILD (child)));

  /* …and the other way round: the sidebar's choice shows on the cards. */
  ecart_window_set_segment (fixture->window, segment_named (fixture, "Business travellers"));
  ecart_test_iterate ();
  g_assert_true (is_selected (fixture, "Business travellers"));
  g_assert_false (gtk_flow_box_child_is_selected (GTK_FLOW_BOX_CHILD (child)));

  ecart_window_set_segment (fixture->window, families);
  ecart_test_iterate ();
  save_window (fixture, "portfolio-1280x800.png");
}

static void
test_portfolio_projector (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *card;
  GtkWidget *popover;

  /* A projector: run-with-display.sh's screen is as large. */
  open_workspace (fixture, fixture->path, 1920, 1080);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >=, 1900);
  save_window (fixture, "portfolio-1920x1080.png");

  /* The card's menu, with its mnemonics and shortcuts. */
  card = card_of (fixture, "Families");
  ecart_segment_card_popup_menu (ECART_SEGMENT_CARD (card));
  ecart_test_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (
              GTK_MENU_BUTTON (ecart_test_child (card, ECART_TYPE_SEGMENT_CARD, "menu_button"))));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_test_widget_wait_for_draw (popover);
  ecart_test_save_screenshot (popover, "portfolio-card-menu.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_portfolio_small_window (Fixture       *fixture,
                             gconstpointer  data)
{
  open_workspace (fixture, fixture->path, 1024, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >=, 1000);
  save_window (fixture, "portfolio-1024x600.png");
}

static void
test_portfolio_add (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 before;
  EcartItemDialog *dialog;
  GtkWidget *entry;
  EcartSegment *seniors;
  g_autofree char *shown = NULL;

  open_workspace (fixture, fixture->path, 1280, 800);
  before = db_int (fixture, "SELECT count(*) FROM segment");

  ecart_test_click (ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page),
                                                         GTK_TYPE_BUTTON, "Add Segment"));
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Segment name");
  g_assert_nonnull (entry);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "portfolio-add-dialog.png");

  /* Enter in the field adds the segment: in the file, on a card, selected. */
  ecart_test_type_and_activate (entry, "  Seniors  ");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment"), ==, before + 1);
  g_assert_cmpint (count_named (fixture, "Seniors"), ==, 1);
  seniors = segment_named (fixture, "Seniors");
  g_assert_true (ecart_window_get_segment (fixture->window) == seniors);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Honeymoon couples|Families|Business travellers|Seniors");
  g_assert_true (gtk_widget_has_focus (child_of (fixture, "Seniors")));
  g_assert_nonnull (ecart_test_find_by_label (card_of (fixture, "Seniors"), GTK_TYPE_LABEL,
                                              "Not measured yet"));

  /* Undo takes it out of the file and off the page; redo brings it back. */
  undo (fixture);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment"), ==, before);
  g_clear_pointer (&shown, g_free);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Honeymoon couples|Families|Business travellers");
  redo (fixture);
  g_assert_cmpint (count_named (fixture, "Seniors"), ==, 1);
  g_clear_pointer (&shown, g_free);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Honeymoon couples|Families|Business travellers|Seniors");

  /* The action of Ctrl+Shift+N opens the same dialog; Cancel adds nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "portfolio.add-segment", NULL);
  dialog = wait_for_item_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (entry_of (dialog, "Segment name")),
                         "Students");
  ecart_test_click (dialog_button (GTK_WINDOW (dialog), "Cancel"));
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (count_named (fixture, "Students"), ==, 0);
}

static void
test_portfolio_validation (Fixture       *fixture,
                           gconstpointer  data)
{
  EcartItemDialog *dialog;
  GtkWidget *entry;
  GtkWidget *message;
  gint64 before;

  open_workspace (fixture, fixture->path, 1280, 800);
  before = db_int (fixture, "SELECT count(*) FROM segment");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "portfolio.add-segment", NULL);
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Segment name");

  /* A new dialog starts empty, not wrong: the button waits, no message yet. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_null (dialog_label (GTK_WINDOW (dialog), "The name cannot be empty"));

  /* Only spaces, then Enter: refused at the field, saying why; nothing written. */
  ecart_test_type_and_activate (entry, "   ");
  g_assert_true (ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG) == GTK_WINDOW (dialog));
  message = dialog_label (GTK_WINDOW (dialog), "The name cannot be empty");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_is_sensitive (dialog_button (GTK_WINDOW (dialog), "Add")));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The name cannot be empty");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment"), ==, before);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "portfolio-add-empty-name.png");

  /* A name already used (in another case) is refused too. */
  ecart_test_type_and_activate (entry, "FAMILIES");
  g_assert_true (ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (dialog_label (GTK_WINDOW (dialog),
                                  "A segment named “Families” already exists"));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment"), ==, before);

  /* Corrected, the message goes and the button comes back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Families with teenagers");
  ecart_test_iterate ();
  g_assert_false (gtk_widget_get_visible (ecart_test_child (GTK_WIDGET (dialog),
                                                            ECART_TYPE_ITEM_DIALOG,
                                                            "message_label")));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_is_sensitive (dialog_button (GTK_WINDOW (dialog), "Add")));
  ecart_test_click (dialog_button (GTK_WINDOW (dialog), "Cancel"));
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);

  /* Renaming to nothing is refused the same way, and the old name stays. */
  gtk_widget_activate_action (card_of (fixture, "Families"), "card.rename", NULL);
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Segment name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Families");
  ecart_test_type_and_activate (entry, "");
  g_assert_true (ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG) == GTK_WINDOW (dialog));
  g_assert_nonnull (dialog_label (GTK_WINDOW (dialog), "The name cannot be empty"));
  g_assert_false (gtk_widget_is_sensitive (dialog_button (GTK_WINDOW (dialog), "Rename")));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (count_named (fixture, "Families"), ==, 1);
}

static void
test_portfolio_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  EcartItemDialog *dialog;
  GtkWidget *entry;
  GtkWidget *card;
  GtkTextView *text_view;
  gint64 id;

  open_workspace (fixture, fixture->path, 1280, 800);
  id = segment_id (fixture, "Families");
  card = card_of (fixture, "Families");

  /* Rename from the card's menu. */
  gtk_widget_activate_action (card, "card.rename", NULL);
  dialog = wait_for_item_dialog ();
  entry = entry_of (dialog, "Segment name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Familles");
  ecart_test_iterate ();
  ecart_test_click (dialog_button (GTK_WINDOW (dialog), "Rename"));
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT
                           " AND name = 'Familles'", id), ==, 1);
  g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL, "Familles"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Familles");
  undo (fixture);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT
                           " AND name = 'Families'", id), ==, 1);
  g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL, "Families"));

  /* A swatch of the colour popover. */
  gtk_widget_activate_action (card, "card.choose-color", NULL);
  ecart_test_iterate ();
  {
    GtkWidget *popover = ecart_test_child (card, ECART_TYPE_SEGMENT_CARD, "color_popover");
    GtkWidget *blue;

    g_assert_true (gtk_widget_get_visible (popover));
    gtk_test_widget_wait_for_draw (popover);
    ecart_test_save_screenshot (popover, "portfolio-colours.png");
    blue = ecart_test_find_by_accessible_label (popover, GTK_TYPE_BUTTON, "Blue");
    g_assert_nonnull (blue);
    g_assert_nonnull (ecart_test_find_by_accessible_label (popover, GTK_TYPE_BUTTON, "Pink"));
    ecart_test_click (blue);
    g_assert_false (gtk_widget_get_visible (popover));
  }
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT
                           " AND upper (color) = '#1C71D8'", id), ==, 1);
  g_assert_cmpstr (ecart_segment_get_color (segment_named (fixture, "Families")), ==, "#1C71D8");
  undo (fixture);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT
                           " AND upper (color) = '#56B4E9'", id), ==, 1);

  /* The description, in its dialog. */
  gtk_widget_activate_action (card, "card.describe", NULL);
  dialog = wait_for_item_dialog ();
  text_view = GTK_TEXT_VIEW (ecart_test_find_by_accessible_label (GTK_WIDGET (dialog),
                                                                  GTK_TYPE_TEXT_VIEW,
                                                                  "Segment description"));
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "Parents and children, in the school holidays.\n", -1);
  ecart_test_click (dialog_button (GTK_WINDOW (dialog), "Save"));
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT
                           " AND description = 'Parents and children, in the school holidays.'",
                           id), ==, 1);
  g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL,
                                              "Parents and children, in the school holidays."));
  undo (fixture);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM segment WHERE id = %" G_GINT64_FORMAT
                           " AND description LIKE 'Parents with one to three%%'", id), ==, 1);
}

static void
test_portfolio_reorder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *names = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *card;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = NULL;

  open_workspace (fixture, fixture->path, 1280, 800);

  /* "Move Right" in the first card's menu. */
  gtk_widget_activate_action (card_of (fixture, "Honeymoon couples"), "card.move-right", NULL);
  ecart_test_iterate ();
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Families|Honeymoon couples|Business travellers");
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, names);

  /* The keyboard: Ctrl+Shift+← on the focused card. */
  card = card_of (fixture, "Business travellers");
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (card)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "portfolio.move-segment-left", "x",
                              (gint64)0);
  ecart_test_iterate ();
  g_clear_pointer (&names, g_free);
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Families|Business travellers|Honeymoon couples");
  /* The focus stays with the moved card (made again in its new place). */
  g_assert_true (gtk_widget_has_focus (child_of (fixture, "Business travellers")));

  /* The first card cannot move left. */
  card = card_of (fixture, "Families");
  gtk_widget_activate_action (card, "card.move-left", NULL);
  ecart_test_iterate ();
  g_clear_pointer (&names, g_free);
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Families|Business travellers|Honeymoon couples");

  /* Drag and drop: "Families" dropped on the right half of the last card goes last. */
  card = card_of (fixture, "Honeymoon couples");
  controllers = gtk_widget_observe_controllers (card);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  {
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_value_init (&value, ECART_TYPE_SEGMENT);
    g_value_set_object (&value, segment_named (fixture, "Families"));
    g_signal_emit_by_name (target, "drop", &value, (double)gtk_widget_get_width (card) - 10, 20.0,
                           &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
  }
  ecart_test_iterate ();
  g_clear_pointer (&names, g_free);
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Business travellers|Honeymoon couples|Families");
  g_clear_pointer (&shown, g_free);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, names);

  /* Each move is one undo step. */
  undo (fixture);
  g_clear_pointer (&names, g_free);
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Families|Business travellers|Honeymoon couples");
  undo (fixture);
  undo (fixture);
  g_clear_pointer (&names, g_free);
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Honeymoon couples|Families|Business travellers");
  g_clear_pointer (&shown, g_free);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, names);
}

static void
test_portfolio_duplicate (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *shown = NULL;
  gint64 original, copy;

  open_workspace (fixture, fixture->path, 1280, 800);
  original = segment_id (fixture, "Families");

  gtk_widget_activate_action (card_of (fixture, "Families"), "card.duplicate", NULL);
  ecart_test_iterate ();

  /* Right after its original, with its desired and proposed experience, selected. */
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Honeymoon couples|Families|Families (copy)|Business travellers");
  copy = segment_id (fixture, "Families (copy)");
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM experience WHERE segment_id = %"
                           G_GINT64_FORMAT, copy), ==,
                   db_int (fixture, "SELECT count(*) FROM experience WHERE segment_id = %"
                           G_GINT64_FORMAT, original));
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM experience a JOIN experience b "
                           "ON a.attribute_id = b.attribute_id "
                           "WHERE a.segment_id = %" G_GINT64_FORMAT
                           " AND b.segment_id = %" G_GINT64_FORMAT
                           " AND a.desired_target IS b.desired_target"
                           " AND a.proposed_level IS b.proposed_level", original, copy), >, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM respondent WHERE segment_id = %"
                           G_GINT64_FORMAT, copy), ==, 0);
  g_assert_true (is_window_segment (fixture, "Families (copy)"));

  undo (fixture);
  g_assert_cmpint (count_with_id (fixture, copy), ==, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM experience WHERE segment_id = %"
                           G_GINT64_FORMAT, copy), ==, 0);
}

static void
test_portfolio_delete (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *dialog;
  gint64 id;
  gint64 respondents;
  g_autofree char *count = NULL;
  g_autofree char *shown = NULL;

  open_workspace (fixture, fixture->path, 1280, 800);
  id = segment_id (fixture, "Families");
  respondents = db_int (fixture, "SELECT count(*) FROM respondent WHERE segment_id = %"
                        G_GINT64_FORMAT, id);
  g_assert_cmpint (respondents, >, 0);

  /* A segment with answers asks first, saying how many go; Cancel keeps everything. */
  gtk_widget_activate_action (card_of (fixture, "Families"), "card.delete", NULL);
  dialog = ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 2000);
  g_assert_nonnull (dialog);
  count = g_strdup_printf ("%'" G_GINT64_FORMAT, respondents);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), count));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete “Families”?");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "portfolio-delete-confirmation.png");
  ecart_test_click (dialog_button (dialog, "Cancel"));
  wait_for_no_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (count_with_id (fixture, id), ==, 1);

  /* Delete: the segment and its respondents go, a toast offers Undo. */
  ecart_window_set_segment (fixture->window, segment_named (fixture, "Families"));
  gtk_widget_activate_action (card_of (fixture, "Families"), "card.delete", NULL);
  dialog = ecart_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 2000);
  ecart_test_click (dialog_button (dialog, "Delete"));
  wait_for_no_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (count_with_id (fixture, id), ==, 0);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM respondent WHERE segment_id = %"
                           G_GINT64_FORMAT, id), ==, 0);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Honeymoon couples|Business travellers");
  g_assert_true (toast_shown (fixture, "Segment “Families” deleted"));
  /* The selection went to the card that took its place. */
  g_assert_true (is_window_segment (fixture, "Business travellers"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "portfolio-deleted-toast.png");

  /* The toast's Undo (win.undo) brings back the segment and every answer. */
  undo (fixture);
  g_assert_cmpint (count_with_id (fixture, id), ==, 1);
  g_assert_cmpint (db_int (fixture, "SELECT count(*) FROM respondent WHERE segment_id = %"
                           G_GINT64_FORMAT, id), ==, respondents);
  g_clear_pointer (&shown, g_free);
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Honeymoon couples|Families|Business travellers");

  /* A segment without answers goes at once, with the Delete key on its card. */
  g_assert_nonnull (ecart_workspace_add_segment (fixture->workspace, "Temporary", NULL));
  ecart_test_iterate ();
  g_assert_true (gtk_widget_grab_focus (child_of (fixture, "Temporary")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "portfolio.delete-segment", "x",
                              (gint64)0);
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (count_named (fixture, "Temporary"), ==, 0);
  g_assert_true (toast_shown (fixture, "Segment “Temporary” deleted"));
  undo (fixture);
  g_assert_cmpint (count_named (fixture, "Temporary"), ==, 1);
}

static void
test_portfolio_blank (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "blank.ecart", NULL);
  GtkWidget *stack;
  GtkWidget *button;
  EcartItemDialog *dialog;
  g_autofree char *shown = NULL;

  ecart_test_copy_workspace (NULL, path);

  open_workspace (fixture, path, 1280, 800);

  /* No segment yet: the empty state invites to add one. */
  stack = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_PORTFOLIO_PAGE, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                              "No Segments Yet"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "portfolio-empty.png"));

  button = ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON,
                                                "Add Segment");
  g_assert_nonnull (button);
  ecart_test_click (button);
  dialog = wait_for_item_dialog ();
  ecart_test_type_and_activate (entry_of (dialog, "Segment name"),
                                "Regulars");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "cards");
  shown = card_names (fixture);
  g_assert_cmpstr (shown, ==, "Regulars");
  g_assert_true (ecart_window_get_segment (fixture->window) == segment_named (fixture, "Regulars"));
  g_assert_nonnull (ecart_test_find_by_label (card_of (fixture, "Regulars"), GTK_TYPE_LABEL,
                                              "0/0"));

  /* Undo: the empty state again. */
  undo (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_null (ecart_window_get_segment (fixture->window));
}

static gboolean
item_dialog_shown (gpointer data)
{
  GtkWindow *dialog = ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* The keyboard, with real key presses: every action has its key, and the focus stays with
 * the card that was worked on. */
static void
test_portfolio_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window;
  GtkWindow *dialog;
  g_autofree char *names = NULL;

  open_workspace (fixture, fixture->path, 1280, 800);
  window = GTK_WIDGET (fixture->window);
  g_assert_true (gtk_widget_grab_focus (child_of (fixture, "Honeymoon couples")));

  /* Ctrl+Shift+→ moves the focused card, which keeps the focus. */
  ecart_test_press_keys (window, "ctrl+shift+Right");
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Families|Honeymoon couples|Business travellers");
  g_assert_true (gtk_widget_has_focus (child_of (fixture, "Honeymoon couples")));

  /* Ctrl+Z puts it back, the focus still on it (its card is made again). */
  ecart_test_press_keys (window, "ctrl+z");
  g_clear_pointer (&names, g_free);
  names = db_segment_names (fixture);
  g_assert_cmpstr (names, ==, "Honeymoon couples|Families|Business travellers");
  g_assert_true (gtk_widget_has_focus (child_of (fixture, "Honeymoon couples")));

  /* F2 renames it. */
  ecart_test_press_keys (window, "F2");
  dialog = ecart_test_wait_for_toplevel (ECART_TYPE_ITEM_DIALOG, 2000);
  g_assert_nonnull (dialog);
  ecart_test_press_keys (GTK_WIDGET (dialog), "ctrl+a");
  ecart_test_type_text (GTK_WIDGET (dialog), "Newlyweds");
  ecart_test_press_keys (GTK_WIDGET (dialog), "Return");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (count_named (fixture, "Newlyweds"), ==, 1);

  /* Ctrl+Shift+N adds a segment, Ctrl+D duplicates it, Delete deletes the copy. */
  ecart_test_press_keys (window, "ctrl+shift+n");
  g_assert_true (ecart_test_wait_for (item_dialog_shown, NULL, 2000));
  dialog = ecart_test_find_toplevel (ECART_TYPE_ITEM_DIALOG);
  ecart_test_type_text (GTK_WIDGET (dialog), "Students");
  ecart_test_press_keys (GTK_WIDGET (dialog), "Return");
  wait_for_no_dialog (ECART_TYPE_ITEM_DIALOG);
  g_assert_cmpint (count_named (fixture, "Students"), ==, 1);
  g_assert_true (gtk_widget_has_focus (child_of (fixture, "Students")));

  ecart_test_press_keys (window, "ctrl+d");
  g_assert_cmpint (count_named (fixture, "Students (copy)"), ==, 1);
  g_assert_true (gtk_widget_has_focus (child_of (fixture, "Students (copy)")));

  ecart_test_press_keys (window, "Delete");
  g_assert_cmpint (count_named (fixture, "Students (copy)"), ==, 0);

  /* Ctrl+Z, the window's Undo, brings it back. */
  ecart_test_press_keys (window, "ctrl+z");
  g_assert_cmpint (count_named (fixture, "Students (copy)"), ==, 1);
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
  ADD ("/gui/portfolio/cards", test_portfolio_cards);
  ADD ("/gui/portfolio/small-window", test_portfolio_small_window);
  ADD ("/gui/portfolio/projector", test_portfolio_projector);
  ADD ("/gui/portfolio/add", test_portfolio_add);
  ADD ("/gui/portfolio/validation", test_portfolio_validation);
  ADD ("/gui/portfolio/edit", test_portfolio_edit);
  ADD ("/gui/portfolio/reorder", test_portfolio_reorder);
  ADD ("/gui/portfolio/duplicate", test_portfolio_duplicate);
  ADD ("/gui/portfolio/delete", test_portfolio_delete);
  ADD ("/gui/portfolio/blank", test_portfolio_blank);
  ADD ("/gui/portfolio/keyboard", test_portfolio_keyboard);
#undef ADD

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}
