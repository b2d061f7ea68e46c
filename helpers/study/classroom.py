"""For teachers: the answer key, printable worksheets, and a class's results.

Results files are what students export from the quiz (``results-<lesson>-<student>.json``,
format ``khabar-results/1``). A folder of them gives the class view: how hard
each item was, each student's score, and the most common wrong answers.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from helpers.lesson.model import Lesson

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


__all__ = ["ClassResults", "load_class_results"]


class ClassResults:
    """The results files of a class for one lesson."""

    def __init__(self, lesson: Lesson, files: list[dict[str, Any]], skipped: list[str]) -> None:
        self.lesson, self.files, self.skipped = lesson, files, skipped

    @property
    def students(self) -> list[str]:
        return sorted(f["student"] for f in self.files)

    def best_scores(self) -> dict[str, dict[str, float]]:
        """student → item → best score."""
        table: dict[str, dict[str, float]] = {}
        for f in self.files:
            best: dict[str, float] = {}
            for a in f["attempts"]:
                best[a["item"]] = max(best.get(a["item"], 0.0), float(a["score"]))
            table[f["student"]] = best
        return table

    def item_difficulty(self) -> dict[str, float]:
        """item → share of the points the class earned (lower = harder), over students who answered."""
        shares: dict[str, list[float]] = defaultdict(list)
        points = {q.id: q.points for q in self.lesson.quiz}
        for best in self.best_scores().values():
            for item, score in best.items():
                if item in points:
                    shares[item].append(score / points[item])
        return {q.id: sum(shares[q.id]) / len(shares[q.id]) for q in self.lesson.quiz if shares[q.id]}

    def student_scores(self) -> dict[str, tuple[float, int]]:
        """student → (points earned, points of the items answered)."""
        points = {q.id: q.points for q in self.lesson.quiz}
        return {s: (sum(best.values()), sum(points.get(i, 0) for i in best)) for s, best in self.best_scores().items()}

    def common_wrong_answers(self, top: int = 3) -> dict[str, list[tuple[str, int]]]:
        """item → the most frequent wrong responses (as text) with how many students gave them."""
        wrong: dict[str, Counter[str]] = defaultdict(Counter)
        points = {q.id: q.points for q in self.lesson.quiz}
        for f in self.files:
            seen = set()
            for a in f["attempts"]:
                if a["item"] in points and float(a["score"]) < points[a["item"]]:
                    text = (
                        json.dumps(a["response"], ensure_ascii=False)
                        if not isinstance(a["response"], str)
                        else a["response"]
                    )
                    if (a["item"], text) not in seen:
                        seen.add((a["item"], text))
                        wrong[a["item"]][text] += 1
        return {item: counts.most_common(top) for item, counts in wrong.items()}


def load_class_results(lesson: Lesson, folder: str | Path) -> ClassResults:
    """Read every ``*.json`` results file of this lesson in ``folder``; unreadable files are listed, not fatal."""
    files, skipped = [], []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != "khabar-results/1" or data.get("lesson") != lesson.id:
                skipped.append(f"{path.name}: not a results file of lesson {lesson.id}")
                continue
            if not isinstance(data.get("attempts"), list) or not data.get("student"):
                skipped.append(f"{path.name}: no student or attempts")
                continue
            files.append(data)
        except (OSError, ValueError) as exc:
            skipped.append(f"{path.name}: cannot be read ({exc})")
    return ClassResults(lesson, files, skipped)
