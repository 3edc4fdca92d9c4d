#!/usr/bin/env python3
"""Wraps Java lines longer than 100 characters the way build-config/checkstyle.xml wants them:
code at the shallowest break (after a comma or an opening bracket, before an operator or a
chained call), continuation lines 4 deeper; long string literals split at a space or comma into
"a " + "b"; comments and javadoc re-flowed (a one-line javadoc becomes a block). Lines it cannot
wrap (text blocks, unbroken tokens) are printed for a hand edit or a suppression. Used once to
bring every module under the line limit; run it again after merging a branch written before the
style check:  python3 scripts/wrap-long-lines.py */src   then  mvn -o -q test-compile
(WRAP_SKIP=REGEX leaves matching paths alone.)
"""
import os
import re
import sys

MAX = 100
SKIP = re.compile(os.environ.get('WRAP_SKIP', r'^$(?!)'))
IGN = re.compile(r'^(package|import) |https?://')

def scan(code):
    """Positions (index, depth, kind) of candidate breaks outside literals, plus comment start."""
    cands = []
    depth = 0
    angle = 0
    i = 0
    n = len(code)
    instr = None
    comment = None
    while i < n:
        c = code[i]
        if instr:
            if c == '\\':
                i += 2
                continue
            if c == instr:
                instr = None
            i += 1
            continue
        if code.startswith('//', i):
            comment = i
            break
        if code.startswith('/*', i):
            j = code.find('*/', i + 2)
            if j < 0:
                return None, None
            i = j + 2
            continue
        if c in '"\'':
            if code.startswith('"""', i):
                return None, None
            instr = c
            i += 1
            continue
        if c == '<' and i > 0 and (code[i - 1].isalnum() or code[i - 1] == '_') and i + 1 < n \
                and (code[i + 1].isupper() or code[i + 1] in '?>'):
            angle += 1
        elif c == '>' and angle > 0:
            angle -= 1
        elif angle > 0:
            pass
        elif c in '([{':
            depth += 1
            if c == '(' or c == '{':
                cands.append((i + 1, depth, 'open'))
        elif c in ')]}':
            depth -= 1
        elif c == ',' and i + 1 < n and code[i + 1] == ' ':
            cands.append((i + 1, depth, 'comma'))
        elif c == ' ':
            for op in (' + ', ' && ', ' || ', ' ? ', ' : ', ' -> ', ' = '):
                if code.startswith(op, i):
                    if op == ' -> ':
                        cands.append((i + len(op) - 1, depth, 'arrow'))
                    elif op == ' = ':
                        cands.append((i + len(op) - 1, depth, 'assign'))
                    else:
                        cands.append((i, depth, 'op'))
                    break
        elif c == '.' and i > 0 and code[i - 1] == ')' :
            cands.append((i, depth, 'dot'))
        i += 1
    if instr:
        return None, None
    return cands, comment

def string_split(line, indent):
    """Split the last string literal crossing MAX at a space: "a b" -> "a " + "b"."""
    # find literal spans
    spans = []
    i = 0
    instr = False
    start = 0
    while i < len(line):
        c = line[i]
        if instr:
            if c == '\\':
                i += 2
                continue
            if c == '"':
                spans.append((start, i))
                instr = False
        else:
            if line.startswith('//', i):
                break
            if c == "'":
                # char literal
                j = i + 1
                if j < len(line) and line[j] == '\\':
                    j += 1
                i = j + 2
                continue
            if c == '"':
                instr = True
                start = i
        i += 1
    for s, e in spans:
        if s < MAX - 6 and e >= MAX:
            # split point: a space inside the literal before MAX-3, after s+10
            limit = MAX - 3
            k = max(line.rfind(ch, s + 10, limit) for ch in ' ,')
            while k > 0 and line[k - 1] == '\\':
                k = max(line.rfind(ch, s + 10, k) for ch in ' ,')
            if k <= s:
                return None
            first = line[:k + 1] + '"'
            rest = '"' + line[k + 1:]
            return first, ' ' * (indent + 4) + '+ ' + rest
    return None

ONE_LINE_BLOCK = re.compile(r'^(\s*)(.*\)(?: throws [\w., ]+)?) \{ (.*;) \}$')

def wrap_code(line, cont=False):
    indent = len(line) - len(line.lstrip(' '))
    m = ONE_LINE_BLOCK.match(line)
    if m and '"' not in m.group(3):
        ind, head, body = m.groups()
        stmts = [x.strip() + ';' for x in body.split(';') if x.strip()]
        out = [ind + head + ' {'] + [ind + '  ' + x for x in stmts] + [ind + '}']
        if all(len(o) <= MAX for o in out):
            return out
    cands, comment = scan(line)
    if cands is None:
        return None
    if comment is not None and comment < MAX and line[:comment].strip():
        # code then a trailing comment: the comment goes on its own line above
        code = line[:comment].rstrip()
        com = ' ' * indent + line[comment:]
        a = wrap_comment(com) if len(com) > MAX else [com]
        b = wrap_code(code) if len(code) > MAX else [code]
        if a is None or b is None:
            return None
        return a + b
    best = None
    for pos, depth, kind in cands:
        if pos <= indent + 8 or pos > MAX:
            continue
        head = line[:pos].rstrip()
        if len(head) > MAX:
            continue
        tail = line[pos:].lstrip()
        if not tail or tail.startswith(')') or tail.startswith(';'):
            continue
        if kind == 'op' and not (len(line) - pos > 8):
            continue
        score = (-depth, pos)
        if best is None or score > best[0]:
            best = (score, pos, kind)
    if best is None:
        s = string_split(line, indent)
        if s is None:
            return None
        first, rest = s
        out = [first]
        if len(rest) > MAX:
            w = wrap_code(rest)
            if w is None:
                return None
            out.extend(w)
        else:
            out.append(rest)
        return out
    pos = best[1]
    head = line[:pos].rstrip()
    tail = line[pos:].lstrip()
    cont = ' ' * (indent + (0 if CONT[0] else 4)) + tail
    out = [head]
    if len(cont) > MAX:
        w = wrap_code(cont)
        if w is None:
            return split_string_line(line, indent)
        out.extend(w)
    else:
        out.append(cont)
    return out

def split_string_line(line, indent):
    s = string_split(line, indent)
    if s is None:
        return None
    first, rest = s
    if len(first) > MAX:
        return None
    if len(rest) > MAX:
        w = wrap_code(rest)
        if w is None:
            return None
        return [first] + w
    return [first, rest]

CONT = [False]
ONE_LINE_DOC = re.compile(r'^(\s*)/\*\*\s+(.*?)\s*\*/\s*$')

def wrap_comment(line):
    d = ONE_LINE_DOC.match(line)
    if d:
        ind, text = d.groups()
        body = wrap_comment(ind + ' * ' + text)
        if body is None:
            return None
        return [ind + '/**'] + body + [ind + ' */']
    m = re.match(r'^(\s*)(//\s?|\*\s?|/\*\*\s?)(.*)$', line)
    if not m:
        return None
    indent, mark, text = m.groups()
    prefix = indent + mark
    cont_prefix = indent + ('// ' if mark.startswith('//') else ' * ' if mark.startswith('/**') else '* ')
    if mark.startswith('/**'):
        cont_prefix = indent + ' * '
    words = text.split(' ')
    out = []
    cur = prefix
    first = True
    for w in words:
        cand = (cur + w) if cur.endswith((' ', '')) and (cur == prefix or cur.endswith(' ')) else cur + ' ' + w
        if cur in (prefix, cont_prefix):
            cand = cur + w
        else:
            cand = cur + ' ' + w
        if len(cand) > MAX and cur not in (prefix, cont_prefix):
            out.append(cur.rstrip())
            cur = cont_prefix + w
        else:
            cur = cand
    out.append(cur.rstrip())
    if any(len(o) > MAX for o in out):
        return None
    return out

def process(path):
    text = open(path, encoding='utf-8').read()
    lines = text.split('\n')
    out = []
    in_block = False
    changed = False
    failed = []
    for no, line in enumerate(lines, 1):
        if line.count('"""') % 2 == 1:
            in_block = not in_block
            out.append(line)
            if len(line) > MAX:
                failed.append((no, line))
            continue
        if in_block or len(line) <= MAX or IGN.search(line):
            out.append(line)
            if in_block and len(line) > MAX:
                failed.append((no, line))
            continue
        s = line.lstrip()
        prev = next((x for x in reversed(out) if x.strip()), '')
        ps = prev.rstrip()
        CONT[0] = ps.endswith((',', '(', '+', '&&', '||', '?', ':', '=', '->')) and not ps.lstrip().startswith(('//', '*'))
        if s.startswith(('//', '*', '/**')):
            w = wrap_comment(line)
        else:
            w = wrap_code(line)
        if w is None:
            failed.append((no, line))
            out.append(line)
        else:
            out.extend(w)
            changed = True
    if changed:
        open(path, 'w', encoding='utf-8').write('\n'.join(out))
    return failed

allfailed = []
for root in sys.argv[1:]:
    for dp, dn, fn in os.walk(root):
        if '/target' in dp:
            continue
        for f in fn:
            if f.endswith('.java'):
                p = os.path.join(dp, f)
                if SKIP.search(p):
                    continue
                for no, line in process(p):
                    allfailed.append(f"{p}:{no}: {line}")
print('\n'.join(allfailed))
print(len(allfailed), 'left', file=sys.stderr)
