#!/usr/bin/env python3
"""Render the seed document (../shared/seeds/000_*.txt) as a profile-format-v1 YAML file.

The seed's prose is not ours to commit, so this renders it at run time for the calibration check
(`scripts/seed-calibration.sh`). The seed lists its facts but not its seven sources, so the
rendering cites the public pages those facts come from (O*NET 51-1011.00, BLS OEWS, eCFR Part 211).
M1 and M2 have no published pay or years in the seed; they are left out (both are optional).
"""
import json
import re
import sys


def section(text, start, end):
    begin = text.index(start) + len(start)
    return text[begin:text.index(end, begin)]


def main(path):
    text = open(path, encoding="utf-8").read()
    focus_block = section(text, "Focus — Manufacturing Operations / Production Supervision (Upstream Processing)\n\n", "\n\nResponsibilities by level")
    summary = focus_block.strip()

    bullets = {}
    ladder = section(text, "Your level is highlighted.\n\n", "\n\nLevel guidelines")
    current = None
    for line in ladder.splitlines():
        match = re.match(r"^(M[1-3])", line)
        if match and not line.strip().startswith("•"):
            current = match.group(1)
            bullets[current] = []
        elif line.strip().startswith("•") and current:
            bullets[current].append(line.strip()[1:].strip())

    guidelines = {}
    table = section(text, "Typical Degree & Years\n", "\n\nSkills")
    for line in table.strip().splitlines():
        code, rest = line[:2], line[2:]
        cells = re.split(r"(?<=[.+])(?=[A-Z0-9])", rest)
        if len(cells) != 4:
            sys.exit(f"cannot split guideline row {code} into 4 cells: {cells}")
        guidelines[code] = dict(zip(["knowledge", "complexity", "collaboration", "experience"], cells))

    skills_block = section(text, "the relevance layer beyond the occupational base.\n\n", "\n\nProvenance")
    lines = [l for l in skills_block.splitlines() if l.strip()]
    skills = [{"name": lines[i], "description": lines[i + 1]} for i in range(0, len(lines) - 1, 2)]

    names = {"M1": "Manager", "M2": "Manager II", "M3": "Senior Manager"}
    levels = []
    for code in ["M1", "M2", "M3"]:
        level = {"code": code, "name": names[code]}
        if code == "M3":
            level["years"] = {"min": 8, "max": 12}
            level["pay"] = {"currency": "USD", "low": 92000, "median": 117000, "high": 149000}
        level["responsibilities"] = bullets[code]
        level["guidelines"] = guidelines[code]
        levels.append(level)

    all_layers = ["summary", "responsibilities", "guidelines", "skills", "pay", "classifications"]
    profile = {
        "schema": "review-profile/v1",
        "id": "MANUFA3.MANUFACT13A2",
        "function": {"code": "MANUFA3", "name": "Manufacturing Operations"},
        "focus": {"code": "MANUFACT13A2", "name": "Production Supervision (Upstream Processing)"},
        "domain": "biomanufacturing",
        "summary": summary,
        "distinct_from": ["Production Supervision (Downstream Purification)"],
        "track": "management",
        "status": "approved",
        "version": 1,
        "scope": "global",
        "confidence": 0.8,
        "levels": levels,
        "skills": skills,
        "classifications": [{"system": "O*NET-SOC", "code": "51-1011.00", "source": "onet"}],
        "sources": [
            {"id": "onet", "title": "First-Line Supervisors of Production and Operating Workers (51-1011.00)",
             "publisher": "O*NET OnLine", "url": "https://www.onetonline.org/link/summary/51-1011.00",
             "retrieved": "2026-05-02", "supports": ["summary", "responsibilities", "skills", "classifications"]},
            {"id": "bls", "title": "Occupational Employment and Wage Statistics: 51-1011",
             "publisher": "U.S. Bureau of Labor Statistics", "url": "https://www.bls.gov/oes/current/oes511011.htm",
             "retrieved": "2026-05-02", "supports": ["pay"]},
            {"id": "cfr211", "title": "21 CFR Part 211, Current Good Manufacturing Practice for Finished Pharmaceuticals",
             "publisher": "U.S. National Archives (eCFR)", "url": "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-C/part-211",
             "retrieved": "2026-05-02", "supports": ["responsibilities", "guidelines", "skills"]},
        ],
    }
    # JSON is YAML: emit JSON so no YAML library is needed.
    json.dump(profile, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
