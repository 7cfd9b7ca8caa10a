/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  ECART_LEVEL_FIELD_LEVEL,       /* 0–10, steps of 0.5, may be unset */
  ECART_LEVEL_FIELD_IMPORTANCE,  /* 1–5, whole numbers */
} EcartLevelFieldKind;

#define ECART_TYPE_LEVEL_FIELD (ecart_level_field_get_type ())

G_DECLARE_FINAL_TYPE (EcartLevelField, ecart_level_field, ECART, LEVEL_FIELD, GObject)

EcartLevelField *ecart_level_field_new               (GtkSpinButton       *spin,
                                                      EcartLevelFieldKind  kind);
GtkSpinButton   *ecart_level_field_get_spin_button   (EcartLevelField     *self);
double           ecart_level_field_get_value         (EcartLevelField     *self);
void             ecart_level_field_set_value         (EcartLevelField     *self,
                                                      double               value);
double           ecart_level_field_get_pending_value (EcartLevelField     *self);
const char      *ecart_level_field_get_error         (EcartLevelField     *self);
void             ecart_level_field_commit            (EcartLevelField     *self);

G_END_DECLS
