#!/usr/bin/env python3
"""scan_image.py IMAGE FINAL — read a raw ext4 image as a forensic examiner
would and look for any earlier version of the vote counts.

FINAL holds the final counts of meeting "visits" ("Q A COUNT" per line, from
`tally_voter dump`). Every SQLite cell of a count (meeting, group, question,
answer, count, pad: tally schema 3, the group empty) anywhere in the image — the database, the rollback journal, freed
blocks, the ext4 journal, slack — is decoded. A count other than the final one
is an earlier version: it gives the order of votes and, compared with the next
version, which answers came from one person. Exit 0 when none is found, 1
when some are (each printed with its offset), 2 on bad use."""
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


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    img = open(sys.argv[1], "rb").read()
    final = {}
    for line in open(sys.argv[2]):
        q, a, c = line.split()
        final[(q, a)] = int(c)
    found, leaks = scan(img, final)
    print("scan: %d count cells found in the image, %d of them an earlier version" % (len(found), len(leaks)))
    for q, a, c, o in leaks[:20]:
        print("  earlier version: %s %s = %s (final %s) at byte %d (block %d of 1 KiB)"
              % (q, a, c, final.get((q, a), 0), o, o // 1024))
    if not found:
        print("scan: no count cell at all: the scan is broken")
        return 1
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
