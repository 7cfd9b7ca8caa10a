/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Replays a fuzzing corpus through LLVMFuzzerTestOneInput(), without libFuzzer: each file
 * of the folders given (tests/fuzz/corpus in the test suite) once. Built by every build,
 * so that the ASan build of `make check` replays the corpus under ASan too. */

#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;

  for (int a = 1; a < argc; a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[a], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          fprintf (stderr, "replay: %s\n", error->message);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[a], name, NULL));
      g_ptr_array_sort (names, compare_paths);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (names->pdata[i], &contents, &length, &error))
            {
              fprintf (stderr, "replay: %s\n", error->message);
              return 1;
            }
          LLVMFuzzerTestOneInput ((const guint8 *)contents, length);
          count++;
        }
    }

  printf ("replayed %u inputs\n", count);
  return count > 0 ? 0 : 1;
}
