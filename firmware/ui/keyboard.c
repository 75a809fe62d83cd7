/* keyboard.c — the on-screen keyboard's pages and keys (ui/keyboard.h). */
#include "ui/keyboard.h"
#include "base/ov_common.h"

#include <stdio.h>
#include <string.h>

/* The characters of each page, OV_KB_CHARS each. No dash: easy-read writes
 * "one to one", and a 14th key would make every key smaller. */
static const char *const page_chars[OV_KB_PAGES] = {"ABCDEFGHIJKLM", "NOPQRSTUVWXYZ", "1234567890,.'"};
/* What the next-page key shows: the page it opens. */
static const char *const next_label[OV_KB_PAGES] = {"N\u2013Z", "1 2 3", "A\u2013M"};

void ov_keyboard_init(ov_keyboard *kb, ov_kb_page page, const char *initial)
{
    memset(kb, 0, sizeof *kb);
    kb->page = page >= 0 && page < OV_KB_PAGES ? page : OV_KB_PAGE_A_M;
    if (initial)
        ov_strlcpy(kb->text, initial, sizeof kb->text);
}

const char *ov_keyboard_label(const ov_keyboard *kb, const ov_kb_key *k)
{
    const char *w = k->kind == OV_KB_SPACE ? kb->space : k->kind == OV_KB_DELETE ? kb->del
                    : k->kind == OV_KB_DONE ? kb->done : NULL;
    return w && *w ? w : k->label;
}

static int add_key(ov_kb_key *out, int n, int max, ov_kb_kind kind, const char *label, char ch)
{
    if (n >= max)
        return n;
    ov_kb_key *k = &out[n];
    memset(k, 0, sizeof *k);
    k->kind = kind;
    ov_strlcpy(k->label, label, sizeof k->label);
    k->ch = ch;
    k->slot = n;
    return n + 1;
}

int ov_keyboard_keys(ov_kb_page page, ov_kb_key *out, int max)
{
    if (page < 0 || page >= OV_KB_PAGES)
        page = OV_KB_PAGE_A_M;
    int n = 0;
    for (const char *c = page_chars[page]; *c; c++) {
        char label[2] = {*c, '\0'};
        n = add_key(out, n, max, OV_KB_CHAR, label, *c);
    }
    n = add_key(out, n, max, OV_KB_NEXT_PAGE, next_label[page], 0);
    n = add_key(out, n, max, OV_KB_SPACE, "Space", ' ');
    n = add_key(out, n, max, OV_KB_DELETE, "Delete", 0);
    n = add_key(out, n, max, OV_KB_DONE, "Done", 0);
    return n;
}

int ov_keyboard_page_of(char ch)
{
    for (int p = 0; p < OV_KB_PAGES && ch; p++)
        if (strchr(page_chars[p], ch))
            return p;
    return -1;
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
    case OV_KB_NEXT_PAGE:
        kb->page = (ov_kb_page)((kb->page + 1) % OV_KB_PAGES);
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

/* What the page key says: the page shown now (after the press). */
static const char *page_word(const ov_keyboard *kb)
{
    if (kb->page == OV_KB_PAGE_N_Z)
        return or_english(kb->page_n_z, "letters N to Z");
    if (kb->page == OV_KB_PAGE_NUMBERS)
        return or_english(kb->page_numbers, "numbers");
    return or_english(kb->page_a_m, "letters A to M");
}

void ov_keyboard_key_word(const ov_keyboard *kb, const ov_kb_key *key, char *out, size_t outlen)
{
    const struct {
        char ch;
        const char *word;
    } marks[] = {{',', or_english(kb->comma, "comma")}, {'.', or_english(kb->full_stop, "full stop")},
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
    case OV_KB_NEXT_PAGE:
        ov_strlcpy(out, page_word(kb), outlen);
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

