"""A corpus of broken and hostile inputs, each with its expected one-line error or its expected
safe result. Inputs that are text live in tests/hostile/ (see its README); byte-level ones (NUL,
BOM, CRLF, truncated UTF-8), big ones (50 MB, a line of 10 million characters) and file-system
ones (FIFO, device, symlink loop, permissions) are made in a temporary folder at test time.

Every case is a generator registered with @case: it makes its input in a folder of its own,
yields the `claimcheck` call, receives the Run and checks it. The calls run in child processes,
several at a time (the cases are independent), each with a time limit (TIMEOUT) and an
address-space limit (MEMORY), so that a hang or a runaway fails its case instead of blocking the
suite. A case asserts either
  - an input error: exit 2, exactly one line on stderr, `claimcheck: E... path: message`, no
    traceback; or
  - a safe result: exit 0 or 1, no traceback, standard output valid UTF-8 (JSON when asked) with
    no control character in it, and what must (or must not) have been read.
"""
from __future__ import annotations

import ctypes
import json
import os
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
TIMEOUT = 60          # seconds per run; the slowest case takes a few
MEMORY = 3 * 2 ** 30  # bytes of address space per run
WORKERS = min(4, (os.cpu_count() or 2) + 1)

RU = "В декабре Сэм Альтман объявил «тревогу». OpenAI оценили в $500 млрд.\n"
EN = "OpenAI was valued at $500 billion in December 2025, people familiar with the matter said.\n"
ZH = "2025年12月,首席执行官向全体员工发出了“红色警报”。OpenAI估值高达5000亿美元。\n"
AR = "شركة OpenAI وصلت قيمتها السوقية إلى 500 مليار دولار في ديسمبر 2025.\n"
FRONT = "---\nlang: {lang}\npublished: 2026-02-03\n---\n"


# --- running claimcheck -----------------------------------------------------------------------

class Call:
    """One `claimcheck` run: its arguments, time limit, and whether it runs without root's power
    to read every file."""

    def __init__(self, *args, timeout: float = TIMEOUT, unprivileged: bool = False):
        self.args, self.timeout, self.unprivileged = [str(a) for a in args], timeout, unprivileged


class Run:
    def __init__(self, call: Call, proc: subprocess.CompletedProcess):
        self.args, self.code = call.args, proc.returncode
        self.stdout = proc.stdout.decode("utf-8")  # output is UTF-8, whatever the input was
        self.stderr = proc.stderr.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.stdout)


def _limits(unprivileged: bool):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if unprivileged:
            # Tests run as root, which reads every file: drop CAP_DAC_OVERRIDE (1) and
            # CAP_DAC_READ_SEARCH (2) from the bounding set (prctl PR_CAPBSET_DROP = 24), so that
            # mode 000 means what it says for the child.
            libc = ctypes.CDLL(None, use_errno=True)
            for cap in (1, 2):
                if libc.prctl(24, cap, 0, 0, 0) != 0:
                    os._exit(97)
    return apply


def claimcheck(call: Call) -> Run:
    cmd = [sys.executable, "-m", "checker.cli", *call.args]
    env = {**os.environ, "CI": "1", "NO_COLOR": "1"}
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=call.timeout, stdin=subprocess.DEVNULL, env=env,
                              cwd=ROOT, preexec_fn=_limits(call.unprivileged))
    except subprocess.TimeoutExpired:
        pytest.fail(f"claimcheck {' '.join(call.args)[:200]}: still running after {call.timeout} s")
    if call.unprivileged and proc.returncode == 97:
        pytest.skip("cannot drop CAP_DAC_OVERRIDE here, so root reads every file; nothing to test")
    return Run(call, proc)


def one_line_error(r: Run, code: str, *needles: str) -> str:
    assert r.code == 2, (r.code, r.stdout[-500:], r.stderr[-2000:])
    assert "Traceback" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"claimcheck: {code} "), lines[0]
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def safe(r: Run, *, json_output: bool = True):
    assert r.code in (0, 1), (r.code, r.stderr[-3000:])
    assert "Traceback" not in r.stderr, r.stderr
    bad = {hex(ord(ch)) for ch in r.stdout if (ord(ch) < 32 and ch not in "\n\t") or 0x7f <= ord(ch) <= 0x9f}
    assert not bad, f"control characters in the output: {sorted(bad)}"
    return r.json() if json_output else r.stdout


def claims_of(r: Run, predicate: str | None = None) -> list[dict]:
    return [c for c in safe(r)["claims"] if predicate is None or c["predicate"] == predicate]


def amounts(r: Run, predicate: str = "valuation") -> list[float]:
    return sorted(c["value"]["amount"] for c in claims_of(r, predicate) if c["value"] and c["value"].get("amount"))


def notes(r: Run) -> list[str]:
    return [n for d in safe(r)["documents"] for n in d["notes"]]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def numbered(template: str, n: int, start: int = 100) -> str:
    """`n` lines of `template` with 500 replaced by distinct numbers (repeated lines are skipped
    as repeats)."""
    return "".join(template.replace("500", str(start + i)) for i in range(n))


# --- the corpus ---------------------------------------------------------------------------------

CASES: dict[str, object] = {}


def case(name: str):
    def register(fn):
        assert name not in CASES, name
        CASES[name] = fn
        return fn
    return register


# 1. What a file holds

@case("empty")
def _(d):
    one_line_error((yield Call("audit", write(d / "empty.txt", b""))), "E103", "empty.txt", "empty")


@case("whitespace only")
def _(d):
    r = yield Call("audit", write(d / "blank.md", " \n\t\r\n \u00a0\n"))
    one_line_error(r, "E103", "blank.md")


@case("binary")
def _(d):
    r = yield Call("audit", write(d / "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64))
    one_line_error(r, "E104", "photo.txt", "binary")


@case("NUL bytes early: binary")
def _(d):
    r = yield Call("audit", write(d / "nul.txt", RU.encode() + b"\x00" + RU.encode()))
    one_line_error(r, "E104", "binary")


@case("NUL bytes later: read as spaces")
def _(d):
    """A few NULs deep in a text file (a botched concatenation): read as spaces, offsets kept,
    never written out (PostgreSQL, XML and terminals cannot take them), and said so."""
    lines = numbered(RU, 61).encode().splitlines(keepends=True)
    r = yield Call("claims", write(d / "nul-late.txt", b"".join(lines[:60]) + b"\x00\x00\x00" + lines[60]),
                   "--format", "json")
    assert amounts(r) == [(100 + i) * 1e9 for i in range(61)]
    assert any("read as spaces" in n for n in notes(r))


@case("truncated UTF-8")
def _(d):
    """Cut short in the middle of a character: read, the broken last character left out, said so."""
    data = numbered(RU, 3, start=300).encode()[:-3]  # the middle of д
    try:
        data.decode("utf-8")
        raise AssertionError("the cut should be inside a character")
    except UnicodeDecodeError:
        pass
    r = yield Call("claims", write(d / "cut.txt", data), "--format", "json")
    # The last sentence lost the end of млрд with the file's end: $302 is all that is left of it.
    assert amounts(r) == [302, 300e9, 301e9]
    assert any("cut short" in n for n in notes(r))


@case("mixed encodings in one file")
def _(d):
    """UTF-8 and then Windows-1251: refused, saying on which line it stops being UTF-8."""
    data = (RU * 3).encode("utf-8") + (RU * 3).encode("cp1251")
    line = one_line_error((yield Call("audit", write(d / "mixed.txt", data))), "E106", "mixed.txt", "not UTF-8")
    assert "line 4" in line


@case("undetectable encoding")
def _(d):
    r = yield Call("audit", write(d / "garbled.txt", b"abc \xff\xfe\x80\x81 def \x9d\x8f\x90 " * 3))
    one_line_error(r, "E106", "garbled.txt")


for _bom, _encoding in [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]:
    @case(f"byte order mark, {_encoding}")
    def _(d, bom=_bom, encoding=_encoding):
        r = yield Call("claims", write(d / "bom.txt", bom + numbered(RU, 3, start=300).encode(encoding)),
                       "--format", "json")
        assert amounts(r) == [300e9, 301e9, 302e9]
        assert not any("\ufeff" in c["text"] for c in claims_of(r))


for _newline, _label in [("\r\n", "CRLF"), ("\r", "lone CR"), ("\u2028", "U+2028")]:
    @case(f"line breaks: {_label}")
    def _(d, newline=_newline):
        """Every line's claim is read, and spans point into the text as the file has it. Thirty
        lines joined by CR alone would be one line of 3,000 characters; a CR is a line break."""
        lines = [f"OpenAI was valued at ${100 + i} billion in December 2025, people familiar with the matter said."
                 for i in range(30)]
        original = FRONT.format(lang="en") + newline.join(lines) + newline
        r = yield Call("claims", write(d / "breaks.md", original), "--format", "json")
        assert amounts(r) == [float(100 + i) * 1e9 for i in range(30)]
        for c in claims_of(r, "valuation"):
            s, e = c["span"]
            assert original[s:e] == c["text"], (c, original[s:e])


@case("zero-width and bidi marks")
def _(d):
    """Zero-width spaces and joiners, LRM/RLM and a BOM inside the text (scraped pages are full of
    them) do not break the words they touch: $500 млрд is still 500 billion, not 500."""
    r = yield Call("claims", HOSTILE / "zero-width.md", "--format", "json")
    assert amounts(r) == [5e11]
    assert any("invisible" in n for n in notes(r))
    assert not any(ch in r.stdout for ch in "\u200b\u200d\u200e\u200f\ufeff")


@case("terminal escape sequences")
def _(d):
    """ANSI escapes in an article (clear the screen, set the title, colour) never reach the terminal."""
    evil = "\x1b[2J\x1b]0;pwned\x07\x1b[31m"
    p = write(d / "ansi.md", FRONT.format(lang="ru") + RU.replace("OpenAI", f"OpenAI{evil}"))
    out = safe((yield Call("claims", p)), json_output=False)
    assert "\x1b" not in out and "\x07" not in out
    assert "500B USD" in out


@case("mixed scripts and digits of every script")
def _(d):
    text = FRONT.format(lang="ar") + (
        "شركة OpenAI وصلت قيمتها السوقية إلى ٥٠٠ مليار دولار في ديسمبر ٢٠٢٥. "
        "Сэм Альтман 特沃雷克 ۱۲۳ ０１２ ४५६ 𝟓𝟎𝟎 ①②③ Ⅻ 壹貳叁.\n")
    assert amounts((yield Call("claims", write(d / "scripts.md", text), "--format", "json"))) == [5e11]


# 2. Size

@case("a 50 MB article")
def _(d):
    """README: a file over 8 MiB is refused (E105). 50 MB of real text, made here and never
    committed: refused at once, without being read into memory."""
    p = d / "huge.md"
    unit = (FRONT.format(lang="en") + numbered(EN, 20)).encode()
    with p.open("wb") as fh:
        for _ in range(50 * 2 ** 20 // len(unit) + 1):
            fh.write(unit)
    assert p.stat().st_size >= 50 * 2 ** 20
    one_line_error((yield Call("audit", p, timeout=20)), "E105", "huge.md", "limit is 8 MiB")


@case("a line of 10 million characters")
def _(d):
    """Ten million characters are at least ten million bytes: over the 8 MiB limit (E105)."""
    p = d / "line.md"
    sentence = EN.rstrip("\n") + " "
    p.write_text(FRONT.format(lang="en") + (sentence * (10_000_000 // len(sentence) + 1))[:10_000_000] + "\n")
    one_line_error((yield Call("audit", p, timeout=20)), "E105", "line.md")


@case("a sparse file over the limit")
def _(d):
    p = d / "sparse.txt"
    with p.open("wb") as fh:
        fh.seek(9 * 2 ** 20)
        fh.write(b"x")
    one_line_error((yield Call("audit", p, timeout=20)), "E105", "sparse.txt")


@case("a long line within the limit")
def _(d):
    """A line of 40,000 characters made of sentences (past 20,000 the sentence splitter cuts the
    line itself): read whole, the first and the last claim included."""
    body = " ".join(f"OpenAI was valued at ${100 + i} billion, a source number {i} said." for i in range(700))
    assert len(body) > 40_000
    r = yield Call("claims", write(d / "long.md", FRONT.format(lang="en") + body + "\n"), "--format", "json")
    assert amounts(r) == [(100 + i) * 1e9 for i in range(700)]


@case("numbers with 500 digits")
def _(d):
    """No amount, year or date is read out of a long run of digits: not its first 30 digits, not
    what follows them (35 digits ending in 50000亿 are not 5 trillion), not a year from its last
    four (…2025年12月 is not December 2025)."""
    digits = ("1234567890" * 50)[:496] + "2025"
    text = FRONT.format(lang="zh-Hans") + (
        f"OpenAI估值高达{digits}亿美元。\nOpenAI估值高达{'1' * 30}50000亿美元。\n"
        f"{digits}年12月,首席执行官向全体员工发出了“红色警报”。\n")
    r = yield Call("claims", write(d / "digits.md", text), "--format", "json")
    assert amounts(r) == []
    for c in claims_of(r):
        assert "2025" not in str((c["value"] or {}).get("start")) and "2025" not in str((c["time"] or {}).get("start")), c


@case("10,000 repeated paragraphs")
def _(d):
    """The same paragraph 10,000 times (a scraper loop): read once, the repeats skipped."""
    r = yield Call("audit", write(d / "loop.md", FRONT.format(lang="en") + EN * 10_000), "--format", "json",
                   "--fail-on", "never")
    assert [c["value"]["amount"] for c in claims_of(r, "valuation")] == [5e11]


# 3. Text built to make a regular expression backtrack, through the whole pipeline: ten lines of
# 10,000 such characters (each a sentence to the splitter), then a claim that must still be read.

for _name, (_lang, _unit) in {
    "digits with separators": ("en", "1,1 1.1 " * 1250),
    "capitalised words": ("en", "Abc Def-Ghi Jkl " * 1250),
    "han characters": ("zh-Hans", "中国人民银行" * 1667 + "("),
    "arabic letters": ("ar", "محمد بن عبد " * 834),
    "spaces and commas": ("en", " , ,  ,   " * 1000),
}.items():
    @case(f"backtracking bait: {_name}")
    def _(d, lang=_lang, unit=_unit, name=_name):
        claim = {"en": EN, "zh-Hans": ZH, "ar": AR}[lang]
        # Capitalised words on lines of 19,999 characters: the name pattern that once backtracked
        # over them (claims/normalize/glosses.py) took 25 s a line, minutes for the ten.
        width = 19_999 if name == "capitalised words" else 10_000
        text = FRONT.format(lang=lang) + "".join(unit[:width] + "\n" for _ in range(10)) + claim
        assert 5e11 in amounts((yield Call("claims", write(d / "redos.md", text), "--format", "json")))


# 4. HTML

@case("deeply nested HTML")
def _(d):
    """100,000 nested <div>s: libxml2 reads 255 levels; refused, saying so."""
    html = "<html><body>" + "<div>" * 100_000 + f"<p>{RU}</p>" + "</div>" * 100_000 + "</body></html>"
    one_line_error((yield Call("audit", write(d / "deep.html", html))), "E107", "deep.html", "nested")


@case("HTML nested and never closed")
def _(d):
    html = "<html><body>" + "<div><span><b>" * 30_000 + f"<p>{RU * 3}"
    one_line_error((yield Call("audit", write(d / "unclosed.html", html))), "E107", "unclosed.html")


@case("malformed HTML")
def _(d):
    assert 5e11 in amounts((yield Call("claims", HOSTILE / "malformed.html", "--format", "json")))


for _page in ["lying-charset-utf8.html", "lying-charset-cp1251.html"]:
    @case(f"<meta charset> that lies: {_page}")
    def _(d, page=_page):
        """The meta is not believed: the bytes are decoded (UTF-8, else a trusted detection), so
        the Cyrillic comes out right either way."""
        r = yield Call("claims", HOSTILE / page, "--format", "json")
        assert amounts(r) == [5e11, 5e11]
        assert all("оценили" in c["text"] for c in claims_of(r, "valuation"))


@case("HTML without text")
def _(d):
    r = yield Call("audit", write(d / "empty.html", "<html><body><div></div></body></html>"))
    one_line_error(r, "E107", "no main text")


# 5. Metadata: manifests and front matter

@case("a manifest naming missing files")
def _(d):
    write(d / "a.txt", RU)
    write(d / "manifest.yaml", "documents:\n  a.txt: {lang: ru}\n  gone.txt: {lang: ru}\n")
    one_line_error((yield Call("audit", d)), "E204", "gone.txt")


@case("a manifest whose paths escape the folder")
def _(d):
    """`../../…/etc/passwd` in a manifest would read any file of the machine into the report."""
    one_line_error((yield Call("audit", HOSTILE / "escape")), "E204", "etc/passwd", "outside")


@case("a manifest naming an absolute path")
def _(d):
    write(d / "a.txt", RU)
    write(d / "manifest.yaml", "documents:\n  a.txt: {lang: ru}\n  /etc/passwd: {lang: en}\n")
    one_line_error((yield Call("audit", d)), "E204", "/etc/passwd", "outside")


@case("a manifest with a YAML bomb")
def _(d):
    """Billion laughs: the aliases are never expanded (a title must be one value)."""
    one_line_error((yield Call("audit", HOSTILE / "yaml-bomb", timeout=20)), "E203", "title", "single value")


@case("a manifest with a YAML bomb nobody names")
def _(d):
    assert amounts((yield Call("claims", HOSTILE / "yaml-bomb-unused", "--format", "json", timeout=20))) == [5e11]


@case("a manifest with an impossible date")
def _(d):
    write(d / "a.txt", RU)
    write(d / "manifest.yaml", "documents:\n  a.txt: {lang: ru, published: 2026-02-30}\n")
    one_line_error((yield Call("audit", d)), "E202", "published", "2026-02-30")


for _value in ["2026-02-30", "2026-13-45", "yesterday", "2026-02-03garbage", "0000-01-01"]:
    @case(f"front matter with a bad date: {_value}")
    def _(d, value=_value):
        p = write(d / "draft.md", f"---\nlang: ru\npublished: {value}\n---\n{RU}")
        one_line_error((yield Call("audit", p)), "E202", "draft.md", "published")


for _published in ["0001-01-01", "9999-12-31"]:
    @case(f"front matter dated {_published}")
    def _(d, published=_published):
        """Relative dates counted from year 1 or 9999 ("last week", "seven years ago") would fall
        off the calendar: they stay unresolved rather than crash."""
        text = (f"---\nlang: en\npublished: {published}\n---\nLast week OpenAI was valued at $500 billion. "
                "Seven years ago it raised $1 billion. Next week it will raise $40 billion. Next month too.\n")
        assert 5e11 in amounts((yield Call("claims", write(d / "edge.md", text), "--format", "json")))


@case("front matter nested too deeply")
def _(d):
    p = write(d / "deep.md", "---\nlang: ru\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n---\n" + RU)
    one_line_error((yield Call("audit", p)), "E201", "deep.md")


@case("front matter with a list for a title")
def _(d):
    p = write(d / "list.md", "---\nlang: ru\ntitle: [a, b]\n---\n" + RU)
    one_line_error((yield Call("audit", p)), "E201", "title", "single value")


@case("front matter with numbers for title, source and id")
def _(d):
    p = write(d / "numbers.md", "---\nlang: ru\ntitle: 2024\nsource: 7\nid: 12\n---\n" + RU)
    doc = safe((yield Call("claims", p, "--format", "json")))["documents"][0]
    assert (doc["id"], doc["title"], doc["source"]) == ("12", "2024", "7")


@case("front matter with a 5,000-digit number")
def _(d):
    p = write(d / "big.md", "---\nlang: ru\nid: " + "9" * 5000 + "\n---\n" + RU)
    one_line_error((yield Call("audit", p)), "E201", "big.md")


@case("a draft in an unsupported language")
def _(d):
    r = yield Call("check", HOSTILE / "unsupported-language.md", "--against", ROOT / "fixtures" / "openai")
    one_line_error(r, "E301", "unsupported-language.md", "not supported")


# 6. The file system

@case("a directory of directories")
def _(d):
    for i in range(5):
        (d / f"d{i}" / "e" / "f").mkdir(parents=True)
    one_line_error((yield Call("audit", d)), "E109", "no articles")


@case("directories nested 25 deep")
def _(d):
    write(d.joinpath(*[f"l{i}" for i in range(25)]) / "a.txt", RU)
    one_line_error((yield Call("audit", d)), "E108", "nested")


@case("a symlink loop")
def _(d):
    (d / "a.txt").symlink_to(d / "b.txt")
    (d / "b.txt").symlink_to(d / "a.txt")
    one_line_error((yield Call("audit", d / "a.txt")), "E101", "a.txt", "symbolic link")


@case("a folder with symlink loops inside")
def _(d):
    write(d / "news" / "a.txt", RU)
    (d / "news" / "up").symlink_to(d / "news")
    (d / "news" / "self.txt").symlink_to(d / "news" / "self.txt")
    assert amounts((yield Call("claims", d / "news", "--format", "json"))) == [5e11]


@case("a FIFO")
def _(d):
    os.mkfifo(d / "pipe.txt")
    one_line_error((yield Call("audit", d / "pipe.txt", timeout=20)), "E101", "pipe.txt", "not a regular file")


@case("a FIFO in a folder")
def _(d):
    """Opening a FIFO blocks until someone writes to it: it is never opened."""
    write(d / "a.txt", RU)
    os.mkfifo(d / "b.txt")
    assert amounts((yield Call("claims", d, "--format", "json", timeout=20))) == [5e11]


@case("a FIFO named by a manifest")
def _(d):
    write(d / "a.txt", RU)
    os.mkfifo(d / "b.txt")
    write(d / "manifest.yaml", "documents:\n  a.txt: {lang: ru}\n  b.txt: {lang: ru}\n")
    one_line_error((yield Call("audit", d, timeout=20)), "E204", "b.txt")


for _device in ["/dev/zero", "/dev/urandom", "/dev/null"]:
    @case(f"a device: {_device}")
    def _(d, device=_device):
        if not Path(device).exists():
            pytest.skip(f"{device} is missing here")
        one_line_error((yield Call("audit", device, timeout=20)), "E101", device, "not a regular file")


@case("a file name that is not UTF-8")
def _(d):
    """A name in bytes from another system cannot be written into a JSON or SARIF report."""
    try:
        write(d / "odd" / os.fsdecode(b"\xff\xfe.txt"), RU)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    one_line_error((yield Call("audit", d / "odd", "--format", "json")), "E113", "not UTF-8")


# Unreadable: tests run as root, which reads every file; these runs drop the capabilities that let
# it (see _limits), so that mode 000 means what it says (skipped, saying so, where they cannot).

@case("an unreadable file")
def _(d):
    p = write(d / "secret.txt", RU)
    p.chmod(0)
    one_line_error((yield Call("audit", p, unprivileged=True)), "E102", "secret.txt", "permission denied")


@case("an unreadable folder")
def _(d):
    write(d / "locked" / "a.txt", RU)
    (d / "locked").chmod(0)
    try:
        r = yield Call("audit", d / "locked", unprivileged=True)
        one_line_error(r, "E102", "locked", "permission denied")
    finally:
        (d / "locked").chmod(0o755)


@case("an unreadable subfolder")
def _(d):
    write(d / "a.txt", RU)
    write(d / "locked" / "b.txt", RU)
    (d / "locked").chmod(0)
    try:
        one_line_error((yield Call("audit", d, unprivileged=True)), "E102", "locked", "permission denied")
    finally:
        (d / "locked").chmod(0o755)


@case("an unreadable manifest")
def _(d):
    write(d / "a.txt", RU)
    write(d / "manifest.yaml", "documents:\n  a.txt: {lang: ru}\n").chmod(0)
    one_line_error((yield Call("audit", d, unprivileged=True)), "E102", "manifest.yaml", "permission denied")


@case("an unreadable file given to index")
def _(d):
    p = write(d / "secret.txt", RU)
    p.chmod(0)
    r = yield Call("index", p, "--store", d / "claims.db", unprivileged=True)
    one_line_error(r, "E102", "secret.txt", "permission denied")


@case("a path inside an unreadable folder")
def _(d):
    write(d / "locked" / "a.txt", RU)
    (d / "locked").chmod(0)
    try:
        r = yield Call("audit", d / "locked" / "a.txt", unprivileged=True)
        one_line_error(r, "E102", "a.txt", "permission denied")
    finally:
        (d / "locked").chmod(0o755)


# 7. Where the report goes

@case("--output to a FIFO")
def _(d):
    """A FIFO (or /dev/null) is written to as it is, not replaced by a file renamed over it."""
    import threading

    fifo = d / "report.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = yield Call("audit", write(d / "a.md", FRONT.format(lang="ru") + RU), "--format", "json", "--output", fifo, "--fail-on", "never",
                   timeout=30)
    safe(r, json_output=False)
    reader.join(10)
    assert got and json.loads(got[0])["documents"]
    assert fifo.is_fifo()


@case("--output /dev/stdout")
def _(d):
    r = yield Call("audit", write(d / "a.md", FRONT.format(lang="ru") + RU), "--format", "json", "--output", "/dev/stdout",
                   "--fail-on", "never")
    assert safe(r)["documents"]


@case("--output to a directory")
def _(d):
    r = yield Call("audit", write(d / "a.md", FRONT.format(lang="ru") + RU), "--output", d, "--fail-on", "never")
    one_line_error(r, "E111", "is a directory")


@case("--output in a folder that cannot be written")
def _(d):
    (d / "ro").mkdir()
    (d / "ro").chmod(0o555)
    r = yield Call("audit", write(d / "a.md", FRONT.format(lang="ru") + RU), "--output", d / "ro" / "r.txt", "--fail-on", "never",
                   unprivileged=True)
    one_line_error(r, "E111", "r.txt", "cannot write")


# --- running the corpus -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def started(request, tmp_path_factory):
    """Every selected case made and its call started, WORKERS at a time."""
    wanted = {item.callspec.params["name"] for item in request.session.items
              if getattr(item, "originalname", None) == "test_hostile_input" and hasattr(item, "callspec")}
    out = {}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for name in CASES:
            if name not in wanted:
                continue
            gen = CASES[name](tmp_path_factory.mktemp("hostile"))
            try:
                call = next(gen)
            except BaseException as exc:  # a skip, or a broken case: reported by its test
                out[name] = (gen, exc)
                continue
            out[name] = (gen, pool.submit(claimcheck, call))
        yield out


# Cases that fail because of a bug in a file of another owner: strict xfails, with the reason
# (none open).
XFAIL_CASES: dict[str, str] = {}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=XFAIL_CASES[n]))
                                  if n in XFAIL_CASES else n for n in CASES])
def test_hostile_input(name, started):
    gen, run = started[name]
    if isinstance(run, BaseException):
        raise run
    result = run.result()  # a timeout or a skip raised in the worker is raised here
    try:
        gen.send(result)
    except StopIteration:
        return
    raise AssertionError(f"case {name!r} yields more than one call")


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 25


def test_the_readme_promises_name_real_cases():
    """README, "What claimcheck promises on bad input": every case named there exists."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What claimcheck promises on bad input", 1)[1].split("\n## ", 1)[0]
    named = [" ".join(n.split()) for n in re.findall(r"\"([^\"]+)\"", section)]
    assert len(named) >= 10
    missing = [n for n in named if not any(c == n or c.startswith(n + ":") for c in CASES)]
    assert not missing, missing


# --- known bugs outside claims/read and claims/normalize (strict xfails, for their owners) -------

def test_a_long_line_without_sentence_punctuation_keeps_its_claims(tmp_path):
    """A line of more than 20,000 characters with no full stop (claims/pipeline.py cuts such a
    line itself): cut at spaces, every claim kept, the first one included."""
    body = "OpenAI was valued at $500 billion according to people familiar with the matter " + "and so on " * 2500
    assert len(body) > 20_000 and not any(ch in body for ch in ".!?")
    r = claimcheck(Call("claims", write(tmp_path / "run-on.md", FRONT.format(lang="en") + body + "\n"),
                        "--format", "json"))
    assert amounts(r) == [5e11]


@pytest.mark.parametrize("line", [
    "and so on " * 5000,                           # spaces, no full stop
    "中国人民银行，" * 5000,                         # Chinese commas, no full stop
    "x" * 50_000,                                  # no space, comma or full stop at all
    ("A sentence. " + "word " * 900) * 20,         # full stops further apart than a piece
    "1,000 " * 20_000 + "end.",
    "1,000,x" * 20_000,                            # commas, one of each two in a number
])
def test_long_lines_are_cut_into_pieces_that_cover_them(line):
    """claims/pipeline.py _cut_long_line: the pieces are the whole line in order, each at its own
    offset, none longer than 2,001 characters; where the line has spaces or commas, no piece ends
    inside a word or a number (1,000 is not cut after its comma)."""
    from claims.pipeline import _cut_long_line

    pieces = _cut_long_line(line)
    assert "".join(p for _, p in pieces) == line
    assert all(line[off:off + len(p)] == p for off, p in pieces)
    assert all(0 < len(p) <= 2001 for _, p in pieces)
    if any(ch in line for ch in " ，"):
        assert all(p[-1] in " ，." for _, p in pieces[:-1]), [p[-20:] for _, p in pieces]
    if "1,000,x" in line:
        assert all(p.endswith("000,") for _, p in pieces[:-1]), [p[-20:] for _, p in pieces]


def test_a_long_line_is_cut_in_linear_time():
    import time

    from claims.pipeline import _cut_long_line

    for unit in ("1,", " ", "a. ", "x"):
        t0 = time.perf_counter()
        _cut_long_line(unit * 1_000_000)
        assert time.perf_counter() - t0 < 10, unit


def _count_comparisons(path: Path) -> tuple[int, int]:
    """(claims, rule.compare calls) for an audit of `path`."""
    from checker import matcher
    from checker.compare import RULES
    from checker.run import read_claims

    docs, claims, _ = read_claims([path])
    calls = 0

    def counting(compare):
        def wrapped(*args, **kwargs):
            nonlocal calls
            calls += 1
            return compare(*args, **kwargs)
        return wrapped

    own = [(rule, rule.__dict__.get("compare")) for rule in RULES]
    for rule in RULES:
        rule.compare = counting(rule.compare)
    try:
        matcher.match(docs, claims, set())
    finally:
        for rule, mine in own:
            if mine is None:
                del rule.compare
            else:
                rule.compare = mine
    return len(claims), calls


def test_repeated_claims_cost_linear_comparisons(tmp_path):
    """300 identical claims of one subject: the comparisons must grow with the claims (at most 20
    per claim here), not with their pairs."""
    p = write(tmp_path / "same.md", FRONT.format(lang="en") + "".join(
        f"OpenAI was valued at $500 billion in December 2025. Source {i}.\n" for i in range(300)))
    n, calls = _count_comparisons(p)
    assert n >= 300
    assert calls <= 20 * n, f"{calls} comparisons for {n} claims"


@pytest.mark.slow
def test_ten_thousand_repeated_claims_audit_in_bounded_time(tmp_path):
    text = FRONT.format(lang="en") + "".join(f"OpenAI was valued at $500 billion in December 2025. Source {i}.\n"
                                             for i in range(10_000))
    r = claimcheck(Call("audit", write(tmp_path / "same.md", text), "--format", "json", "--fail-on", "never",
                        timeout=120))
    assert len(claims_of(r, "valuation")) == 10_000
