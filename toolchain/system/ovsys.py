"""toolchain/system/ovsys.py — drives the appliance image under qemu from the
outside for `make test-system`: boots it (TCG), talks QMP (screendump, tablet
and key input, USB stick hot-plug, power-off), reads the serial console (the
journal is forwarded there) and the test's command line on ttyS1, compares
screendumps with reference screens the same program renders headless, measures the captured WAV, and reads the vote
store back from a copy of the disk (e2fsck + debugfs)."""
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import time
import zlib

VCPU_NICE = 10   # niceness of qemu's vCPU threads (its main loop, which plays the sound, keeps 0)

BOOT_LIMIT_S = 600          # TCG: 30-70 s on an idle 2-core machine, 5 times that on a loaded one
COMMAND_LIMIT_S = 60
W, H = 800, 480


class Fail(Exception):
    """A check a user would notice went wrong."""


# --- pictures -------------------------------------------------------------------------
def read_ppm(path):
    """(width, height, RGB bytes) of a binary PPM (QMP screendump)."""
    with open(path, "rb") as f:
        data = f.read()
    parts = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not parts:
        raise Fail(f"{path}: not a PPM screendump")
    w, h = int(parts.group(1)), int(parts.group(2))
    return w, h, data[parts.end():parts.end() + w * h * 3]


def read_png(path):
    """(width, height, RGB bytes) of an 8-bit RGB/RGBA non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, w, h, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise Fail(f"{path}: only 8-bit RGB/RGBA PNGs are read here")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = w * bpp
    out = bytearray()
    prev = bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if bpp == 3:
            out += line
        else:
            for x in range(w):
                out += line[x * 4:x * 4 + 3]
    return w, h, bytes(out)


def differing_share(a, b, step=4, above=None):
    """Share (0..1) of sampled pixels that differ by more than 48 in any channel.
    above: stop counting as soon as the share is sure to be over it (returns a value over it);
    the test's own CPU competes with qemu's threads on the host, so a wait must stay cheap."""
    (wa, ha, pa), (wb, hb, pb) = a, b
    if (wa, ha) != (wb, hb):
        return 1.0
    xs = range(0, wa, step)
    total = len(xs) * len(range(0, ha, step))
    stop = total + 1 if above is None else int(above * total) + 1
    bad = 0
    for y in range(0, ha, step):
        row = y * wa
        for x in xs:
            i = (row + x) * 3
            if max(abs(pa[i] - pb[i]), abs(pa[i + 1] - pb[i + 1]), abs(pa[i + 2] - pb[i + 2])) > 48:
                bad += 1
                if bad >= stop:   # only reached when above is given
                    return bad / max(total, 1)
    return bad / max(total, 1)


class Screens:
    """Reference screens at 800x480 (PNG files in a folder), for telling which
    screen the appliance shows. A file NAME-N.png is one of several looks of
    screen NAME (question-2 is the second question, confirm-5 the fifth answer)."""

    def __init__(self, folder):
        self.pics = {}
        for f in sorted(os.listdir(folder)):
            if f.endswith(".png"):
                self.pics[f[:-4]] = read_png(os.path.join(folder, f))
        if not self.pics:
            raise Fail(f"no reference screens in {folder}")

    @staticmethod
    def screen_of(look):
        """The screen a look belongs to: question-2 -> question."""
        return re.sub(r"-\d+$", "", look)

    def closest(self, shot, first=()):
        """(look, differing share) of the reference nearest the screendump. The looks in `first`
        are compared first; every other comparison stops once it is worse than the best so far."""
        names = [n for n in first if n in self.pics] + [n for n in self.pics if n not in first]
        best_n, best = None, 2.0
        for n in names:
            d = differing_share(shot, self.pics[n], above=best if best_n else None)
            if d < best:
                best_n, best = n, d
        return best_n, best

    def looks_of(self, want):
        """The reference looks that count as `want` (a screen or one look of it)."""
        return [n for n in self.pics if want in (n, Screens.screen_of(n))]

    def shows(self, shot, want, tolerance):
        """1 when the screendump is `want` within tolerance and no other look is nearer. Cheap while
        the screen is something else: only want's own looks are compared until one is near."""
        near = min((differing_share(shot, self.pics[n], above=tolerance) for n in self.looks_of(want)),
                   default=1.0)
        if near > tolerance:
            return 0
        look, _ = self.closest(shot, first=self.looks_of(want))
        return int(want in (look, Screens.screen_of(look)))


# --- sound ---------------------------------------------------------------------------
def wav_rms(path):
    """RMS amplitude of a WAV file, from `sox FILE -n stat`; 0.0 when unreadable."""
    if not os.path.exists(path) or os.path.getsize(path) <= 44:
        return 0.0
    r = subprocess.run(["sox", path, "-n", "stat"], capture_output=True, text=True)
    m = re.search(r"RMS\s+amplitude:\s+([0-9.e+-]+)", r.stderr)
    return float(m.group(1)) if m else 0.0


# --- the store on the disk ----------------------------------------------------------------
def read_store(disk, dest, ourvoice):
    """Copies the (possibly power-cut) disk, recovers the copy with e2fsck -fy,
    takes /var/lib/ourvoice out with debugfs, and returns the output of
    `ourvoice results --data DIR` (rc, text)."""
    copy = dest + ".img"
    subprocess.run(["cp", "--sparse=always", disk, copy], check=True)   # the 2 GB image is mostly holes
    fsck = subprocess.run(["e2fsck", "-fy", copy], capture_output=True, text=True)
    if fsck.returncode >= 4:
        raise Fail(f"e2fsck could not repair the disk after the power cut (exit {fsck.returncode}): "
                   f"{fsck.stdout[-400:]}")
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    subprocess.run(["debugfs", "-R", f"rdump /var/lib/ourvoice {dest}", copy], capture_output=True)
    os.unlink(copy)
    data = os.path.join(dest, "ourvoice")
    if not os.path.isdir(data):
        raise Fail("no /var/lib/ourvoice on the disk")
    r = subprocess.run([ourvoice, "results", "--data", data], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr, data


# --- the machine ------------------------------------------------------------------------
class VM:
    """One boot of the appliance image."""

    def __init__(self, imgdir, workdir, disk, append_extra="", name="vm"):
        self.imgdir, self.work, self.disk = imgdir, workdir, disk
        self.name = name
        self.qmp_path = os.path.join(workdir, f"{name}.qmp")
        self.ctl_path = os.path.join(workdir, f"{name}.ctl")
        self.console = os.path.join(workdir, f"{name}.console")
        self.wav = os.path.join(workdir, f"{name}.wav")
        self.append_extra = append_extra
        self.proc = None
        self.qmp = None
        self.ctl = None
        self.ctl_buf = b""
        self.t_start = 0.0
        self.usb_n = 0

    def start(self):
        for p in (self.qmp_path, self.ctl_path, self.console):
            if os.path.exists(p):
                os.unlink(p)
        append = ("root=/dev/vda rw console=tty1 console=ttyS0 quiet loglevel=4 panic=-1 "
                  "systemd.journald.forward_to_console=1 systemd.show_status=0 " + self.append_extra)
        cmd = ["qemu-system-x86_64", "-accel", "tcg", "-m", "1024", "-smp", "2", "-nographic",
               "-display", "none", "-vga", "none", "-no-reboot", "-nic", "none",
               "-kernel", os.path.join(self.imgdir, "vmlinuz"),
               "-initrd", os.path.join(self.imgdir, "initrd.img"), "-append", append,
               "-drive", f"file={self.disk},format=raw,if=virtio,cache=unsafe",
               "-device", "VGA,xres=800,yres=480",
               "-device", "qemu-xhci,id=xhci", "-device", "usb-tablet,bus=xhci.0",
               "-audiodev", f"wav,id=snd,path={self.wav}",
               "-device", "intel-hda", "-device", "hda-duplex,audiodev=snd",
               "-serial", f"file:{self.console}",
               "-chardev", f"socket,id=ctl,path={self.ctl_path},server=on,wait=off",
               "-serial", "chardev:ctl",
               "-qmp", f"unix:{self.qmp_path},server=on,wait=off", "-monitor", "none"]
        self.t_start = time.time()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=open(
            os.path.join(self.work, f"{self.name}.qemu.log"), "w"), stderr=subprocess.STDOUT)
        self.qmp = self._connect(self.qmp_path)
        self._qmp_read()                     # greeting
        self.qmp_cmd("qmp_capabilities")
        self.lower_vcpus()
        self.ctl = self._connect(self.ctl_path)

    def lower_vcpus(self):
        """Gives qemu's vCPU threads a lower priority on the host than its main loop, which
        plays the sound card: on a 2-core host two busy vCPUs otherwise starve the main loop,
        the emulated card then takes a stall's worth of samples at once, and the guest logs an
        ALSA underrun the kiosk did not cause (CI, #16). Returns the number of threads lowered."""
        n = 0
        for cpu in self.qmp_cmd("query-cpus-fast") or []:
            tid = cpu.get("thread-id")
            if tid:
                os.setpriority(os.PRIO_PROCESS, tid, VCPU_NICE)
                n += 1
        return n

    def _connect(self, path):
        for _ in range(200):
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(path)
                return s
            except OSError:
                time.sleep(0.05)
        raise Fail(f"qemu did not open {path} (see {self.name}.qemu.log)")

    def _qmp_read(self):
        buf = b""
        while True:
            c = self.qmp.recv(65536)
            if not c:
                raise Fail("qemu closed QMP")
            buf += c
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                msg = json.loads(line)
                if "event" not in msg:
                    return msg

    def qmp_cmd(self, cmd, **args):
        self.qmp.sendall(json.dumps({"execute": cmd, "arguments": args}).encode() + b"\n")
        r = self._qmp_read()
        if "error" in r:
            raise Fail(f"QMP {cmd}: {r['error'].get('desc')}")
        return r.get("return")

    # --- the test's command line (ttyS1) ---
    def sh(self, line, limit=COMMAND_LIMIT_S):
        """Runs a shell line in the guest; returns (status, output)."""
        self.ctl.sendall(line.encode() + b"\n")
        end = time.time() + limit
        self.ctl.settimeout(1.0)
        while True:
            m = re.search(rb"OVTEST-END (\d+)\r?\n", self.ctl_buf)
            if m:
                out = self.ctl_buf[:m.start()].decode(errors="replace")
                self.ctl_buf = self.ctl_buf[m.end():]
                return int(m.group(1)), out.replace("OVTEST-READY\n", "")
            if time.time() > end:
                raise Fail(f"guest command did not finish in {limit} s: {line}")
            try:
                c = self.ctl.recv(65536)
                if c:
                    self.ctl_buf += c
            except socket.timeout:
                pass

    def wait_ctl(self, limit=BOOT_LIMIT_S):
        """Waits for the guest's command line; returns seconds since start."""
        end = time.time() + limit
        self.ctl.settimeout(1.0)
        while b"OVTEST-READY" not in self.ctl_buf:
            if time.time() > end or self.proc.poll() is not None:
                raise Fail(f"the guest's command line did not come up in {limit} s")
            try:
                c = self.ctl.recv(65536)
                self.ctl_buf += c
            except socket.timeout:
                pass
        self.ctl_buf = self.ctl_buf.split(b"OVTEST-READY", 1)[1].lstrip(b"\r\n")
        return time.time() - self.t_start

    def console_text(self):
        try:
            with open(self.console, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def wait_console(self, pattern, limit=BOOT_LIMIT_S, after=0):
        """Waits for a regex in the console log; returns seconds since start."""
        end = time.time() + limit
        while time.time() < end:
            if re.search(pattern, self.console_text()[after:]):
                return time.time() - self.t_start
            if self.proc.poll() is not None:
                raise Fail(f"qemu stopped while waiting for /{pattern}/")
            time.sleep(0.2)
        raise Fail(f"/{pattern}/ did not appear on the console in {limit} s")

    def unit(self, prop):
        """A property of ourvoice.service (systemctl show)."""
        _, out = self.sh(f"systemctl show -p {prop} --value ourvoice.service")
        return out.strip()

    def journal_pids(self, pattern):
        """The process id of each line of this boot's journal matching pattern, in order."""
        _, out = self.sh(f"journalctl -b -o json --output-fields=_PID,MESSAGE | grep -E '{pattern}'; true")
        pids = []
        for line in out.splitlines():
            try:
                pids.append(int(json.loads(line).get("_PID", "0")))
            except (ValueError, TypeError):
                pids.append(0)
        return pids

    def journal_count(self, pattern):
        _, out = self.sh(f"journalctl -b -o cat | grep -c -E '{pattern}'")
        try:
            return int(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            return 0

    def wait_ready(self, limit=BOOT_LIMIT_S):
        """Waits until systemd has READY=1 from the kiosk (ActiveState active)."""
        end = time.time() + limit
        while time.time() < end:
            if self.unit("ActiveState") == "active" and self.unit("SubState") == "running":
                return time.time() - self.t_start
            time.sleep(1)
        raise Fail(f"ourvoice.service not active (READY=1) {limit} s after boot: "
                   f"{self.unit('ActiveState')}/{self.unit('SubState')}")

    # --- screen and input ---
    def screen(self, name="shot"):
        path = os.path.join(self.work, f"{self.name}-{name}.ppm")
        self.qmp_cmd("screendump", filename=path)
        return read_ppm(path)

    def wait_screen(self, screens, want, limit=120, tolerance=0.08, name=None):
        """Waits until the screen is `want` (a screen, e.g. "question", or one
        look of it, e.g. "question-2") within `tolerance`; returns seconds waited."""
        t0 = time.time()
        last, shot = ("?", 1.0), (0, 0, b"")
        while time.time() - t0 < limit:
            shot = self.screen(name or want)
            if (shot[0], shot[1]) == (W, H) and screens.shows(shot, want, tolerance):
                return time.time() - t0
            time.sleep(0.5)
        if (shot[0], shot[1]) == (W, H):
            last = screens.closest(shot)
        keep = os.environ.get("OV_SYSTEM_KEEP")     # run.sh: BUILD/system/failed/
        if keep:
            os.makedirs(keep, exist_ok=True)
            shutil.copy(os.path.join(self.work, f"{self.name}-{name or want}.ppm"), keep)
        raise Fail(f"the screen did not show '{want}' in {limit} s (closest: {last[0]}, "
                   f"{last[1] * 100:.1f}% of pixels differ)")

    def _abs(self, x, y, down=None):
        # SDL 2.26 passes the tablet's ABS values through unscaled: send the pixel.
        events = [{"type": "abs", "data": {"axis": "x", "value": x}},
                  {"type": "abs", "data": {"axis": "y", "value": y}}]
        if down is not None:
            events.append({"type": "btn", "data": {"down": down, "button": "left"}})
        self.qmp_cmd("input-send-event", events=events)

    def tap(self, x, y):
        """A press at pixel (x, y), as a member's finger through the tablet."""
        # The kernel leaves out an unchanged axis and SDL then takes it as 0:
        # go to a point that differs in both axes first.
        self._abs((x + 37) % W, (y + 23) % H)
        time.sleep(0.15)
        self._abs(x, y)
        time.sleep(0.15)
        self._abs(x, y, True)
        time.sleep(0.15)
        self._abs(x, y, False)

    def key(self, qcode):
        self.qmp_cmd("send-key", keys=[{"type": "qcode", "data": qcode}])

    # --- USB stick ---
    def plug_stick(self, image, write_bps=0):
        """Plugs a USB stick (a FAT image file) into the xhci bus; with
        write_bps, a slow stick: writes go at most that many bytes a second
        (a QMP throttle group), so the host can pull it out mid-write.
        Returns the device id for pull_stick."""
        self.usb_n += 1
        n = f"stick{self.usb_n}"
        raw = {"driver": "raw", "file": {"driver": "file", "filename": image}}
        if write_bps:
            self.qmp_cmd("object-add", **{"qom-type": "throttle-group", "id": f"slow{self.usb_n}",
                                          "limits": {"bps-write": write_bps}})
            self.qmp_cmd("blockdev-add", **{"node-name": n, "driver": "throttle",
                                            "throttle-group": f"slow{self.usb_n}", "file": raw})
        else:
            self.qmp_cmd("blockdev-add", **{"node-name": n, **raw})
        self.qmp_cmd("device_add", driver="usb-storage", id=f"usb{self.usb_n}", drive=n,
                     bus="xhci.0")
        return f"usb{self.usb_n}"

    def pull_stick(self, dev_id):
        """Pulls the stick out (device_del), then lets go of its image file
        (blockdev-del, once the device is gone) so it can be plugged in again."""
        self.qmp_cmd("device_del", id=dev_id)
        node = "stick" + dev_id[len("usb"):]
        end = time.time() + 30
        while True:
            try:
                self.qmp_cmd("blockdev-del", **{"node-name": node})
                return
            except Fail:
                if time.time() > end:
                    raise
                time.sleep(0.2)

    # --- ending ---
    def power_off(self, limit=120):
        """A clean shutdown (ACPI power button); returns when qemu has exited."""
        self.qmp_cmd("system_powerdown")
        try:
            self.proc.wait(limit)
        except subprocess.TimeoutExpired:
            self.kill()
            raise Fail(f"the appliance did not power off within {limit} s")
        self._close()

    def kill(self):
        """A power cut: SIGKILL to qemu."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self._close()

    def _close(self):
        for s in (self.qmp, self.ctl):
            try:
                s.close()
            except (OSError, AttributeError):
                pass
        self.qmp = self.ctl = None
