/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ECART_TYPE_ATOMIC_FILE (ecart_atomic_file_get_type ())

G_DECLARE_FINAL_TYPE (EcartAtomicFile, ecart_atomic_file, ECART, ATOMIC_FILE, GObject)

EcartAtomicFile *ecart_atomic_file_new           (const char       *path,
                                                  GError          **error);
const char      *ecart_atomic_file_get_path      (EcartAtomicFile  *self);
const char      *ecart_atomic_file_get_temp_path (EcartAtomicFile  *self);
GOutputStream   *ecart_atomic_file_get_stream    (EcartAtomicFile  *self);
gboolean         ecart_atomic_file_commit        (EcartAtomicFile  *self,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
void             ecart_atomic_file_abort         (EcartAtomicFile  *self);

G_END_DECLS
