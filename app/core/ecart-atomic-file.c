/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-atomic-file"

#include "config.h"

#include "ecart-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file written atomically (RELIABILITY.md R16): everything goes to a hidden temporary file
 * in the folder of the target (".NAME.XXXXXX", so that the rename stays on one file system);
 * ecart_atomic_file_commit() flushes it to the disk and renames it over the target. Until
 * then the target is untouched: an error, a cancellation or ecart_atomic_file_abort() (or
 * dropping the last reference) removes the temporary file and leaves the old file as it was.
 * Only a process killed while writing can leave its hidden temporary file behind; the target
 * is then still the old file.
 *
 * Unlike g_file_replace(), this never falls back to truncating the target in place when the
 * folder refuses a new file: it fails instead. */

struct _EcartAtomicFile
{
  GObject        parent_instance;

  char          *path;
  char          *temp_path;
  int            fd;        /* owned by the unix stream */
  GOutputStream *stream;    /* buffered, over the unix stream */
  gboolean       finished;  /* committed or aborted */
};

G_DEFINE_FINAL_TYPE (EcartAtomicFile, ecart_atomic_file, G_TYPE_OBJECT)

static void
ecart_atomic_file_finalize (GObject *object)
{
  EcartAtomicFile *self = (EcartAtomicFile *)object;

  ecart_atomic_file_abort (self);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->temp_path, g_free);

  G_OBJECT_CLASS (ecart_atomic_file_parent_class)->finalize (object);
}

static void
ecart_atomic_file_class_init (EcartAtomicFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_atomic_file_finalize;
}

static void
ecart_atomic_file_init (EcartAtomicFile *self)
{
  self->fd = -1;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Failed to write “%s”: %s"), path, g_strerror (saved_errno));
}

/**
 * ecart_atomic_file_new:
 * @path: the file to write, in a folder that exists
 *
 * Creates the temporary file next to @path. Write to ecart_atomic_file_get_stream(), then
 * call ecart_atomic_file_commit().
 *
 * Returns: (transfer full): the file, or %NULL when the folder refuses a new file or @path
 *   is a folder
 */
EcartAtomicFile *
ecart_atomic_file_new (const char  *path,
                       GError     **error)
{
  g_autoptr(EcartAtomicFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GOutputStream *unix_stream;
  GStatBuf info;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Failed to write “%s”: it is a folder"), path);
      return NULL;
    }

  self = g_object_new (ECART_TYPE_ATOMIC_FILE, NULL);
  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.XXXXXX", base);
  self->temp_path = g_build_filename (dir, name, NULL);

  self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd == -1)
    {
      set_errno_error (error, errno, path);
      self->finished = TRUE;
      return NULL;
    }

  /* A file that replaces another keeps its permissions; a new one gets the umask's. */
  if (g_stat (path, &info) == 0 && S_ISREG (info.st_mode))
    (void)fchmod (self->fd, info.st_mode & 07777);

  unix_stream = g_unix_output_stream_new (self->fd, TRUE);
  self->stream = g_buffered_output_stream_new_sized (unix_stream, 64 * 1024);
  g_object_unref (unix_stream);

  return g_steal_pointer (&self);
}

const char *
ecart_atomic_file_get_path (EcartAtomicFile *self)
{
  g_return_val_if_fail (ECART_IS_ATOMIC_FILE (self), NULL);
  return self->path;
}

const char *
ecart_atomic_file_get_temp_path (EcartAtomicFile *self)
{
  g_return_val_if_fail (ECART_IS_ATOMIC_FILE (self), NULL);
  return self->temp_path;
}

/**
 * ecart_atomic_file_get_stream:
 *
 * Returns: (transfer none): a buffered stream to the temporary file
 */
GOutputStream *
ecart_atomic_file_get_stream (EcartAtomicFile *self)
{
  g_return_val_if_fail (ECART_IS_ATOMIC_FILE (self), NULL);
  return self->stream;
}

/* The rename is on the disk only once the folder is: best effort, some file systems refuse
 * fsync() on a folder. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd == -1)
    return;
  (void)fsync (fd);
  close (fd);
}

/**
 * ecart_atomic_file_commit:
 *
 * Flushes what was written to the disk and renames the temporary file over the target. On
 * failure (or when @cancellable is cancelled) the temporary file is removed and the target
 * is left as it was.
 */
gboolean
ecart_atomic_file_commit (EcartAtomicFile  *self,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ECART_IS_ATOMIC_FILE (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_output_stream_flush (self->stream, cancellable, &local_error))
    goto stream_failed;
  if (fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, self->path);
      goto failed;
    }
  if (!g_output_stream_close (self->stream, cancellable, &local_error))
    goto stream_failed;
  self->fd = -1;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_errno_error (error, errno, self->path);
      goto failed;
    }

  self->finished = TRUE;
  sync_folder (self->path);
  return TRUE;

stream_failed:
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&local_error, _("Failed to write “%s”: "), self->path);
  g_propagate_error (error, g_steal_pointer (&local_error));
failed:
  ecart_atomic_file_abort (self);
  return FALSE;
}

/**
 * ecart_atomic_file_abort:
 *
 * Closes and removes the temporary file; the target is untouched. Does nothing once the
 * file is committed or aborted.
 */
void
ecart_atomic_file_abort (EcartAtomicFile *self)
{
  g_return_if_fail (ECART_IS_ATOMIC_FILE (self));

  if (self->finished)
    return;
  self->finished = TRUE;

  /* The buffered stream would flush on close: drop its buffer by closing the file itself. */
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    {
      GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (self->stream));

      g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (self->stream), FALSE);
      (void)g_output_stream_close (base, NULL, NULL);
      (void)g_output_stream_close (self->stream, NULL, NULL);
    }
  self->fd = -1;
  (void)g_unlink (self->temp_path);
}
