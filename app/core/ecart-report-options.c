/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ecart-report-options"

#include "config.h"

#include "ecart-report-options.h"

/* What ecart_report_write() is asked for: the language of the report (NULL: the
 * interface's), the paper, the date printed on it (NULL: today), and the gap options the
 * figures are computed with (waves, dates, confidence level, minimum n, Holm). The segments
 * of the gap options choose the segments the report covers (none: all of them). */

struct _EcartReportOptions
{
  GObject          parent_instance;

  char            *language;
  EcartPaper       paper;
  GDateTime       *date;
  EcartGapOptions *gap_options;
};

G_DEFINE_FINAL_TYPE (EcartReportOptions, ecart_report_options, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_PAPER,
  PROP_DATE,
  PROP_GAP_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ecart_report_options_finalize (GObject *object)
{
  EcartReportOptions *self = (EcartReportOptions *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->gap_options);

  G_OBJECT_CLASS (ecart_report_options_parent_class)->finalize (object);
}

static void
ecart_report_options_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EcartReportOptions *self = ECART_REPORT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_PAPER:
      g_value_set_int (value, self->paper);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_GAP_OPTIONS:
      g_value_set_object (value, self->gap_options);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_report_options_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EcartReportOptions *self = ECART_REPORT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      ecart_report_options_set_language (self, g_value_get_string (value));
      break;
    case PROP_PAPER:
      ecart_report_options_set_paper (self, g_value_get_int (value));
      break;
    case PROP_DATE:
      ecart_report_options_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ecart_report_options_class_init (EcartReportOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ecart_report_options_finalize;
  object_class->get_property = ecart_report_options_get_property;
  object_class->set_property = ecart_report_options_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] =
    g_param_spec_int ("paper", NULL, NULL, ECART_PAPER_A4, ECART_PAPER_LETTER, ECART_PAPER_A4,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GAP_OPTIONS] =
    g_param_spec_object ("gap-options", NULL, NULL, ECART_TYPE_GAP_OPTIONS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ecart_report_options_init (EcartReportOptions *self)
{
  self->paper = ECART_PAPER_A4;
  self->gap_options = ecart_gap_options_new ();
}

EcartReportOptions *
ecart_report_options_new (void)
{
  return g_object_new (ECART_TYPE_REPORT_OPTIONS, NULL);
}

/* The language asked for, or NULL for the interface's. */
const char *
ecart_report_options_get_language (EcartReportOptions *self)
{
  g_return_val_if_fail (ECART_IS_REPORT_OPTIONS (self), NULL);
  return self->language;
}

/**
 * ecart_report_options_set_language:
 * @language: (nullable): "en", "fr", or %NULL for the interface's language
 */
void
ecart_report_options_set_language (EcartReportOptions *self,
                                   const char         *language)
{
  g_return_if_fail (ECART_IS_REPORT_OPTIONS (self));

  if (language != NULL && language[0] == '\0')
    language = NULL;
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

EcartPaper
ecart_report_options_get_paper (EcartReportOptions *self)
{
  g_return_val_if_fail (ECART_IS_REPORT_OPTIONS (self), ECART_PAPER_A4);
  return self->paper;
}

void
ecart_report_options_set_paper (EcartReportOptions *self,
                                EcartPaper          paper)
{
  g_return_if_fail (ECART_IS_REPORT_OPTIONS (self));
  g_return_if_fail (paper == ECART_PAPER_A4 || paper == ECART_PAPER_LETTER);

  if (self->paper == paper)
    return;
  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

/**
 * ecart_report_options_get_date:
 *
 * Returns: (transfer none) (nullable): the date printed on the report, %NULL for today
 */
GDateTime *
ecart_report_options_get_date (EcartReportOptions *self)
{
  g_return_val_if_fail (ECART_IS_REPORT_OPTIONS (self), NULL);
  return self->date;
}

void
ecart_report_options_set_date (EcartReportOptions *self,
                               GDateTime          *date)
{
  g_return_if_fail (ECART_IS_REPORT_OPTIONS (self));

  if (self->date == date)
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * ecart_report_options_get_gap_options:
 *
 * Returns: (transfer none): the options the figures of the report are computed with; change
 *   them in place
 */
EcartGapOptions *
ecart_report_options_get_gap_options (EcartReportOptions *self)
{
  g_return_val_if_fail (ECART_IS_REPORT_OPTIONS (self), NULL);
  return self->gap_options;
}

const char *
ecart_paper_to_string (EcartPaper paper)
{
  return paper == ECART_PAPER_LETTER ? "letter" : "a4";
}

/* "a4" or "letter", in any case. */
gboolean
ecart_paper_from_string (const char *text,
                         EcartPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = ECART_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = ECART_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}
