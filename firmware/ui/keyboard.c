/* keyboard.c — the on-screen keyboard's layouts and keys (ui/keyboard.h). */
#include "ui/keyboard.h"
#include "base/ov_common.h"

#include <stdio.h>
#include <string.h>

/* Letter rows of each layout (row 1 to 3), punctuation filling the ends. */
static const char *const abc_rows[3] = {"ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ-,.'"};
static const char *const qwerty_rows[3] = {"QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-,."};
static const char digits_row[] = "1234567890";
/* The control row: switch (2 columns), space (4), delete (2), done (2). */
#define SWITCH_SPAN 2
#define SPACE_SPAN 4
#define DELETE_SPAN 2
#define DONE_SPAN 2

void ov_keyboard_init(ov_keyboard *kb, ov_kb_layout layout, const char *initial)
{
    memset(kb, 0, sizeof *kb);
    kb->layout = layout;
    if (initial)
        ov_strlcpy(kb->text, initial, sizeof kb->text);
}

const char *ov_keyboard_label(const ov_keyboard *kb, const ov_kb_key *k)
{
    const char *w = k->kind == OV_KB_SPACE ? kb->space : k->kind == OV_KB_DELETE ? kb->del
                    : k->kind == OV_KB_DONE ? kb->done : NULL;
    return w && *w ? w : k->label;
}

static int add_key(ov_kb_key *out, int n, int max, ov_kb_kind kind, const char *label, char ch, int row,
                   int col, int span)
{
    if (n >= max)
        return n;
    ov_kb_key *k = &out[n];
    memset(k, 0, sizeof *k);
    k->kind = kind;
    ov_strlcpy(k->label, label, sizeof k->label);
    k->ch = ch;
    k->row = row;
    k->col = col;
    k->span = span;
    return n + 1;
}

static int add_row(ov_kb_key *out, int n, int max, const char *chars, int row)
{
    for (int c = 0; chars[c] && c < OV_KB_COLS; c++) {
        char label[2] = {chars[c], '\0'};
        n = add_key(out, n, max, OV_KB_CHAR, label, chars[c], row, c, 1);
    }
    return n;
}

int ov_keyboard_keys(ov_kb_layout layout, ov_kb_key *out, int max)
{
    const char *const *rows = layout == OV_KB_QWERTY ? qwerty_rows : abc_rows;
    int n = add_row(out, 0, max, digits_row, 0);
    for (int r = 0; r < 3; r++)
        n = add_row(out, n, max, rows[r], r + 1);
    int col = 0;
    n = add_key(out, n, max, OV_KB_SWITCH, layout == OV_KB_QWERTY ? "ABC" : "QWERTY", 0, 4, col, SWITCH_SPAN);
    col += SWITCH_SPAN;
    n = add_key(out, n, max, OV_KB_SPACE, "Space", ' ', 4, col, SPACE_SPAN);
    col += SPACE_SPAN;
    n = add_key(out, n, max, OV_KB_DELETE, "Delete", 0, 4, col, DELETE_SPAN);
    col += DELETE_SPAN;
    n = add_key(out, n, max, OV_KB_DONE, "Done", 0, 4, col, DONE_SPAN);
    return n;
}

/* 1 when the next letter starts the text or a sentence. */
static int starts_sentence(const char *t)
{
    size_t n = strlen(t);
    while (n > 0 && t[n - 1] == ' ')
        n--;
    return n == 0 || t[n - 1] == '.';
}

ov_kb_result ov_keyboard_press(ov_keyboard *kb, const ov_kb_key *key)
{
    size_t n = strlen(kb->text);
    switch (key->kind) {
    case OV_KB_DELETE:
        if (n > 0) { /* a whole UTF-8 character: skip its continuation bytes */
            do
                n--;
            while (n > 0 && ((unsigned char)kb->text[n] & 0xC0) == 0x80);
            kb->text[n] = '\0';
        }
        return OV_KB_DELETED;
    case OV_KB_SWITCH:
        kb->layout = kb->layout == OV_KB_QWERTY ? OV_KB_ABC : OV_KB_QWERTY;
        return OV_KB_SWITCHED;
    case OV_KB_DONE:
        return OV_KB_FINISHED;
    case OV_KB_SPACE:
    case OV_KB_CHAR:
        break;
    }
    if (n + 1 >= sizeof kb->text)
        return OV_KB_FULL;
    char ch = key->kind == OV_KB_SPACE ? ' ' : key->ch;
    if (ch >= 'A' && ch <= 'Z' && !starts_sentence(kb->text))
        ch = (char)(ch - 'A' + 'a');
    kb->text[n] = ch;
    kb->text[n + 1] = '\0';
    return OV_KB_TYPED;
}

/* The content's word w, or the English one when the content gives none. */
static const char *or_english(const char *w, const char *english)
{
    return w && w[0] ? w : english;
}

void ov_keyboard_key_word(const ov_keyboard *kb, const ov_kb_key *key, char *out, size_t outlen)
{
    const struct {
        char ch;
        const char *word;
    } marks[] = {{'-', or_english(kb->dash, "dash")}, {',', or_english(kb->comma, "comma")},
                 {'.', or_english(kb->full_stop, "full stop")},
                 {'\'', or_english(kb->apostrophe, "apostrophe")}};
    switch (key->kind) {
    case OV_KB_SPACE:
        ov_strlcpy(out, "space", outlen);
        return;
    case OV_KB_DELETE:
        ov_strlcpy(out, "delete", outlen);
        return;
    case OV_KB_DONE:
        ov_strlcpy(out, "done", outlen);
        return;
    case OV_KB_SWITCH: /* the layout shown now (after the press) */
        ov_strlcpy(out, kb->layout == OV_KB_QWERTY ? or_english(kb->qwerty_keys, "QWERTY keys")
                                                   : or_english(kb->abc_keys, "alphabetical keys"), outlen);
        return;
    case OV_KB_CHAR:
        break;
    }
    for (size_t i = 0; i < OV_ARRAY_LEN(marks); i++)
        if (marks[i].ch == key->ch) {
            ov_strlcpy(out, marks[i].word, outlen);
            return;
        }
    ov_strlcpy(out, key->label, outlen);
}

const char *ov_keyboard_layout_name(ov_kb_layout layout)
{
    return layout == OV_KB_QWERTY ? "QWERTY" : "alphabetical";
}
