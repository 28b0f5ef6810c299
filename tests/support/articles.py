"""Small generated articles in the genre, for tests that need many documents."""

from __future__ import annotations

from pathlib import Path


def write_articles(folder: Path, count: int) -> list[Path]:
    """Small distinct articles in the genre that share topics and actors."""
    folder.mkdir(parents=True, exist_ok=True)
    topics = ["Arms Control", "Energy Security", "Cybersecurity", "Trade Relations"]
    paths = []
    for i in range(count):
        topic = topics[i % len(topics)]
        path = folder / f"article-{i:03}.md"
        path.write_text(
            f"# Trump and Putin Set to Meet in Alaska, Report {i}\n\n"
            f"Talks in Anchorage will turn to {topic.lower()}, officials said on day {i}.\n\n"
            "Key topics on the agenda include:\n\n"
            f"- {topic}\n- Regional Security\n\n"
            "| Topic | Possible Outcome |\n| --- | --- |\n"
            f"| {topic} | Outcome number {i} |\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths
