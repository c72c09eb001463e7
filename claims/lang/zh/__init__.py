"""Chinese pack rules: names of people, which Chinese writes without capitals or spaces."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from claims.normalize.names import NameMention, latin_people, trim_to_gloss

_GLOSS = re.compile(r"(?P<han>[\p{Han}·・]{2,24})\s*[(（]\s*(?P<latin>\p{Lu}[\p{L}\p{M}.'\- ]{1,60}?)\s*[)）]")
# The dots that join the parts of a transliterated name: · (mainland), ‧ (Taiwan), ・ (Japanese),
# and look-alikes typed for them. Read as ·, one character for one, so every offset holds.
_DOTS = str.maketrans({"‧": "·", "•": "·", "∙": "·", "⋅": "·", "･": "·", "・": "·"})


def find_people(text: str, pack) -> list[NameMention]:
    original, text = text, text.translate(_DOTS)
    translit = pack.lex.translit_chars
    out: list[NameMention] = []
    # The Latin forms glossing a Han run that is no person's name (外卖平台沙伊（Shai Now）): they name
    # what the run names, not a person, whatever their first word.
    not_people: list[tuple[int, int]] = []
    companies = tuple(name for name, _ in find_orgs(text, pack)) or ("\x00",)
    for m in _GLOSS.finditer(text):
        latin = m.group("latin").strip()
        if len(latin.split()) < 2:
            continue
        start = trim_to_gloss(m.group("han"), latin, translit, pack.lex.name_stop_chars)
        if start < 0:
            if m.group("han").endswith(companies):
                not_people.append(m.span("latin"))
            continue
        han = m.group("han")[start:].strip("·・")
        out.append(NameMention(m.start("han") + start, m.end(), m.group(0)[start:], han, latin=latin,
                               aliases=[latin]))
    # The characters inside a name already found, one byte each: a later name starting there is
    # part of it (a look-up per name, not a scan of every name found so far).
    taken = bytearray(len(text) + 1)

    def take(names: list[NameMention]) -> None:
        for n in names:
            taken[n.start:n.end] = b"\x01" * (n.end - n.start)

    take(out)
    for m in _patterns(pack)["dotted"].finditer(text):
        if taken[m.start()]:
            continue
        out.append(NameMention(m.start(), m.end(), m.group(0), m.group(0)))
        take(out[-1:])
    natives = [n for n in native_names(text, pack) if not taken[n.start]]
    out += natives
    take(natives)
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    # A Latin name right after a kind of company (初创企业Giao Nhanh, 平台Mobi Rides) names the company.
    kinds = _org_patterns(pack)["kind"] if pack.get("org_suffixes") and pack.get("org_leads") else None
    out += [n for n in latin_people(text, titles) if not taken[n.start]
            and not any(s <= n.start < e for s, e in not_people)
            and not (kinds is not None and any(m.end() == n.start for m in kinds.finditer(text, max(0, n.start - 8), n.start)))]
    for n in out:
        n.text = original[n.start:n.end]
    return sorted(out, key=lambda n: n.start)


@lru_cache(maxsize=8)
def _patterns(pack) -> dict:
    """The pack's name patterns, compiled once: a dotted transliteration, a native name, a native
    name before a speech verb, the words after which a name is expected, and the words that may
    follow a name."""
    translit = pack.lex.translit_chars
    sur = "|".join(sorted(pack.lex.surnames or ["(?!)"], key=len, reverse=True))
    name = rf"(?P<name>(?:{sur})[^\W\d{pack.lex.name_end_chars}]{{1,2}})"
    verbs = "|".join(sorted(pack.lex.speech_verbs, key=len, reverse=True))
    follow = "|".join(sorted(pack.lex.name_follow_words or ["(?!)"], key=len, reverse=True))
    leads = "|".join(sorted(pack.lex.person_verbs or ["(?!)"], key=len, reverse=True))
    clause_start = r"(?:(?<![\p{Han}])|(?<=[，,。、：:；“”「」\s—]))"
    return {
        "dotted": re.compile(rf"[{translit}]{{1,5}}·[{translit}]{{1,6}}"),
        "name": re.compile(name),
        # Also after 的 (在遠翔航空服務26年的張文彬出任): a relative clause ends before its person.
        # In a headline a space parts the clauses (顺驰物流赵磊 出任首席执行官): a name right before it
        # and a speech or post verb.
        "before_verb": re.compile(rf"(?:{clause_start}|(?<=的)){name}(?={verbs})|(?<=\p{{Han}}){name}(?=\s(?:{verbs}))")
        if verbs else None,
        # A name of three characters at the start of a clause, before a word that follows names
        # (郑文博已于, 钱守义在): shorter runs there are too often a company (two characters).
        "before_follow": re.compile(rf"{clause_start}(?P<name>(?:{sur})[^\W\d{pack.lex.name_end_chars}]{{2}})(?={follow})"),
        "lead": re.compile(leads),
        "follow": re.compile(follow + (f"|{verbs}" if verbs else "")),
        "gloss": re.compile(r"\s*[(（]\s*(?P<latin>\p{Lu}[\p{L}\p{M}.'\- ]{1,60}?)\s*[)）]"),
    }


def native_names(text: str, pack) -> list[NameMention]:
    """Chinese names (周敏, 林晓峰): a known surname and one or two more characters, found where
    the text itself says a person stands there: right after a title (首席财务官周敏), after a word
    that introduces a person (the pack's `person_verbs`: 聘请, 岁的, 专家), joined to such a name
    (吴启明和冯立), or at the start of a clause before a speech verb or a word that follows names
    (林晓峰表示, 郑文博已于). A name ends where a verb or particle starts (`name_end_chars`) or a
    word that follows names (`name_follow_words`: 分别, 先生); a Latin gloss right after it is its
    Latin form (梁家俊（Kelvin Leung）)."""
    surnames = pack.lex.surnames
    if not surnames:
        return []
    patterns = _patterns(pack)
    out: list[NameMention] = []
    # Words a surname character starts that are no name: 周一 (Monday), 高管 (executives)...
    not_names = tuple(pack.lex.not_name_words or ())
    end_chars = pack.lex.name_end_chars

    def name_at(pos: int, bounded: bool) -> "re.Match | None":
        """The name starting at `pos`; with `bounded`, only one that a name's boundary follows."""
        m = patterns["name"].match(text, pos, pos + 4)
        if m is None or m.group("name").startswith(not_names) or not re.match(r"\p{Han}", m.group("name")[-1]):
            return None
        end = m.end()
        # 邹凯分别: the second given character starts a word that follows names.
        if end - pos - len(_surname(m.group("name"), surnames)) == 2 and patterns["follow"].match(text, end - 1) \
                and not patterns["follow"].match(text, end):
            m = patterns["name"].match(text, pos, end - 1)
            if m is None:
                return None
            end = m.end()
        if bounded and not (end >= len(text) or text[end] in end_chars or not re.match(r"\p{Han}", text[end])
                            or patterns["follow"].match(text, end)):
            return None
        return m

    for lead in [p for _, p in pack.lexicon_patterns["titles"]]:
        for t in lead.finditer(text):
            at = t.end() + (text[t.end():t.end() + 1] in ("为", "為", "是", "的"))  # 联合创始人为宋屹, 首席科学家的韦嘉禾
            m = name_at(at, bounded=at > t.end())
            if m:
                out.append(_native(m.group("name"), at, surnames))
    for t in patterns["lead"].finditer(text):
        m = name_at(t.end(), bounded=True)
        if m:
            out.append(_native(m.group("name"), t.end(), surnames))
    for key in ("before_verb", "before_follow"):
        if patterns[key] is not None:
            for m in patterns[key].finditer(text):
                if not m.group("name").startswith(not_names):
                    out.append(_native(m.group("name"), m.start("name"), surnames))
    # 吴启明和冯立, 48岁的邹凯与43岁的赵一鸣: a name joined to one found is found too.
    found = {n.start: n for n in out}
    for n in sorted(found.values(), key=lambda n: n.start):
        pos = n.end
        while pos < len(text) and text[pos] in "和与與及、":
            m = name_at(pos + 1, bounded=True)
            if m is None:
                break
            joined = _native(m.group("name"), pos + 1, surnames)
            out.append(joined)
            pos = joined.end
    seen, unique = set(), []
    for n in sorted(out, key=lambda n: (n.start, -(n.end - n.start))):
        if n.start not in seen:
            seen.add(n.start)
            unique.append(_with_gloss(n, text, patterns["gloss"]))
    return unique


def _with_gloss(n: NameMention, text: str, gloss) -> NameMention:
    """梁家俊（Kelvin Leung）: the Latin form written right after a native name is its Latin name."""
    g = gloss.match(text, n.end)
    if g is None or len(g.group("latin").split()) < 2:
        return n
    latin = " ".join(g.group("latin").split())
    return NameMention(n.start, g.end(), text[n.start:g.end()], n.name, latin=latin, aliases=[latin, *n.aliases])


def _surname(name: str, surnames: list[str]) -> str:
    return next(s for s in sorted(surnames, key=len, reverse=True) if name.startswith(s))


def _native(name: str, start: int, surnames: list[str]) -> NameMention:
    """A native name with its pinyin (周敏 -> Zhou Min), the form English and Russian news use."""
    from pypinyin import lazy_pinyin

    from claims.normalize.names import _t2s

    surname = _surname(name, surnames)
    simplified = _t2s().convert(name)
    family = "".join(lazy_pinyin(simplified[:len(surname)])).capitalize()
    given = "".join(lazy_pinyin(simplified[len(surname):])).capitalize()
    # English writes Chinese names given name first as often as not (Minghui Zhao): both orders.
    return NameMention(start, start + len(name), name, name, latin=f"{family} {given}",
                       aliases=[f"{family} {given}", f"{given} {family}"])


def short_forms(name: str) -> list[str]:
    """Later mentions of 杰瑞·特沃雷克 say 特沃雷克: each part of two or more characters; a native
    name (周敏) is its own short form."""
    parts = [p for p in re.split(r"[·・]", name) if len(p) >= 2]
    return parts if len(parts) > 1 or len(name) <= 4 else parts


def find_orgs(text: str, pack) -> list[tuple[str, str]]:
    """Chinese companies the text names without a gloss. Two kinds:
    - two characters and one of the pack's `org_suffixes` (翎岳汽車, 青云能源), right after a word
      that introduces a company (对手, 旗下, 与: the pack's `org_leads`), a 的 or a punctuation mark,
      the two characters not a common word (`not_brand_heads`: 中国, 全球, 电动); not where a word of
      a kind of company follows (合成生物企业, 软件公司Acme: a description, not a name);
    - any short name right after a kind of company (`org_kinds`: 连锁品牌, 支付App, 竞争对手),
      up to where the name's sentence goes on: a name-ending character, a claim or event word, a
      time, punctuation, or one of `org_follow_words` (完成, 宣布, 注册); or quoted there (“集集”,
      a product's title in 《》);
    - a short name right before one of `latin_kind_words` (旅悠悠App), at a clause start;
    - a name opening a sentence that says it is a kind of company (百味坊是…调味品企业);
    - a short name opening a sentence right before a word of revenue or users (X去年營收).
    Returns (name, brand) pairs: 翎岳汽車 is later 翎岳."""
    suffixes = pack.lex.org_suffixes
    leads = pack.lex.org_leads
    if not suffixes or not leads:
        return []
    patterns = _org_patterns(pack)
    stop = set(pack.lex.not_brand_heads)
    stop_chars = pack.lex.name_stop_chars
    # A name does not start with a particle or a verb that ends names (公司已在, 银行之一).
    not_first = "的了在于於已将將曾也则則又还還就都被把对對向从從为為是与與和及因此等兼之其该該这這此各每本并並正前所任出获獲"
    out = []
    titles = [p for _, p in pack.lexicon_patterns["titles"]]
    heads3 = [m for m in patterns["suffixed3"].finditer(text)
              if m.group("head")[0] not in not_first and not _common_words(m.group("head"))
              and not _common_words(m.group("head")[:2], lead=True) and not _common_head(m.group("head")[:2])
              and not any(m.group("head").startswith(w) for w in stop)]
    for m in [*heads3, *patterns["suffixed"].finditer(text)]:
        head = m.group("head")
        if head in stop or any(ch in stop_chars for ch in head) or _common_head(head, after_de=text[m.start() - 1:m.start()] == "的"):
            continue
        after, name = m.end(), head + m.group("suffix")
        # Suffixes in a row name one company (东方海运集团, 北辰电子科技): the name takes them all.
        more = patterns["suffix"].match(text, after)
        while more and more.end() > after and not patterns["kind"].match(text, more.end()):
            name, after = name + more.group(0), more.end()
            more = patterns["suffix"].match(text, after)
        # A Latin name after it makes it a description (软件公司Acme); a Latin title does not (蔚岚汽车CFO).
        latin_title = any(p.match(text, after) for p in titles)
        if patterns["kind"].match(text, after) or patterns["suffix"].match(text, after) or \
                re.match(r"\s*[A-Za-z]", text[after:after + 2]) and not latin_title:
            continue
        out.append((name, head))
    for m in patterns["is_a_kind"].finditer(text):
        name = m.group("name")
        if name in stop or name[0] in not_first or name.startswith(tuple(stop)) or _common_words(name) or \
                _common_words(name[:2], lead=True) or patterns["end"].match(name):
            continue
        out.append((name, name))
    for m in patterns["opens_claim"].finditer(text):
        name = m.group("name")
        # The word after anchors the name: 家 and 和 may stand inside it (全福家), not open it.
        if name in stop or name[0] in not_first or name[0] in stop_chars or name.startswith(tuple(stop)) \
                or _common_words(name) or _common_words(name[:2], lead=True) or _common_head(name[:2]) \
                or patterns["end"].match(name):
            continue
        out.append((name, name))
    for m in patterns["latin_kind"].finditer(text):
        head = m.group("head")
        if head in stop or head[0] in not_first or any(ch in stop_chars for ch in head) or \
                head.startswith(tuple(stop)) or _common_words(head) or _common_words(head[:2], lead=True):
            continue
        out.append((head + m.group("kind"), head))
    for m in patterns["after_kind"].finditer(text):
        name = m.group("name") or m.group("quoted")
        if not name or name in stop or name.startswith(tuple(stop)) or patterns["end"].match(name) or \
                name[0] in not_first or "的" in name:
            continue
        # A doubled character opens brand names as often as verbs (拍拍付, 滴滴): no lead-word test.
        doubled = len(name) > 2 and name[0] == name[1]
        if m.group("name") and (_common_words(name) or not doubled and _common_words(name[:2], lead=True)):
            continue  # 企业带来持续, 品牌影响力: common words, no name
        out.append((name, name))
    return out


@lru_cache(maxsize=8)
def _org_patterns(pack) -> dict:
    suffixes, leads = pack.lex.org_suffixes, pack.lex.org_leads
    suffix = "|".join(sorted(suffixes, key=len, reverse=True))
    lead = "|".join(sorted(leads, key=len, reverse=True))
    kinds = "|".join(sorted(pack.lex.org_kinds or ["(?!)"], key=len, reverse=True))
    places = "|".join(sorted(pack.lex.org_places or ["(?!)"], key=len, reverse=True))
    words = [w for section in ("triggers", "events", "titles") for _, p in pack.lexicon_patterns[section]
             for w in [p.pattern]]
    follow = "|".join(sorted(pack.lex.org_follow_words or ["(?!)"], key=len, reverse=True))
    end_chars = re.escape(pack.lex.name_end_chars)
    times = "|".join(sorted([*pack.lex.relative_years, *pack.lex.relative_months,
                             *pack.lex.relative_weeks], key=len, reverse=True)) or "(?!)"
    # Words of two characters or more: one character (说, 已) starts names too (说说乐).
    person_follow = "|".join(sorted([w for w in [*pack.lex.name_follow_words, *pack.lex.speech_verbs]
                                     if len(w) >= 2], key=len, reverse=True)) or "(?!)"
    claim_words = "|".join(p.pattern for key, p in pack.lexicon_patterns["triggers"]
                           if key in ("revenue", "user_count")) or "(?!)"
    boundary = rf"(?:[{end_chars}]|[^\p{{Han}}A-Za-z]|$|{follow}|{times}|{'|'.join(words) or '(?!)'})"
    return {
        # A place may stand before the brand (杭州味道科技): the pack's place words among not_brand_heads.
        "suffixed": re.compile(rf"(?:(?<=^)|(?<=[，,。、：:；“「（(\s的])|(?<={lead})|(?<={kinds})|(?<={places}))(?P<head>\p{{Han}}{{2}})(?P<suffix>{suffix})"),
        # Three characters before the suffix where a sentence opens (好鄰居超商全台門市數): no word's room.
        "suffixed3": re.compile(rf"(?:(?<=^)|(?<=[。！？!?\n]))(?P<head>\p{{Han}}{{3}})(?P<suffix>{suffix})"),
        "kind": re.compile(rf"(?:{kinds})"),
        # A name that opens a sentence told to be a company (百味坊是浙江一家老牌调味品企业).
        "is_a_kind": re.compile(rf"(?:(?<=^)|(?<=[。！？!?\n]))(?P<name>\p{{Han}}{{2,5}}?)(?:是|為|为)(?:[^，,。；]{{0,20}}?)"
                                rf"(?:{kinds}|公司|商)(?=[。，,；]|$)"),
        # A short Han name right before a Latin kind word (旅悠悠App): the name, the word its suffix.
        "latin_kind": re.compile(rf"(?:(?<=^)|(?<=[，,。、：:；“「（(\s的]))(?P<head>\p{{Han}}{{2,4}})"
                                 rf"(?P<kind>{'|'.join(map(re.escape, pack.get('latin_kind_words') or [])) or '(?!)'})(?![A-Za-z])"),
        "suffix": re.compile(rf"(?:{suffix})"),
        "after_kind": re.compile(rf"(?<={kinds})(?:(?P<name>\p{{Han}}{{2,4}}?(?:[A-Za-z]{{1,8}}(?![A-Za-z])(?!\s[A-Z]))?)(?={boundary})"
                                 rf"|[“「《](?P<quoted>\p{{Han}}{{2,6}})[”」》])"),
        # A short name opening a sentence, or a clause after a date (截至6月底，), right before a
        # word of revenue or of users, a time between (X去年營收達, X注册用户约为): the claim's subject.
        "opens_claim": re.compile(rf"(?:(?<=^)|(?<=[。！？!?\n])|(?<=[底末日月年][，,]))(?P<name>\p{{Han}}{{2,4}}?)"
                                  rf"(?:{times})?(?:注册|註冊|活跃|活躍)?(?:{claim_words})"),
        # A name does not start with a word of what follows names: 企业担任 is no company 担任.
        "end": re.compile(rf"(?:{follow}|{times}|{person_follow}|{'|'.join(words) or '(?!)'})"),
    }



# jieba's dictionary (MIT, shipped in the package): Chinese words with their frequency and part of
# speech. A company's made-up name (翎岳, 暖爪宠医) is no common word; 目前, 影响力, 带来持续 are.
_NAME_TAGS = {"nr", "nrfg", "nrt", "ns", "nt"}
# Kinds of word that start no name (adverbs, pronouns, verbs, numbers, times: 目前, 远远, 带来).
_LEAD_TAGS = {"d", "r", "v", "p", "c", "m", "t", "f", "vn", "a", "ad", "l", "i", "j", "u"}
_HEAD_TAGS = {"d", "r", "v", "p", "c", "m", "t", "f", "vn", "u"}


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[int, str]]:
    """Words of two characters or more, with their count and part of speech (empty without jieba)."""
    try:
        from importlib.resources import files

        path = files("jieba") / "dict.txt"
        text = path.read_text(encoding="utf-8")
    except (ImportError, ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    out = {}
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and len(parts[0]) >= 2 and int(parts[1]) >= 20:
            out[parts[0]] = (int(parts[1]), parts[2])
    return out


def _word(w: str) -> "tuple[int, str] | None":
    from claims.normalize.names import _t2s

    f = _dictionary().get(_t2s().convert(w))
    return None if f is None or f[1] in _NAME_TAGS else f


def _common_head(head: str, after_de: bool = False) -> bool:
    """The two characters before an org suffix are a word, not a brand: a word of a kind that starts
    no name (目前公司, 全年货运, 主导电池: 40 occurrences), a distinguishing word (主权: 100), or a very
    common noun (科研实验室: 5000). Brands that are rarer words (深蓝, 青云) stay brands."""
    f = _word(head)
    if f is not None and after_de:
        return f[0] >= 100  # after 的 (纯粹的科研实验室, 的主权基金) a description is likelier still
    if f is not None and head[0] in "东南西北東" and f[1] in ("f", "s"):
        return False  # a point of the compass opens brands (北方重工, 东方航空), not a description
    # Adjectives and idioms name brands often enough (宏远, 平安): only function words, verbs and times.
    # A rare verb (联创: 55) names brands as often as it is said: verbs from 100 on.
    return f is not None and ((f[1] in _HEAD_TAGS and f[0] >= (100 if f[1] == "v" else 40))
                              or (f[1] == "b" and f[0] >= 200) or f[0] >= 5000)


def _common_words(run: str, lead: bool = False) -> bool:
    """Whether a name after a kind of company is ordinary language: a common word itself (影响力), or
    made wholly of common words of two characters or more (带来持续 = 带来 + 持续); with `lead`, a
    word of a kind that starts no name (远远, 至关重要)."""
    def common(w: str) -> bool:
        f = _word(w)
        return f is not None and f[0] >= (40 if f[1] in _LEAD_TAGS else 100)

    if lead:
        f = _word(run)
        return f is not None and f[0] >= 40 and f[1] in _LEAD_TAGS
    if common(run):
        return True
    ok = [False] * (len(run) + 1)
    ok[0] = True
    for i in range(len(run)):
        if ok[i]:
            for j in range(i + 2, min(len(run), i + 6) + 1):
                if common(run[i:j]):
                    ok[j] = True
    return ok[len(run)]
