/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "ecart-application.h"
#include "ecart-attribute-list.h"
#include "ecart-desired-page.h"
#include "ecart-desired-row.h"
#include "ecart-statement-view.h"
#include "ecart-template.h"
#include "ecart-test-utils.h"
#include "ecart-window.h"

/* The Desired Experience page (step 1), driven as the user does: spin buttons, text typed
 * and left, entries activated, menu actions, Ctrl+Z. Every check reads the file. */

typedef struct
{
  EcartApplication *app;
  char             *dir;
  char             *path;
  EcartWindow      *window;
  EcartWorkspace   *workspace;
  EcartDesiredPage *page;
} Fixture;

static char *shared_demo;
static EcartApplication *shared_app;

static void
open_window (Fixture *fixture)
{
  ecart_application_open_path (fixture->app, fixture->path, NULL);
  fixture->window = ECART_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  g_assert_true (ecart_test_wait_for (ecart_test_window_is_drawn, fixture->window, 5000));
  fixture->workspace = ecart_window_get_workspace (fixture->window);
  g_assert_nonnull (fixture->workspace);

  ecart_window_set_page (fixture->window, "desired");
  g_assert_cmpstr (ecart_window_get_page (fixture->window), ==, "desired");
  fixture->page = ECART_DESIRED_PAGE (ecart_test_find_by_type (GTK_WIDGET (fixture->window),
                                                               ECART_TYPE_DESIRED_PAGE));
  g_assert_true (ecart_desired_page_get_workspace (fixture->page) == fixture->workspace);
  ecart_test_iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = ecart_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "demo.ecart", NULL);
  fixture->app = g_object_ref (shared_app);

  ecart_test_copy_workspace (g_strcmp0 (data, "blank") == 0 ? NULL : shared_demo, fixture->path);

  open_window (fixture);
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

static EcartAttribute *
attribute_named (Fixture    *fixture,
                 const char *name)
{
  EcartItem *item = ecart_workspace_find_by_name (fixture->workspace,
                                                  ecart_workspace_get_attributes (fixture->workspace),
                                                  name);

  g_assert_nonnull (item);
  return ECART_ATTRIBUTE (item);
}

static EcartSegment *
segment_at (Fixture *fixture,
            guint    index)
{
  g_autoptr(EcartSegment) segment = g_list_model_get_item (ecart_workspace_get_segments (fixture->workspace),
                                                           index);

  g_assert_nonnull (segment);
  return segment;
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
desired_target (Fixture    *fixture,
                const char *segment,
                const char *attribute)
{
  g_autofree char *sql = g_strdup_printf ("SELECT e.desired_target FROM experience e "
                                          "JOIN segment s ON s.id = e.segment_id "
                                          "JOIN attribute a ON a.id = e.attribute_id "
                                          "WHERE s.name = '%s' AND a.name = '%s'",
                                          segment, attribute);

  return ecart_test_query_double (fixture->path, sql);
}

static char *
desired_text (Fixture    *fixture,
              const char *column,
              const char *segment,
              const char *attribute)
{
  g_autofree char *sql = g_strdup_printf ("SELECT e.%s FROM experience e "
                                          "JOIN segment s ON s.id = e.segment_id "
                                          "JOIN attribute a ON a.id = e.attribute_id "
                                          "WHERE s.name = '%s' AND a.name = '%s'",
                                          column, segment, attribute);

  return ecart_test_query_text (fixture->path, sql);
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ecart_test_iterate ();
}

static void
redo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  ecart_test_iterate ();
}

static GtkWidget *
row_of (Fixture    *fixture,
        const char *attribute)
{
  GtkWidget *row = ecart_desired_page_get_row (fixture->page, attribute_named (fixture, attribute));

  g_assert_true (ECART_IS_DESIRED_ROW (row));
  return row;
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_desired_shows_segment (Fixture       *fixture,
                            gconstpointer  data)
{
  EcartSegment *couples = segment_at (fixture, 0);
  EcartSegment *families = segment_at (fixture, 1);
  GtkSpinButton *target;
  GtkSpinButton *importance;
  EcartStatementView *promise;
  g_autofree char *stored = NULL;

  g_assert_true (ecart_desired_page_get_segment (fixture->page) == couples);

  /* One group per pillar, titled with the pillar's name. */
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                              "Product & price"));
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                              "Brand identity"));

  target = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Target level for Room comfort"));
  importance = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Importance of Room comfort"));
  promise = ECART_STATEMENT_VIEW (control (fixture, ECART_TYPE_STATEMENT_VIEW, "Promise for Room comfort"));

  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, desired_target (fixture, "Honeymoon couples", "Room comfort"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "9.0");
  g_assert_cmpfloat (gtk_spin_button_get_value (importance), ==, 5);
  stored = desired_text (fixture, "desired_statement", "Honeymoon couples", "Room comfort");
  g_assert_cmpstr (ecart_statement_view_get_text (promise), ==, stored);

  /* The segment follows the window: the rows show the other segment's cells. */
  ecart_window_set_segment (fixture->window, families);
  ecart_test_iterate ();
  g_assert_true (ecart_desired_page_get_segment (fixture->page) == families);
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, desired_target (fixture, "Families", "Room comfort"));
  {
    g_autofree char *families_promise = desired_text (fixture, "desired_statement", "Families", "Room comfort");
    g_autofree char *shown = ecart_statement_view_dup_buffer_text (promise);

    g_assert_cmpstr (shown, ==, families_promise);
  }
}

static void
test_desired_target_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSpinButton *target = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON,
                                                    "Target level for Warm welcome"));
  double before = desired_target (fixture, "Honeymoon couples", "Warm welcome");

  g_assert_cmpfloat (before, !=, 6.5);

  /* Arrows: saved at once. */
  gtk_spin_button_set_value (target, 6.5);
  ecart_test_iterate ();
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 6.5);

  /* Typed, then Enter: saved, one decimal shown. */
  gtk_editable_set_text (GTK_EDITABLE (target), "7,5");
  gtk_spin_button_update (target);
  ecart_test_iterate ();
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 7.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "7.5");

  /* Ctrl+Z: the restored value is on screen. */
  undo (fixture);
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 6.5);
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, 6.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "6.5");
  undo (fixture);
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, before);
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, before);
  redo (fixture);
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, 6.5);
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 6.5);

  /* Typed and not committed yet: Ctrl+Z saves it first, then undoes it. */
  gtk_widget_grab_focus (GTK_WIDGET (target));
  gtk_editable_set_text (GTK_EDITABLE (target), "3");
  undo (fixture);
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 6.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "6.5");
  redo (fixture);
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 3.0);

  /* The field has no undo of its own: with nothing left to undo, Ctrl+Z must not empty it. */
  g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (target)));

  /* Typed, then Redo: what is typed is a new edit, so there is nothing to redo, silently. */
  undo (fixture);
  g_assert_true (ecart_workspace_can_redo (fixture->workspace));
  gtk_widget_grab_focus (GTK_WIDGET (target));
  gtk_editable_set_text (GTK_EDITABLE (target), "4");
  redo (fixture);
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Warm welcome"), ==, 4.0);
  g_assert_false (ecart_workspace_can_redo (fixture->workspace));
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_desired_importance (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkSpinButton *importance = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON,
                                                        "Importance of Reliable wifi"));
  g_autofree char *label = NULL;

  gtk_spin_button_set_value (importance, 4);
  ecart_test_iterate ();
  g_assert_cmpint (ecart_test_query_int (fixture->path,
                                         "SELECT importance FROM experience e JOIN attribute a "
                                         "ON a.id = e.attribute_id WHERE a.name = 'Reliable wifi' "
                                         "AND e.segment_id = 1"), ==, 4);
  g_assert_cmpstr (ecart_workspace_get_undo_label (fixture->workspace), ==, "Set importance");

  /* 3.5 is not an importance: refused at the field. */
  gtk_editable_set_text (GTK_EDITABLE (importance), "3.5");
  gtk_spin_button_update (importance);
  ecart_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (importance), "error"));
  g_assert_cmpint (ecart_test_query_int (fixture->path,
                                         "SELECT importance FROM experience e JOIN attribute a "
                                         "ON a.id = e.attribute_id WHERE a.name = 'Reliable wifi' "
                                         "AND e.segment_id = 1"), ==, 4);
}

static void
check_refused (Fixture       *fixture,
               GtkSpinButton *target,
               const char    *typed,
               double         stored)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (target), ECART_TYPE_DESIRED_ROW);
  GtkWidget *error_label = ecart_test_child (row, ECART_TYPE_DESIRED_ROW, "error_label");
  g_autofree char *undo_before = g_strdup (ecart_workspace_get_undo_label (fixture->workspace));

  gtk_editable_set_text (GTK_EDITABLE (target), typed);
  /* Said as it is typed, and again when committed. */
  if (!g_str_equal (typed, "abc"))
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  gtk_spin_button_update (target);
  ecart_test_iterate ();

  /* Nothing written; the field keeps what was typed, in error, and says why. */
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Easy booking"), ==, stored);
  g_assert_cmpstr (ecart_workspace_get_undo_label (fixture->workspace), ==, undo_before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, typed);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "0 to 10"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (target)), "0 to 10"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       gtk_label_get_label (GTK_LABEL (error_label)));
}

static void
test_desired_validation (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkSpinButton *target = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON,
                                                    "Target level for Easy booking"));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (target), ECART_TYPE_DESIRED_ROW);
  GtkWidget *error_label = ecart_test_child (row, ECART_TYPE_DESIRED_ROW, "error_label");
  double stored = desired_target (fixture, "Honeymoon couples", "Easy booking");

  g_assert_false (isnan (stored));
  check_refused (fixture, target, "12", stored);
  check_refused (fixture, target, "-1", stored);
  check_refused (fixture, target, "abc", stored);

  gtk_widget_set_size_request (GTK_WIDGET (fixture->window), -1, -1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  gtk_editable_set_text (GTK_EDITABLE (target), "12");
  gtk_spin_button_update (target);
  ecart_test_iterate ();
  gtk_widget_grab_focus (GTK_WIDGET (target));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* The reason is on screen, not below the fold. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (error_label, GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (error_label, scrolled, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
  }
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-level-refused.png"));

  /* Corrected: the error goes away and the value is saved. */
  gtk_editable_set_text (GTK_EDITABLE (target), "10");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  gtk_spin_button_update (target);
  ecart_test_iterate ();
  g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Easy booking"), ==, 10.0);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Emptied: the target is not set any more. */
  gtk_editable_set_text (GTK_EDITABLE (target), "");
  gtk_spin_button_update (target);
  ecart_test_iterate ();
  g_assert_true (isnan (desired_target (fixture, "Honeymoon couples", "Easy booking")));
  undo (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "10.0");
}

static gboolean
promise_is_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *text = desired_text (fixture, "desired_statement", "Honeymoon couples", "Reliable wifi");

  return g_strcmp0 (text, "A fast connection, on the terrace too.") == 0;
}

static void
test_desired_promise (Fixture       *fixture,
                      gconstpointer  data)
{
  EcartStatementView *promise = ECART_STATEMENT_VIEW (control (fixture, ECART_TYPE_STATEMENT_VIEW,
                                                               "Promise for Reliable wifi"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (promise));
  g_autofree char *before = desired_text (fixture, "desired_statement", "Honeymoon couples", "Reliable wifi");
  g_autofree char *after_undo = NULL;
  const char *steps[] = { "A", "A fast", "A fast connection,", "A fast connection, on the terrace too." };

  /* Typed in several strokes: nothing is saved while typing… */
  gtk_widget_grab_focus (GTK_WIDGET (promise));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gtk_text_buffer_set_text (buffer, steps[i], -1);
      ecart_test_wait (100);
    }
  {
    g_autofree char *now = desired_text (fixture, "desired_statement", "Honeymoon couples", "Reliable wifi");

    g_assert_cmpstr (now, ==, before);
  }

  /* …then after a short pause, as one change. */
  g_assert_true (ecart_test_wait_for (promise_is_saved, fixture, 3000));
  g_assert_cmpstr (ecart_workspace_get_undo_label (fixture->workspace), ==, "Edit promise");
  undo (fixture);
  after_undo = desired_text (fixture, "desired_statement", "Honeymoon couples", "Reliable wifi");
  g_assert_cmpstr (after_undo, ==, before);
  {
    g_autofree char *shown = ecart_statement_view_dup_buffer_text (promise);

    g_assert_cmpstr (shown, ==, before);
  }

  /* Measured for the width it gets: a long promise on a narrow row is not cut off. */
  {
    int narrow, wide;

    gtk_widget_measure (GTK_WIDGET (promise), GTK_ORIENTATION_VERTICAL, 200, NULL, &narrow, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (promise), GTK_ORIENTATION_VERTICAL, 2000, NULL, &wide, NULL, NULL);
    g_assert_cmpint (narrow, >, wide);
  }

  /* Leaving the field saves at once. */
  gtk_text_buffer_set_text (buffer, "A fast connection, on the terrace too.", -1);
  gtk_widget_grab_focus (control (fixture, GTK_TYPE_SPIN_BUTTON, "Target level for Reliable wifi"));
  ecart_test_iterate ();
  g_assert_true (promise_is_saved (fixture));

  /* Switching segment while typing saves to the segment typed for. */
  gtk_widget_grab_focus (GTK_WIDGET (promise));
  gtk_text_buffer_set_text (buffer, "Wifi that just works.", -1);
  ecart_window_set_segment (fixture->window, segment_at (fixture, 2));
  ecart_test_iterate ();
  {
    g_autofree char *couples = desired_text (fixture, "desired_statement", "Honeymoon couples", "Reliable wifi");

    g_assert_cmpstr (couples, ==, "Wifi that just works.");
  }
}

static void
test_desired_add_attribute (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *entry = control (fixture, GTK_TYPE_ENTRY, "Attribute name");
  GtkWidget *button = control (fixture, GTK_TYPE_BUTTON, "Add Attribute");
  GtkWidget *error_label = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_DESIRED_PAGE,
                                             "attribute_error_label");
  GtkDropDown *pillars = GTK_DROP_DOWN (control (fixture, GTK_TYPE_DROP_DOWN, "Pillar of the new attribute"));
  gint64 count = ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute");
  EcartAttribute *added;

  /* Empty: refused, and the field says why. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  ecart_test_iterate ();
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute"), ==, count);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, "Type a name for the attribute");

  /* Taken (whatever the case): said as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "room COMFORT");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   "An attribute named “Room comfort” already exists");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute"), ==, count);

  /* A new name, in the chosen pillar. */
  gtk_drop_down_set_selected (pillars, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Quiet pools");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_signal_emit_by_name (entry, "activate");
  ecart_test_iterate ();
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute"), ==, count + 1);
  g_assert_cmpstr (ecart_test_query_text (fixture->path,
                                          "SELECT p.key FROM attribute a JOIN pillar p "
                                          "ON p.id = a.pillar_id WHERE a.name = 'Quiet pools'"),
                   ==, "processes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  added = attribute_named (fixture, "Quiet pools");
  g_assert_nonnull (ecart_desired_page_get_row (fixture->page, added));

  /* Its row edits the new cells: a target not set yet shows an empty field. */
  {
    GtkSpinButton *target = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON,
                                                      "Target level for Quiet pools"));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "");
    gtk_editable_set_text (GTK_EDITABLE (target), "5");
    gtk_spin_button_update (target);
    ecart_test_iterate ();
    g_assert_cmpfloat (desired_target (fixture, "Honeymoon couples", "Quiet pools"), ==, 5.0);
  }

  /* Undone twice: the attribute is gone, and its row. */
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute"), ==, count);
  g_assert_null (ecart_test_find_by_accessible_label (GTK_WIDGET (fixture->page), GTK_TYPE_SPIN_BUTTON,
                                                      "Target level for Quiet pools"));
}

static char *
pillar_order (Fixture    *fixture,
              const char *pillar)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (name, ', ') FROM "
                                          "(SELECT a.name FROM attribute a JOIN pillar p "
                                          "ON p.id = a.pillar_id WHERE p.key = '%s' "
                                          "ORDER BY a.position)", pillar);

  return ecart_test_query_text (fixture->path, sql);
}

static char *
shown_order (Fixture    *fixture,
             const char *pillar)
{
  EcartItem *item = NULL;
  GListModel *pillars = ecart_workspace_get_pillars (fixture->workspace);
  GtkWidget *list = ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_DESIRED_PAGE, "attribute_list");
  GString *order = g_string_new (NULL);
  GtkListBox *box;

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(EcartPillar) p = g_list_model_get_item (pillars, i);

      if (g_str_equal (ecart_pillar_get_key (p), pillar))
        item = ECART_ITEM (p);
    }
  box = ecart_attribute_list_get_list_box (ECART_ATTRIBUTE_LIST (list), ECART_PILLAR (item));
  for (int i = 0; gtk_list_box_get_row_at_index (box, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (box, i);

      g_string_append_printf (order, "%s%s", i > 0 ? ", " : "",
                              ecart_item_get_name (ECART_ITEM (ecart_desired_row_get_attribute (ECART_DESIRED_ROW (row)))));
    }
  return g_string_free (order, FALSE);
}

static void
assert_order (Fixture    *fixture,
              const char *pillar,
              const char *expected)
{
  g_autofree char *stored = pillar_order (fixture, pillar);
  g_autofree char *shown = shown_order (fixture, pillar);

  g_assert_cmpstr (stored, ==, expected);
  g_assert_cmpstr (shown, ==, expected);
}

static void
test_desired_reorder (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *wifi = row_of (fixture, "Reliable wifi");
  GtkWidget *booking = row_of (fixture, "Easy booking");
  GtkWidget *spin = control (fixture, GTK_TYPE_SPIN_BUTTON, "Target level for Reliable wifi");

  assert_order (fixture, "processes", "Easy booking, Fast check-in and check-out, Reliable wifi");

  /* A row is dragged by its handle and name, not by its fields (a drag there selects text). */
  {
    GtkEventController *source = g_object_get_data (G_OBJECT (wifi), "ecart-drag-source");

    g_assert_true (GTK_IS_DRAG_SOURCE (source));
    g_assert_true (gtk_event_controller_get_widget (source)
                   == ecart_test_child (wifi, ECART_TYPE_DESIRED_ROW, "drag_area"));
    g_assert_false (gtk_widget_is_ancestor (spin, gtk_event_controller_get_widget (source)));
  }

  /* Move up from the keyboard (Alt+Up): the row keeps the focus. */
  gtk_widget_grab_focus (spin);
  g_assert_true (gtk_widget_activate_action (wifi, "row.move-up", NULL));
  ecart_test_iterate ();
  assert_order (fixture, "processes", "Easy booking, Reliable wifi, Fast check-in and check-out");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), wifi));
  g_assert_true (gtk_widget_activate_action (wifi, "row.move-up", NULL));
  ecart_test_iterate ();
  assert_order (fixture, "processes", "Reliable wifi, Easy booking, Fast check-in and check-out");

  /* Past the top of its pillar: to the end of the previous one. */
  g_assert_true (gtk_widget_activate_action (wifi, "row.move-up", NULL));
  ecart_test_iterate ();
  assert_order (fixture, "processes", "Easy booking, Fast check-in and check-out");
  assert_order (fixture, "product", "Room comfort, Spa and lagoon activities, Kids’ club, Value for money, Reliable wifi");

  /* Move to pillar… (menu): to the end of that pillar. */
  {
    EcartItem *brand = NULL;
    GListModel *pillars = ecart_workspace_get_pillars (fixture->workspace);

    for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
      {
        g_autoptr(EcartPillar) p = g_list_model_get_item (pillars, i);

        if (g_str_equal (ecart_pillar_get_key (p), "brand"))
          brand = ECART_ITEM (p);
      }
    g_assert_true (gtk_widget_activate_action (booking, "row.move-to-pillar", "x",
                                               ecart_item_get_id (brand)));
    ecart_test_iterate ();
    assert_order (fixture, "brand", "Eco-responsibility, Local authenticity, Prestige and reputation, Easy booking");
  }

  /* Undo walks back, the rows follow. */
  undo (fixture);
  assert_order (fixture, "processes", "Easy booking, Fast check-in and check-out");
  undo (fixture);
  assert_order (fixture, "processes", "Reliable wifi, Easy booking, Fast check-in and check-out");

  /* Drag and drop: Reliable wifi dropped below Fast check-in (the last row). */
  {
    GtkListBox *box = GTK_LIST_BOX (gtk_widget_get_parent (wifi));
    GtkWidget *last = GTK_WIDGET (gtk_list_box_get_row_at_index (box, 2));
    GtkDropTarget *target = g_object_get_data (G_OBJECT (box), "ecart-drop-target");
    graphene_rect_t bounds;
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_assert_nonnull (target);
    g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (box), &bounds));
    g_value_init (&value, ECART_TYPE_ATTRIBUTE);
    g_value_set_object (&value, attribute_named (fixture, "Reliable wifi"));
    g_signal_emit_by_name (target, "drop", &value, 10.0,
                           (double)(bounds.origin.y + bounds.size.height - 5), &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
    ecart_test_iterate ();
    assert_order (fixture, "processes", "Easy booking, Fast check-in and check-out, Reliable wifi");
  }

  /* Dropped into another pillar, above its first row. */
  {
    GtkListBox *box = GTK_LIST_BOX (gtk_widget_get_parent (row_of (fixture, "Warm welcome")));
    GtkDropTarget *target = g_object_get_data (G_OBJECT (box), "ecart-drop-target");
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_value_init (&value, ECART_TYPE_ATTRIBUTE);
    g_value_set_object (&value, attribute_named (fixture, "Easy booking"));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 4.0, &dropped);
    g_value_unset (&value);
    g_assert_true (dropped);
    ecart_test_iterate ();
    assert_order (fixture, "relationship", "Easy booking, Warm welcome, Personal attention, Listening and problem solving");
    assert_order (fixture, "processes", "Fast check-in and check-out, Reliable wifi");
  }
}

static void
test_desired_copy (Fixture       *fixture,
                   gconstpointer  data)
{
  EcartSegment *families = segment_at (fixture, 1);
  EcartSegment *business = segment_at (fixture, 2);
  GtkSpinButton *target;
  double business_before = desired_target (fixture, "Business travellers", "Kids’ club");

  ecart_window_set_segment (fixture->window, business);
  ecart_test_iterate ();
  target = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Target level for Kids’ club"));
  g_assert_cmpfloat (desired_target (fixture, "Families", "Kids’ club"), !=, business_before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "desired.copy-from", "x",
                                             ecart_item_get_id (ECART_ITEM (families))));
  ecart_test_iterate ();
  g_assert_cmpfloat (desired_target (fixture, "Business travellers", "Kids’ club"), ==,
                     desired_target (fixture, "Families", "Kids’ club"));
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, desired_target (fixture, "Families", "Kids’ club"));
  g_assert_cmpint (ecart_test_query_int (fixture->path,
                                         "SELECT count(*) FROM experience b JOIN experience f "
                                         "ON f.attribute_id = b.attribute_id AND f.segment_id = 2 "
                                         "WHERE b.segment_id = 3 AND (b.desired_statement IS NOT f.desired_statement "
                                         "OR b.importance IS NOT f.importance)"), ==, 0);

  undo (fixture);
  g_assert_cmpfloat (desired_target (fixture, "Business travellers", "Kids’ club"), ==, business_before);
  g_assert_cmpfloat (gtk_spin_button_get_value (target), ==, business_before);
}

static gboolean
dialog_is_shown (gpointer data)
{
  return ecart_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

/* Clicks the button of a response, as the user does: the dialog responds and closes. */
static void
click_response (GtkWindow  *dialog,
                const char *label)
{
  GtkWidget *button = ecart_test_find_by_label (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ecart_test_iterate ();
}

static void
test_desired_edit_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *entry = control (fixture, GTK_TYPE_ENTRY, "Attribute name");
  GtkWindow *dialog;
  GtkWidget *name;
  gint64 count;

  /* A new attribute, without measurements: deleted at once, with Undo in a toast. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Late checkout");
  g_signal_emit_by_name (entry, "activate");
  ecart_test_iterate ();
  count = ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute");

  /* Edit (F2): renamed, described. A taken name cannot be saved. */
  g_assert_true (gtk_widget_activate_action (row_of (fixture, "Late checkout"), "row.edit", NULL));
  g_assert_true (ecart_test_wait_for (dialog_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 3000));
  dialog = ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  name = ecart_test_find_by_accessible_label (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, "Attribute name");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Warm Welcome");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Late check-out");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  {
    GtkWidget *view = ecart_test_find_by_accessible_label (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW,
                                                           "Description of the attribute");

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              "Leave at 4 pm on the last day.", -1);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "desired-edit-attribute.png");
  click_response (dialog, "Save");
  g_assert_cmpstr (ecart_test_query_text (fixture->path,
                                          "SELECT description FROM attribute WHERE name = 'Late check-out'"),
                   ==, "Leave at 4 pm on the last day.");
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "Late check-out"));

  g_assert_true (gtk_widget_activate_action (row_of (fixture, "Late check-out"), "row.delete", NULL));
  ecart_test_iterate ();
  g_assert_null (ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute"), ==, count - 1);
  {
    GtkWidget *overlay = ecart_test_child (GTK_WIDGET (fixture->window), ECART_TYPE_WINDOW, "toast_overlay");

    g_assert_nonnull (ecart_test_find_by_label (overlay, GTK_TYPE_LABEL, "Attribute “Late check-out” deleted"));
  }
  undo (fixture);
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute"), ==, count);
  g_assert_nonnull (ecart_desired_page_get_row (fixture->page, attribute_named (fixture, "Late check-out")));

  /* An attribute with measurements: asked first, deleted with them. */
  g_assert_true (gtk_widget_activate_action (row_of (fixture, "Warm welcome"), "row.delete", NULL));
  g_assert_true (ecart_test_wait_for (dialog_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 3000));
  dialog = ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Delete “Warm welcome”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "measurements"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ecart_test_save_screenshot (GTK_WIDGET (dialog), "desired-delete-confirm.png");
  click_response (dialog, "Cancel");
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute WHERE name = 'Warm welcome'"), ==, 1);

  g_assert_true (gtk_widget_activate_action (row_of (fixture, "Warm welcome"), "row.delete", NULL));
  g_assert_true (ecart_test_wait_for (dialog_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 3000));
  dialog = ecart_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  click_response (dialog, "Delete");
  g_assert_cmpint (ecart_test_query_int (fixture->path, "SELECT count(*) FROM attribute WHERE name = 'Warm welcome'"), ==, 0);
  g_assert_cmpint (ecart_test_query_int (fixture->path,
                                         "SELECT count(*) FROM measurement m LEFT JOIN attribute a "
                                         "ON a.id = m.attribute_id WHERE a.id IS NULL"), ==, 0);
}

static void
test_desired_guide (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (ecart_test_child (GTK_WIDGET (fixture->page),
                                                          ECART_TYPE_DESIRED_PAGE, "guide_revealer"));
  GtkWidget *button = control (fixture, GTK_TYPE_TOGGLE_BUTTON, "Guide");

  /* Shown to a newcomer; hidden on demand, and it stays hidden across pages and segments. */
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "desired.show-guide", NULL));
  ecart_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  ecart_window_set_page (fixture->window, "overview");
  ecart_window_set_segment (fixture->window, segment_at (fixture, 1));
  ecart_window_set_page (fixture->window, "desired");
  ecart_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

static void
test_desired_blank (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_DESIRED_PAGE, "stack"));
  g_autoptr(GError) error = NULL;
  EcartSegment *segment;
  GtkWidget *entry;

  /* No segment: the page says where to start. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "Open the Portfolio"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-empty.png"));

  /* A first segment (made on the portfolio page): the page opens, pillars without attributes. */
  segment = ecart_workspace_add_segment (fixture->workspace, "Neighbours", &error);
  g_assert_no_error (error);
  ecart_test_iterate ();
  g_assert_true (ecart_window_get_segment (fixture->window) == segment);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  g_assert_nonnull (ecart_test_find_by_label (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                              "No attribute in this pillar yet"));

  entry = control (fixture, GTK_TYPE_ENTRY, "Attribute name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fresh bread");
  g_signal_emit_by_name (entry, "activate");
  ecart_test_iterate ();
  {
    GtkSpinButton *target = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Target level for Fresh bread"));
    GtkSpinButton *importance = GTK_SPIN_BUTTON (control (fixture, GTK_TYPE_SPIN_BUTTON, "Importance of Fresh bread"));

    /* Not set: empty. The first arrow starts from the middle of the scale. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (importance)), ==, "3");
    gtk_spin_button_spin (target, GTK_SPIN_STEP_FORWARD, 0);
    ecart_test_iterate ();
    g_assert_cmpfloat (ecart_test_query_double (fixture->path, "SELECT desired_target FROM experience"), ==, 5.5);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "5.5");

    /* Undo of the cell's first edit: empty again. */
    undo (fixture);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "");

    /* Typing the value underneath an empty field still saves it. */
    gtk_editable_set_text (GTK_EDITABLE (target), "5");
    gtk_spin_button_update (target);
    ecart_test_iterate ();
    g_assert_cmpfloat (ecart_test_query_double (fixture->path, "SELECT desired_target FROM experience"), ==, 5.0);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-new-workspace.png"));
}

static void
test_desired_screenshots (Fixture       *fixture,
                          gconstpointer  data)
{
  ecart_test_resize (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-1280x800.png"));

  ecart_test_resize (GTK_WINDOW (fixture->window), 1024, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-1024x600.png"));

  /* The menus, as they open. */
  {
    GtkWidget *row = row_of (fixture, "Room comfort");
    GtkMenuButton *menu = GTK_MENU_BUTTON (ecart_test_child (row, ECART_TYPE_DESIRED_ROW, "menu_button"));
    GtkMenuButton *copy = GTK_MENU_BUTTON (ecart_test_child (GTK_WIDGET (fixture->page), ECART_TYPE_DESIRED_PAGE,
                                                             "copy_button"));

    gtk_menu_button_popup (menu);
    ecart_test_iterate ();
    gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_menu_button_get_popover (menu)));
    g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu)),
                                               "desired-row-menu.png"));
    gtk_menu_button_popdown (menu);

    gtk_menu_button_popup (copy);
    ecart_test_iterate ();
    gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_menu_button_get_popover (copy)));
    g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (copy)),
                                               "desired-copy-menu.png"));
    gtk_menu_button_popdown (copy);
    ecart_test_iterate ();
  }

  /* Guide hidden: more rows on a small screen. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "desired.show-guide", NULL);
  ecart_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-1024x600-no-guide.png"));

  ecart_test_resize (GTK_WINDOW (fixture->window), 1920, 1080);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-1920x1080.png"));

  /* Narrow: the sidebar folds away; the rows still fit. */
  ecart_test_resize (GTK_WINDOW (fixture->window), 600, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (ecart_test_save_screenshot (GTK_WIDGET (fixture->window), "desired-600x700.png"));
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

  g_test_add ("/gui/desired/shows-segment", Fixture, NULL, fixture_set_up, test_desired_shows_segment, fixture_tear_down);
  g_test_add ("/gui/desired/target-undo", Fixture, NULL, fixture_set_up, test_desired_target_undo, fixture_tear_down);
  g_test_add ("/gui/desired/importance", Fixture, NULL, fixture_set_up, test_desired_importance, fixture_tear_down);
  g_test_add ("/gui/desired/validation", Fixture, NULL, fixture_set_up, test_desired_validation, fixture_tear_down);
  g_test_add ("/gui/desired/promise", Fixture, NULL, fixture_set_up, test_desired_promise, fixture_tear_down);
  g_test_add ("/gui/desired/add-attribute", Fixture, NULL, fixture_set_up, test_desired_add_attribute, fixture_tear_down);
  g_test_add ("/gui/desired/reorder", Fixture, NULL, fixture_set_up, test_desired_reorder, fixture_tear_down);
  g_test_add ("/gui/desired/copy", Fixture, NULL, fixture_set_up, test_desired_copy, fixture_tear_down);
  g_test_add ("/gui/desired/edit-delete", Fixture, NULL, fixture_set_up, test_desired_edit_delete, fixture_tear_down);
  g_test_add ("/gui/desired/guide", Fixture, NULL, fixture_set_up, test_desired_guide, fixture_tear_down);
  g_test_add ("/gui/desired/blank", Fixture, "blank", fixture_set_up, test_desired_blank, fixture_tear_down);
  g_test_add ("/gui/desired/screenshots", Fixture, NULL, fixture_set_up, test_desired_screenshots, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (shared_demo);
  return status;
}
