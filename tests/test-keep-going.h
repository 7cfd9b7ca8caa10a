/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

/* Adds --keep-going to the test's arguments, so that a failing test (a known bug) does not
 * stop the others from reporting. Returns the new array, to free when the tests have run
 * (g_test_init() keeps pointers into it). */
static inline char **
ecart_test_keep_going (int    *argc,
                       char ***argv)
{
  char **args = g_new0 (char *, *argc + 2);

  memcpy (args, *argv, *argc * sizeof (char *));
  args[(*argc)++] = (char *)"--keep-going";
  *argv = args;
  return args;
}
