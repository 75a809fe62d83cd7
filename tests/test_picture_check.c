/* test_picture_check.c — pictures and recordings are checked by decoding
 * them, and nothing a bad file does can stall or blow up the kiosk: a FIFO
 * named like a picture, another format under a .png name (GIMP's XCF), a PNG
 * whose header says 20000x20000 pixels, an SVG that would take minutes to
 * draw, a broken SVG, a broken WAV. Each is refused with a sentence that
 * says what to do; the kiosk's own pictures pass. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/picture_format.h"
#include "platform/picture.h"
#include "test_tmp.h"

typedef struct {
    char dir[256];
} tmp;

static int setup(void **state)
{
    tmp *t = calloc(1, sizeof *t);
    ov_test_tmp_template(t->dir, sizeof t->dir, "ov-picture");
    if (!mkdtemp(t->dir)) return -1;
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    tmp *t = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    int rc = system(cmd);
    free(t);
    return rc == 0 ? 0 : -1;
}

static void put(const tmp *t, const char *name, const void *data, size_t len, char *path, size_t pathlen)
{
    snprintf(path, pathlen, "%s/%s", t->dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void the_kiosks_own_pictures_pass(void **state)
{
    (void)state;
    char path[1024], err[256];
    const char *root = getenv("OV_ROOT") ? getenv("OV_ROOT") : ".";
    snprintf(path, sizeof path, "%s/assets/pictures/principle-assets.svg", root);
    ov_picture_info info;
    assert_int_equal(ov_picture_check(path, NULL, &info, err, sizeof err), OV_OK);
    assert_int_equal(info.format, OV_PIC_SVG);
    assert_true(info.width > 0 && info.height > 0);
}

static void a_fifo_is_refused_not_waited_on(void **state)
{
    tmp *t = *state;
    char path[256], err[256];
    snprintf(path, sizeof path, "%s/pipe.png", t->dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(ov_picture_check(path, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "not a regular file"));
    assert_int_equal(ov_recording_check(path, err, sizeof err), OV_EINVAL);
}

static void another_format_under_a_png_name_is_refused(void **state)
{
    tmp *t = *state;
    /* the first bytes of a GIMP XCF file, which SDL_image would guess from the bytes */
    static const char xcf[] = "gimp xcf v011\0\0\0\x4e\x20\0\0\x4e\x20\0\0\0\0\0\0\0\x11\0\0\0\0\0\0\0\0\0\0\0";
    char path[256], err[256];
    put(t, "x.png", xcf, sizeof xcf, path, sizeof path);
    assert_int_equal(ov_picture_check(path, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "not a PNG picture inside"));
    assert_null(ov_picture_load(path, 64, 64, err, sizeof err));
}

/* A PNG signature and an IHDR chunk saying w x h; no pixel data at all. */
static size_t png_header(uint32_t w, uint32_t h, unsigned char *out)
{
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    memcpy(out, sig, 8);
    const unsigned char ihdr[17] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        (unsigned char)(w >> 24), (unsigned char)(w >> 16), (unsigned char)(w >> 8), (unsigned char)w,
        (unsigned char)(h >> 24), (unsigned char)(h >> 16), (unsigned char)(h >> 8), (unsigned char)h, 8 };
    memcpy(out + 8, ihdr, sizeof ihdr);
    memset(out + 25, 0, 8);
    return 33;
}

static void a_picture_bomb_is_refused_before_decoding(void **state)
{
    tmp *t = *state;
    unsigned char png[64];
    char path[256], err[256];
    put(t, "bomb.png", png, png_header(20000, 20000, png), path, sizeof path);
    assert_int_equal(ov_picture_check(path, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "20000x20000 pixels; at most 4096x4096"));
    ov_picture_limits lim;
    ov_picture_limits_default(&lim);
    lim.max_side = 30000;            /* allowed by size: then decoding finds it broken */
    assert_int_equal(ov_picture_check(path, &lim, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "broken"));
}

static void a_slow_svg_is_refused_in_bounded_time(void **state)
{
    tmp *t = *state;
    /* one stroked path of 40,000 points: nanosvg needs minutes to draw it */
    size_t cap = 600000, n = 0;
    char *svg = malloc(cap);
    n += (size_t)snprintf(svg + n, cap - n, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" "
                          "height=\"100\"><path d=\"M0 0");
    unsigned seed = 7;
    for (int i = 0; i < 40000; i++) {
        seed = seed * 1103515245u + 12345u;
        n += (size_t)snprintf(svg + n, cap - n, " L%u %u", (seed >> 8) % 100, (seed >> 16) % 100);
    }
    n += (size_t)snprintf(svg + n, cap - n, " Z\" fill=\"#f00\" stroke=\"#000\" stroke-width=\"3\"/></svg>");
    char path[256], err[256];
    put(t, "slow.svg", svg, n, path, sizeof path);
    free(svg);
    ov_picture_limits lim;
    ov_picture_limits_default(&lim);
    lim.decode_ms = 1000;
    assert_int_equal(ov_picture_check(path, &lim, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "takes too long to draw"));
}

static void broken_svg_and_wav_are_refused(void **state)
{
    tmp *t = *state;
    static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"";
    static const char wav[] = "RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0";
    char path[256], err[256];
    put(t, "broken.svg", svg, sizeof svg - 1, path, sizeof path);
    assert_int_equal(ov_picture_check(path, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "broken"));
    put(t, "broken.wav", wav, sizeof wav - 1, path, sizeof path);
    assert_int_equal(ov_recording_check(path, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "save it again as WAV"));
}

/* Issue 13: an SVG that SDL_image would half draw is refused, each with
 * what is wrong; the same picture written out in full passes. */
static void cut_short_or_empty_svgs_are_refused(void **state)
{
    tmp *t = *state;
    static const struct {
        const char *svg, *says;
    } bad[] = {
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect x=",
          "the file ends inside the tag <rect> (line 1): it is cut short" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n"
          "<rect width=\"10\" height=\"10\"/>\n", "<svg> is never closed" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><g>"
          "<rect width=\"10\" height=\"10\"/></svg>", "</svg> does not match the tag opened before it" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
          "height=\"10\"/></svg><rect", "<rect> is outside the <svg> element" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "draws nothing" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
          "<rect width=\"10\" height=\"10\" fill=\"none\"/></svg>", "draws nothing" },
    };
    char path[256], err[256];
    for (size_t i = 0; i < OV_ARRAY_LEN(bad); i++) {
        put(t, "cut.svg", bad[i].svg, strlen(bad[i].svg), path, sizeof path);
        if (ov_picture_check(path, NULL, NULL, err, sizeof err) != OV_EINVAL)
            fail_msg("SVG %zu passes: %s", i, bad[i].svg);
        if (!strstr(err, bad[i].says) || !strstr(err, "save it again"))
            fail_msg("SVG %zu: '%s' does not say '%s' and how to fix it", i, err, bad[i].says);
    }
    static const char good[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- a <rect> -->\n"
                               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                               "<title>a > b</title><style><![CDATA[ rect { fill: #000 } ]]></style>"
                               "<rect width=\"10\" height=\"10\" data-x=\"1 > 0\" fill=\"#000\"/></svg>\n\n";
    put(t, "whole.svg", good, sizeof good - 1, path, sizeof path);
    if (ov_picture_check(path, NULL, NULL, err, sizeof err) != OV_OK)
        fail_msg("a whole SVG is refused: %s", err);
}

static void formats_come_from_names_and_bytes(void **state)
{
    (void)state;
    unsigned char png[64];
    long w, h;
    size_t n = png_header(640, 480, png);
    assert_int_equal(ov_picture_format_of_name("a/b.JPEG"), OV_PIC_JPEG);
    assert_int_equal(ov_picture_format_of_name("a.gif"), OV_PIC_UNKNOWN);
    assert_int_equal(ov_picture_format_of_bytes(png, n), OV_PIC_PNG);
    assert_true(ov_picture_header_size(OV_PIC_PNG, png, n, &w, &h));
    assert_int_equal(w, 640);
    assert_int_equal(h, 480);
    static const unsigned char jpg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0x01, 0xE0,
                                         0x02, 0x80, 3, 0, 0, 0 };
    assert_int_equal(ov_picture_format_of_bytes(jpg, sizeof jpg), OV_PIC_JPEG);
    assert_true(ov_picture_header_size(OV_PIC_JPEG, jpg, sizeof jpg, &w, &h));
    assert_int_equal(w, 640);
    assert_int_equal(h, 480);
    assert_false(ov_picture_header_size(OV_PIC_JPEG, jpg, 10, &w, &h));   /* cut short */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_kiosks_own_pictures_pass),
        cmocka_unit_test(formats_come_from_names_and_bytes),
        cmocka_unit_test_setup_teardown(a_fifo_is_refused_not_waited_on, setup, teardown),
        cmocka_unit_test_setup_teardown(another_format_under_a_png_name_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_picture_bomb_is_refused_before_decoding, setup, teardown),
        cmocka_unit_test_setup_teardown(a_slow_svg_is_refused_in_bounded_time, setup, teardown),
        cmocka_unit_test_setup_teardown(broken_svg_and_wav_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(cut_short_or_empty_svgs_are_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
