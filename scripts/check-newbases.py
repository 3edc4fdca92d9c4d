#!/usr/bin/env python3
"""Builds check corpora on bases ../shared/check does not cover, and asks real libvirt 9.0 what it
does with each case (as ../shared/check/README.md says), in the same layout: cases/*.xml,
results.jsonl. Each new base takes a corpus base's one-change cases and rewrites the request
(virt type, arch, emulator, machine); the `change` stays. Causes: a refusal whose corpus source
was refused for something missing on the host, or whose message names such a thing, is
'environment' (not scored); other refusals are 'capability'.
usage (root, from the project root): scripts/check-newbases.py OUTDIR [BASE...]
bases: x86q35kvm (needs /dev/kvm), i686pc, armv7lvirt, x86pckvm (needs /dev/kvm), riscv64virt
Then: scripts/check-corpus.py OUTDIR/BASE"""
import json, os, re, subprocess, sys, tempfile
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "check")
BASES = {
    # name: (source base, virttype, arch, emulator, machine)
    "x86q35kvm": ("x86q35tcg", "kvm", "x86_64", "/usr/bin/qemu-system-x86_64", "pc-q35-7.2"),
    "x86pckvm": ("x86pctcg", "kvm", "x86_64", "/usr/bin/qemu-system-x86_64", "pc-i440fx-7.2"),
    "i686pc": ("x86pctcg", "qemu", "i686", "/usr/bin/qemu-system-i386", "pc-i440fx-7.2"),
    "armv7lvirt": ("aarch64virt", "qemu", "armv7l", "/usr/bin/qemu-system-arm", "virt-7.2"),
    # A fifth arch no corpus base has: RISC-V's virt machine (unversioned), OpenSBI, TCG.
    "riscv64virt": ("aarch64virt", "qemu", "riscv64", "/usr/bin/qemu-system-riscv64", "virt"),
}
ENVIRONMENT = re.compile(r"/dev/tpm|/dev/dri|/sys/|SDL|sdl|Failed to connect|hugetlbfs|"
                         r"No such file|Cannot access|cannot open|Could not open|swtpm|"
                         r"Unable to find (?:device|PCI|USB)|vfio|evdev|/dev/input")

def rewrite(xml, src, new, spec):
    _, virt, arch, emu, machine = spec
    xml = re.sub(r'<domain type="[^"]*"', f'<domain type="{virt}"', xml, count=1)
    xml = re.sub(r'<type arch="[^"]*" machine="[^"]*"', f'<type arch="{arch}" machine="{machine}"', xml)
    xml = re.sub(r"<emulator>[^<]*</emulator>", f"<emulator>{emu}</emulator>", xml)
    return xml.replace(f"co-{src}-", f"co-{new}-")

def error_of(stderr):
    """libvirt's error: the text from the 'error: ' line after virsh's 'Failed to ...' one (the
    embedded driver also logs info/warning lines on stderr)."""
    lines = stderr.splitlines()
    for i, l in enumerate(lines):
        if l.startswith("error: ") and not l.startswith("error: Failed to "):
            rest = [x for x in lines[i + 1:] if not re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\+\d{4}: \d+: (info|warning|debug) ", x)]
            return "\n".join([l[len("error: "):]] + rest).strip()
    return stderr.strip()

def ask(root, path, name):
    """define, start, state; returns (outcome, message, post_state)."""
    uri = f"qemu:///embed?root={root}"
    def virsh(*a):
        p = subprocess.run(["virsh", "-q", "-c", uri, *a], capture_output=True, text=True, timeout=300)
        return p.returncode, error_of(p.stderr) if p.returncode else p.stdout.strip()
    rc, msg = virsh("define", path)
    if rc != 0:
        return "define_refused", msg, None
    try:
        rc, msg = virsh("start", name)
        if rc != 0:
            return "start_refused", msg, None
        _, state = virsh("domstate", name, "--reason")
        virsh("destroy", name)
        return "started", None, state
    finally:
        virsh("undefine", name, "--nvram", "--tpm")

def main():
    out = sys.argv[1]
    wanted = sys.argv[2:] or ["x86q35kvm", "i686pc", "armv7lvirt"]
    src_rows = {json.loads(l)["id"]: json.loads(l) for l in open(os.path.join(SHARED, "results.jsonl"))}
    for new in wanted:
        spec = BASES[new]
        src = spec[0]
        d = os.path.join(out, new)
        os.makedirs(os.path.join(d, "cases"), exist_ok=True)
        root = tempfile.mkdtemp(prefix="c.", dir="/tmp")
        os.makedirs(os.path.join(root, "etc"))
        with open(os.path.join(root, "etc", "qemu.conf"), "w") as f:
            f.write('stdio_handler = "file"\nuser = "root"\ngroup = "root"\nswtpm_user = "root"\nswtpm_group = "root"\n')
        results = []
        for sid, r in sorted(src_rows.items()):
            if r["base"] != src:
                continue
            nid = sid.replace(src, new)
            xml = rewrite(open(os.path.join(SHARED, "cases", r["xml"])).read(), src, new, spec)
            path = os.path.join(d, "cases", nid + ".xml")
            open(path, "w").write(xml)
            outcome, msg, state = ask(root, path, f"co-{nid}")
            cause = None
            if outcome != "started":
                cause = "environment" if (r["cause"] == "environment" or ENVIRONMENT.search(msg or "")) else "capability"
            results.append({"id": nid, "base": new, "arch": spec[2], "machine": spec[4], "virttype": spec[1],
                            "category": r["category"], "change": r["change"], "xml": nid + ".xml",
                            "outcome": outcome, "phase_message": msg, "cause": cause, "post_state": state})
            print(nid, outcome, (msg or "")[:120], flush=True)
        with open(os.path.join(d, "results.jsonl"), "w") as f:
            for x in results:
                f.write(json.dumps(x) + "\n")

main()
