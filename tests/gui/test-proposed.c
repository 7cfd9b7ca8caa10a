/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "ecart-application.h"
#include "ecart-initiative-board.h"
#include "ecart-initiative-card.h"
#include "ecart-initiative-dialog.h"
#include "ecart-proposed-page.h"
#include "ecart-proposed-row.h"
#include "ecart-statement-view.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The Proposed Experience page (step 3): the audit of what is in place with the live
 * implementation gap, and the board of initiatives. Driven as the user does; every check
 * reads the file. */

typedef struct
{
  EcartApplication  *app;
  char              *dir;
  char              *path;
  EcartWindow       *window;
  EcartWorkspace    *workspace;
  EcartProposedPage *page;
} Fixture;

static char *shared_demo;
static EcartApplication *shared_app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "demo.ecart", NULL);
  fixture->app = g_object_ref (shared_app);

  ecart_test_copy_workspace (g_strcmp0 (data, "blank") == 0 ? NULL : shared_demo, fixture->path);

  ecart_application_open_path (fixture->app, fixture->path, NULL);
  fixture->window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  fixture->workspace = ecart_window_get_workspace (fixture->window);

  ecart_window_set_page (fixture->window, "proposed");
  g_assert_cmpstr (ecart_window_get_page (fixture->window), ==, "proposed");
  fixture->page = ECART_PROPOSED_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                                ECART_TYPE_PROPOSED_PAGE));
  g_assert_true (ecart_proposed_page_get_workspace (fixture->page) == fixture->workspace);
  ecart_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = g_list_copy (gtk_window_list_toplevels ());

  for (GList *l = windows; l != NULL; l = l->next)
    if (ECART_IS_INITIATIVE_DIALOG (l->data) || ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (windows);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  ecart_test_iterate ();

  g_clear_object (&fixture->app);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
control (Fixture    *fixture,
         GType       type,
         const char *label)
{
  GtkWidget *widget = ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page), type, label);

  if (widget == NULL)
    g_error ("No %s named “%s” on the page", g_type_name (type), label);
  return widget;
}

static double
proposed_level (Fixture    *fixture,
                const char *attribute)
{
  g_autofree char *sql = g_strdup_printf ("SELECT e.proposed_level FROM experience e "
                                          "JOIN attribute a ON a.id = e.attribute_id "
                                          "WHERE e.segment_id = 1 AND a.name = '%s'", attribute);

  return ecart_test_query_double (fixture->path, sql);
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ecart_test_iterate ();
}

static EcartInitiativeBoard *
board (Fixture *fixture)
{
  return ECART_INITIATIVE_BOARD (ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_PROPOSED_PAGE,
                                                   "board"));
}

static EcartInitiative *
initiative_titled (Fixture    *fixture,
                   const char *title)
{
  EcartItem *item = ecart_workspace_find_by_name (fixture->workspace,
                                                  ecart_workspace_get_initiatives (fixture->workspace),
                                                  title);

  g_assert_nonnull (item);
  return ECART_INITIATIVE (item);
}

static gint64
initiative_int (Fixture    *fixture,
                const char *column,
                const char *title)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM initiative WHERE title = '%s'", column, title);

  return ecart_test_query_int (fixture->path, sql);
}

static char *
column_titles (Fixture               *fixture,
               EcartInitiativeStatus  status)
{
  GtkListBox *list = ecart_initiative_board_get_list (board (fixture), status);
  GString *titles = g_string_new (NULL);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      EcartInitiativeCard *card = ECART_INITIATIVE_CARD (gtk_list_box_get_row_at_index (list, i));

      g_string_append_printf (titles, "%s%s", i > 0 ? " | " : "",
                              ecart_item_get_name (ECART_ITEM (ecart_initiative_card_get_initiative (card))));
    }
  return g_string_free (titles, FALSE);
}

static gboolean
dialog_is_shown (gpointer data)
{
  return ecart_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_proposed_shows_segment (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkSpinButton *level = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Proposed level for Room comfort"));
  GtkLabel *target = GTK_LABEL (control (fixture, GTK_TYPE_LABEL, "Desired target for Room comfort"));
  GtkLabel *gap = GTK_LABEL (control (fixture, GTK_TYPE_LABEL, "Implementation gap for Room comfort"));
  EcartStatementView *statement = ECART_STATEMENT_VIEW (control (fixture, ECART_TYPE_STATEMENT_VIEW,
                                                                 "What is in place for Room comfort"));
  g_autofree char *stored = ecart_test_query_text (fixture->path,
                                                   "SELECT proposed_statement FROM experience "
                                                   "WHERE segment_id = 1 AND attribute_id = 1");

  /* The target is shown, not edited; the level in place and the gap next to it. */
  g_assert_cmpstr (gtk_label_get_label (target), ==, "9.0");
  g_assert_cmpfloat (gtk_spin_button_get_value (level), ==, proposed_level (fixture, "Room comfort"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (level)), ==, "8.5");
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "−0.5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gap), "negative"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gap), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "0.5 below the target: the promise is not built yet");
  g_assert_cmpstr (ecart_statement_view_get_text (statement), ==, stored);

  /* The segment follows the window. */
  {
    g_autoptr(EcartSegment) families = g_list_model_get_item (ecart_workspace_get_segments (fixture->workspace), 1);

    ecart_window_set_segment (fixture->window, families);
    ecart_test_iterate ();
    g_assert_cmpstr (gtk_label_get_label (target), ==, "8.5");
    g_assert_cmpfloat (gtk_spin_button_get_value (level), ==,
                       ecart_test_query_double (fixture->path, "SELECT proposed_level FROM experience "
                                                "WHERE segment_id = 2 AND attribute_id = 1"));
  }
}

static void
test_proposed_gap_live (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkSpinButton *level = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Proposed level for Room comfort"));
  GtkLabel *gap = GTK_LABEL (control (fixture, GTK_TYPE_LABEL, "Implementation gap for Room comfort"));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (level), ECART_TYPE_PROPOSED_ROW);
  GtkWidget *error_label = ecart_test_child (row, ECART_TYPE_PROPOSED_ROW, "error_label");

  /* Typed, not committed yet: the gap already says it, nothing is saved. */
  gtk_widget_grab_focus (GTK_WIDGET (level));
  gtk_editable_set_text (GTK_EDITABLE (level), "9,5");
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "+0.5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gap), "positive"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gap), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "0.5 above the target: more than promised is in place");
  g_assert_cmpfloat (proposed_level (fixture, "Room comfort"), ==, 8.5);

  gtk_editable_set_text (GTK_EDITABLE (level), "9");
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "0.0");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gap), "zero"));

  /* Committed (Enter): saved; the gap stays. */
  gtk_editable_set_text (GTK_EDITABLE (level), "6");
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "−3.0");
  gtk_spin_button_update (level);
  ecart_test_iterate ();
  g_assert_cmpfloat (proposed_level (fixture, "Room comfort"), ==, 6.0);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "−3.0");
  g_assert_cmpfloat (ecart_experience_get_implementation_gap (ecart_workspace_get_experience (fixture->workspace,
                                                                                              ecart_window_get_segment (fixture->window),
                                                                                              ECART_ATTRIBUTE (ecart_workspace_find_attribute (fixture->workspace, 1)))),
                     ==, -3.0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-gap-typed.png"));

  /* Spun with the arrows: saved at each step, the gap follows. */
  gtk_spin_button_spin (level, GTK_SPIN_STEP_FORWARD, 0);
  ecart_test_iterate ();
  g_assert_cmpfloat (proposed_level (fixture, "Room comfort"), ==, 6.5);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "−2.5");

  /* Off the scale: refused, the gap cannot be read, the field says why. */
  gtk_editable_set_text (GTK_EDITABLE (level), "12");
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "—");
  gtk_spin_button_update (level);
  ecart_test_iterate ();
  g_assert_cmpfloat (proposed_level (fixture, "Room comfort"), ==, 6.5);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (level), "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "0 to 10"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-level-refused.png"));

  /* Undo: the values on screen are the restored ones. */
  undo (fixture);
  g_assert_cmpfloat (proposed_level (fixture, "Room comfort"), ==, 6.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (level)), ==, "6.0");
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "−3.0");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (level), "error"));
  undo (fixture);
  g_assert_cmpfloat (proposed_level (fixture, "Room comfort"), ==, 8.5);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "−0.5");

  /* A target changed elsewhere (another window) moves the gap too. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ecart_workspace_set_desired_target (fixture->workspace, ecart_window_get_segment (fixture->window),
                                                       ECART_ATTRIBUTE (ecart_workspace_find_attribute (fixture->workspace, 1)),
                                                       7.0, &error));
    ecart_test_iterate ();
    g_assert_cmpstr (gtk_label_get_label (gap), ==, "+1.5");
  }
}

static gboolean
statement_is_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *text = ecart_test_query_text (fixture->path,
                                                 "SELECT proposed_statement FROM experience "
                                                 "WHERE segment_id = 1 AND attribute_id = 7");

  return g_strcmp0 (text, "Fibre in every villa since March.") == 0;
}

static void
test_proposed_statement (Fixture       *fixture,
                         gconstpointer  data)
{
  EcartStatementView *view = ECART_STATEMENT_VIEW (control (fixture, ECART_TYPE_STATEMENT_VIEW,
                                                            "What is in place for Reliable wifi"));
  g_autofree char *before = ecart_test_query_text (fixture->path,
                                                   "SELECT proposed_statement FROM experience "
                                                   "WHERE segment_id = 1 AND attribute_id = 7");

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Fibre in every villa", -1);
  ecart_test_wait (200);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Fibre in every villa since March.", -1);
  g_assert_false (statement_is_saved (fixture));
  g_assert_true (ecart_test_wait_for (statement_is_saved, fixture, 3000));
  g_assert_cmpstr (ecart_workspace_get_undo_label (fixture->workspace), ==, "Edit what is in place");

  undo (fixture);
  {
    g_autofree char *now = ecart_test_query_text (fixture->path,
                                                  "SELECT proposed_statement FROM experience "
                                                  "WHERE segment_id = 1 AND attribute_id = 7");
    g_autofree char *shown = ecart_statement_view_dup_buffer_text (view);

    g_assert_cmpstr (now, ==, before);
    g_assert_cmpstr (shown, ==, before);
  }
}

static void
test_proposed_initiatives (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *entry = control (fixture, GTK_TYPE_ENTRY, "Initiative title");
  GtkWidget *button = control (fixture, GTK_TYPE_BUTTON, "Add Initiative");
  GtkWidget *error_label = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_PROPOSED_PAGE,
                                             "initiative_error_label");
  gint64 count = ecart_test_query_int (fixture->path, "SELECT count(*) FROM initiative");
  EcartInitiative *drink;
  GtkWindow *dialog;

  /* The keyboard way in: Ctrl+Shift+N shows the board and focuses the title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "proposed.add-initiative", NULL));
  ecart_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry)
                 || gtk_root_get_focus (GTK_ROOT (fixture->window)) == entry);

  /* No title: refused at the field. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM initiative"), ==, count);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, "Type a title for the initiative");

  /* Added as an idea, last of its column. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Welcome drink on arrival");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_signal_emit_by_name (entry, "activate");
  ecart_test_iterate ();
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM initiative"), ==, count + 1);
  g_assert_cmpint (initiative_int (fixture, "status", "Welcome drink on arrival"), ==, ECART_INITIATIVE_IDEA);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  {
    g_autofree char *ideas = column_titles (fixture, ECART_INITIATIVE_IDEA);

    g_assert_true (g_str_has_suffix (ideas, "| Welcome drink on arrival"));
  }
  drink = initiative_titled (fixture, "Welcome drink on arrival");

  /* Edited in the dialog: a bad date cannot be saved; a picked one can. */
  g_assert_true (gtk_widget_activate_action (ecart_initiative_board_get_card (board (fixture), drink),
                                             "card.edit", NULL));
  g_assert_true (ecart_test_wait_for (dialog_is_shown, GSIZE_TO_POINTER (ECART_TYPE_INITIATIVE_DIALOG), 3000));
  dialog = ecart_test_find_toplevel (ECART_TYPE_INITIATIVE_DIALOG);
  {
    GtkWidget *title = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
    GtkWidget *owner = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Owner");
    GtkWidget *due = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Due Date (YYYY-MM-DD)");
    GtkWidget *segment = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Segment");
    GtkWidget *attribute = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Attribute");
    GtkWidget *touchpoint = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Touchpoint");
    GtkWidget *calendar = ecart_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_CALENDAR);

    g_assert_nonnull (title);
    g_assert_nonnull (touchpoint);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Welcome drink on arrival");
    gtk_editable_set_text (GTK_EDITABLE (owner), "Front office manager");
    gtk_editable_set_text (GTK_EDITABLE (due), "2026-13-01");
    g_assert_false (gtk_widget_is_sensitive (ecart_test_child (GTK_WIDGET (dialog), ECART_TYPE_INITIATIVE_DIALOG,
                                                               "save_button")));
    g_assert_true (gtk_widget_has_css_class (due, "error"));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    ecart_test_save_screenshot (GTK_WIDGET (dialog), "proposed-initiative-dialog-refused.png");

    gtk_editable_set_text (GTK_EDITABLE (title), "  ");
    g_assert_true (gtk_widget_has_css_class (title, "error"));
    gtk_editable_set_text (GTK_EDITABLE (title), "Welcome drink on arrival");

    /* The calendar fills in the date as the field wants it. */
    {
      GtkWidget *popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
      g_autoptr(GDateTime) day = g_date_time_new_local (2026, 6, 30, 0, 0, 0);

      gtk_popover_popup (GTK_POPOVER (popover));
      ecart_test_iterate ();
      gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
      ecart_test_iterate ();
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-06-30");
    }
    g_assert_false (gtk_widget_has_css_class (due, "error"));
    g_assert_true (gtk_widget_is_sensitive (ecart_test_child (GTK_WIDGET (dialog), ECART_TYPE_INITIATIVE_DIALOG,
                                                              "save_button")));
    adw_combo_row_set_selected (ADW_COMBO_ROW (segment), 1);       /* Honeymoon couples */
    adw_combo_row_set_selected (ADW_COMBO_ROW (attribute), 8);     /* Warm welcome */
    adw_combo_row_set_selected (ADW_COMBO_ROW (touchpoint), 1);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    ecart_test_save_screenshot (GTK_WIDGET (dialog), "proposed-initiative-dialog.png");
    g_signal_emit_by_name (ecart_test_child (GTK_WIDGET (dialog), ECART_TYPE_INITIATIVE_DIALOG, "save_button"),
                           "clicked");
    ecart_test_iterate ();
  }
  g_assert_null (ecart_test_find_toplevel (ECART_TYPE_INITIATIVE_DIALOG));
  g_assert_cmpstr (ecart_test_query_text (fixture->path, "SELECT owner FROM initiative WHERE title = 'Welcome drink on arrival'"),
                   ==, "Front office manager");
  g_assert_cmpstr (ecart_test_query_text (fixture->path, "SELECT due_date FROM initiative WHERE title = 'Welcome drink on arrival'"),
                   ==, "2026-06-30");
  g_assert_cmpint (initiative_int (fixture, "segment_id", "Welcome drink on arrival"), ==, 1);
  g_assert_cmpint (initiative_int (fixture, "attribute_id", "Welcome drink on arrival"), ==, 8);
  g_assert_cmpint (initiative_int (fixture, "touchpoint_id", "Welcome drink on arrival"), >, 0);
  g_assert_cmpstr (ecart_workspace_get_undo_label (fixture->workspace), ==, "Edit initiative");
  {
    GtkWidget *card = ecart_initiative_board_get_card (board (fixture), drink);

    g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL, "Honeymoon couples"));
    g_assert_nonnull (ecart_test_find_by_label (card, GTK_TYPE_LABEL, "Front office manager"));
  }

  /* Moved from the keyboard (menu "Move To", Shift+Alt+Right): the card keeps the focus. */
  gtk_widget_grab_focus (ecart_initiative_board_get_card (board (fixture), drink));
  g_assert_true (gtk_widget_activate_action (ecart_initiative_board_get_card (board (fixture), drink),
                                             "card.move-to", "i", ECART_INITIATIVE_IN_PROGRESS));
  ecart_test_iterate ();
  g_assert_cmpint (initiative_int (fixture, "status", "Welcome drink on arrival"), ==, ECART_INITIATIVE_IN_PROGRESS);
  {
    g_autofree char *doing = column_titles (fixture, ECART_INITIATIVE_IN_PROGRESS);

    g_assert_true (g_str_has_suffix (doing, "| Welcome drink on arrival"));
  }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == ecart_initiative_board_get_card (board (fixture), drink));
  g_assert_true (gtk_widget_activate_action (ecart_initiative_board_get_card (board (fixture), drink),
                                             "card.move-next-status", NULL));
  ecart_test_iterate ();
  g_assert_cmpint (initiative_int (fixture, "status", "Welcome drink on arrival"), ==, ECART_INITIATIVE_DONE);
  undo (fixture);
  g_assert_cmpint (initiative_int (fixture, "status", "Welcome drink on arrival"), ==, ECART_INITIATIVE_IN_PROGRESS);
  g_assert_nonnull (ecart_test_find_by_accessible_label (GTK_WIDGET (ecart_initiative_board_get_list (board (fixture), ECART_INITIATIVE_IN_PROGRESS)),
                                                         ECART_TYPE_INITIATIVE_CARD, "Welcome drink on arrival"));

  /* Up within its column. */
  g_assert_true (gtk_widget_activate_action (ecart_initiative_board_get_card (board (fixture), drink),
                                             "card.move-up", NULL));
  ecart_test_iterate ();
  {
    g_autofree char *doing = column_titles (fixture, ECART_INITIATIVE_IN_PROGRESS);

    g_assert_cmpstr (doing, ==, "Bring family advertising back to what we really offer | Book connecting rooms online | "
                     "Welcome drink on arrival | Fibre and wifi 6 in every room");
  }

  /* Dragged to the top of Planned. */
  {
    GtkListBox *planned = ecart_initiative_board_get_list (board (fixture), ECART_INITIATIVE_PLANNED);
    GtkWidget *column = gtk_widget_get_parent (GTK_WIDGET (planned));
    GtkDropTarget *target = g_object_get_data (G_OBJECT (column), "ecart-drop-target");
    GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (planned, 0));
    graphene_rect_t bounds;
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_assert_true (gtk_widget_compute_bounds (first, column, &bounds));
    g_value_init (&value, ECART_TYPE_INITIATIVE);
    g_value_set_object (&value, drink);
    g_signal_emit_by_name (target, "drop", &value, 20.0, (double)(bounds.origin.y + 4), &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
    ecart_test_iterate ();
    g_assert_cmpint (initiative_int (fixture, "status", "Welcome drink on arrival"), ==, ECART_INITIATIVE_PLANNED);
    {
      g_autofree char *planned_titles = column_titles (fixture, ECART_INITIATIVE_PLANNED);

      g_assert_true (g_str_has_prefix (planned_titles, "Welcome drink on arrival | "));
    }
  }

  /* Deleted: a toast offers Undo, which brings it back with everything. */
  g_assert_true (gtk_widget_activate_action (ecart_initiative_board_get_card (board (fixture), drink),
                                             "card.delete", NULL));
  ecart_test_iterate ();
  g_assert_cmpint (initiative_int (fixture, "count(*)", "Welcome drink on arrival"), ==, 0);
  {
    GtkWidget *overlay = ecart_test_child (GTK_WIDGET (fixture->window), ECART_TYPE_WINDOW, "toast_overlay");

    g_assert_nonnull (ecart_test_find_by_label (overlay, GTK_TYPE_LABEL, "Initiative “Welcome drink on arrival” deleted"));
  }
  undo (fixture);
  g_assert_cmpint (initiative_int (fixture, "count(*)", "Welcome drink on arrival"), ==, 1);
  g_assert_cmpint (initiative_int (fixture, "status", "Welcome drink on arrival"), ==, ECART_INITIATIVE_PLANNED);
  g_assert_cmpstr (ecart_test_query_text (fixture->path, "SELECT owner FROM initiative WHERE title = 'Welcome drink on arrival'"),
                   ==, "Front office manager");
  g_assert_nonnull (ecart_initiative_board_get_card (board (fixture),
                                                     initiative_titled (fixture, "Welcome drink on arrival")));
}

static void
test_proposed_propose (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *row = ecart_proposed_page_get_row (fixture->page,
                                                ECART_ATTRIBUTE (ecart_workspace_find_attribute (fixture->workspace, 7)));
  GtkWindow *dialog;
  GtkWidget *title;

  /* From an attribute with a gap: a new initiative about it, for this segment. */
  g_assert_true (gtk_widget_activate_action (row, "row.propose-initiative", NULL));
  g_assert_true (ecart_test_wait_for (dialog_is_shown, GSIZE_TO_POINTER (ECART_TYPE_INITIATIVE_DIALOG), 3000));
  dialog = ecart_test_find_toplevel (ECART_TYPE_INITIATIVE_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "New Initiative");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Segment"))), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Attribute"))), ==, 7);

  /* Nothing is added until it has a title and is saved. */
  title = ecart_test_find_by_label (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_false (gtk_widget_is_sensitive (ecart_test_child (GTK_WIDGET (dialog), ECART_TYPE_INITIATIVE_DIALOG, "save_button")));
  gtk_editable_set_text (GTK_EDITABLE (title), "Wifi booster on the terraces");
  g_signal_emit_by_name (ecart_test_child (GTK_WIDGET (dialog), ECART_TYPE_INITIATIVE_DIALOG, "save_button"), "clicked");
  ecart_test_iterate ();
  g_assert_cmpint (initiative_int (fixture, "segment_id", "Wifi booster on the terraces"), ==, 1);
  g_assert_cmpint (initiative_int (fixture, "attribute_id", "Wifi booster on the terraces"), ==, 7);
  g_assert_cmpint (initiative_int (fixture, "status", "Wifi booster on the terraces"), ==, ECART_INITIATIVE_IDEA);
}

static void
test_proposed_blank (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_PROPOSED_PAGE, "stack"));
  g_autoptr(GError) error = NULL;
  EcartPillar *pillar;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-empty.png"));

  g_assert_nonnull (ecart_workspace_add_segment (fixture->workspace, "Neighbours", &error));
  {
    g_autoptr(EcartPillar) first = g_list_model_get_item (ecart_workspace_get_pillars (fixture->workspace), 0);

    pillar = first;
    g_assert_nonnull (ecart_workspace_add_attribute (fixture->workspace, pillar, "Fresh bread", &error));
  }
  ecart_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");

  /* Neither target nor level yet: no gap, and it says so. */
  {
    GtkLabel *gap = GTK_LABEL (control (fixture, GTK_TYPE_LABEL, "Implementation gap for Fresh bread"));
    GtkSpinButton *level = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Proposed level for Fresh bread"));

    g_assert_cmpstr (gtk_label_get_label (gap), ==, "—");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (level)), ==, "");
    gtk_editable_set_text (GTK_EDITABLE (level), "4");
    gtk_spin_button_update (level);
    ecart_test_iterate ();
    g_assert_cmpfloat (ecart_test_query_double (fixture->path, "SELECT proposed_level FROM experience"), ==, 4.0);
    g_assert_cmpstr (gtk_label_get_label (gap), ==, "—");
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-new-workspace.png"));
}

static void
test_proposed_screenshots (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwViewStack *views = ADW_VIEW_STACK (ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_PROPOSED_PAGE,
                                                          "view_stack"));

  ecart_test_resize (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-1280x800.png"));

  /* Four columns side by side on a wide window… */
  adw_view_stack_set_visible_child_name (views, "initiatives");
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  ecart_test_iterate ();
  g_assert_false (ecart_initiative_board_get_stacked (board (fixture)));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-board-1280x800.png"));
  {
    GtkWidget *card = ecart_initiative_board_get_card (board (fixture), initiative_titled (fixture, "Book connecting rooms online"));
    GtkMenuButton *menu = GTK_MENU_BUTTON (ecart_test_child (card, ECART_TYPE_INITIATIVE_CARD, "menu_button"));

    gtk_menu_button_popup (menu);
    ecart_test_iterate ();
    gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_menu_button_get_popover (menu)));
    g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu)),
                                               "proposed-card-menu.png"));
    gtk_menu_button_popdown (menu);
    ecart_test_iterate ();
  }

  /* …one above the other on a small one. */
  ecart_test_resize (GTK_WINDOW (fixture->window), 1024, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  ecart_test_iterate ();
  g_assert_true (ecart_initiative_board_get_stacked (board (fixture)));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-board-1024x600.png"));

  adw_view_stack_set_visible_child_name (views, "audit");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "proposed.show-guide", NULL);
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-1024x600.png"));

  ecart_test_resize (GTK_WINDOW (fixture->window), 1920, 1080);
  adw_view_stack_set_visible_child_name (views, "initiatives");
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-board-1920x1080.png"));

  /* Narrow: the sidebar folds away. */
  ecart_test_resize (GTK_WINDOW (fixture->window), 600, 700);
  adw_view_stack_set_visible_child_name (views, "audit");
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "proposed-600x700.png"));
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

  g_test_add ("/gui/proposed/shows-segment", Fixture, NULL, fixture_set_up, test_proposed_shows_segment, fixture_tear_down);
  g_test_add ("/gui/proposed/gap-live", Fixture, NULL, fixture_set_up, test_proposed_gap_live, fixture_tear_down);
  g_test_add ("/gui/proposed/statement", Fixture, NULL, fixture_set_up, test_proposed_statement, fixture_tear_down);
  g_test_add ("/gui/proposed/initiatives", Fixture, NULL, fixture_set_up, test_proposed_initiatives, fixture_tear_down);
  g_test_add ("/gui/proposed/propose", Fixture, NULL, fixture_set_up, test_proposed_propose, fixture_tear_down);
  g_test_add ("/gui/proposed/blank", Fixture, "blank", fixture_set_up, test_proposed_blank, fixture_tear_down);
  g_test_add ("/gui/proposed/screenshots", Fixture, NULL, fixture_set_up, test_proposed_screenshots, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}
