/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ecart-test-utils.h"

#include "ecart-template.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>

/* Shared by the widget tests: set-up under the private display of run-with-display.sh,
 * waiting for the main loop, screenshots to PNG (TESTING.md §1), finding widgets. */

/* Warnings are fatal in the widget tests, but one: GTK 4.8 warns "Trying to snapshot …
 * without a current allocation" when, after a resize, one of its own widgets queues a resize
 * from a signal it emits while the window is being allocated (seen with gdb: nothing of ours
 * on the stack); the next frame draws the page in full. The tests' resizes to narrow windows
 * meet it now and then, more often on an idle machine. It is printed, not fatal. */
static GLogWriterOutput
test_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         data)
{
  if (level & G_LOG_LEVEL_WARNING)
    {
      const char *domain = NULL;
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
          domain = fields[i].value;
        else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          message = fields[i].value;

      if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL
          && g_str_has_prefix (message, "Trying to snapshot ")
          && g_str_has_suffix (message, " without a current allocation"))
        {
          g_printerr ("Gtk-WARNING (not fatal, GTK 4.8): %s\n", message);
          return G_LOG_WRITER_HANDLED;
        }
    }
  return g_log_writer_default (level, fields, n_fields, data);
}

void
ecart_test_init_gui (int    *argc,
                     char ***argv)
{
  GtkSettings *settings;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  /* In CI a missing display is a failure, not a skip. */
  if (!gtk_init_check ())
    g_error ("Cannot open a display: run the test through tests/gui/run-with-display.sh");

  adw_init ();
  g_log_set_writer_func (test_log_writer, NULL, NULL);
  settings = gtk_settings_get_default ();
  g_object_set (settings,
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);
}

void
ecart_test_iterate (void)
{
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ecart_test_wait_for (gboolean (*condition) (gpointer),
                     gpointer   data,
                     guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return condition (data);
}

char *
ecart_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ecart-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
ecart_test_artifact_path (const char *name)
{
  const char *dir = g_getenv ("ECART_TEST_ARTIFACTS");

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

typedef struct
{
  GtkWidget    *widget;
  GskRenderNode *node;
  int           width;
  int           height;
  gboolean      done;
} Capture;

/* Snapshots the widget right after the window painted, when its layout is current (outside
 * the frame clock, a resize queued meanwhile by a hidden page would leave it unallocated). */
static void
capture_after_paint_cb (GdkFrameClock *clock,
                        Capture       *capture)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;

  if (capture->done)
    return;
  capture->done = TRUE;
  capture->width = gtk_widget_get_width (capture->widget);
  capture->height = gtk_widget_get_height (capture->widget);
  if (capture->width <= 0 || capture->height <= 0)
    return;

  paintable = gtk_widget_paintable_new (capture->widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, capture->width, capture->height);
  capture->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Renders @widget as the screen shows it and saves it as ECART_TEST_ARTIFACTS/@name. */
gboolean
ecart_test_save_screenshot (GtkWidget  *widget,
                            const char *name)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = ecart_test_artifact_path (name);
  Capture capture = { widget, NULL, 0, 0, FALSE };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gulong handler;
  gboolean saved;

  if (clock == NULL)
    return FALSE;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (capture_after_paint_cb), &capture);
  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  while (!capture.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  if (capture.node == NULL)
    return FALSE;
  if (!gsk_renderer_realize (renderer, NULL, NULL))
    {
      gsk_render_node_unref (capture.node);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, capture.node,
                                         &GRAPHENE_RECT_INIT (0, 0, capture.width, capture.height));
  gsk_renderer_unrealize (renderer);
  gsk_render_node_unref (capture.node);

  saved = gdk_texture_save_to_png (texture, path);
  return saved;
}

static const char *
label_of (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  return gtk_widget_get_tooltip_text (widget);
}

/* Depth-first: the first widget of @type whose label, title, text or tooltip is @label
 * (mnemonic underscores ignored). */
GtkWidget *
ecart_test_find_by_label (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && label_of (child) != NULL)
        {
          g_autofree char *plain = NULL;
          GString *text = g_string_new (label_of (child));

          g_string_replace (text, "_", "", 0);
          plain = g_string_free (text, FALSE);
          if (g_str_equal (plain, label))
            return child;
        }

      if ((found = ecart_test_find_by_label (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ecart_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ecart_test_find_by_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
ecart_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* A child of @widget's template (of class @type) by its id. */
GtkWidget *
ecart_test_child (GtkWidget  *widget,
                  GType       type,
                  const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

/* The accessible name as GTK computes it for a screen reader, in the cases the pages use:
 * the label property, else a row's title or a button's label (its child, or the child of
 * its content). */
static gboolean
has_accessible_name (GtkWidget  *widget,
                     const char *name)
{
  g_autofree char *mismatch = NULL;
  GtkWidget *content;
  GtkWidget *label;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      return mismatch == NULL;
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0;

  if (GTK_IS_BUTTON (widget)
      && (content = ecart_test_find_by_type (widget, ADW_TYPE_BUTTON_CONTENT)) != NULL)
    {
      GString *text = g_string_new (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)));
      g_autofree char *plain = NULL;

      g_string_replace (text, "_", "", 0);
      plain = g_string_free (text, FALSE);
      return g_str_equal (plain, name);
    }

  if (GTK_IS_BUTTON (widget)
      && (label = ecart_test_find_by_type (widget, GTK_TYPE_LABEL)) != NULL)
    {
      /* The text shown, without its mnemonic's underscore. */
      return g_str_equal (gtk_label_get_text (GTK_LABEL (label)), name);
    }

  return FALSE;
}

/* Depth-first: the first mapped widget of @type whose accessible name is @label, as a
 * screen reader or an end-to-end test finds it (needs GTK_A11Y=test). */
static GtkWidget *
find_by_accessible_label (GtkWidget  *root,
                          GType       type,
                          const char *label,
                          gboolean    mapped_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (mapped_only && !gtk_widget_get_mapped (child))
        continue;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && has_accessible_name (child, label))
        return child;

      if ((found = find_by_accessible_label (child, type, label, mapped_only)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ecart_test_find_by_accessible_label (GtkWidget  *root,
                                     GType       type,
                                     const char *label)
{
  GtkWidget *found = find_by_accessible_label (root, type, label, TRUE);

  /* Not shown now (another tab, a collapsed row): still there for a screen reader. */
  return found != NULL ? found : find_by_accessible_label (root, type, label, FALSE);
}

static gboolean
toplevel_is_shown (gpointer data)
{
  GtkWindow *window = ecart_test_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* The visible toplevel of @type (a dialog) once it is mapped, or %NULL after @timeout_ms. */
GtkWindow *
ecart_test_wait_for_toplevel (GType type,
                              guint timeout_ms)
{
  if (!ecart_test_wait_for (toplevel_is_shown, GSIZE_TO_POINTER (type), timeout_ms))
    return NULL;
  return ecart_test_find_toplevel (type);
}

/* What a click does: the button's "clicked", then the main loop until idle. */
void
ecart_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ecart_test_iterate ();
}

/* Types @text into an entry (a GtkEntry, a GtkText or an AdwEntryRow) and presses Enter. */
void
ecart_test_type_and_activate (GtkWidget  *editable,
                              const char *text)
{
  GtkWidget *target = editable;

  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  ecart_test_iterate ();

  if (!GTK_IS_TEXT (target))
    target = ecart_test_find_by_type (editable, GTK_TYPE_TEXT);
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "activate");
  ecart_test_iterate ();
}

/* Real key presses, through the X server (xdotool, TESTING.md): the pointer goes into
 * @window first, since the private Xvfb has no window manager and the keyboard follows
 * the pointer. */
static void
run_xdotool (GtkWidget  *window,
             const char *arguments)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (gtk_widget_get_root (window)));
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  command = g_strdup_printf ("xdotool mousemove --window %lu %d %d sleep 0.1 %s",
                             (unsigned long)gdk_x11_surface_get_xid (surface),
                             gtk_widget_get_width (window) / 2, gtk_widget_get_height (window) / 2,
                             arguments);
  ecart_test_iterate ();
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (10000);
      ecart_test_iterate ();
    }
}

/* Presses @keys, in xdotool's names ("ctrl+shift+Right F2"), with the pointer on @window. */
void
ecart_test_press_keys (GtkWidget  *window,
                       const char *keys)
{
  g_autofree char *arguments = g_strdup_printf ("key --delay 30 %s", keys);

  run_xdotool (window, arguments);
}

/* Types @text (ASCII: xdotool garbles the rest through some keymaps) into what has the focus. */
void
ecart_test_type_text (GtkWidget  *window,
                      const char *text)
{
  g_autofree char *quoted = g_shell_quote (text);
  g_autofree char *arguments = g_strdup_printf ("type --delay 20 %s", quoted);

  run_xdotool (window, arguments);
}

/* The first column of the first row of @sql, read from the file by another connection:
 * what is really saved, not what the window's objects say. */
static sqlite3_stmt *
query (const char  *path,
       const char  *sql,
       sqlite3    **db)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (*db, 2000);
  rc = sqlite3_prepare_v2 (*db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare %s: %s", sql, sqlite3_errmsg (*db));
  rc = sqlite3_step (stmt);
  g_assert_true (rc == SQLITE_ROW || rc == SQLITE_DONE);
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Returns: (nullable): the text, or %NULL for no row or a NULL value */
char *
ecart_test_query_text (const char *path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (path, sql, &db);
  char *text = NULL;

  if (stmt != NULL)
    {
      text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return text;
}

/* Returns: the number, or NAN for no row or a NULL value */
double
ecart_test_query_double (const char *path,
                         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (path, sql, &db);
  double value = NAN;

  if (stmt != NULL)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        value = sqlite3_column_double (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return value;
}

/* Returns: the number, or -1 for no row */
gint64
ecart_test_query_int (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = query (path, sql, &db);
  gint64 value = -1;

  if (stmt != NULL)
    {
      value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return value;
}

/* The size of the window on screen: its surface, client-side decorations included. */
typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} Size;

static gboolean
has_size (gpointer data)
{
  Size *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->widget));

  return surface != NULL && gdk_surface_get_width (surface) == size->width
         && gdk_surface_get_height (surface) == size->height;
}

/* Gives @window the size of a screen (1024×600, 1280×800…) and waits until it is laid out. */
void
ecart_test_resize (GtkWindow *window,
                   int        width,
                   int        height)
{
  Size size = { GTK_WIDGET (window), width, height };

  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
  if (!ecart_test_wait_for (has_size, &size, 3000))
    g_message ("Asked for a window of %d×%d, it is %d×%d", width, height,
               gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))),
               gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))));
  ecart_test_iterate ();
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Runs the main loop for @ms milliseconds (a debounce, a timeout). */
void
ecart_test_wait (guint ms)
{
  ecart_test_wait_for (never, NULL, ms);
}

/* The application the tests of one program share (an EcartApplication): registered, not
 * unique, so that each test program is its own instance. */
EcartApplication *
ecart_test_new_application (void)
{
  g_autoptr(GError) error = NULL;
  GApplication *app = G_APPLICATION (ecart_application_new ());

  g_application_set_flags (app, G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (app, NULL, &error);
  g_assert_no_error (error);
  return ECART_APPLICATION (app);
}

/* Whether @window (a GtkWindow) is on screen with a size: for ecart_test_wait_for(). */
gboolean
ecart_test_window_is_drawn (gpointer window)
{
  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

/* Writes the demo workshop, in English, at @path: written once by a test program, then
 * copied for each test (ecart_test_copy_workspace()). */
void
ecart_test_write_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EcartWorkspace) demo = ecart_demo_create (path, "en", &error);

  g_assert_no_error (error);
  ecart_database_close (ecart_workspace_get_database (demo));
}

/* Writes at @path a copy of the workspace file @source, or a blank workspace when @source
 * is %NULL. */
void
ecart_test_copy_workspace (const char *source,
                           const char *path)
{
  g_autoptr(GError) error = NULL;

  if (source == NULL)
    {
      g_autoptr(EcartWorkspace) blank = ecart_workspace_create (path, ECART_TEMPLATE_BLANK, "en", &error);

      g_assert_no_error (error);
      ecart_database_close (ecart_workspace_get_database (blank));
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
    }
}
