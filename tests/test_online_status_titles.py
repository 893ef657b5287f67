"""A status written after the title ('Title. Accepted at ICLR 2024.', 'Accepted to …') is cut from
the title before any look-up: the sources are asked for the title alone, and the status claim
gets its verdict from them instead of "not found". The sources answer with HAND-MADE responses
(tests/online_world.py) from a local server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from tests.conftest import ROOT
from tests.online_world import Paper, World
from tests.replay_server import ReplayServer

AS_OF = "2026-08-01"
RESUME = """# Fanqi Wan

fanqi.wan@example.com

## Publications

- Fanqi Wan, Xinting Huang, Deng Cai. Knowledge Fusion of Large Language Models. Accepted at ICLR 2024.
- Fanqi Wan, Longguang Zhong. Routing Experts for Multilingual Chat Model Fusion. Accepted to NeurIPS 2025.
"""


def _world() -> World:
    return World(papers=[
        # accepted on the resume; OpenReview has the ICLR 2024 rejection (a status question)
        Paper("Knowledge Fusion of Large Language Models", ["Fanqi Wan", "Xinting Huang", "Deng Cai"], 2024,
              openreview_venueid="ICLR.cc/2024/Conference/Rejected_Submission", openreview_venue="Submitted to ICLR 2024"),
        # accepted on the resume and in every source
        Paper("Routing Experts for Multilingual Chat Model Fusion", ["Fanqi Wan", "Longguang Zhong"], 2025,
              dblp_key="conf/nips/WanZ25", dblp_venue="NeurIPS",
              openreview_venueid="NeurIPS.cc/2025/Conference", openreview_venue="NeurIPS 2025 poster"),
    ])


def test_a_status_after_the_title_is_not_searched_and_gets_its_verdict(tmp_path):
    resume = tmp_path / "wan.md"
    resume.write_text(RESUME, encoding="utf-8")
    world = _world()
    with ReplayServer() as server:
        world.serve(server)
        env = {**os.environ, **world.env(server), "PYTHONPATH": str(ROOT)}
        proc = subprocess.run([sys.executable, "-m", "auditor.cli", "audit", str(resume), "--online", "--no-link-check", "--no-cache", "--as-of", AS_OF],
                              capture_output=True, text=True, env=env, timeout=120)
        sent = list(server.requests)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    pubs = {p["title"]: p for p in report["resume"]["publications"]}
    assert set(pubs) == {"Knowledge Fusion of Large Language Models", "Routing Experts for Multilingual Chat Model Fusion"}
    # what left the machine: the titles alone, never the status words
    asked = " ".join(" ".join(v for vs in parse_qs(urlsplit(path).query).values() for v in vs) for _, path, _ in sent).lower()
    assert "knowledge fusion" in asked and "accepted" not in asked and "iclr 2024" not in asked
    fused = pubs["Knowledge Fusion of Large Language Models"]
    assert fused["status"] == "accepted" and fused["check"]["status"] == "contradicted" and fused["check"]["issues"] == ["status"]
    routed = pubs["Routing Experts for Multilingual Chat Model Fusion"]
    assert routed["status"] == "accepted" and routed["check"]["status"] == "confirmed"
    fired = {f["rule_id"]: f for f in report["findings"]}
    assert "VER005" in fired and "Knowledge Fusion" in fired["VER005"]["evidence"][0]["text"]
    assert "VER004" not in fired  # nothing is "not found"
