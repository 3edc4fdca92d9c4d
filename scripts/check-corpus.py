#!/usr/bin/env python3
"""Scores `domcaps check` on a corpus laid out like ../shared/check in ONE run of the CLI (the
shared score-check starts one JVM per case): started -> 0, refused for a capability or an invalid
definition -> 1, environment refusals not scored. Prints the agreement and every disagreement.
usage: scripts/check-corpus.py [CORPUS_DIR] (run from the project root)"""
import fcntl, json, os, subprocess, sys
# Other checkouts' tests may edit /etc/qemu/firmware while this runs; they take this fcntl lock
# exclusively (qemu's testing.HostFirmwareLock), readers of the live descriptors take it shared.
_lock = open("/tmp/domcaps-etc-qemu-firmware.lock", "a+")
fcntl.lockf(_lock, fcntl.LOCK_SH)
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "check")
rows = [json.loads(l) for l in open(os.path.join(corpus, "results.jsonl"))]
files = [os.path.join(corpus, "cases", r["xml"]) for r in rows]
p = subprocess.run(["bin/domcaps", "check", "--format", "json", *files], capture_output=True, text=True)
got = {}
for line in p.stdout.splitlines():
    o = json.loads(line)
    got[os.path.basename(o["file"])] = o
agree = scored = fa = miss = 0
for r in rows:
    if r["cause"] == "environment":
        continue
    scored += 1
    want = "runs" if r["outcome"] == "started" else "refused"
    o = got.get(r["xml"], {"verdict": "missing", "findings": []})
    if o["verdict"] == want:
        agree += 1
        continue
    if want == "runs": fa += 1
    else: miss += 1
    msgs = "; ".join(f["message"][:90] for f in o["findings"] if f["severity"] == "error") or o.get("error", "")
    print(f"{r['id']} want={want} got={o['verdict']} change={r['change'][:70]} | libvirt: {(r['phase_message'] or '')[:100]} | ours: {msgs[:160]}")
print(f"agree {agree}/{scored} ({agree/scored:.1%}); false alarms {fa}; missed {miss}")
