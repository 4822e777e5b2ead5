"""Writes the brat .ann of each .txt here: every token gets a coarse part of speech (a span) and every token but
one per sentence a dependency-like arc to a head (a relation), as in brat's CoNLL-ST 2006 example, whose shape
the workspace benchmark copies (docs/benchmarks.md). Rules, not a parser: deterministic, run with python3."""
import glob
import re

DET = {"the", "a", "an", "its", "their", "our", "his", "no", "this", "that", "these", "those", "every", "most",
       "another", "both", "many", "all"}
ADP = {"of", "in", "on", "at", "from", "to", "by", "with", "for", "between", "through", "after", "before", "into",
       "since", "about", "near", "than", "up", "out", "next", "according"}
PRON = {"it", "he", "she", "they", "we", "who", "which", "them", "one", "everyone", "what"}
CONJ = {"and", "or", "but", "while", "so", "that", "where", "rather"}
AUX = {"is", "was", "were", "are", "had", "has", "have", "would", "will", "could", "can", "not", "be", "been",
       "need", "did"}
VERB = {"opened", "approved", "built", "take", "said", "berth", "brought", "leave", "reach", "told", "unloaded",
        "attended", "spend", "carry", "welcomed", "waited", "promised", "rose", "came", "planned", "assemble", "ship",
        "confirmed", "signed", "says", "represents", "ask", "loses", "create", "meet", "raised", "harmed", "asked",
        "publish", "released", "found", "recovering", "led", "lent", "paid", "studying", "decide", "expect", "call",
        "move", "left", "carrying", "returned", "accepted", "raise", "chairs", "stranded", "delayed", "thanked",
        "pay", "fell", "dropped", "lend", "were", "called", "lost", "repay", "turned", "risen", "grows", "weigh",
        "ends", "pleased", "made", "work", "due", "fall", "leaves", "recover", "pay", "cost"}
ADJ = {"new", "container", "inland", "old", "regional", "first", "far", "second", "largest", "latest", "similar",
       "deeper", "poorer", "closer", "fewer", "northern", "dry", "driest", "lowest", "small", "third", "last",
       "environmental", "several", "half", "long", "evening", "later"}
ADV = {"also", "too", "today", "ago", "later", "rather", "not", "every", "week", "least", "most", "largely"}
TOKEN = re.compile(r"\w+(?:[.,]\d+)*|[^\w\s]")


def pos(word, first):
    lower = word.lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)*", word):
        return "NUM"
    if not word[0].isalnum():
        return "PUNCT"
    for tag, words in (("DET", DET), ("ADP", ADP), ("PRON", PRON), ("CONJ", CONJ), ("AUX", AUX), ("VERB", VERB),
                       ("ADJ", ADJ), ("ADV", ADV)):
        if lower in words:
            return tag
    if word[0].isupper() and not first:
        return "PROPN"
    return "NOUN"


def head_of(tokens, i, root):
    """The token a token depends on, and the arc's label."""
    tag = tokens[i][3]
    nominal = ("NOUN", "PROPN", "PRON", "NUM")
    if tag == "PUNCT" or tag == "CONJ" or tag == "AUX" or tag == "ADV":
        return root, {"PUNCT": "punct", "CONJ": "cc", "AUX": "aux", "ADV": "advmod"}[tag]
    if tag in ("DET", "ADJ", "NUM", "ADP", "PROPN", "NOUN"):
        for j in range(i + 1, min(len(tokens), i + 6)):
            if tokens[j][3] in ("NOUN", "PROPN") and j != i:
                if tag in ("NOUN", "PROPN") and j == i + 1:
                    return j, "compound"
                if tag not in ("NOUN", "PROPN"):
                    return j, {"DET": "det", "ADJ": "amod", "NUM": "nummod", "ADP": "case"}[tag]
    if tag in nominal:
        return root, "nsubj" if i < root else "obj"
    return root, "conj" if tag == "VERB" else "dep"


def sentences(text):
    start = 0
    for m in re.finditer(r"[.!?](?=\s)|\n\n", text):
        yield start, m.end()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def annotate(text):
    spans, arcs = [], []
    for a, b in sentences(text):
        tokens = []
        for m in TOKEN.finditer(text, a, b):
            tokens.append([len(spans) + len(tokens) + 1, m.start(), m.end(), pos(m.group(), not tokens), m.group()])
        if not tokens:
            continue
        verbs = [k for k, t in enumerate(tokens) if t[3] == "VERB"]
        root = verbs[0] if verbs else 0
        for k in range(len(tokens)):
            if k != root:
                h, label = head_of(tokens, k, root)
                if h != k:
                    arcs.append((label, tokens[k][0], tokens[h][0]))
        spans.extend(tokens)
    lines = [f"T{n}\t{tag} {s} {e}\t{w}" for n, s, e, tag, w in spans]
    lines += [f"R{k + 1}\t{label} Arg1:T{h} Arg2:T{d}" for k, (label, d, h) in enumerate(arcs)]
    return "\n".join(lines) + "\n", len(spans), len(arcs)


for path in sorted(glob.glob("*.txt")):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ann, s, r = annotate(text)
    with open(path[:-4] + ".ann", "w", encoding="utf-8") as f:
        f.write(ann)
    print(path, s, "spans", r, "relations")
