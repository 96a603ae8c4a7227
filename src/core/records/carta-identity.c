/* carta-identity.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "carta-identity.h"

/* Whether a disc is the patient's. A name is compared only with names in
 * the same script: "LI^HUA" says nothing about "王梅", so that pair is
 * "could not be checked", never a silent pass. Words are compared after
 * folding case and accents; their order and the DICOM `^` separators do
 * not matter. Everything here is a pure function of its arguments. */

/* A form of a person's name is far shorter than this (DICOM allows 64
 * characters for each of its three groups); a longer text cannot be a
 * name, is not compared and is reported as such. The limits also bound
 * the work: a 50 MB "name" costs no more than a real one. */
#define NAME_MAX_BYTES 512
/* A disc's whole PatientName: three groups, a few values. */
#define DISC_NAME_MAX_BYTES 4096
#define DISC_NAME_MAX_FORMS 16
/* The case's spellings compared; any more are left out and reported. */
#define MAX_SPELLINGS 64

/* The kinds of script names are compared within. Kana and Hangul are
 * kept apart from Han: a phonetic form is another spelling. */
typedef enum
{
  SCRIPT_NONE = -1,
  SCRIPT_HAN = G_UNICODE_SCRIPT_HAN,
  SCRIPT_KANA = G_UNICODE_SCRIPT_HIRAGANA,
} ScriptClass;

static int
script_class (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  switch ((int)script)
    {
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_INHERITED:
    case G_UNICODE_SCRIPT_UNKNOWN:
      return SCRIPT_NONE;
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HIRAGANA:
      return SCRIPT_KANA;
    default:
      return script;
    }
}

/* A name in one script: its words, folded. */
typedef struct
{
  int        script;
  GPtrArray *words;
} ScriptWords;

static void
script_words_free (ScriptWords *sw)
{
  g_ptr_array_unref (sw->words);
  g_free (sw);
}

static ScriptWords *
find_script (GPtrArray *groups,
             int        script)
{
  ScriptWords *sw;

  for (guint i = 0; i < groups->len; i++)
    if (((ScriptWords *)g_ptr_array_index (groups, i))->script == script)
      return g_ptr_array_index (groups, i);

  sw = g_new0 (ScriptWords, 1);
  sw->script = script;
  sw->words = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (groups, sw);
  return sw;
}

/* Compatibility forms (full-width letters) become plain ones, accents go
 * (the kana voicing marks stay: they make another sound), case folds. */
static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *composed = NULL;
  GString *bare;

  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK && c != 0x3099 && c != 0x309A)
        continue;
      g_string_append_unichar (bare, c);
    }

  composed = g_utf8_normalize (bare->str, -1, G_NORMALIZE_ALL_COMPOSE);
  g_string_free (bare, TRUE);
  return g_utf8_casefold (composed ? composed : "", -1);
}

static gboolean
is_elided (gunichar c)
{
  /* O'Brien and OBRIEN are one name. */
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == '`';
}

/* Splits @text into words by script: anything but a letter or a digit
 * (spaces, `^`, commas, hyphens, middle dots) separates words, and so does
 * a change of script ("Mei Wang 王梅" holds a Latin and a Han name). */
static void
add_words (GPtrArray  *groups,
           const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  int word_script = SCRIPT_NONE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;

  folded = fold (text);
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int script = c != 0 ? script_class (c) : SCRIPT_NONE;
      gboolean letter = c != 0 && g_unichar_isalnum (c);

      if (c != 0 && is_elided (c))
        continue;

      if (word->len > 0 &&
          (!letter || (script != SCRIPT_NONE && word_script != SCRIPT_NONE && script != word_script)))
        {
          /* Digits alone are no name. */
          if (word_script != SCRIPT_NONE)
            g_ptr_array_add (find_script (groups, word_script)->words, g_strdup (word->str));
          g_string_truncate (word, 0);
          word_script = SCRIPT_NONE;
        }

      if (c == 0)
        break;

      if (letter)
        {
          g_string_append_unichar (word, c);
          if (word_script == SCRIPT_NONE)
            word_script = script;
        }
    }
}

static GPtrArray *
script_groups_new (const char *text)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)script_words_free);

  add_words (groups, text);
  return groups;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static gsize
joined_length (GPtrArray *words)
{
  gsize len = 0;

  for (guint i = 0; i < words->len; i++)
    len += strlen (g_ptr_array_index (words, i));
  return len;
}

/* Whether the words of @b from @first on, then those before it, spell
 * @joined: "Mei Ling Wang" from 2 is "wangmeiling". */
static gboolean
rotation_spells (GPtrArray  *b,
                 guint       first,
                 const char *joined)
{
  const char *p = joined;

  for (guint i = 0; i < b->len; i++)
    {
      const char *word = g_ptr_array_index (b, (first + i) % b->len);
      gsize len = strlen (word);

      if (strncmp (p, word, len) != 0)
        return FALSE;
      p += len;
    }

  return *p == '\0';
}

static char *
join_sorted (GPtrArray *words)
{
  g_autoptr(GPtrArray) order = g_ptr_array_copy (words, NULL, NULL);
  GString *joined = g_string_new (NULL);

  /* The copy shares the words; it must not free them. */
  g_ptr_array_set_free_func (order, NULL);
  g_ptr_array_sort (order, compare_words);
  for (guint i = 0; i < order->len; i++)
    g_string_append_printf (joined, "%s ", (const char *)g_ptr_array_index (order, i));

  return g_string_free (joined, FALSE);
}

/* "Mei Wang", "WANG^MEI" and "wangmei" name one person; so do "王梅" and
 * "王^梅", "Mei Ling Wang" and "WANG^MEILING" (the family name moved from
 * last to first), and "Quincy John Doe" and "DOE^JOHN^QUINCY". */
static gboolean
words_match (GPtrArray *a,
             GPtrArray *b)
{
  g_autofree char *a_joined = NULL;
  g_autofree char *a_sorted = NULL;
  g_autofree char *b_sorted = NULL;

  if (a->len == 0 || b->len == 0)
    return FALSE;

  /* Both are bounded by NAME_MAX_BYTES: at most a few hundred words. */
  if (joined_length (a) == joined_length (b))
    {
      GString *joined = g_string_new (NULL);

      for (guint i = 0; i < a->len; i++)
        g_string_append (joined, g_ptr_array_index (a, i));
      a_joined = g_string_free (joined, FALSE);

      for (guint first = 0; first < b->len; first++)
        if (rotation_spells (b, first, a_joined))
          return TRUE;
    }

  a_sorted = join_sorted (a);
  b_sorted = join_sorted (b);
  return g_str_equal (a_sorted, b_sorted);
}

static gboolean
too_long (const char *text,
          gsize       max)
{
  return strnlen (text, max + 1) > max;
}

/* The forms of a disc's name (groups between `=`, values between `\`),
 * each split into words by script; %NULL when the name is too long to
 * be one, or has too many forms. */
static GPtrArray *
disc_forms_new (const char *dicom_name)
{
  g_autoptr(GPtrArray) result = NULL;
  g_auto(GStrv) forms = NULL;

  if (too_long (dicom_name, DISC_NAME_MAX_BYTES))
    return NULL;

  forms = g_strsplit_set (dicom_name, "=\\", DISC_NAME_MAX_FORMS + 1);
  if (g_strv_length (forms) > DISC_NAME_MAX_FORMS)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; forms[i] != NULL; i++)
    {
      if (too_long (forms[i], NAME_MAX_BYTES))
        return NULL;
      g_ptr_array_add (result, script_groups_new (forms[i]));
    }

  return g_steal_pointer (&result);
}

static gboolean
forms_have_words (GPtrArray *forms)
{
  for (guint i = 0; forms != NULL && i < forms->len; i++)
    if (((GPtrArray *)g_ptr_array_index (forms, i))->len > 0)
      return TRUE;
  return FALSE;
}

/* The case's spellings, each split into words once. */
typedef struct
{
  GPtrArray *groups;     /* one script_groups_new() a spelling compared */
  gboolean   has_words;
  gboolean   left_out;   /* one too long to be a name, or too many */
} Spellings;

static void
spellings_init (Spellings          *self,
                const char * const *spellings)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->has_words = FALSE;
  self->left_out = FALSE;

  for (guint i = 0; spellings != NULL && spellings[i] != NULL; i++)
    {
      GPtrArray *groups;

      if (i >= MAX_SPELLINGS)
        {
          self->left_out = TRUE;
          break;
        }
      if (too_long (spellings[i], NAME_MAX_BYTES))
        {
          self->left_out = TRUE;
          continue;
        }

      groups = script_groups_new (spellings[i]);
      self->has_words |= groups->len > 0;
      g_ptr_array_add (self->groups, groups);
    }
}

static void
spellings_clear (Spellings *self)
{
  g_clear_pointer (&self->groups, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Spellings, spellings_clear)

static CartaIdentityStatus
compare_forms (GPtrArray *forms,
               Spellings *typed)
{
  gboolean compared = FALSE;

  for (guint i = 0; i < forms->len; i++)
    {
      GPtrArray *disc = g_ptr_array_index (forms, i);

      for (guint j = 0; j < typed->groups->len; j++)
        {
          GPtrArray *spelling = g_ptr_array_index (typed->groups, j);

          for (guint k = 0; k < disc->len; k++)
            for (guint l = 0; l < spelling->len; l++)
              {
                ScriptWords *a = g_ptr_array_index (disc, k);
                ScriptWords *b = g_ptr_array_index (spelling, l);

                if (a->script != b->script)
                  continue;
                compared = TRUE;
                if (words_match (a->words, b->words))
                  return CARTA_IDENTITY_MATCHES;
              }
        }
    }

  return compared ? CARTA_IDENTITY_DIFFERS : CARTA_IDENTITY_UNCHECKED;
}

/**
 * carta_identity_compare_names:
 * @dicom_name: (nullable): a DICOM person name in UTF-8: up to three
 *   forms (alphabetic, ideographic, phonetic) between `=`, components
 *   between `^`, several values between `\`
 * @spellings: (nullable) (array zero-terminated=1): the ways the case
 *   writes the patient's name
 *
 * Compares every form of @dicom_name with every spelling, in each script
 * they share. A form or spelling longer than any person's name (over 512
 * bytes; a disc name over 4 KiB or with more than 16 forms) is not
 * compared, nor are spellings after the 64th.
 *
 * Returns: %CARTA_IDENTITY_MATCHES when one form is one spelling,
 *   %CARTA_IDENTITY_DIFFERS when they share a script but no form matches,
 *   %CARTA_IDENTITY_UNCHECKED when one side is empty or too long, or they
 *   share no script
 */
CartaIdentityStatus
carta_identity_compare_names (const char         *dicom_name,
                              const char * const *spellings)
{
  g_autoptr(GPtrArray) forms = NULL;
  g_auto(Spellings) typed = { NULL, };

  if (dicom_name == NULL || spellings == NULL || !(forms = disc_forms_new (dicom_name)))
    return CARTA_IDENTITY_UNCHECKED;

  spellings_init (&typed, spellings);
  return compare_forms (forms, &typed);
}

static void
add_spelling (GStrvBuilder *builder,
              const char   *start,
              gsize         len,
              guint        *n)
{
  g_autofree char *spelling = g_strndup (start, len);

  g_strstrip (spelling);
  if (spelling[0] != '\0')
    {
      g_strv_builder_add (builder, spelling);
      (*n)++;
    }
}

/* The length of the separator of other names at @p, or 0. */
static gsize
separator_length (const char *p)
{
  /* The Chinese comma, semicolon and enumeration mark separate too. */
  static const char * const wide[] = { "，", "；", "、" };

  if (*p == ',' || *p == ';' || *p == '/' || *p == '\n')
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    if (g_str_has_prefix (p, wide[i]))
      return strlen (wide[i]);
  return 0;
}

/**
 * carta_identity_patient_spellings:
 *
 * The passport name, then each of the other names, which the Case page
 * takes separated by commas, semicolons, slashes or lines. At most 65:
 * the comparison reads 64, and one more tells it some were left out.
 *
 * Returns: (transfer full): the patient's names, without empty ones
 */
GStrv
carta_identity_patient_spellings (CartaPatient *patient)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;
  const char *others;
  const char *start;
  guint n = 0;

  g_return_val_if_fail (CARTA_IS_PATIENT (patient), NULL);

  name = carta_patient_get_name (patient);
  if (name != NULL && name[0] != '\0')
    {
      g_strv_builder_add (builder, name);
      n++;
    }

  /* One pass, however long the text. */
  others = carta_patient_get_other_names (patient);
  for (const char *p = start = others ? others : ""; n <= MAX_SPELLINGS; )
    {
      gsize separator = *p != '\0' ? separator_length (p) : 0;

      if (*p != '\0' && separator == 0)
        {
          p++;
          continue;
        }

      add_spelling (builder, start, p - start, &n);
      if (*p == '\0')
        break;
      p += separator;
      start = p;
    }

  return g_strv_builder_end (builder);
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static gboolean
is_date_prefix (const char *date)
{
  gsize len = date ? strlen (date) : 0;

  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

static gboolean
dates_differ (const char *a,
              const char *b)
{
  if (!is_date_prefix (a) || !is_date_prefix (b))
    return FALSE;

  /* A year alone agrees with any day of that year. */
  return strncmp (a, b, MIN (strlen (a), strlen (b))) != 0;
}

/* The case keeps "female"/"male"/"other"; DICOM writes F, M or O. Only
 * female against male is a difference worth a word. */
static char
sex_letter (const char *sex)
{
  if (sex == NULL)
    return 0;
  if (g_ascii_strcasecmp (sex, "F") == 0 || g_ascii_strcasecmp (sex, "female") == 0)
    return 'F';
  if (g_ascii_strcasecmp (sex, "M") == 0 || g_ascii_strcasecmp (sex, "male") == 0)
    return 'M';
  return 0;
}

static void
settle (CartaIdentityCheck *check)
{
  if (check->issues & (CARTA_IDENTITY_ISSUE_NAME | CARTA_IDENTITY_ISSUE_BIRTH_DATE | CARTA_IDENTITY_ISSUE_SEX))
    check->status = CARTA_IDENTITY_DIFFERS;
  else if (check->issues != CARTA_IDENTITY_ISSUE_NONE)
    check->status = CARTA_IDENTITY_UNCHECKED;
  else
    check->status = CARTA_IDENTITY_MATCHES;
}

static CartaIdentityCheck *
check_person (const char *dicom_name,
              const char *dicom_birth_date,
              const char *dicom_sex,
              Spellings  *typed,
              const char *birth_date,
              const char *sex)
{
  CartaIdentityCheck *check = g_new0 (CartaIdentityCheck, 1);
  g_autoptr(GPtrArray) forms = dicom_name ? disc_forms_new (dicom_name) : NULL;
  char disc_sex = sex_letter (dicom_sex);
  char case_sex = sex_letter (sex);

  /* A name too long to be one is not shown either. */
  if (dicom_name == NULL || forms != NULL)
    check->disc_name = carta_dicom_format_person_name (dicom_name);
  check->disc_birth_date = g_strdup (dicom_birth_date);
  check->disc_sex = disc_sex;

  if (dicom_name != NULL && forms == NULL)
    check->issues |= CARTA_IDENTITY_ISSUE_DISC_NAME_TOO_LONG;
  else if (!forms_have_words (forms))
    check->issues |= CARTA_IDENTITY_ISSUE_NO_DISC_NAME;
  else if (!typed->has_words)
    check->issues |= typed->left_out ? CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG : CARTA_IDENTITY_ISSUE_NO_CASE_NAME;
  else
    switch (compare_forms (forms, typed))
      {
      case CARTA_IDENTITY_DIFFERS:
        check->issues |= CARTA_IDENTITY_ISSUE_NAME;
        break;
      case CARTA_IDENTITY_UNCHECKED:
        check->issues |= CARTA_IDENTITY_ISSUE_OTHER_SCRIPT;
        break;
      case CARTA_IDENTITY_MATCHES:
      case CARTA_IDENTITY_CONFIRMED:
      default:
        break;
      }

  /* No match: a spelling left out may have been the one. */
  if ((check->issues & (CARTA_IDENTITY_ISSUE_NAME | CARTA_IDENTITY_ISSUE_OTHER_SCRIPT)) && typed->left_out)
    check->issues |= CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG;

  if (dates_differ (dicom_birth_date, birth_date))
    check->issues |= CARTA_IDENTITY_ISSUE_BIRTH_DATE;
  if (disc_sex != 0 && case_sex != 0 && disc_sex != case_sex)
    check->issues |= CARTA_IDENTITY_ISSUE_SEX;

  settle (check);
  return check;
}

/**
 * carta_identity_check_person:
 * @dicom_name: (nullable): the disc's PatientName
 * @dicom_birth_date: (nullable): the disc's PatientBirthDate, `YYYY-MM-DD`
 * @dicom_sex: (nullable): the disc's PatientSex
 * @spellings: (nullable) (array zero-terminated=1): the case's names
 * @birth_date: (nullable): the case's date of birth
 * @sex: (nullable): the case's sex (`female`, `male`, `other`)
 *
 * A birth date or sex missing on either side is not held against the
 * disc; a name missing on either side means it could not be checked.
 *
 * Returns: (transfer full): what was found
 */
CartaIdentityCheck *
carta_identity_check_person (const char         *dicom_name,
                             const char         *dicom_birth_date,
                             const char         *dicom_sex,
                             const char * const *spellings,
                             const char         *birth_date,
                             const char         *sex)
{
  g_auto(Spellings) typed = { NULL, };

  spellings_init (&typed, spellings);
  return check_person (dicom_name, dicom_birth_date, dicom_sex, &typed, birth_date, sex);
}

/**
 * carta_identity_check_disc:
 * @summary: (nullable): what the disc holds
 * @patient: the case's patient
 *
 * Checks every study of the disc; the most worrying one speaks for the
 * disc. A disc with no study read could not be checked.
 *
 * Returns: (transfer full): what was found
 */
CartaIdentityCheck *
carta_identity_check_disc (CartaDicomSummary *summary,
                           CartaPatient      *patient)
{
  g_auto(GStrv) spellings = NULL;
  g_auto(Spellings) typed = { NULL, };
  CartaIdentityCheck *worst = NULL;

  g_return_val_if_fail (CARTA_IS_PATIENT (patient), NULL);

  /* Split into words once for all the studies. */
  spellings = carta_identity_patient_spellings (patient);
  spellings_init (&typed, (const char * const *)spellings);
  for (guint i = 0; summary != NULL && i < summary->studies->len; i++)
    {
      CartaDicomStudy *study = g_ptr_array_index (summary->studies, i);
      CartaIdentityCheck *check = check_person (study->patient_name,
                                                study->patient_birth_date,
                                                study->patient_sex,
                                                &typed,
                                                carta_patient_get_date_of_birth (patient),
                                                carta_patient_get_sex (patient));

      if (worst == NULL || check->status > worst->status)
        {
          g_clear_pointer (&worst, carta_identity_check_free);
          worst = check;
        }
      else
        carta_identity_check_free (check);
    }

  if (worst == NULL)
    worst = check_person (NULL, NULL, NULL, &typed, NULL, NULL);

  return worst;
}

/**
 * carta_identity_check_attachment:
 * @attachment: a file or an imaging disc of the case
 * @patient: the case's patient
 *
 * Returns: (transfer full) (nullable): what was found for an imaging disc
 *   (%CARTA_IDENTITY_CONFIRMED once the family said it is the patient's),
 *   or %NULL for any other file
 */
CartaIdentityCheck *
carta_identity_check_attachment (CartaAttachment *attachment,
                                 CartaPatient    *patient)
{
  CartaIdentityCheck *check;

  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (CARTA_IS_PATIENT (patient), NULL);

  if (carta_attachment_get_kind (attachment) != CARTA_ATTACHMENT_KIND_IMAGING)
    return NULL;

  check = carta_identity_check_disc (carta_attachment_get_dicom_summary (attachment), patient);
  /* What the family confirmed stays confirmed; the reasons are kept to
   * say what they looked past. */
  if (check->status != CARTA_IDENTITY_MATCHES && carta_attachment_get_identity_confirmed (attachment))
    check->status = CARTA_IDENTITY_CONFIRMED;

  return check;
}

/**
 * carta_identity_check_needs_attention:
 * @check: (nullable): a check
 *
 * Returns: whether the family should look at the disc: it may be another
 *   patient's, or it could not be checked, and they did not confirm it
 */
gboolean
carta_identity_check_needs_attention (const CartaIdentityCheck *check)
{
  return check != NULL &&
         (check->status == CARTA_IDENTITY_DIFFERS || check->status == CARTA_IDENTITY_UNCHECKED);
}

static const char *translate_with (CartaIdentityTranslate  translate,
                                   gpointer                user_data,
                                   const char             *msgid) G_GNUC_FORMAT (3);

static const char *
translate_with (CartaIdentityTranslate  translate,
                gpointer                user_data,
                const char             *msgid)
{
  return translate != NULL ? translate (msgid, user_data) : _(msgid);
}

#define TR(msgid) translate_with (translate, user_data, (msgid))

/**
 * carta_identity_check_get_title:
 * @translate: (nullable) (scope call): the language to use; %NULL for
 *   the window's
 *
 * Returns: (transfer none) (nullable): a short title, or %NULL when the
 *   disc matches and there is nothing to say
 */
const char *
carta_identity_check_get_title (const CartaIdentityCheck *check,
                                CartaIdentityTranslate    translate,
                                gpointer                  user_data)
{
  /* In CartaIdentityStatus order; a match needs no title. */
  static const char *titles[] = {
    NULL,
    N_("Patient on the disc not checked"),
    N_("May be another patient’s disc"),
    N_("Confirmed by the family as the patient’s disc"),
  };

  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (check->status < G_N_ELEMENTS (titles), NULL);

  return titles[check->status] ? TR (titles[check->status]) : NULL;
}

static const char *
sex_word (CartaIdentityTranslate  translate,
          gpointer                user_data,
          char                    letter)
{
  /* TRANSLATORS: the sex of a patient, inside a sentence */
  return letter == 'F' ? TR (N_("female")) : TR (N_("male"));
}

/**
 * carta_identity_check_describe:
 * @translate: (nullable) (scope call): the language to use; %NULL for
 *   the window's
 *
 * Returns: (transfer full) (nullable): what was found, in sentences, or
 *   %NULL when the disc matches
 */
char *
carta_identity_check_describe (const CartaIdentityCheck *check,
                               CartaIdentityTranslate    translate,
                               gpointer                  user_data)
{
  GString *text;
  const char *shown;

  g_return_val_if_fail (check != NULL, NULL);

  if (check->status == CARTA_IDENTITY_MATCHES)
    return NULL;

  text = g_string_new (NULL);
  shown = check->disc_name ? check->disc_name : "";

  /* Chinese sentences follow each other without a space. */
#define SENTENCE(...) G_STMT_START {                 \
    if (text->len > 0 && !g_str_has_suffix (text->str, "。")) \
      g_string_append_c (text, ' ');                 \
    g_string_append_printf (text, __VA_ARGS__);      \
  } G_STMT_END

  if (check->issues & CARTA_IDENTITY_ISSUE_NAME)
    /* TRANSLATORS: %s is the patient name read from an imaging disc */
    SENTENCE (TR (N_("This disc names “%s”, which is not a name of the patient in this case.")), shown);
  if (check->issues & CARTA_IDENTITY_ISSUE_OTHER_SCRIPT)
    /* TRANSLATORS: %s is the patient name read from an imaging disc */
    SENTENCE (TR (N_("This disc names “%s”, in another script than the names in this case, so it could not be checked. "
                     "You can add the patient’s name as written on the disc under “Other spellings” on the Case page.")), shown);
  if (check->issues & CARTA_IDENTITY_ISSUE_DISC_NAME_TOO_LONG)
    SENTENCE ("%s", TR (N_("The patient name on this disc is too long to be a person’s name, so it could not be checked.")));
  if (check->issues & CARTA_IDENTITY_ISSUE_CASE_NAME_TOO_LONG)
    SENTENCE ("%s", TR (N_("A name of the patient in this case is too long to be a person’s name, or there are too many, "
                           "so not all were compared with the disc. You can shorten them on the Case page.")));
  if (check->issues & CARTA_IDENTITY_ISSUE_NO_DISC_NAME)
    SENTENCE ("%s", TR (N_("No patient name could be read from this disc, so it could not be checked.")));
  if (check->issues & CARTA_IDENTITY_ISSUE_NO_CASE_NAME)
    /* TRANSLATORS: %s is the patient name read from an imaging disc */
    SENTENCE (TR (N_("This disc names “%s”, but the case has no patient name yet, so it could not be checked.")), shown);
  if (check->issues & CARTA_IDENTITY_ISSUE_BIRTH_DATE)
    /* TRANSLATORS: %s is a date of birth read from an imaging disc, as YYYY-MM-DD */
    SENTENCE (TR (N_("The disc gives the birth date %s, which is not the one in this case.")), check->disc_birth_date);
  if (check->issues & CARTA_IDENTITY_ISSUE_SEX)
    /* TRANSLATORS: %s is "female" or "male", read from an imaging disc */
    SENTENCE (TR (N_("The disc gives the patient’s sex as %s, which is not the one in this case.")),
              sex_word (translate, user_data, check->disc_sex));

#undef SENTENCE

  if (check->status == CARTA_IDENTITY_CONFIRMED)
    {
      const char *confirmed = TR (N_("The family confirmed that this disc is the patient’s."));

      if (!g_str_has_suffix (confirmed, "。"))
        g_string_prepend_c (text, ' ');
      g_string_prepend (text, confirmed);
    }

  return g_string_free (text, FALSE);
}

/**
 * carta_identity_check_free:
 * @check: (nullable) (transfer full): a check
 */
void
carta_identity_check_free (CartaIdentityCheck *check)
{
  if (check != NULL)
    {
      g_free (check->disc_name);
      g_free (check->disc_birth_date);
    }
  g_free (check);
}
