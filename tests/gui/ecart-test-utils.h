/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-application.h"

G_BEGIN_DECLS

void       ecart_test_init_gui          (int          *argc,
                                         char       ***argv);
void       ecart_test_iterate           (void);
gboolean   ecart_test_wait_for          (gboolean    (*condition) (gpointer),
                                         gpointer      data,
                                         guint         timeout_ms);
char      *ecart_test_make_tmp_dir      (void);
char      *ecart_test_artifact_path     (const char   *name);
gboolean   ecart_test_save_screenshot   (GtkWidget    *widget,
                                         const char   *name);
GtkWidget *ecart_test_find_by_label     (GtkWidget    *root,
                                         GType         type,
                                         const char   *label);
GtkWidget *ecart_test_find_by_type      (GtkWidget    *root,
                                         GType         type);
GtkWindow *ecart_test_find_toplevel     (GType         type);
GtkWidget *ecart_test_child             (GtkWidget    *widget,
                                         GType         type,
                                         const char   *name);
GtkWidget *ecart_test_find_by_accessible_label (GtkWidget *root,
                                         GType         type,
                                         const char   *label);
GtkWindow *ecart_test_wait_for_toplevel (GType         type,
                                         guint         timeout_ms);
void       ecart_test_click             (GtkWidget    *button);
void       ecart_test_type_and_activate (GtkWidget    *editable,
                                         const char   *text);
void       ecart_test_press_keys        (GtkWidget    *window,
                                         const char   *keys);
void       ecart_test_type_text         (GtkWidget    *window,
                                         const char   *text);

char      *ecart_test_query_text        (const char   *path,
                                         const char   *sql);
double     ecart_test_query_double      (const char   *path,
                                         const char   *sql);
gint64     ecart_test_query_int         (const char   *path,
                                         const char   *sql);
void       ecart_test_resize            (GtkWindow    *window,
                                         int           width,
                                         int           height);
void       ecart_test_wait               (guint         ms);

EcartApplication *ecart_test_new_application  (void);
gboolean          ecart_test_window_is_drawn  (gpointer      window);
void              ecart_test_write_demo       (const char   *path);
void              ecart_test_copy_workspace   (const char   *source,
                                               const char   *path);

G_END_DECLS
