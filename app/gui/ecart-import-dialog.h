/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ecart-importer.h"
#include "ecart-workspace.h"

G_BEGIN_DECLS

#define ECART_TYPE_IMPORT_DIALOG (ecart_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EcartImportDialog, ecart_import_dialog, ECART, IMPORT_DIALOG, AdwWindow)

EcartImportDialog *ecart_import_dialog_new              (GtkWindow         *parent,
                                                         EcartWorkspace    *workspace);
gboolean           ecart_import_dialog_set_file         (EcartImportDialog *self,
                                                         GFile             *file);
GFile             *ecart_import_dialog_get_file         (EcartImportDialog *self);
EcartImporter     *ecart_import_dialog_get_importer     (EcartImportDialog *self);
gboolean           ecart_import_dialog_is_running       (EcartImportDialog *self);
const char        *ecart_import_dialog_get_saved_name   (EcartImportDialog *self);

/* The window's side of importing: win.import, win.delete-imported-wave, and dropping a
 * CSV file on the window. */
void               ecart_import_dialog_install_window_actions (GtkWidgetClass *window_class);
void               ecart_import_dialog_add_drop_target        (GtkWidget      *window);

G_END_DECLS
