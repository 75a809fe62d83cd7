"""tests/system/scenarios.py — the scenarios of `make test-system`, run
against the appliance image (toolchain/system/image.sh) under qemu, driven
from outside only: the screen through QMP screendump, touch through the
usb-tablet, keys through the PS/2 keyboard, the vote store read from a copy
of the disk after the machine is off (or after a power cut).

Usage: python3 tests/system/scenarios.py SRC IMGDIR WORKDIR OURVOICE
Environment: OV_SYSTEM_CUTS (power cuts in scenario e, default 20; 2 quick),
OV_SYSTEM_ONLY (space-separated scenario letters to run, default all),
OV_SYSTEM_QUICK=1 (every scenario, 2 power cuts: `make test-system-ci`).
Prints one line per check, the figures (boot, first frame, visit timings,
ALSA underruns), and ends with "system: N passed, N failed"."""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

SRC, IMGDIR, WORK, OURVOICE = sys.argv[1:5]
sys.path.insert(0, os.path.join(SRC, "toolchain", "system"))
import ovsys  # noqa: E402
from ovsys import Fail  # noqa: E402

# OV_SYSTEM_QUICK=1 (make test-system-ci): every scenario, with 2 power cuts
# instead of 20 (each cut and its boot take about a minute).
QUICK = os.environ.get("OV_SYSTEM_QUICK", "") == "1"
CUTS = int(os.environ.get("OV_SYSTEM_CUTS", "2" if QUICK else "20"))
ONLY = os.environ.get("OV_SYSTEM_ONLY", "a b f c d g e h").split()
WATCHDOG_S = 30                  # WatchdogSec= in board/rpi/ourvoice.service
QUESTIONS = 4                    # the built-in questions
ANSWER_XY = {1: (87, 390), 2: (243, 390), 3: (400, 390), 4: (556, 390), 5: (709, 390)}
CONFIRM_XY = (200, 385)          # "That's right"
SAVE_XY = (400, 413)             # "Save my answers" on "Check your answers"
WELCOME_TAP = (400, 200)
PIN = "2580"                     # set in the image by fixtures.sh with `ourvoice set-pin`
# How far the appliance's screen (KMSDRM, llvmpipe or software) may be from the
# headless reference render of the same look; "Check your answers" shows the
# visit's own answers, so it is told by its layout only.
TOLERANCE = {"welcome": 0.05, "question": 0.12, "confirm": 0.12, "review": 0.35, "thanks": 0.12,
             "newq-welcome": 0.05, "newq-question": 0.12, "import-bad": 0.1, "import-good": 0.12,
             "import-done": 0.1, "export-too-soon": 0.1, "facilitator-pin": 0.1, "facilitator-menu": 0.25}
SCREENS = None                   # ovsys.Screens, rendered by render_references()
passed = failed = 0
figures = []


def check(name, ok, why=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {name}", flush=True)
    else:
        failed += 1
        print(f"FAIL {name}: {why}", flush=True)


def figure(text):
    figures.append(text)
    print(f"  figure: {text}", flush=True)


def fresh_disk(name):
    path = os.path.join(WORK, f"{name}.img")
    subprocess.run(["cp", "--sparse=always", os.path.join(IMGDIR, "root.img"), path], check=True)
    return path


def boot(disk, name, extra=""):
    vm = ovsys.VM(IMGDIR, WORK, disk, append_extra=extra, name=name)
    try:
        vm.start()
        t_ctl = vm.wait_ctl()
        t_ready = vm.wait_ready()
    except BaseException:
        vm.kill()
        raise
    return vm, t_ctl, t_ready


def underruns(vm, scenario, hung_pid=None):
    """ALSA underruns logged since the last count on this boot (journal lines).
    hung_pid: the kiosk the test itself froze (SIGSTOP) in the middle of its speech; its sound
    stops because it hangs, and the line it logs as the watchdog ends it is not a stutter."""
    pids = vm.journal_pids("underrun")
    new = pids[getattr(vm, "underruns_seen", 0):]
    vm.underruns_seen = len(pids)
    frozen = sum(1 for p in new if hung_pid and p == hung_pid)
    n = len(new) - frozen
    if frozen:
        figure(f"{scenario}: underruns logged by the kiosk frozen on purpose (pid {hung_pid}): {frozen}")
    figure(f"{scenario}: ALSA underruns in the journal: {n}")
    check(f"{scenario}: no ALSA underrun (the speech does not stutter)", n == 0, f"{n} underruns logged")
    if n:
        underrun_context(vm)
    return n


def underrun_context(vm):
    """Prints where this boot's underruns fell among the kiosk's own lines and systemd's (seconds
    since the kernel started), so a failed count says what the kiosk was doing at the time."""
    _, out = vm.sh("journalctl -b -o short-monotonic --no-hostname | grep -E "
                   "'underrun|ourvoice|Started|Reached target|Startup finished' | tail -n 60; true")
    for line in out.splitlines():
        print(f"    journal: {line.strip()}", flush=True)


def render_references():
    """Renders the reference screens (toolchain/system/screens.txt) headless at
    800x480 with the image's own settings and PIN, speech off; returns them."""
    ref, data = os.path.join(WORK, "ref"), os.path.join(WORK, "ref-data")
    os.makedirs(data)
    env = dict(os.environ, OV_PIN=PIN)
    r = subprocess.run([OURVOICE, "set-pin", "--data", data], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise Fail(f"ourvoice set-pin for the reference screens failed: {r.stdout}{r.stderr}")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", SDL_AUDIODRIVER="dummy",
               SDL_FRAMEBUFFER_ACCELERATION="0")
    r = subprocess.run(["timeout", "-s", "KILL", "300", OURVOICE, "kiosk", "--headless", "--no-speech",
                        "--config", os.path.join(IMGDIR, "ourvoice.ini"), "--data", data,
                        "--size", f"{ovsys.W}x{ovsys.H}", "--shots", ref,
                        "--script", os.path.join(SRC, "toolchain", "system", "screens.txt")],
                       cwd=SRC, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise Fail(f"the reference screens could not be rendered ({r.returncode}): {r.stderr[-400:]}")
    render_stick_references(ref)
    return ovsys.Screens(ref)


def render_stick_references(ref):
    """Renders toolchain/system/screens-sticks.txt (c: the stick pulled out,
    d: new questions, good and bad) into `ref`: the sticks are folders named
    in mount tables beside the script, the settings the image's own plus
    where the sticks are."""
    bench = os.path.join(WORK, "ref-sticks")
    media, data = os.path.join(bench, "media"), os.path.join(bench, "data")
    os.makedirs(data)
    for name, pack in (("BAD", "bad"), ("GOOD", "good")):
        shutil.copytree(os.path.join(SRC, "tests", "fixtures", "import", pack),
                        os.path.join(media, name, "ourvoice", "content"))
    root = "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/vda rw\n"
    for table, stick in (("none", None), ("gone", "GONE"), ("bad", "BAD"), ("good", "GOOD")):
        with open(os.path.join(bench, f"mounts-{table}"), "w") as f:
            f.write(root)
            if stick:
                f.write(f"36 22 8:17 / {media}/{stick} rw,nosuid,nodev,noexec,relatime shared:2 - vfat "
                        f"/dev/sda1 rw\n")
    with open(os.path.join(IMGDIR, "ourvoice.ini")) as f:
        ini = f.read().replace("[facilitator]\n", f"[facilitator]\nusb_mount_dir = {media}\n", 1)
    with open(os.path.join(bench, "ourvoice.ini"), "w") as f:
        f.write(ini)
    script = os.path.join(bench, "screens-sticks.txt")
    shutil.copy(os.path.join(SRC, "toolchain", "system", "screens-sticks.txt"), script)
    env = dict(os.environ, OV_PIN=PIN)
    r = subprocess.run([OURVOICE, "set-pin", "--data", data], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise Fail(f"ourvoice set-pin for the stick reference screens failed: {r.stdout}{r.stderr}")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", SDL_AUDIODRIVER="dummy",
               SDL_FRAMEBUFFER_ACCELERATION="0", OV_MOUNTINFO=os.path.join(bench, "mounts-none"))
    r = subprocess.run(["timeout", "-s", "KILL", "300", OURVOICE, "kiosk", "--headless", "--no-speech",
                        "--config", os.path.join(bench, "ourvoice.ini"), "--data", data,
                        "--size", f"{ovsys.W}x{ovsys.H}", "--shots", ref, "--script", script],
                       cwd=SRC, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise Fail(f"the stick reference screens could not be rendered ({r.returncode}): {r.stderr[-400:]}")


def wait(vm, look, limit=120):
    """Waits for a screen (or one look of it) on the appliance, within its tolerance."""
    return vm.wait_screen(SCREENS, look, limit=limit, tolerance=TOLERANCE[ovsys.Screens.screen_of(look)])


def visit_by_touch(vm, answers=(3, 1, 2, 4)):
    """A member's drop-in visit with the tablet: every answer, checked, then
    "Save my answers"; returns seconds from the first tap to thanks."""
    t0 = time.time()
    vm.tap(*WELCOME_TAP)
    for q, a in enumerate(answers[:QUESTIONS], 1):
        wait(vm, f"question-{q}")
        vm.tap(*ANSWER_XY[a])
        wait(vm, f"confirm-{a}")
        vm.tap(*CONFIRM_XY)
    wait(vm, "review")
    vm.tap(*SAVE_XY)
    wait(vm, "thanks")
    return time.time() - t0


def answer_by_keys(vm, answers):
    """From the welcome screen, answers questions with the keyboard (space, a digit, enter)."""
    vm.key("spc")
    for q, a in enumerate(answers, 1):
        wait(vm, f"question-{q}")
        vm.key(str(a))
        wait(vm, f"confirm-{a}")
        vm.key("ret")


def visit_by_keys(vm, answers=(2, 2, 3, 5)):
    """A visit with the keyboard, saved on "Check your answers" with enter;
    returns seconds to thanks."""
    t0 = time.time()
    answer_by_keys(vm, answers[:QUESTIONS])
    wait(vm, "review")
    vm.key("ret")
    wait(vm, "thanks")
    return time.time() - t0


BUTTON_1 = 5                     # answer1 = GPIO5, the kiosk's default pin (board/ourvoice.ini)
PRESS_S = 0.2                    # how long the host holds a simulated button down


def visit_by_buttons(vm):
    """A visit with the arcade buttons through the GPIO simulator: button 1
    starts, chooses the first answer and keeps it on every question, then
    saves. Returns seconds to thanks, or None (said why) when the appliance
    has no simulated chip."""
    _, chip = vm.sh("ls -d /sys/devices/platform/gpio-sim.*/gpiochip* 2>/dev/null | head -n 1; true")
    chip = chip.strip()
    if not chip:
        _, why = vm.sh("journalctl -b -u ovtest-gpio-sim.service -o cat | tail -n 3; "
                       "ls /usr/local/lib/ovtest/gpio-sim.ko 2>&1; true")
        print(f"SKIP b: a visit by the arcade buttons: no gpio-sim chip in the appliance: "
              f"{' '.join(why.split())[:300]}", flush=True)
        return None
    line = f"{chip}/sim_gpio{BUTTON_1}/pull"

    def press():
        vm.sh(f"echo pull-down >{line} && sleep {PRESS_S} && echo pull-up >{line}")

    t0 = time.time()
    press()
    for q in range(1, QUESTIONS + 1):
        wait(vm, f"question-{q}")
        press()
        wait(vm, "confirm-1")
        press()
    wait(vm, "review")
    press()
    wait(vm, "thanks")
    return time.time() - t0


def visits_in_store(disk, name):
    """How many visits the store on the disk holds (votes on the first question)."""
    rc, out, data = ovsys.read_store(disk, os.path.join(WORK, f"{name}-data"), OURVOICE)
    if rc != 0:
        raise Fail(f"ourvoice results failed ({rc}): {out[-300:]}")
    db = os.path.join(data, "tallies.sqlite")
    if shutil.which("sqlite3") and os.path.exists(db):
        r = subprocess.run(["sqlite3", db, "PRAGMA integrity_check;"], capture_output=True, text=True)
        if r.stdout.strip() != "ok":
            raise Fail(f"the vote store is damaged: integrity_check says {r.stdout.strip()[:200]} {r.stderr[:200]}")
    m = re.search(r"Question: assets \((\d+) vote", out)
    return (int(m.group(1)) if m else 0), out


def run(name, fn):
    try:
        fn()
    except Fail as e:
        check(name, False, str(e))
    except Exception as e:  # a bug in the bench must show as a failure, not stop the run
        check(name, False, f"{type(e).__name__}: {e}")


# --- (a) (b) (f) (g): first boot, visits, watchdog, no GL --------------------------------------
def main_boot():
    disk = fresh_disk("main")
    vm, t_ctl, t_ready = boot(disk, "main", "ovtest.nogl")
    visits = 2
    try:
        figure(f"boot: kernel to the test's command line {t_ctl:.1f} s")
        figure(f"boot: kernel to READY=1 (the kiosk's first frame) {t_ready:.1f} s")
        check("a: kiosk active after READY=1 on first boot, no restart",
              vm.unit("NRestarts") == "0", f"NRestarts={vm.unit('NRestarts')}")
        _, tty = vm.sh("systemctl is-active getty@tty1.service display-manager.service; true")
        check("a: no login prompt or desktop on tty1", "active" not in tty.split(), tty.strip())
        waited = wait(vm, "welcome")
        figure(f"first frame: welcome on screen {t_ready + waited:.1f} s after power-on")
        shot = vm.screen("welcome")
        golden = ovsys.read_png(os.path.join(SRC, "tests", "golden", "800x480", "welcome.png"))
        share = ovsys.differing_share(shot, golden)
        check("a: welcome on screen matches tests/golden/800x480/welcome.png", share <= 0.05,
              f"{share * 100:.1f}% of pixels differ")
        w1 = vm.unit("WatchdogTimestampMonotonic")
        pid1 = vm.unit("MainPID")
        time.sleep(max(0, WATCHDOG_S + 5 - (time.time() - vm.t_start - t_ready)))
        w2 = vm.unit("WatchdogTimestampMonotonic")
        check("a: watchdog alive (pings go on past WatchdogSec, same process)",
              w2 != w1 and w2 not in ("", "0") and vm.unit("MainPID") == pid1,
              f"watchdog {w1} -> {w2}, pid {pid1} -> {vm.unit('MainPID')}")
        _, libs = vm.sh("ldconfig -p | grep -c -E 'libGL\\.so|libOpenGL\\.so'; true")
        soft = vm.journal_count("no accelerated renderer|first renderer cannot draw")
        check("g: no libGL/libOpenGL, the kiosk runs and says so once",
              libs.strip().splitlines()[-1] == "0" and soft == 1 and vm.unit("NRestarts") == "0",
              f"GL libraries {libs.strip()}, renderer message {soft} times, NRestarts {vm.unit('NRestarts')}")
        underruns(vm, "a/g first boot")
        rt = vm.journal_count("audio thread plays in real time")
        refused = vm.journal_count("audio thread could not play in real time")
        check("a: the kiosk's audio thread plays in real time (ourvoice.service's LimitRTPRIO)",
              rt >= 1 and refused == 0, f"real time logged {rt} times, refused {refused} times")
        t_touch = visit_by_touch(vm)
        figure(f"visit by touch: first tap to thank-you {t_touch:.1f} s")
        wait(vm, "welcome", limit=90)
        t_keys = visit_by_keys(vm)
        figure(f"visit by keys: first key to thank-you {t_keys:.1f} s")
        wait(vm, "welcome", limit=90)
        check("b: two visits, by touch and by keys, reach the thank-you screen", True)
        t_buttons = visit_by_buttons(vm)
        if t_buttons is not None:
            visits += 1
            figure(f"visit by the arcade buttons (gpio-sim): first press to thank-you {t_buttons:.1f} s")
            check("b: a visit by the arcade buttons (gpio-sim lines pulled down) reaches the thank-you screen",
                  True)
            wait(vm, "welcome", limit=90)
        underruns(vm, "b visits")
        if "f" in ONLY:
            watchdog_restarts(vm)
        csv_before = None
        if "c" in ONLY:
            try:
                csv_before = stick_export(vm)
            except Fail as e:
                check("c: results saved to a hot-plugged FAT stick", False, str(e))
        if "c" in ONLY and csv_before is not None:
            run("c: the stick pulled out mid-write", lambda: stick_pulled(vm, csv_before))
        if "d" in ONLY:
            run("d: new questions from a stick", lambda: import_questions(vm))
        vm.power_off()
    finally:
        vm.kill()
    rms = ovsys.wav_rms(vm.wav)
    figure(f"audio: RMS amplitude of everything the kiosk said {rms:.4f}")
    check("a: welcome spoken (the captured WAV has speech)", rms > 0.002, f"RMS {rms}")
    n, out = visits_in_store(disk, "main")
    check(f"b: every visit ({visits}: touch, keys{', buttons' if visits > 2 else ''}) counted on the disk "
          "(ourvoice results)", n == visits, f"{n} visits: {out[-300:]}")


def watchdog_restarts(vm):
    """(f) the kiosk killed, then hung: systemd starts it again."""
    vm.sh("systemctl kill -s KILL --kill-who=main ourvoice.service")
    end = time.time() + 120
    while time.time() < end and vm.unit("NRestarts") != "1":
        time.sleep(1)
    vm.wait_ready()
    check("f: kiosk killed (SIGKILL): systemd starts it again", vm.unit("NRestarts") == "1",
          f"NRestarts={vm.unit('NRestarts')}")
    wait(vm, "welcome")
    t0 = time.time()
    hung_pid = int(vm.unit("MainPID") or 0)
    vm.sh("systemctl kill -s STOP --kill-who=main ourvoice.service")
    end = time.time() + WATCHDOG_S + 90
    while time.time() < end and vm.unit("NRestarts") != "2":
        time.sleep(1)
    figure(f"hung kiosk (SIGSTOP) restarted by the watchdog after {time.time() - t0:.1f} s")
    n = vm.journal_count("ourvoice.service: Watchdog timeout")
    check("f: kiosk hung (SIGSTOP): the watchdog restarts it", vm.unit("NRestarts") == "2" and n >= 1,
          f"NRestarts={vm.unit('NRestarts')}, watchdog timeouts logged {n}")
    vm.wait_ready()
    wait(vm, "welcome")
    check("f: welcome back on screen after the restarts", True)
    underruns(vm, "f restarts", hung_pid)


# --- (c): the results taken away on a FAT stick ------------------------------------------------
STICK_MB = 32


def vm_screen_is(shot, look, tolerance):
    """True when a screendump is `look` (a screen or one look of it) within tolerance."""
    name, share = SCREENS.closest(shot)
    return look in (name, ovsys.Screens.screen_of(name)) and share <= tolerance


def mdir(stick, folder="::/ourvoice"):
    r = subprocess.run(["mdir", "-i", stick, "-a", folder], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ""


def stick_export(vm):
    """(c) a stick plugged in: the facilitator gives the PIN and saves the
    results; the files are checked from the host with mtools."""
    stick = os.path.join(WORK, "stick.img")
    subprocess.run(["mkfs.vfat", "-C", "-n", "KIOSKSTICK", stick, str(STICK_MB * 1024)],
                   check=True, capture_output=True)
    t0 = time.time()
    dev = vm.plug_stick(stick)
    vm.wait_screen(SCREENS, "facilitator-pin", limit=90, tolerance=0.1)
    figure(f"stick plugged in to PIN pad on screen {time.time() - t0:.1f} s")
    for k in PIN:
        vm.key(k)
    vm.key("ret")
    # The menu says that a stick is in: its words differ from the reference.
    menu_tol = 0.25
    vm.wait_screen(SCREENS, "facilitator-menu", limit=60, tolerance=menu_tol)
    # The drop-in meeting the visits went to is ended (results are shown, and
    # leave the kiosk, for closed meetings only), its results shown, then saved.
    vm.key("2")                       # New meeting
    vm.key("6")                       # End this meeting
    time.sleep(3)
    vm.key("esc")
    vm.wait_screen(SCREENS, "facilitator-menu", limit=60, tolerance=menu_tol)
    vm.key("1")                       # Results: of the meeting just ended
    waited = vm.wait_screen(SCREENS, "results", limit=60, tolerance=0.25)
    check("c: the meeting's results shown on the facilitator screen", True, f"{waited:.1f} s")
    vm.key("esc")
    vm.wait_screen(SCREENS, "facilitator-menu", limit=60, tolerance=menu_tol)
    vm.key("4")                       # Save to USB stick
    end = time.time() + 180
    written = 0
    while time.time() < end:          # the kiosk logs the end of the save just after saying it on screen
        written = vm.journal_count("export: [0-9]+ files written and checked")
        if written or vm.journal_count("export to .* failed"):
            break
        time.sleep(1)
    listing = mdir(stick)             # what the stick holds when the kiosk says it is done
    time.sleep(3)
    shot = vm.screen("after-save")
    saved_shown = vm_screen_is(shot, "facilitator-menu", menu_tol) is False
    figure(f"stick plugged in to the files checked on the stick {time.time() - t0:.1f} s")
    kinds = sorted(set(re.findall(r"\.(csv|json|html)\b", listing.lower())))
    check("c: export on the stick, seen from the host with mtools, before 'you can take the stick out': "
          "csv, json, html, no partial file, checked (log)",
          kinds == ["csv", "html", "json"] and "part" not in listing.lower() and written == 1 and saved_shown,
          f"export lines in the log {written}, a message on screen {saved_shown}; {listing[-500:]}")
    entries = [ln for ln in listing.splitlines() if re.search(r"\.(csv|json|html)", ln.lower())]
    check("c: no real time in the stick's directory entries (all 2000-01-01)",
          entries and all("2000-01-01" in line for line in entries), listing[-500:])
    csvs = [ln.split()[-1] for ln in listing.splitlines() if ln.lower().rstrip().endswith(".csv")]
    body = b""
    if csvs:
        body = subprocess.run(["mtype", "-i", stick, f"::/ourvoice/{csvs[0]}"], capture_output=True).stdout
    check("c: the exported CSV has the questions' answers", b"assets" in body, body[:300])
    vm.key("esc")                     # the menu, now with "Clear votes" (after a verified export)
    time.sleep(3)
    vm.key("8")                       # Back to voting: the 8th item once Clear votes is there
    wait(vm, "welcome", limit=60)
    underruns(vm, "c stick export")
    vm.pull_stick(dev)                # taken away: the next runs start with no stick in
    return body


SLOW_STICK_BPS = 4096           # the pulled stick's write speed: its export takes seconds, not milliseconds
PULL_LIMIT_S = 90                # from "Save to USB stick" to the first write the host sees on the stick
EXPORT_LIMIT_S = 180             # from "Save to USB stick" to the kiosk's log line saying how it went


def make_stick(name, pack=None):
    """A fresh FAT stick image in WORK; with pack, tests/fixtures/import/PACK
    on it as ourvoice/content (docs/content.md)."""
    stick = os.path.join(WORK, f"{name}.img")
    subprocess.run(["mkfs.vfat", "-C", "-n", "KIOSKSTICK", stick, str(STICK_MB * 1024)],
                   check=True, capture_output=True)
    if pack:
        subprocess.run(["mmd", "-i", stick, "::/ourvoice"], check=True, capture_output=True)
        subprocess.run(["mcopy", "-s", "-i", stick, os.path.join(SRC, "tests", "fixtures", "import", pack),
                        "::/ourvoice/content"], check=True, capture_output=True)
    return stick


def stick_names(stick):
    """The names in the stick's ourvoice folder, read from the host with mtools."""
    r = subprocess.run(["mdir", "-b", "-a", "-i", stick, "::/ourvoice"], capture_output=True, text=True)
    if r.returncode != 0:
        return []
    return [ln.rstrip("/").split("/")[-1] for ln in r.stdout.splitlines() if ln.strip() and not ln.endswith("/.")
            and not ln.endswith("/..")]


def stick_file(stick, name):
    r = subprocess.run(["mtype", "-i", stick, f"::/ourvoice/{name}"], capture_output=True)
    return r.stdout


def wait_log(vm, pattern, more_than, limit):
    """Waits until the journal has more than `more_than` lines matching; returns the count."""
    end = time.time() + limit
    n = vm.journal_count(pattern)
    while n <= more_than and time.time() < end:
        time.sleep(1)
        n = vm.journal_count(pattern)
    return n


def give_pin(vm):
    wait(vm, "facilitator-pin", limit=90)
    for k in PIN:
        vm.key(k)
    vm.key("ret")
    wait(vm, "facilitator-menu", limit=60)


def complete(name, data):
    """True when an exported file is whole: JSON parses, HTML ends, CSV has its answers."""
    text = data.decode("utf-8-sig", errors="replace")
    if name.endswith(".json"):
        try:
            json.loads(text)
            return True
        except ValueError:
            return False
    if name.endswith(".html"):
        return text.rstrip().endswith("</html>")
    return "assets" in text and text.endswith("\n")


def stick_pulled(vm, csv_before):
    """(c, second half) a slow stick pulled out while the export is written:
    the kiosk says it was taken out too soon, keeps every vote, leaves no
    file under its final name that is not whole; with the stick back, the
    same Save writes the three files whole."""
    stick = make_stick("stick-pulled")
    written = vm.journal_count("export: [0-9]+ files written and checked")
    failed_before = vm.journal_count("export to .* failed")
    dev = vm.plug_stick(stick, write_bps=SLOW_STICK_BPS)
    give_pin(vm)
    time.sleep(2)                     # the mount's own writes (the FAT's dirty mark) land first
    before = os.stat(stick).st_mtime_ns
    vm.key("4")                       # Save to USB stick
    t0 = time.time()
    while time.time() - t0 < PULL_LIMIT_S and os.stat(stick).st_mtime_ns == before:
        time.sleep(0.05)              # the export's first write reaches the stick
    vm.pull_stick(dev)
    figure(f"slow stick pulled out {time.time() - t0:.1f} s after Save, at the export's first write")
    failed = wait_log(vm, "export to .* failed", failed_before, EXPORT_LIMIT_S) - failed_before
    done = vm.journal_count("export: [0-9]+ files written and checked") - written
    _, why = vm.sh("journalctl -b -o cat | grep 'export to .* failed' | tail -n 1; true")
    figure(f"the kiosk's log on the pulled stick: {why.strip()[-200:]}")
    check("c: stick pulled out mid-write: the export did not finish and the kiosk logs it",
          failed == 1 and done == 0, f"failed {failed}, finished {done}")
    wait(vm, "export-too-soon", limit=60)
    check("c: stick pulled out mid-write: the screen says it was taken out too soon (the log too)",
          "was taken out" in why, why.strip()[-200:])
    left = stick_names(stick)
    finals = [n for n in left if not n.startswith(".") and not n.endswith(".part")]
    figure(f"on the pulled stick (mtools): {left or 'nothing'}")
    whole = {n: stick_file(stick, n) for n in finals}
    check("c: stick pulled out mid-write: no file under its final name, only .part names or nothing (mtools)",
          not finals, f"final names {finals}")
    check("c: stick pulled out mid-write: any file under its final name is whole",
          all(complete(n, d) for n, d in whole.items()),
          f"final names {finals}: whole {[complete(n, d) for n, d in whole.items()]}")
    vm.key("esc")
    wait(vm, "facilitator-menu", limit=60)
    found = vm.journal_count("USB stick found at")
    dev = vm.plug_stick(stick)        # the same stick back, at full speed
    wait_log(vm, "USB stick found at", found, 90)
    time.sleep(2)
    vm.key("4")
    n = wait_log(vm, "export: [0-9]+ files written and checked", written, EXPORT_LIMIT_S) - written
    names = stick_names(stick)
    files = {nm: stick_file(stick, nm) for nm in names}
    kinds = sorted(nm.rsplit(".", 1)[-1] for nm in names)
    check("c: the stick put back: Save writes csv, json and html whole, no .part left (mtools)",
          n == 1 and kinds == ["csv", "html", "json"] and all(complete(k, v) for k, v in files.items()),
          f"exports finished {n}, on the stick {names}")
    csv = [v for k, v in files.items() if k.endswith(".csv")]
    check("c: nothing lost: the CSV after the pulled stick is byte for byte the CSV of the first export",
          csv == [csv_before], f"{csv[:1]!r:.300} vs {csv_before[:300]!r}")
    check("c: a file left whole by the pull is the same file as the later export's",
          all(files.get(k) == v for k, v in whole.items()), f"{sorted(whole)}")
    vm.key("esc")
    time.sleep(3)
    vm.key("8")                       # Back to voting (Clear votes is there again)
    wait(vm, "welcome", limit=60)
    vm.pull_stick(dev)
    underruns(vm, "c stick pulled out")


# --- (d): new questions from a stick -----------------------------------------------------------
def import_questions(vm):
    """(d) a stick with a broken content folder: refused, the old questions
    kept; then one with a good folder: the new questions are asked."""
    dev = vm.plug_stick(make_stick("stick-bad", "bad"))
    give_pin(vm)
    vm.key("5")                       # New questions (the stick has ourvoice/content)
    wait(vm, "import-bad", limit=90)
    check("d: a bad question pack is refused, each problem said on screen", True)
    vm.key("1")                       # Back
    wait(vm, "facilitator-menu", limit=60)
    vm.key("8")                       # Back to voting
    wait(vm, "welcome", limit=60)
    shot = vm.screen("after-bad")
    old = ovsys.differing_share(shot, SCREENS.pics["welcome"])
    new = ovsys.differing_share(shot, SCREENS.pics["newq-welcome"])
    check("d: after the bad pack the old questions are kept (the old welcome, not the pack's)",
          old < new, f"{old * 100:.1f}% from the old welcome, {new * 100:.1f}% from the pack's")
    vm.pull_stick(dev)
    dev = vm.plug_stick(make_stick("stick-good", "good"))
    give_pin(vm)
    vm.key("5")
    wait(vm, "import-good", limit=90)
    vm.key("1")                       # Use them
    wait(vm, "import-done", limit=120)
    vm.key("esc")
    wait(vm, "facilitator-menu", limit=60)
    vm.key("8")
    wait(vm, "newq-welcome", limit=60)
    vm.key("spc")
    wait(vm, "newq-question", limit=60)
    check("d: a good question pack is taken: its welcome and its first question on screen", True)
    vm.pull_stick(dev)
    underruns(vm, "d new questions")


# --- (h): the display driver loads late -------------------------------------------------------
def late_display():
    disk = fresh_disk("late")
    vm = ovsys.VM(IMGDIR, WORK, disk, append_extra="modprobe.blacklist=bochs ovtest.late_drm=10", name="late")
    vm.start()
    try:
        vm.wait_ctl()
        _, cards = vm.sh("ls /sys/class/drm/ | grep -c '^card[0-9]-'; true")
        vm.wait_ready()
        wait(vm, "welcome")
        fails = vm.journal_count("ourvoice.service: (Main process exited|Failed with result)")
        check("h: display driver late: kiosk waits for it, starts once, welcome on screen",
              vm.unit("NRestarts") == "0" and fails == 0,
              f"NRestarts={vm.unit('NRestarts')}, failures logged {fails}, outputs at first look {cards.strip()}")
        waited = vm.journal_count("waiting for the display driver")
        check("h: the wait is in the log", waited == 1, f"{waited} lines")
        underruns(vm, "h late display")
        vm.power_off()
    finally:
        vm.kill()


# --- (e): power cuts during voting --------------------------------------------------------------
def power_cuts():
    disk = fresh_disk("cuts")
    thanked = 0
    rng = random.Random(os.environ.get("OV_SYSTEM_SEED", str(int(time.time()))))
    for cut in range(1, CUTS + 1):
        vm, _, t_ready = boot(disk, f"cut{cut}")
        try:
            if cut > 1:
                check(f"e: after power cut {cut - 1}, the kiosk is back on its own",
                      vm.unit("NRestarts") == "0", f"NRestarts={vm.unit('NRestarts')}")
                figure(f"boot after power cut {cut - 1}: READY=1 in {t_ready:.1f} s")
            wait(vm, "welcome")
            visit_by_keys(vm)
            thanked += 1
            wait(vm, "welcome", limit=90)
            # The cut lands at a random moment of the next visit: half the time up
            # to 2.5 s after "Save my answers" (the visit is stored whole or not at
            # all), else while a question is answered (nothing may be stored).
            saving = rng.random() < 0.5
            answered = QUESTIONS if saving else rng.randint(0, QUESTIONS - 1)
            answer_by_keys(vm, [1 + q % 5 for q in range(answered)])
            underruns(vm, f"e before power cut {cut}")
            if saving:
                wait(vm, "review")
                vm.key("ret")
            delay = rng.uniform(0.0, 2.5)
            time.sleep(delay)
            figure(f"power cut {cut}: " + (f"{delay:.1f} s after Save my answers" if saving
                                           else f"{delay:.1f} s into question {answered + 1}"))
        finally:
            vm.kill()
        n, out = visits_in_store(disk, f"cut{cut}")
        check(f"e: power cut {cut}: every thanked visit on the disk, in-flight one whole or absent",
              thanked <= n <= thanked + 1, f"{thanked} thanked, {n} stored: {out[-200:]}")
        thanked = n
    vm, _, t_ready = boot(disk, "cut-final")
    try:
        check(f"e: after power cut {CUTS}, the kiosk is back on its own", vm.unit("NRestarts") == "0",
              f"NRestarts={vm.unit('NRestarts')}")
        _, out = vm.sh("journalctl -b -u ourvoice.service -o cat | grep -i -E 'corrupt|malformed' | head -5; true")
        check("e: nothing corrupt in the store after the cuts (kiosk log)", out.strip() == "", out.strip())
        vm.power_off()
    finally:
        vm.kill()


def main():
    global SCREENS
    t0 = time.time()
    try:
        SCREENS = render_references()
    except Exception as e:  # noqa: BLE001 -- a bench failure is reported, not raised
        check("the reference screens rendered headless", False, str(e))
        print(f"system: {passed} passed, {failed} failed")
        return 1
    figure(f"reference screens rendered headless in {time.time() - t0:.1f} s")
    if any(x in ONLY for x in "abfg"):
        run("a/b/f/g: first boot", main_boot)
    if "h" in ONLY:
        run("h: late display", late_display)
    if "e" in ONLY:
        run("e: power cuts", power_cuts)
    print("figures:")
    for f in figures:
        print(f"  {f}")
    print(f"  whole run {time.time() - t0:.0f} s")
    # the host has 2 cores for qemu's vCPUs and its main loop: what the test itself takes from them
    print(f"  the test's own CPU (screen matching, checks): {time.process_time():.0f} s")
    print(f"system: {passed} passed, {failed} failed")
    shutil.rmtree(WORK, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
