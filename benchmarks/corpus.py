"""Generate a synthetic corpus of summit articles in the genre's shape.

Coverage comes in three shapes, mixed as in a real stream of articles: half
are short news items (a headline, two or three paragraphs naming actors and
places, sometimes a bullet agenda and a line of page noise), three in ten are
analyses (one hedged outcome table and a concerns list), and one in five is a
full briefing (an agenda list, three pipe tables with hedged outcome columns,
concerns and recommendations). Topics, actors and outcomes come from fixed
pools with a seeded random generator, so the same seed gives the same corpus
and topics recur across articles (as they do in real coverage).

Usage::

    python benchmarks/corpus.py OUT_DIR --articles 100 --seed 1
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = [
    "Arms Control",
    "Cybersecurity",
    "Trade Relations",
    "Sanctions",
    "Arctic Strategy",
    "Energy Security",
    "Climate Cooperation",
    "Regional Security",
    "Maritime Navigation",
    "Prisoner Exchange",
    "Nuclear Safety",
    "Space Cooperation",
    "Food Security",
    "Public Health",
    "Migration",
    "Technology Transfer",
    "Fisheries",
    "Ceasefire Monitoring",
]
FOCUS = [
    "Treaty verification",
    "Tariff negotiations",
    "Information exchange",
    "Export controls",
    "Joint patrols",
    "Pipeline access",
    "Emission targets",
    "Satellite data sharing",
    "Border management",
    "Grain corridors",
    "Vaccine supply",
    "Port access",
]
OUTCOMES = [
    "Renewal of existing agreements",
    "A joint working group",
    "Reduced tariffs",
    "New verification protocols",
    "A framework for talks",
    "Eased restrictions",
    "Shared monitoring stations",
    "A memorandum of understanding",
    "Lowered tensions",
    "Possible relaxation or reinforcement",
    "Likely extension of the pact",
]
HEADERS = [
    ("Discussion Topic", "Primary Focus", "Anticipated Result"),
    ("Topic", "Focus Area", "Possible Outcome"),
    ("Area of Focus", "Likely Outcome", "Geopolitical Significance"),
    ("Strategic Focus", "Tactical Objective", "Projected Outcome"),
]
PEOPLE = ["Trump", "Putin", "Donald Trump", "Vladimir Putin"]
PLACES = ["Alaska", "the Arctic", "Eastern Europe", "Ukraine", "Syria", "the Pacific"]


NOISE = ["Advertisement", "Read more: Summit coverage", "Share this article", "Photo: Reuters"]


def article(index: int, rng: random.Random) -> str:
    """One article of a random shape: news (50%), analysis (30%) or briefing (20%)."""
    roll = rng.random()
    if roll < 0.5:
        return news(index, rng)
    if roll < 0.8:
        return analysis(index, rng)
    return briefing(index, rng)


def news(index: int, rng: random.Random) -> str:
    """A short news item: headline, a few paragraphs, perhaps an agenda and some noise."""
    place = rng.choice(PLACES[:3])
    first, second = rng.sample([("Trump", "Donald Trump"), ("Putin", "Vladimir Putin")], 2)
    lines = [
        f"{rng.choice(first)} and {rng.choice(second)} to Meet in "
        f"{place.removeprefix('the ')}, Report {index}",
        f"Officials said on day {index} that talks in {place} would turn to "
        f"{rng.choice(TOPICS).lower()} and {rng.choice(PLACES)}.",
        f"{rng.choice(PEOPLE)} told reporters the meeting could ease pressure on "
        f"{rng.choice(PLACES)}, while critics expect little to change.",
    ]
    if rng.random() < 0.5:
        lines.append("Key topics on the agenda include:")
        lines += [f"- {topic}" for topic in rng.sample(TOPICS, 3)]
    if rng.random() < 0.3:
        lines.append(rng.choice(NOISE))
    lines.append(f"Further rounds are planned in {rng.choice(PLACES)}.")
    return "\n".join(lines)


def analysis(index: int, rng: random.Random) -> str:
    """An analysis: headline, prose, one hedged outcome table and a concerns list."""
    header = HEADERS[index % len(HEADERS)]
    lines = [
        f"What to Expect When Trump Meets Putin, Analysis {index}",
        f"Analysts say the {rng.choice(PLACES)} question remains open ahead of the talks.",
        *outcome_table(header, rng, 3),
    ]
    lines.append("Key strategic concerns include:")
    lines += [f"- Pressure on {rng.choice(PLACES)} and NATO cohesion" for _ in range(2)]
    return "\n".join(lines)


def outcome_table(header: tuple[str, str, str], rng: random.Random, rows: int) -> list[str]:
    """A pipe table of hedged outcomes for ``rows`` random topics, header and separator first."""
    lines = [" | ".join(header) + " |", "---|---|---|"]
    for topic in rng.sample(TOPICS, rows):
        cells = [topic, ", ".join(rng.sample(FOCUS, 2)), rng.choice(OUTCOMES)]
        if "Significance" in header[2]:
            cells = [topic, rng.choice(OUTCOMES), "Altered regional balance"]
        lines.append(" | ".join(cells) + " |")
    return lines


def briefing(index: int, rng: random.Random) -> str:
    """A full briefing (no trailing newline, like much of the genre)."""
    place = rng.choice(PLACES[:3])
    lines = [
        f"Trump and Putin Set to Meet in {place.removeprefix('the ')} for Round {index}",
        f"Leaders Prepare Talks on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}",
        f"{rng.choice(PEOPLE)} will meet {rng.choice(PEOPLE)} next week in {place}, officials "
        f"said, with talks touching on {rng.choice(PLACES)} and {rng.choice(PLACES)}.",
        "Both delegations have published a short outline. The agenda is expected to cover:",
    ]
    for topic in rng.sample(TOPICS, 4):
        lines.append(f"- Strengthening {topic.lower()}: talks on {rng.choice(FOCUS).lower()}")
    for number in range(3):
        header = HEADERS[(index + number) % len(HEADERS)]
        lines.append(f"Analysts Weigh the Stakes of Round {index} Part {number + 1}")
        lines.append(f"Analysts say the {rng.choice(PLACES)} question remains open.")
        lines += outcome_table(header, rng, 4)
    lines.append("Security analysts worry about escalation. Key strategic concerns include:")
    lines += [f"- Pressure on {rng.choice(PLACES)} and NATO cohesion" for _ in range(3)]
    lines.append("U.S. decision-makers should prepare carefully. Recommended approaches include:")
    lines += [f"- Coordinating with allies on {rng.choice(TOPICS).lower()}." for _ in range(2)]
    lines.append("Stay tuned for further updates.")
    return "\n".join(lines)


def write_corpus(folder: Path, articles: int, seed: int = 1) -> list[Path]:
    """Write ``articles`` articles into ``folder`` and return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(articles):
        path = folder / f"article-{index:05d}.md"
        path.write_text(article(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_corpus(args.folder, args.articles, args.seed)
    print(f"wrote {len(paths)} articles to {args.folder}")


if __name__ == "__main__":
    main()
