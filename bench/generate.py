"""Write a deterministic synthetic journal: N daily entries over many years, G goals, helped items."""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

KINDS = ("answer", "resource", "compliment", "intro", "feedback", "other")
PLACES = ("twitter", "facebook", "linkedin", "mastodon", "bluesky", "forum", "email")
WORDS = [
    "glaze",
    "kiln",
    "friend",
    "question",
    "answer",
    "share",
    "post",
    "thread",
    "market",
    "studio",
    "client",
    "partner",
    "weekly",
    "compliment",
    "resource",
    "guide",
    "people",
    "follow",
    "reach",
    "connect",
    "list",
    "review",
    "photo",
    "order",
    "fair",
    "shop",
    "clay",
    "wheel",
    "trim",
    "fire",
    "coffee",
    "call",
    "message",
    "group",
    "community",
    "forum",
    "helpful",
    "kind",
    "small",
    "daily",
]
START = dt.date(2017, 1, 2)


def sentence(rng: random.Random, words: int) -> str:
    """A sentence of made-up words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random) -> str:
    """A realistic entry body: a few paragraphs, sometimes a list or a subheading."""
    parts = [
        " ".join(sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 5)))
        for _ in range(rng.randint(1, 3))
    ]
    if rng.random() < 0.3:
        parts.append("\n".join(f"- {sentence(rng, rng.randint(4, 9))}" for _ in range(rng.randint(2, 4))))
    if rng.random() < 0.2:
        parts.insert(1, f"## {sentence(rng, 3)[:-1]}")
    return "\n\n".join(parts) + "\n"


def goal_text(index: int, first: dt.date, last: dt.date) -> str:
    """A goal with one total, one weekly and one ratio metric."""
    return (
        f"---\ntitle: Goal number {index + 1}\nstarted: {first}\ndue: {last}\nwhy: Keep showing up, number {index + 1}.\n"
        "metrics:\n"
        "  helped: {label: People helped, target: 2000, count: helped}\n"
        "  reach_out: {label: New people, target: 5, per: week}\n"
        "  days: {label: Days with an entry, target: 1, per: day, count: entries}\n"
        "  give_take: {label: Others' posts, target: 0.75, ratio: {part: shared_others, whole: [shared_others, shared_own]}}\n"
        f"---\n\nThe plan for goal {index + 1}.\n"
    )


def entry_text(rng: random.Random, day: dt.date, goals: int) -> str:
    """One entry with metrics and a few helped items."""
    linked = sorted(rng.sample(range(goals), rng.randint(1, min(2, goals))))
    lines = [
        "---",
        f"title: {sentence(rng, rng.randint(3, 7))[:-1]}",
        f"goals: [{', '.join(f'goal-{g + 1}' for g in linked)}]",
        f"metrics: {{reach_out: {rng.randint(0, 4)}, shared_own: {rng.randint(0, 2)}, shared_others: {rng.randint(0, 5)}}}",
        "helped:",
    ]
    for _ in range(rng.randint(0, 3)):
        lines += [
            f'  - who: "@{rng.choice(WORDS)}_{rng.randint(1, 60)}"',
            f"    how: {sentence(rng, rng.randint(4, 10))}",
            f"    kind: {rng.choice(KINDS)}",
            f"    where: {rng.choice(PLACES)}",
        ]
        if rng.random() < 0.1:
            lines.append("    private: true")
    if lines[-1] == "helped:":
        lines.pop()
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(rng)


def generate(root: Path, entries: int, goals: int, seed: int = 7) -> dt.date:
    """Write goals/ and journal/ below root; return the day after the last entry."""
    rng = random.Random(seed)
    last = START + dt.timedelta(days=entries - 1)
    for index in range(goals):
        path = root / "goals" / f"goal-{index + 1}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(goal_text(index, START, last + dt.timedelta(days=365)), "utf-8")
    for offset in range(entries):
        day = START + dt.timedelta(days=offset)
        path = root / "journal" / f"{day.year}" / f"{day}-{'-'.join(rng.sample(WORDS, 3))}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(rng, day, goals), "utf-8")
    return last + dt.timedelta(days=1)


def main() -> None:
    """Command line: python bench/generate.py DIR --entries N --goals G."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--goals", type=int, default=5)
    args = parser.parse_args()
    print(generate(args.dir, args.entries, args.goals))


if __name__ == "__main__":
    main()
