#!/usr/bin/env python3
"""Checks the CI examples in ci/ and this repository's conformance workflow:
the YAML parses, the jobs have the shape GitHub / GitLab need, every shell step
passes `bash -n`, every ci/scripts/*.sh a step calls exists and is executable,
and every `wsconform` subcommand a step runs is one the CLI has.

Usage: check_workflows.py REPO_ROOT
"""
import os
import re
import subprocess
import sys

try:
    import yaml
except ImportError:  # python3-yaml missing: fall back to a structural text check
    yaml = None

GITHUB = ["ci/github/wsconform.yml", ".github/workflows/conformance.yml"]
GITLAB = ["ci/gitlab/wsconform.gitlab-ci.yml"]
SUBCOMMANDS = {"client", "server", "echo-server", "echo-client", "cases", "version", "report"}
REPORT_OPTIONS = {"--junit", "--baseline", "--update-baseline", "--pass-policy", "--compare", "--title",
                  "--no-html", "-o", "--output", "--html", "--help", "-h"}

problems = []


def problem(where, text):
    problems.append("%s: %s" % (where, text))


def check_shell(root, where, script):
    # ${{ ... }} is GitHub's, expanded before the shell sees the step.
    text = re.sub(r"\$\{\{[^}]*\}\}", "X", script)
    proc = subprocess.run(["bash", "-n"], input=text.encode(), stderr=subprocess.PIPE)
    if proc.returncode:
        problem(where, "bash -n: " + proc.stderr.decode().strip())
    for m in re.finditer(r"(?:^|[\s/\"'])ci/scripts/([A-Za-z0-9_.-]+)", text):
        path = os.path.join(root, "ci", "scripts", m.group(1))
        if not os.path.isfile(path):
            problem(where, "calls ci/scripts/%s, which does not exist" % m.group(1))
        elif not os.access(path, os.X_OK):
            problem(where, "ci/scripts/%s is not executable" % m.group(1))
    for m in re.finditer(r"(?:^[ \t]*|[;&|(][ \t]*)(?:\"\$WSCONFORM\"|\$WSCONFORM|bin/wsconform|wsconform)[ \t]+([a-z][a-z-]*)([^\n;|&]*)",
                         text, re.M):
        sub, rest = m.group(1), m.group(2)
        if sub not in SUBCOMMANDS:
            problem(where, "runs 'wsconform %s', which is not a subcommand" % sub)
        if sub == "report":
            for opt in re.findall(r"(?<!\S)(-{1,2}[a-z-]+)", rest):
                if opt not in REPORT_OPTIONS:
                    problem(where, "wsconform report has no option %s" % opt)


def steps_of_github(root, rel, doc):
    on = doc.get("on", doc.get(True))
    if not on:
        problem(rel, "no 'on' trigger")
    jobs = doc.get("jobs") or {}
    if not jobs:
        problem(rel, "no jobs")
    runs = 0
    for name, job in jobs.items():
        if "runs-on" not in job:
            problem(rel, "job %s has no runs-on" % name)
        for need in ([job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", [])):
            if need not in jobs:
                problem(rel, "job %s needs unknown job %s" % (name, need))
        for i, step in enumerate(job.get("steps") or []):
            if not ("run" in step or "uses" in step):
                problem(rel, "job %s step %d has neither run nor uses" % (name, i))
            if "run" in step:
                runs += 1
                check_shell(root, "%s job %s step %d" % (rel, name, i), step["run"])
    return runs


def flatten(lines):
    for line in lines or []:
        if isinstance(line, list):
            yield from flatten(line)
        else:
            yield str(line)


def steps_of_gitlab(root, rel, doc):
    stages = doc.get("stages") or []
    runs = 0
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and ("script" in v)}
    if not jobs:
        problem(rel, "no jobs with a script")
    for name, job in jobs.items():
        if job.get("stage") not in stages:
            problem(rel, "job %s has stage %r, not one of %r" % (name, job.get("stage"), stages))
        for need in job.get("needs", []):
            if need not in jobs:
                problem(rel, "job %s needs unknown job %s" % (name, need))
        for key in ("before_script", "script", "after_script"):
            lines = list(flatten(job.get(key)))
            if lines:
                runs += 1
                check_shell(root, "%s job %s %s" % (rel, name, key), "\n".join(lines))
        junit = ((job.get("artifacts") or {}).get("reports") or {}).get("junit")
        if junit and not isinstance(junit, (str, list)):
            problem(rel, "job %s: artifacts:reports:junit must be a path" % name)
    return runs


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    total = 0
    for rel, kind in [(p, "github") for p in GITHUB] + [(p, "gitlab") for p in GITLAB]:
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            problem(rel, "missing")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if yaml is None:
            # Structural fallback: the scripts named must exist.
            check_shell(root, rel, "\n".join(l.split("run:", 1)[-1] for l in text.splitlines() if "ci/scripts/" in l))
            continue
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            problem(rel, "YAML: %s" % e)
            continue
        n = steps_of_github(root, rel, doc) if kind == "github" else steps_of_gitlab(root, rel, doc)
        print("%s: %d shell steps checked" % (rel, n))
        total += n
    # The README must point at the ClusterFuzzLite workflows.
    readme = os.path.join(root, "ci", "README.md")
    if not os.path.isfile(readme) or "cflite_" not in open(readme, encoding="utf-8").read():
        problem("ci/README.md", "does not point at the cflite_*.yml fuzzing workflows")
    for p in problems:
        print("FAIL " + p)
    print("%d passed, %d failed" % (total, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
