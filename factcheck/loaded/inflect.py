"""Generate the surface forms of a lexicon term: verb tenses, noun plurals, adverbs.

A lexicon entry names one base form (``exploit``, ``illegal immigrant``) and how it
inflects; the matcher needs every form a reporter might write (``exploits``,
``exploiting``, ``exploited``, ``illegal immigrants``). English morphology is regular
enough that a few spelling rules plus a table of common irregular verbs cover news
prose; anything else goes in the entry's ``forms``.

Over-generation is cheap (a form nobody writes never matches) but a generated form
that is another real word is a false alarm, so doubtful doublings (``hop`` ->
``hoped``) are avoided for one-syllable words.
"""

from __future__ import annotations

import re
from functools import cache

_VOWELS = frozenset("aeiou")

# base: (past, past participle[, present participle]); third person and -ing are
# regular unless given. Common news verbs only: rare ones go in an entry's `forms`.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("was", "been"),
    "beat": ("beat", "beaten"),
    "become": ("became", "become"),
    "begin": ("began", "begun"),
    "bend": ("bent", "bent"),
    "bite": ("bit", "bitten"),
    "bleed": ("bled", "bled"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "build": ("built", "built"),
    "burn": ("burned", "burnt"),
    "burst": ("burst", "burst"),
    "buy": ("bought", "bought"),
    "cast": ("cast", "cast"),
    "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"),
    "cling": ("clung", "clung"),
    "come": ("came", "come"),
    "cost": ("cost", "cost"),
    "creep": ("crept", "crept"),
    "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"),
    "dig": ("dug", "dug"),
    "dive": ("dove", "dived"),
    "do": ("did", "done"),
    "draw": ("drew", "drawn"),
    "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"),
    "fall": ("fell", "fallen"),
    "feed": ("fed", "fed"),
    "feel": ("felt", "felt"),
    "fight": ("fought", "fought"),
    "find": ("found", "found"),
    "flee": ("fled", "fled"),
    "fling": ("flung", "flung"),
    "fly": ("flew", "flown"),
    "forget": ("forgot", "forgotten"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grind": ("ground", "ground"),
    "grow": ("grew", "grown"),
    "hang": ("hung", "hanged"),
    "have": ("had", "had"),
    "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"),
    "know": ("knew", "known"),
    "lay": ("laid", "laid"),
    "lead": ("led", "led"),
    "leap": ("leapt", "leaped"),
    "leave": ("left", "left"),
    "lend": ("lent", "lent"),
    "let": ("let", "let"),
    "light": ("lit", "lighted"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "mean": ("meant", "meant"),
    "meet": ("met", "met"),
    "mislead": ("misled", "misled"),
    "overcome": ("overcame", "overcome"),
    "overtake": ("overtook", "overtaken"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "quit": ("quit", "quit"),
    "read": ("read", "read"),
    "rend": ("rent", "rent"),
    "ride": ("rode", "ridden"),
    "ring": ("rang", "rung"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "seek": ("sought", "sought"),
    "sell": ("sold", "sold"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shake": ("shook", "shaken"),
    "shed": ("shed", "shed"),
    "shoot": ("shot", "shot"),
    "show": ("showed", "shown"),
    "shrink": ("shrank", "shrunk"),
    "shut": ("shut", "shut"),
    "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"),
    "slay": ("slew", "slain"),
    "slide": ("slid", "slid"),
    "sling": ("slung", "slung"),
    "slit": ("slit", "slit"),
    "speak": ("spoke", "spoken"),
    "spend": ("spent", "spent"),
    "spin": ("spun", "spun"),
    "spit": ("spat", "spit"),
    "split": ("split", "split"),
    "spread": ("spread", "spread"),
    "spring": ("sprang", "sprung"),
    "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"),
    "stick": ("stuck", "stuck"),
    "sting": ("stung", "stung"),
    "strike": ("struck", "struck"),
    "strive": ("strove", "striven"),
    "swear": ("swore", "sworn"),
    "sweep": ("swept", "swept"),
    "swing": ("swung", "swung"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tear": ("tore", "torn"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "throw": ("threw", "thrown"),
    "thrust": ("thrust", "thrust"),
    "undermine": ("undermined", "undermined"),
    "undo": ("undid", "undone"),
    "wage": ("waged", "waged"),
    "wake": ("woke", "woken"),
    "wear": ("wore", "worn"),
    "weep": ("wept", "wept"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "write": ("wrote", "written"),
}
_THIRD_PERSON = {"be": "is", "have": "has", "do": "does", "go": "goes"}
# Verbs of two or more syllables stressed on the last one double their final consonant.
_FINAL_STRESS = frozenset(
    [
        "abet",
        "admit",
        "allot",
        "annul",
        "befit",
        "commit",
        "compel",
        "concur",
        "confer",
        "control",
        "deter",
        "dispel",
        "embed",
        "emit",
        "equip",
        "excel",
        "expel",
        "extol",
        "forbid",
        "impel",
        "incur",
        "infer",
        "instil",
        "occur",
        "omit",
        "outstrip",
        "outwit",
        "patrol",
        "permit",
        "prefer",
        "propel",
        "rebel",
        "recur",
        "refer",
        "regret",
        "repel",
        "submit",
        "transfer",
        "transmit",
        "upset",
    ]
)
_NOUN_IRREGULAR = {
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "thief": "thieves",
    "wife": "wives",
    "life": "lives",
    "wolf": "wolves",
    "knife": "knives",
    "leaf": "leaves",
    "half": "halves",
    "crisis": "crises",
    "thesis": "theses",
    "hypothesis": "hypotheses",
    "analysis": "analyses",
}
_SIBILANT_RE = re.compile(r"(?:s|sh|ch|x|z)$")
_CVC_RE = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")


def _consonant_y(word: str) -> bool:
    return len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS


def _syllables(word: str) -> int:
    """A rough vowel-group count: enough to tell ``slam`` from ``target``."""
    groups = re.findall(r"[aeiouy]+", word.rstrip("e") or word)
    return max(1, len(groups))


def _doubles(word: str) -> tuple[bool, bool]:
    """(double only, try both): whether a verb doubles its last consonant before -ed/-ing."""
    if not _CVC_RE.search(word) or (word.endswith(("er", "en")) and word not in _FINAL_STRESS):
        return False, False
    if _syllables(word) == 1 or word in _FINAL_STRESS:
        return True, False
    return False, True


def third_person(word: str) -> str:
    """``exploit`` -> ``exploits``; ``lash`` -> ``lashes``; ``deny`` -> ``denies``."""
    if word in _THIRD_PERSON:
        return _THIRD_PERSON[word]
    if _consonant_y(word):
        return word[:-1] + "ies"
    if _SIBILANT_RE.search(word) or (word.endswith("o") and not word.endswith("oo")):
        return word + "es"
    return word + "s"


def present_participle(word: str) -> list[str]:
    """``slam`` -> ``slamming``; ``plunge`` -> ``plunging``; ``flee`` -> ``fleeing``."""
    if word.endswith("ie"):
        return [word[:-2] + "ying"]
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return [word[:-1] + "ing"]
    if word.endswith("ic"):
        return [word + "king"]
    only, both = _doubles(word)
    if only:
        return [word + word[-1] + "ing"]
    if both:
        return [word + "ing", word + word[-1] + "ing"]
    return [word + "ing"]


def regular_past(word: str) -> list[str]:
    """``exploit`` -> ``exploited``; ``deny`` -> ``denied``; ``slam`` -> ``slammed``."""
    if word.endswith("e"):
        return [word + "d"]
    if _consonant_y(word):
        return [word[:-1] + "ied"]
    if word.endswith("ic"):
        return [word + "ked"]
    only, both = _doubles(word)
    if only:
        return [word + word[-1] + "ed"]
    if both:
        return [word + "ed", word + word[-1] + "ed"]
    return [word + "ed"]


def verb_forms(word: str) -> list[str]:
    """Every finite and participle form of a verb, irregulars included."""
    forms = [word, third_person(word), *present_participle(word)]
    if word in _IRREGULAR:
        forms.extend(_IRREGULAR[word])
        if word == "be":
            forms.extend(["were", "are", "am"])
    else:
        forms.extend(regular_past(word))
    return forms


def noun_forms(word: str) -> list[str]:
    """Singular and plural: ``illegal`` -> ``illegals``; ``anchor baby`` head -> ``babies``."""
    if word in _NOUN_IRREGULAR:
        return [word, _NOUN_IRREGULAR[word]]
    if word.endswith("man") and not word.endswith(("human", "german")):
        return [word, word[:-3] + "men"]
    if _consonant_y(word):
        return [word, word[:-1] + "ies"]
    if _SIBILANT_RE.search(word):
        return [word, word + "es"]
    return [word, word + "s"]


def adjective_forms(word: str) -> list[str]:
    """Adjective, adverb and (for short words) comparison: ``cynical`` -> ``cynically``."""
    forms = [word]
    if word.endswith("ic"):
        forms.append(word + "ally")
    elif word.endswith("le") and len(word) > 3 and word[-3] not in _VOWELS:
        forms.append(word[:-1] + "y")
    elif _consonant_y(word):
        forms.append(word[:-1] + "ily")
    elif word.endswith("ll"):
        forms.append(word + "y")
    elif not word.endswith("ly"):
        forms.append(word + "ly")
    if _syllables(word) == 1 or (_consonant_y(word) and _syllables(word) == 2):
        stem = word[:-1] + "i" if _consonant_y(word) else word
        if stem.endswith("e"):
            stem = stem[:-1]
        elif _CVC_RE.search(stem) and _syllables(word) == 1:
            stem += stem[-1]
        forms.extend([stem + "er", stem + "est"])
    return forms


_GENERATORS = {"verb": verb_forms, "noun": noun_forms, "adjective": adjective_forms}


@cache
def inflections(term: str, how: str = "none", head: int | None = None) -> tuple[str, ...]:
    """All surface forms of ``term`` (lower case, words joined by single spaces).

    A multi-word term inflects one word, its ``head``: the first word of a verb
    phrase (``lash out`` -> ``lashed out``), the last word otherwise (``anchor baby``
    -> ``anchor babies``). Hyphenated words inflect their last part.
    """
    words = term.lower().split()
    if how not in _GENERATORS or not words:
        return (" ".join(words),)
    if head is None:
        head = 0 if how == "verb" else len(words) - 1
    head = min(max(head, 0), len(words) - 1)
    word = words[head]
    prefix, _, last = word.rpartition("-")
    joiner = prefix + "-" if prefix else ""
    out: list[str] = []
    for form in _GENERATORS[how](last):
        variant = [*words]
        variant[head] = joiner + form
        phrase = " ".join(variant)
        if phrase not in out:
            out.append(phrase)
    return tuple(out)
