/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ecart-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EcartApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* ECART_LOCALEDIR: the catalogues of an uninstalled build (tests, make run). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ECART_LOCALEDIR") ? g_getenv ("ECART_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (PACKAGE_NAME);

  app = ecart_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
