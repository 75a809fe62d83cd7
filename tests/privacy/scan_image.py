#!/usr/bin/env python3
"""scan_image.py IMAGE FINAL [FINAL_IDEAS] — read a raw ext4 image as a forensic examiner
would and look for any earlier version of the vote counts.

FINAL holds the final counts of meeting "visits" ("Q A COUNT" per line, from
`tally_voter dump`). Every SQLite cell of a count (meeting, group, question,
answer, count, pad: tally schema 3, the group empty) anywhere in the image — the database, the rollback journal, freed
blocks, the ext4 journal, slack — is decoded. A count other than the final one
is an earlier version: it gives the order of votes and, compared with the next
version, which answers came from one person. FINAL_IDEAS (from `tally_voter
ideas-dump`: "IDEA VOTES" lines and "voters N") does the same for the cells of
a priorities round: each idea's votes and the board's voters. Exit 0 when
none is found, 1 when some are (each printed with its offset), 2 on bad use."""
import sys

QS = ["q1", "q2", "q3", "q4"]
AS = ["a1", "a2", "a3", "a4"]
MEETING = b"visits"
SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def text_type(s):
    return 2 * len(s) + 13


def decode_count(img, header, at):
    st = header[5]
    if st == 8:
        return 0
    if st == 9:
        return 1
    n = SIZES.get(st)
    if n is None:
        return None
    return int.from_bytes(img[at:at + n], "big", signed=True)


def scan(img, final):
    found = []
    for q in QS:
        for a in AS:
            body = MEETING + q.encode() + a.encode()
            # header size 7, then the serial types: meeting, group '' (13), q, a
            want = bytes([7, text_type(MEETING), text_type(""), text_type(q), text_type(a)])
            start = 0
            while True:
                o = img.find(body, start)
                if o < 0:
                    break
                start = o + 1
                header = img[o - 7:o]
                if len(header) < 7 or header[:5] != want:
                    continue          # not a counts cell (e.g. an index key)
                count = decode_count(img, header, o + len(body))
                found.append((q, a, count, o))
    leaks = [(q, a, c, o) for (q, a, c, o) in found if c != final.get((q, a), 0)]
    return found, leaks


IDEAS = ["Longer opening hours", "A quiet room", "More trips out", "Easy read letters"]


def int_body(v):
    """SQLite serial type and body bytes of a small integer (0..127)."""
    return (8, b"") if v == 0 else (9, b"") if v == 1 else (1, bytes([v]))


def scan_ideas(img, final):
    """Every cell of a priorities count: each idea's votes (table ideas) and
    the board's voters (table idea_boards), as (what, count, offset)."""
    found = []
    for i, text in enumerate(IDEAS):
        st, ib = int_body(i)
        body = MEETING + b"q1" + ib + text.encode()
        # header size 11; meeting, question, idx, text, votes: an 8-byte blob (28)
        want = bytes([11, text_type(MEETING), text_type("q1"), st, text_type(text), 28])
        start = 0
        while (o := img.find(body, start)) >= 0:
            start = o + 1
            if img[o - 11:o - 5] == want:
                found.append(("idea %d" % i, int.from_bytes(img[o + len(body):o + len(body) + 8], "big"), o))
    body = MEETING + b"q1" + bytes([2])  # max_choices 2, round open (1: no body bytes)
    want = bytes([6, text_type(MEETING), text_type("q1"), 1, 9, 28])
    start = 0
    while (o := img.find(body, start)) >= 0:
        start = o + 1
        if img[o - 6:o] == want:
            found.append(("voters", int.from_bytes(img[o + len(body):o + len(body) + 8], "big"), o))
    leaks = [(w, c, o) for (w, c, o) in found if c != final.get(w, 0)]
    return found, leaks


def report(kind, found, leaks, show):
    print("scan: %d %s cells found in the image, %d of them an earlier version" % (len(found), kind, len(leaks)))
    for leak in leaks[:20]:
        print("  earlier version: " + show(leak))
    if not found:
        print("scan: no %s cell at all: the scan is broken" % kind)
        return 1
    return 1 if leaks else 0


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        return 2
    img = open(sys.argv[1], "rb").read()
    final = {}
    for line in open(sys.argv[2]):
        q, a, c = line.split()
        final[(q, a)] = int(c)
    found, leaks = scan(img, final)
    bad = report("count", found, leaks, lambda l: "%s %s = %s (final %s) at byte %d (block %d of 1 KiB)"
                 % (l[0], l[1], l[2], final.get((l[0], l[1]), 0), l[3], l[3] // 1024))
    if len(sys.argv) == 4:
        ideas = {}
        for line in open(sys.argv[3]):
            w, c = line.split()
            ideas["voters" if w == "voters" else "idea " + w] = int(c)
        found, leaks = scan_ideas(img, ideas)
        bad |= report("priorities", found, leaks, lambda l: "%s = %s (final %s) at byte %d (block %d of 1 KiB)"
                      % (l[0], l[1], ideas.get(l[0], 0), l[2], l[2] // 1024))
    return bad


if __name__ == "__main__":
    sys.exit(main())
