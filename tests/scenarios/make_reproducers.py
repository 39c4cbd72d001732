#!/usr/bin/env python3
"""Writes issue 13's reproducer inputs for the command-line tests (tests/scenarios/CMakeLists.txt).

usage: make_reproducers.py TRACTUS_CLI REPO_ROOT OUT_DIR

Deep inputs nest 200,000 levels, past the 140,000 that overflowed the native stack. The record
variants start from a real run of the expert trainee on routine-lumbar-l45.
"""
import json
import os
import subprocess
import sys

DEPTH = 200000


def main():
    cli, root, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    path = lambda name: os.path.join(out, name)

    # a real record to edit
    expert = os.path.join(root, "tests/data/trainees/routine-lumbar-l45/expert.json")
    subprocess.run([cli, "run", "--scenario", "routine-lumbar-l45", "--actions", expert,
                    "--record", path("expert.record.json"), "--json"],
                   stdout=subprocess.DEVNULL, check=False)
    with open(path("expert.record.json")) as f:
        record = json.load(f)

    def write(name, doc):
        with open(path(name), "w") as f:
            json.dump(doc, f)

    write("seed_changed.record.json", dict(record, seed=record["seed"] + 1))
    write("mode_changed.record.json",
          dict(record, mode="assessment" if record["mode"] == "practice" else "practice"))
    old = json.loads(json.dumps(record))
    del old["result"]["physics_hash"]
    write("old.record.json", old)
    write("end_overflow.json", dict(record, end_us=9223372036854775807))

    deep = "[" * DEPTH + "]" * DEPTH
    with open(path("deep_record.json"), "w") as f:
        f.write(json.dumps(dict(record, actions=["DEEP"])).replace(
            '"DEEP"', '{"action": "note", "t_us": 0, "text": ' + deep + "}"))
    with open(os.path.join(root, "scenarios/library/routine-lumbar-l45.json")) as f:
        scenario = json.load(f)
    scenario["$schema"] = "DEEP"
    with open(path("deep_schema.json"), "w") as f:
        f.write(json.dumps(scenario).replace('"DEEP"', deep))
    with open(path("deep_patient.json"), "w") as f:
        f.write('{"id": "deep", "patient": ' + '{"a": ' * 30000 + "1" + "}" * 30000 + "}")


if __name__ == "__main__":
    main()
