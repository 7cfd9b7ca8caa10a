/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ecart-import-dialog.h"

/* The import dialog's parts, shared by ecart-import-dialog.c (the steps, running, the
 * window's side) and ecart-import-dialog-columns.c (reading the file and its columns). */

G_BEGIN_DECLS

#define PREVIEW_ROWS 40
#define PREVIEW_SHOWN 8

typedef enum {
  ROLE_IGNORE,
  ROLE_RESPONDENT,
  ROLE_DATE,
  ROLE_SEGMENT,
  ROLE_NPS,
  ROLE_VERBATIM,
  ROLE_MEASUREMENT,   /* wide */
  ROLE_ATTRIBUTE,     /* long */
  ROLE_TOUCHPOINT,
  ROLE_DIMENSION,
  ROLE_SCORE,
} Role;

typedef struct
{
  guint        index;
  char        *header;      /* the text of the first header row, trimmed */
  char        *reference;   /* how the mapping names it: the header, or "#N" */
  char        *new_name;    /* the attribute offered as new: the header, or a saved name */
  GtkDropDown *role;
  GtkDropDown *dimension;
  GtkDropDown *attribute;
  GtkDropDown *touchpoint;
  GtkWidget   *measure_box;
} Column;

typedef struct
{
  EcartImportNameKind  kind;
  char                *name;
  GtkDropDown         *choice;
} NameChoice;

struct _EcartImportDialog
{
  AdwWindow            parent_instance;

  EcartWorkspace      *workspace;
  GFile               *file;
  EcartImportPreview  *preview;
  GPtrArray           *columns;     /* Column */
  GPtrArray           *names;       /* NameChoice */
  EcartImporter       *importer;
  GCancellable        *cancellable;
  char                *saved_name;
  gboolean             running;
  gboolean             close_when_done;
  gboolean             loading;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *back_button;
  GtkButton           *primary_button;
  GtkButton           *nothing_button;
  GtkButton           *stop_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *stack;
  GtkLabel            *saved_label;
  AdwComboRow         *encoding_row;
  AdwComboRow         *delimiter_row;
  GtkSpinButton       *header_spin;
  AdwComboRow         *decimal_row;
  AdwComboRow         *layout_row;
  GtkGrid             *preview_grid;
  GtkListBox          *columns_list;
  GtkSpinButton       *scale_min_spin;
  GtkSpinButton       *scale_max_spin;
  AdwComboRow         *segment_row;
  AdwEntryRow         *wave_row;
  AdwEntryRow         *mapping_row;
  AdwStatusPage       *progress_page;
  GtkProgressBar      *progress_bar;
  GtkListBox          *summary_list;
  GtkLabel            *previous_label;
  AdwPreferencesGroup *names_group;
  GtkListBox          *names_list;
  AdwPreferencesGroup *rejected_group;
  GtkListBox          *rejected_list;
};

/* ecart-import-dialog-columns.c: how the file is read, its columns, the mapping. */
gboolean            _ecart_import_dialog_read_preview             (EcartImportDialog   *self,
                                                                   EcartCsvEncoding     encoding,
                                                                   char                 delimiter,
                                                                   GError             **error);
void                _ecart_import_dialog_select_detected          (EcartImportDialog   *self,
                                                                   char                 decimal);
void                _ecart_import_dialog_fill_preview_grid        (EcartImportDialog   *self);
void                _ecart_import_dialog_build_columns            (EcartImportDialog   *self);
void                _ecart_import_dialog_apply_mapping            (EcartImportDialog   *self,
                                                                   EcartImportMapping  *mapping);
EcartImportMapping *_ecart_import_dialog_build_mapping            (EcartImportDialog   *self,
                                                                   GError             **error);
guint               _ecart_import_dialog_guess_header_rows        (EcartImportDialog   *self);
gboolean            _ecart_import_dialog_guess_long_layout        (char               **header);
void                _ecart_import_dialog_on_reading_changed_cb     (EcartImportDialog   *self);
void                _ecart_import_dialog_on_header_spin_changed_cb (EcartImportDialog   *self);
void                _ecart_import_dialog_on_layout_changed_cb      (EcartImportDialog   *self);
void                _ecart_import_dialog_on_segment_changed_cb     (EcartImportDialog   *self);
char               *_ecart_import_dialog_fold                     (const char          *text);
GtkStringList      *_ecart_import_dialog_names_model              (GListModel          *list,
                                                                   const char          *first);
GtkDropDown        *_ecart_import_dialog_new_drop_down            (GtkStringList       *model,
                                                                   const char          *accessible);
const char         *_ecart_import_dialog_dropdown_string          (GtkDropDown         *drop_down);

/* ecart-import-dialog.c */
void                _ecart_import_dialog_show_error               (EcartImportDialog   *self,
                                                                   const char          *message);

G_END_DECLS
