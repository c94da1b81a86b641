#!/usr/bin/env python3
"""Synthetic daily news briefing for benchmarking Briefing.

Usage: Benchmarks/generate.py N OUT_DIR [--seed S]

Writes N articles (about 800 words each on average) grouped into stories covered by 1-6
outlets, about 100 articles a day starting 2026-01-01:

    OUT_DIR/<YYYY-MM-DD>/<outlet-slug>-<id>.md     front matter + Markdown body (~95%)
    OUT_DIR/<YYYY-MM-DD>/<outlet-slug>/<id>.txt    plain scrape: headline, blank line, body (~5%)
    OUT_DIR.labels.tsv                             path relative to OUT_DIR <TAB> true story id

Same N and seed give byte-identical output. Standard library only; all text is invented from
the word lists in lexicon.py. Stories share a per-story fact set (people, places,
organisations, numbers, a key quote); each outlet paraphrases a subset, adds facts of its own,
sometimes misquotes or disagrees on a number, and ~30% of articles carry scrape noise.
"""
import argparse
import datetime
import math
import os
import random
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexicon as L  # noqa: E402

ARTICLES_PER_DAY = 100
START = datetime.date(2026, 1, 1)
OUTLET_COUNT_WEIGHTS = [34, 26, 16, 11, 8, 5]  # 1..6 outlets per story, mean ~2.5
SPAN_WEIGHTS = [60, 28, 12]  # coverage over 1..3 consecutive days
TXT_SHARE = 0.05
NOISE_SHARE = 0.30
TWIN_SHARE = 0.08  # same kind of event as the previous story, different names/places/numbers


# ---------------------------------------------------------------- vocabulary helpers

def _noun(entry):
    parts = entry.replace("_", " ").split("/")
    sing = parts[0]
    if len(parts) > 1:
        plur = parts[1] if " " in parts[1] or len(parts[1]) > 3 else sing + parts[1]
        if " " in sing and " " not in plur:
            plur = sing.rsplit(" ", 1)[0] + " " + plur
        return sing, plur
    if sing.endswith("y") and sing[-2:-1] not in "aeiou":
        return sing, sing[:-1] + "ies"
    if sing.endswith(("s", "x", "z", "ch", "sh")):
        return sing, sing + "es"
    return sing, sing + "s"


def _verb(entry):
    parts = entry.replace("_", " ").split("/")
    base, past = parts[0], parts[1]
    pp = parts[2] if len(parts) > 2 else past
    return base, past, pp


class Topic:
    def __init__(self, name, d):
        self.name = name
        self.section = d["section"]
        self.events = [tuple(e.split(":", 1)) for e in d["events"]]
        self.nouns = [_noun(n) for n in d["nouns"]]
        self.verbs = [_verb(v) for v in d["verbs"]]
        self.adjs = list(d["adjs"])
        self.roles = [x.replace("_", " ") for x in d["roles"]]
        self.orgs = [x.replace("_", " ") for x in d["orgs"]]
        self.qty = []
        for q in d["qty"]:
            label, lo, hi, fmt = q.split("|")
            self.qty.append((label, int(lo), int(hi), fmt))


TOPICS = [Topic(k, v) for k, v in L.TOPICS.items()]


def coin(rng, syllables=None):
    n = syllables or rng.choice((2, 2, 2, 3))
    w = "".join(rng.choice(L.ONSETS) + rng.choice(L.VOWELS) for _ in range(n))
    return (w + rng.choice(L.CODAS)).capitalize()


def surname(rng):
    return coin(rng) + rng.choice(L.SURNAME_SUFFIX)


def place(rng):
    return coin(rng) + rng.choice(L.PLACE_SUFFIX)


def region(rng):
    return coin(rng) + rng.choice(L.REGION_SUFFIX)


def person_name(rng):
    return rng.choice(L.FIRST_NAMES) + " " + surname(rng)


def an(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def slugify(s):
    out, dash = [], False
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def fmt_qty(value, fmt):
    if fmt == "pct":
        return str(value)
    if fmt == "dec":
        return f"{value / 10:.1f}"
    if fmt == "small" or value < 10000:
        return str(value) if value < 1000 else f"{value:,}"
    return f"{value:,}"


def perturb(rng, value, fmt):
    if fmt == "dec":
        return value + rng.choice((-3, -2, -1, 1, 2, 3))
    if value < 20:
        return max(1, value + rng.choice((-2, -1, 1, 2, 3)))
    f = 1 + rng.choice((-1, 1)) * rng.uniform(0.05, 0.25)
    v = int(value * f)
    if v >= 1000:
        v = round(v, -2)
    return max(1, v if v != value else value + 1)


# ---------------------------------------------------------------- outlets

def make_outlets():
    rng = random.Random(20260101)
    names, seen = [], set()
    while len(names) < 90:
        style = rng.random()
        if style < 0.7:
            n = rng.choice(L.OUTLET_PREFIXES) + " " + rng.choice(L.OUTLET_NOUNS)
        elif style < 0.85:
            n = "The " + rng.choice(L.OUTLET_PREFIXES) + " " + rng.choice(L.OUTLET_NOUNS)
        else:
            n = coin(rng, 2) + " " + rng.choice(("News", "Wire", "Media", "Report", "Today"))
        if n.lower() not in seen:
            seen.add(n.lower())
            names.append(n)
    outlets = []
    for i, n in enumerate(names):
        o = dict(
            name=n, slug=slugify(n), weight=1.0 / (i + 3) ** 0.8,
            datetime=rng.random() < 0.5, dateline=rng.random() < 0.5,
            byline=rng.random() < 0.6, curly=rng.random() < 0.6,
            title_case=rng.random() < 0.5, agency=rng.choice(L.PHOTO_AGENCIES),
            noise=rng.sample(["signup", "account", "source", "video", "clickhere", "photo",
                              "copyright", "related"], rng.randint(2, 5)),
        )
        outlets.append(o)
    return outlets


OUTLETS = make_outlets()
OUTLET_WEIGHTS = [o["weight"] for o in OUTLETS]

# ---------------------------------------------------------------- story facts


class Story:
    def __init__(self, sid, rng, start_date, twin_of=None):
        self.sid = sid
        if twin_of is not None:
            self.topic = twin_of.topic
            self.event_kind = twin_of.event_kind
            self.event_pattern = twin_of.event_pattern
        else:
            self.topic = rng.choice(TOPICS)
            self.event_kind, self.event_pattern = rng.choice(self.topic.events)
        t = self.topic
        self.region = region(rng)
        self.city = place(rng)
        self.places = [place(rng) for _ in range(3)]
        self.people = []
        roles = rng.sample(t.roles, 4)
        for r in roles:
            self.people.append((person_name(rng), r))
        self.orgs = []
        for pat in rng.sample(t.orgs, 3):
            self.orgs.append(self.fill_org(rng, pat))
        self.event = self.event_pattern.format(
            C=coin(rng), P=self.city, R=self.region, S=surname(rng), O=self.orgs[0])
        self.qty = []
        for label, lo, hi, fmt in rng.sample(t.qty, 5):
            v = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
            if v >= 1000:
                v = round(v, -1 if v < 10000 else -2)
            self.qty.append((label, v, fmt))
        self.nouns = rng.sample(t.nouns, 10)
        self.verbs = rng.sample(t.verbs, 6)
        self.adjs = rng.sample(t.adjs, 5)
        self.weekday = start_date.weekday()
        self.year_before = rng.randint(1950, 2019)
        self.ordinal = rng.choice(L.ORDINALS)
        self.quote_speaker = rng.randrange(2)
        self.quote = self.make_quote(rng, self.people[self.quote_speaker][0])
        self.facts = [self.make_fact(rng, k) for k in
                      ["lead", "qty0", "action", "org", "qty1", "background", "qty2",
                       "action", "consequence", "org", "qty3", "action", "place", "qty4"]]

    def fill_org(self, rng, pat):
        return pat.format(P=rng.choice([self.city] + self.places), R=self.region,
                          C=coin(rng), S=surname(rng))

    def make_quote(self, rng, speaker):
        n1, n2 = self.nouns[0], self.nouns[1]
        v, a = self.verbs[0], self.adjs[0]
        tpl = rng.choice([
            "We have never seen {a} {p1} like this in {city}, and we are working around the clock "
            "so that every {s2} that was {pp} gets the attention it deserves",
            "This is a {a} moment for {city}, and the {p1} we {past} this week will shape "
            "everything that comes next for the people who live here",
            "Our first priority is the {p1}, and I want every family in {city} to know that we "
            "will {base} the {s2} as quickly as we possibly can",
            "Nobody should have to wait this long for answers about the {s1}, and we will not "
            "rest until the {p2} are properly accounted for",
            "I have spent {num} years dealing with {p1}, and I can tell you plainly that this "
            "one is different from anything we have seen before",
            "The {s1} did exactly what we feared it would do, and now the whole {region} has "
            "to decide how to {base} what is left of the {p2}",
            "We warned for months that the {p1} were {a}, and today those warnings have "
            "become a very real problem for {city}",
        ])
        return tpl.format(a=a, p1=n1[1], s1=n1[0], p2=n2[1], s2=n2[0], city=self.city,
                          region=self.region, pp=v[2], past=v[1], base=v[0],
                          num=rng.randint(8, 35))

    def make_fact(self, rng, kind):
        if kind.startswith("qty"):
            return ("qty", int(kind[3:]), rng.choice([self.city] + self.places),
                    rng.randrange(3))
        if kind == "lead":
            return ("lead", rng.randrange(2), rng.randrange(3))
        if kind == "action":
            return ("action", rng.randrange(4), rng.randrange(6), rng.randrange(10),
                    rng.randrange(5))
        if kind == "org":
            return ("org", rng.randrange(3), rng.randrange(10), rng.randrange(6),
                    rng.choice(["on " + L.WEEKDAYS[(self.weekday + 1) % 7],
                                "by the end of the week", "within days",
                                "before the end of the month"]))
        if kind == "consequence":
            return ("consequence", rng.randrange(3), rng.randrange(6), rng.randrange(5))
        if kind == "background":
            return ("background",)
        return ("place", rng.randrange(3), rng.randrange(10), rng.randrange(5))


# ---------------------------------------------------------------- article writer

class Writer:
    def __init__(self, story, outlet, rng):
        self.s, self.o, self.rng = story, outlet, rng
        n = outlet["name"]
        self.oref = n if n.startswith("The ") else "the " + n
        self.disagree = None
        if rng.random() < 0.12:
            i = rng.randrange(len(story.qty))
            label, v, fmt = story.qty[i]
            self.disagree = (i, perturb(rng, v, fmt))

    def qv(self, i):
        label, v, fmt = self.s.qty[i]
        if self.disagree and self.disagree[0] == i:
            v = self.disagree[1]
        return fmt_qty(v, fmt), label

    def said(self):
        return self.rng.choice(L.SAID).format(D=L.WEEKDAYS[self.s.weekday], OUT=self.oref)

    def q(self, text):
        if self.o["curly"]:
            return "\u201c" + text + "\u201d"
        return '"' + text + '"'

    def render(self, f):
        s, r = self.s, self.rng
        k = f[0]
        day = L.WEEKDAYS[s.weekday]
        if k == "lead":
            n, lbl = self.qv(f[1])
            verb = s.verbs[0]
            return r.choice([
                f"The {s.event_kind} known as {s.event} {verb[1]} {s.city} on {day}, with "
                f"{r.choice(L.ABOUT)}{n} {lbl}, officials in {s.region} {self.said()}.",
                f"{s.event[0].upper() + s.event[1:]} {verb[1]} parts of {s.city} and the wider "
                f"{s.region} on {day}, leaving {r.choice(L.ABOUT)}{n} {lbl}.",
                f"Officials in {s.region} {self.said()} that {n} {lbl} were recorded after "
                f"{s.event} {verb[1]} {s.city} on {day}.",
                f"{r.choice(L.ABOUT).capitalize()}{n} {lbl} were reported in {s.city} on {day} "
                f"as {s.event} {verb[1]} the {s.region}, authorities {self.said()}.",
            ])
        if k == "qty":
            n, lbl = self.qv(f[1])
            where = f[2]
            about = r.choice(L.ABOUT)
            org = s.orgs[f[3]]
            return r.choice([
                f"In {where}, {org} put the figure at {about}{n} {lbl}.",
                f"{org} {self.said()} there were {about}{n} {lbl} in {where}.",
                f"The number of {lbl} in {where} reached {about}{n}, according to {org}.",
                f"According to {org}, {about}{n} {lbl} were counted across {where}.",
                f"By {day} evening the tally stood at {about}{n} {lbl}, {org} {self.said()}.",
            ])
        if k == "action":
            name, role = s.people[f[1]]
            base, past, pp = s.verbs[f[2]]
            sing, plur = s.nouns[f[3]]
            adj = s.adjs[f[4]]
            last = name.split()[-1]
            return r.choice([
                f"{role.capitalize()} {name} {past} the {adj} {sing} near {s.city} on {day}.",
                f"The {adj} {sing} was {pp} by {name}, the {role}, after {s.event}.",
                f"{name}, {r.choice(['a', 'the'])} {role}, {self.said()} crews had {pp} the "
                f"{adj} {sing} in {s.city}.",
                f"It was {last} who {past} the {adj} {sing}, according to people familiar with "
                f"the response to {s.event}.",
            ])
        if k == "org":
            org = s.orgs[f[1]]
            sing, plur = s.nouns[f[2]]
            base, past, pp = s.verbs[f[3]]
            when = f[4]
            return r.choice([
                f"{org} {self.said()} it would {base} the remaining {plur} {when}.",
                f"The remaining {plur} will be {pp} {when}, {org} {self.said()}.",
                f"{org} expects to {base} the {plur} {when}, a spokesperson {self.said()}.",
            ])
        if k == "consequence":
            org = s.orgs[f[1]]
            base, past, pp = s.verbs[f[2]]
            adj = s.adjs[f[3]]
            sing, plur = s.nouns[(f[1] + f[2]) % 10]
            return r.choice([
                f"As a result, {org} {past} several {adj} {plur} across {s.region}.",
                f"Several {adj} {plur} across {s.region} were {pp} as a result, {org} {self.said()}.",
                f"The {adj} {plur} in {s.region} have since been {pp} by {org}.",
            ])
        if k == "background":
            return r.choice([
                f"It was the {s.ordinal} {s.event_kind} to affect {s.region} since {s.year_before}.",
                f"{s.region} has not seen {an(s.event_kind)} on this scale since {s.year_before}, "
                f"when it was described as the {s.ordinal} on record.",
                f"Records going back to {s.year_before} list it as the {s.ordinal} "
                f"{s.event_kind} in the {s.region}.",
            ])
        # place
        pl = s.places[f[1]]
        sing, plur = s.nouns[f[2]]
        adj = s.adjs[f[3]]
        return r.choice([
            f"In nearby {pl}, residents reported {adj} {plur} and long waits for news.",
            f"Residents of {pl} described {adj} {plur} and a {sing} that had been closed for days.",
            f"The neighbouring town of {pl} also reported {adj} {plur}.",
        ])

    def own_fact(self):
        s, r = self.s, self.rng
        t = s.topic
        sing, plur = r.choice(t.nouns)
        base, past, pp = r.choice(t.verbs)
        adj = r.choice(t.adjs)
        who = person_name(r)
        role = r.choice(t.roles)
        org = s.fill_org(r, r.choice(t.orgs))
        label, lo, hi, fmt = r.choice(t.qty)
        n = fmt_qty(int(math.exp(r.uniform(math.log(lo), math.log(hi)))), fmt)
        return r.choice([
            f"{who}, a {role} in {s.city}, told {self.oref} that the {adj} {sing} had "
            f"been {pp} twice in the past year.",
            f"{org} separately {past} {n} {label}, a detail not previously reported.",
            f"A {role} who asked not to be named said {org} had warned about the {adj} {plur} "
            f"weeks before {s.event}.",
            f"Documents seen by {self.oref} show {org} planned to {base} the {plur} "
            f"as early as {r.randint(2015, 2025)}.",
            f"{who}, {role} at {org}, said {n} {label} was a conservative estimate.",
        ])

    def filler(self):
        s, r = self.s, self.rng
        t = s.topic
        if r.random() < 0.7:
            sing, plur = r.choice(s.nouns)
            sing2, plur2 = r.choice(s.nouns)
            base, past, pp = r.choice(s.verbs)
            adj = r.choice(s.adjs)
        else:
            sing, plur = r.choice(t.nouns)
            sing2, plur2 = r.choice(t.nouns)
            base, past, pp = r.choice(t.verbs)
            adj = r.choice(t.adjs)
        name, role = r.choice(s.people)
        org = r.choice(s.orgs)
        pl = r.choice([s.city] + s.places)
        day = L.WEEKDAYS[s.weekday]
        last = name.split()[-1]
        roles = role + ("es" if role.endswith("s") else "s")
        return r.choice([
            f"The {adj} {sing} near {pl} was among the first to be {pp}, {roles} said.",
            f"{org} has {pp} {r.randint(2, 40)} {plur} since {day}, and more are expected.",
            f"{last} said the {sing} and the {sing2} would both need to be {pp} before "
            f"anything else could happen.",
            f"Questions remain over why the {plur} in {pl} were not {pp} sooner.",
            f"Critics said {org} had been slow to {base} the {adj} {plur}.",
            f"Local {roles} said the {sing2} had been a concern for years.",
            f"The {sing} in {pl} remained {pp} late on {day}, and crews were expected to "
            f"return in the morning.",
            f"{name} said the priority was to {base} the {plur} before turning to the {sing2}.",
            f"Several {plur} were {pp} overnight, according to an internal note from {org}.",
            f"Asked about the {adj} {sing}, {last} declined to give a timeline.",
            f"Officials have not said how many {plur2} were {pp} in {pl}.",
            f"Some residents questioned whether the {plur} should have been {pp} at all.",
            f"{org} said it would review how the {sing} and the {sing2} had been handled.",
            f"In {pl}, the {adj} {plur2} drew crowds of onlookers on {day}.",
            f"A spokesperson for {org} did not respond to a request for comment about the {sing}.",
            f"The {sing2} had been {pp} once before, in {s.year_before + r.randint(1, 5)}.",
            f"{last}, the {role}, has faced pressure to {base} more {plur} across the {s.region}.",
            f"The latest figures from {org} suggest the {plur} will take weeks to {base}.",
            "Further updates were expected later in the week.",
            "It was not immediately clear what would happen next.",
            f"The situation remained fluid on {day}.",
            "Officials urged the public to follow official guidance and avoid speculation.",
        ])

    def key_quote(self):
        s, r = self.s, self.rng
        words = s.quote.split()
        if r.random() < 0.35:
            i = r.randrange(2, len(words) - 2)
            swaps = {"never": "not", "every": "each", "plainly": "clearly", "whole": "entire",
                     "months": "weeks", "quickly": "fast", "really": "truly", "rest": "stop",
                     "tell": "assure", "problem": "issue", "people": "residents"}
            if words[i] in swaps:
                words[i] = swaps[words[i]]
            else:
                del words[i]
        text = " ".join(words)
        name, role = s.people[s.quote_speaker]
        last = name.split()[-1]
        return r.choice([
            f"{self.q(text + ',')} {name}, the {role}, {self.said()}.",
            f"{self.q(text + ',')} said {last}.",
            f"{name} {self.said()}: {self.q(text + '.')}",
            f"{self.q(text + '.')}",
        ])

    def side_quote(self):
        s, r = self.s, self.rng
        sing, plur = r.choice(s.nouns)
        adj = r.choice(s.adjs)
        base, past, pp = r.choice(s.verbs)
        text = r.choice([
            f"We need the {plur} {pp} before anyone can think about what comes next",
            f"Everyone here knows the {sing} was {adj}, and nobody did anything about it",
            f"It is going to take time to {base} all of the {plur}",
            f"I have lived in {s.city} all my life and I have never seen {plur} like these",
        ])
        who = person_name(r)
        role = r.choice(s.topic.roles)
        return f"{self.q(text + ',')} said {who}, a {role}."

    def title(self):
        s, r, o = self.s, self.rng, self.o
        n, lbl = self.qv(0)
        name, role = s.people[0]
        last = name.split()[-1]
        sing, plur = s.nouns[0]
        ev = s.event[0].upper() + s.event[1:]
        t = r.choice([
            f"{ev} {s.verbs[0][1]} {s.city}, leaving {n} {lbl}",
            f"{last} says {plur} will be {s.verbs[1][2]} after {s.event}",
            f"{s.orgs[0]} {s.verbs[2][1]} {plur} after {s.event} in {s.city}",
            f"{n} {lbl} in {s.city} after {s.event}",
            f"What we know about {s.event} in {s.city}",
            f"{s.city} {s.event_kind}: {role} {last} warns on {s.adjs[0]} {plur}",
            f"{ev}: {s.region} counts the cost",
        ])
        if o["title_case"]:
            t = " ".join(w[:1].upper() + w[1:] for w in t.split(" "))
        return t

    def noise_lines(self, where):
        o, r, s = self.o, self.rng, self.s
        lines = []
        for kind in o["noise"]:
            if kind in ("signup", "account", "video") and where == "top" and r.random() < 0.7:
                lines.append({"signup": "Sign up", "account": "My Account",
                              "video": "Video Embed"}[kind])
            elif kind == "photo" and where == "top" and r.random() < 0.7:
                base, past, pp = r.choice(s.verbs)
                sing, plur = r.choice(s.nouns)
                lines.append(f"{person_name(r)} looks at the {sing} in {s.city} on "
                             f"{L.WEEKDAYS[s.weekday]}. (Photo: {person_name(r)}/{o['agency']})")
            elif kind == "clickhere" and where == "bottom":
                t = f"Click here to read more from {o['name']}"
                lines.append(t.upper() if r.random() < 0.5 else t)
            elif kind == "source" and where == "bottom":
                lines.append("Source link")
            elif kind == "copyright" and where == "bottom":
                lines.append(f"\u00a9 {self.year} {o['name']}")
            elif kind == "related" and where == "bottom":
                lines.append("Related Content")
                for _ in range(r.randint(2, 3)):
                    t = r.choice(TOPICS)
                    sing, plur = r.choice(t.nouns)
                    lines.append(f"{place(r)} {r.choice(t.verbs)[1]} {r.choice(t.adjs)} {plur}")
        return lines

    def write(self, date, words_target):
        s, o, r = self.s, self.o, self.rng
        self.year = date.year
        chosen = [s.facts[0]] + [f for f in s.facts[1:] if r.random() < 0.65]
        body_facts = chosen[1:]
        r.shuffle(body_facts)
        own = [None] * r.randint(1, 3)
        items = [("fact", f) for f in body_facts] + [("own", None) for _ in own]
        r.shuffle(items)
        if r.random() < 0.7:
            items.insert(r.randint(1, min(4, len(items))), ("quote", None))
        sentences = [self.render(chosen[0])]
        count = len(sentences[0].split())
        paras = []
        cur = [sentences[0]]
        for kind, f in items:
            if kind == "fact":
                sent = self.render(f)
            elif kind == "own":
                sent = self.own_fact()
            else:
                paras.append(cur)
                cur = []
                sent = self.key_quote()
                paras.append([sent])
                count += len(sent.split())
                continue
            cur.append(sent)
            count += len(sent.split())
            if len(cur) >= r.randint(1, 3):
                paras.append(cur)
                cur = []
            # interleave filler so facts spread over the whole article
            if count < words_target and r.random() < 0.6:
                sent = self.filler()
                cur.append(sent)
                count += len(sent.split())
        while count < words_target:
            if r.random() < 0.08:
                if cur:
                    paras.append(cur)
                    cur = []
                sent = self.side_quote()
                paras.append([sent])
            else:
                sent = self.filler()
                cur.append(sent)
                if len(cur) >= r.randint(2, 4):
                    paras.append(cur)
                    cur = []
            count += len(sent.split())
        if cur:
            paras.append(cur)
        blocks = [" ".join(p) for p in paras]
        # Markdown flavour
        if len(blocks) > 6 and r.random() < 0.15:
            sing, plur = r.choice(s.nouns)
            blocks.insert(len(blocks) // 2, f"## What happens to the {plur}")
        if r.random() < 0.08:
            items_md = []
            for i in range(min(3, len(s.qty))):
                n, lbl = self.qv(i)
                items_md.append(f"- {n} {lbl}")
            blocks.insert(min(3, len(blocks)), "\n".join(items_md))
        if r.random() < 0.1:
            org = s.orgs[0]
            blocks.append(f"Read the [statement from {org}](https://{slugify(org)}.example/"
                          f"statements/{date.isoformat()}).")
        # dateline and byline
        if o["dateline"] and r.random() < 0.8:
            blocks[0] = f"{s.city.upper()} ({o['name']}) - " + blocks[0]
        head = []
        if o["byline"] and r.random() < 0.7:
            head.append(f"By {person_name(r)}")
        noisy = r.random() < NOISE_SHARE
        if noisy:
            head = self.noise_lines("top") + head
            blocks = blocks + self.noise_lines("bottom")
        return self.title(), head + blocks


# ---------------------------------------------------------------- driver

def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article_id(index):
    return f"{(index * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF:08x}"


def generate(n, out_dir, seed):
    out_dir = out_dir.rstrip("/") or out_dir
    os.makedirs(out_dir, exist_ok=True)
    labels = []
    made_dirs = set()
    index = 0
    story_no = 0
    prev = None
    stats = {"stories": 0, "per_story": [0] * 7, "txt": 0, "words": 0, "bytes": 0}
    mu = math.log(830) - 0.35 ** 2 / 2
    while index < n:
        rng = random.Random(seed * 1_000_003 + story_no)
        k = rng.choices(range(1, 7), OUTLET_COUNT_WEIGHTS)[0]
        k = min(k, n - index)
        twin = prev if (prev is not None and rng.random() < TWIN_SHARE) else None
        start_day = index // ARTICLES_PER_DAY
        story = Story(f"s{seed}-{story_no:06d}", rng, START + datetime.timedelta(days=start_day),
                      twin_of=twin)
        prev = story
        span = min(k, rng.choices((1, 2, 3), SPAN_WEIGHTS)[0])
        outlets = []
        while len(outlets) < k:
            o = rng.choices(OUTLETS, OUTLET_WEIGHTS)[0]
            if o not in outlets:
                outlets.append(o)
        for j, o in enumerate(outlets):
            day = start_day + (0 if j == 0 else rng.randrange(span))
            date = START + datetime.timedelta(days=day)
            w = Writer(story, o, rng)
            target = int(min(2600, max(180, rng.lognormvariate(mu, 0.35))))
            title, blocks = w.write(date, target)
            aid = article_id(index)
            dstr = date.isoformat()
            if rng.random() < TXT_SHARE:
                rel = f"{dstr}/{o['slug']}/{aid}.txt"
                text = title + "\n\n" + "\n\n".join(blocks) + "\n"
                stats["txt"] += 1
            else:
                rel = f"{dstr}/{o['slug']}-{aid}.md"
                if o["datetime"]:
                    pub = f"{dstr}T{rng.randint(5, 23):02d}:{rng.randrange(60):02d}:00Z"
                else:
                    pub = dstr
                url = (f"https://{o['slug']}.example/{story.topic.section}/"
                       f"{date.year}/{date.month:02d}/{date.day:02d}/{slugify(title)[:60]}-{aid}")
                front = (f"---\ntitle: {yaml_str(title)}\noutlet: {yaml_str(o['name'])}\n"
                         f"url: {yaml_str(url)}\npublished: {pub}\n---\n\n")
                text = front + "\n\n".join(blocks) + "\n"
            path = os.path.join(out_dir, rel)
            d = os.path.dirname(path)
            if d not in made_dirs:
                os.makedirs(d, exist_ok=True)
                made_dirs.add(d)
            data = text.encode("utf-8")
            with open(path, "wb") as fh:
                fh.write(data)
            labels.append((rel, story.sid))
            stats["bytes"] += len(data)
            stats["words"] += len(text.split())
            index += 1
        stats["stories"] += 1
        stats["per_story"][k] += 1
        story_no += 1
    labels.sort()
    with open(out_dir + ".labels.tsv", "w", encoding="utf-8", newline="\n") as fh:
        for rel, sid in labels:
            fh.write(f"{rel}\t{sid}\n")
    stats["days"] = len({rel.split("/", 1)[0] for rel, _ in labels})
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out_dir", help="output folder (labels go to OUT_DIR.labels.tsv)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--stats", action="store_true", help="print statistics to stderr")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    st = generate(a.n, a.out_dir, a.seed)
    if a.stats:
        dist = " ".join(f"{k}:{st['per_story'][k]}" for k in range(1, 7))
        print(f"articles={a.n} txt={st['txt']} stories={st['stories']} days={st['days']} "
              f"MB={st['bytes'] / 1e6:.1f} words/article={st['words'] / a.n:.0f} "
              f"outlets-per-story {dist}", file=sys.stderr)


if __name__ == "__main__":
    main()
