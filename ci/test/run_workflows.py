#!/usr/bin/env python3
"""Runs the CI examples of ci/ (and this repository's conformance workflow) on
this machine, step by step as their YAML says, so the examples are exercised
for real and not only parsed.

What a CI runner provides is emulated, nothing else:
- `actions/checkout` of the user's repository: a scratch repository holding a
  Makefile (`make echo-server` builds a script that starts `wsconform
  echo-server`, so the EDIT steps run unchanged) and the baseline; checkout of
  wsconform (`path: .wsconform`) and GitLab's `git clone ... .wsconform`: a
  symbolic link to this source tree.
- upload-artifact / download-artifact and GitLab's artifacts: copies between
  the jobs' workspaces.
- Installing packages (apt-get) and building wsconform (cmake) are skipped: the
  binary under test (WSCONFORM) stands in for the one they would build.
Every other step (start-peer.sh, the sharded `wsconform client` runs,
stop-peer.sh, `wsconform report merge`, gate.sh) runs as written, with the
workflow's env, `${{ matrix.shard }}`, `$GITHUB_ENV`, `$GITHUB_STEP_SUMMARY`,
`if: always()` and GitLab's `parallel:` ($CI_NODE_INDEX/$CI_NODE_TOTAL).

Checks, per workflow: the gate passes on a baseline that accepts the results;
the merged shards hold exactly the results of one unsharded run of the same
cases; the HTML and JUnit the workflow uploads exist; the server was stopped;
and the gate fails (exit 1, REGRESSION lines, job summary FAIL) when the
baseline does not accept a result.

Usage: run_workflows.py REPO_ROOT WSCONFORM
Exits 77 (skip) without python3-yaml.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import yaml
except ImportError:
    yaml = None

SKIP = 77
# Sections that run in seconds against the reference server but still hold every
# kind of verdict it produces (7.1.6 and 7.13.x are INFORMATIONAL).
CASES = "1.*,2.*,5.*,7.*"

problems = []


def check(ok, text):
    print(("ok   - " if ok else "FAIL - ") + text)
    if not ok:
        problems.append(text)
    return ok


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def port_open(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def substitute(text, env, matrix):
    def expr(m):
        e = m.group(1).strip()
        if e.startswith("matrix."):
            return str(matrix.get(e[len("matrix."):], ""))
        if e.startswith("env."):
            return env.get(e[len("env."):], "")
        raise ValueError("expression the emulation does not know: ${{ %s }}" % e)
    return re.sub(r"\$\{\{(.*?)\}\}", expr, text)


def condition_holds(cond, failed, matrix):
    if cond is None:
        return not failed
    cond = str(cond).strip()
    if cond == "always()":
        return True
    m = re.fullmatch(r"matrix\.(\w+) == (\S+)", cond)
    if m:
        return not failed and str(matrix.get(m.group(1))) == m.group(2).strip("'\"")
    raise ValueError("condition the emulation does not know: %s" % cond)


class Workspace:
    """One job's working directory with the user's repository checked out."""

    def __init__(self, root, user_repo, repo_root, wsconform):
        self.dir = root
        self.repo_root = repo_root
        self.wsconform = wsconform
        shutil.copytree(user_repo, root)
        self.env_file = os.path.join(root, ".github_env")
        self.summary = os.path.join(root, ".step_summary.md")
        open(self.env_file, "w").close()

    def link_wsconform(self, path):
        os.symlink(self.repo_root, os.path.join(self.dir, path))

    def exported(self):
        env = {}
        with open(self.env_file) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    env[k] = v
        return env


def run_shell(script, cwd, env, log):
    proc = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=900)
    out = proc.stdout.decode("utf-8", "replace")
    log.append(out)
    return proc.returncode, out


def base_env(extra):
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    env.update(extra)
    return env


def skipped_github_step(step):
    """Steps a runner image does that this machine does not: packages and the build."""
    script = step.get("run", "")
    if "apt-get" in script:
        return "installs packages"
    if "cmake --build" in script:
        return "builds wsconform"
    return None


def run_github(rel, repo_root, wsconform, user_repo, tmp, expect_gate):
    with open(os.path.join(repo_root, rel), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    wf_env = {k: str(v) for k, v in (doc.get("env") or {}).items()}
    wf_env["CASES"] = CASES
    wf_env["PEER_PORT"] = str(free_port())
    artifacts = os.path.join(tmp, "artifacts")
    os.makedirs(artifacts, exist_ok=True)
    jobs = doc["jobs"]
    order = sorted(jobs, key=lambda j: len(jobs[j].get("needs", []) or []))
    results = {}
    for name in order:
        job = jobs[name]
        shards = (job.get("strategy") or {}).get("matrix", {}).get("shard") or [None]
        for shard in shards:
            matrix = {"shard": shard} if shard is not None else {}
            label = "%s %s%s" % (rel, name, "" if shard is None else " shard %s" % shard)
            ws = Workspace(os.path.join(tmp, "%s-%s" % (name, shard or 0)), user_repo, repo_root, wsconform)
            env = base_env(wf_env)
            env["GITHUB_ENV"] = ws.env_file
            env["GITHUB_STEP_SUMMARY"] = ws.summary
            failed, log, last_code, last_out = False, [], 0, ""
            for i, step in enumerate(job.get("steps") or []):
                if not condition_holds(step.get("if"), failed, matrix):
                    continue
                uses = step.get("uses", "")
                with_ = {k: substitute(str(v), wf_env, matrix) for k, v in (step.get("with") or {}).items()}
                if uses.startswith("actions/checkout"):
                    if with_.get("path"):
                        ws.link_wsconform(with_["path"])
                    continue
                if uses.startswith("actions/upload-artifact"):
                    src = os.path.join(ws.dir, with_["path"])
                    dst = os.path.join(artifacts, with_["name"])
                    if os.path.isdir(src):
                        shutil.copytree(src, dst, dirs_exist_ok=True)
                    elif os.path.isfile(src):
                        os.makedirs(dst, exist_ok=True)
                        shutil.copy2(src, dst)
                    else:
                        check(False, "%s: upload-artifact of %s, which does not exist" % (label, with_["path"]))
                    continue
                if uses.startswith("actions/download-artifact"):
                    into = os.path.join(ws.dir, with_.get("path", "."))
                    if "pattern" in with_:
                        pat = re.compile(with_["pattern"].replace("*", ".*") + "$")
                        for art in sorted(os.listdir(artifacts)):
                            if pat.match(art):
                                shutil.copytree(os.path.join(artifacts, art), os.path.join(into, art))
                    else:
                        shutil.copytree(os.path.join(artifacts, with_["name"]), into, dirs_exist_ok=True)
                    continue
                if uses:
                    check(False, "%s: step %d uses %s, which the emulation does not know" % (label, i, uses))
                    failed = True
                    continue
                why = skipped_github_step(step)
                if why:
                    if why == "builds wsconform":
                        with open(ws.env_file, "a") as f:
                            f.write("WSCONFORM=%s\n" % wsconform)
                    continue
                env.update(ws.exported())
                code, out = run_shell(substitute(step["run"], wf_env, matrix), ws.dir, env, log)
                last_code, last_out = code, out
                if code != 0:
                    failed = True
            results[label] = (failed, last_code, last_out, ws, "".join(log))
            if name == "gate":
                ok = (not failed) if expect_gate == 0 else (failed and last_code == expect_gate)
                if not check(ok, "%s: the gate step exits %d (got %d)" % (label, expect_gate, last_code)):
                    print("".join(log)[-4000:])
            elif not check(not failed, "%s: every step succeeds" % label):
                print("".join(log)[-4000:])
    results["port"] = int(wf_env["PEER_PORT"])
    return results


def gitlab_script(lines, ws, wsconform):
    """GitLab job script lines, with the package and build lines left out and
    `git clone ... .wsconform` and WSCONFORM's export done locally."""
    out = []
    for line in lines:
        s = str(line).strip()
        if "apt-get" in s or s.startswith("cmake "):
            continue
        m = re.match(r"git clone .* (\S+)$", s)
        if m:
            ws.link_wsconform(m.group(1))
            continue
        if s.startswith("export WSCONFORM=") and ".wsconform/build" in s:
            out.append("export WSCONFORM=%s" % wsconform)
            continue
        out.append(s)
    return "\n".join(out)


def flatten(lines):
    for line in lines or []:
        if isinstance(line, list):
            yield from flatten(line)
        else:
            yield line


def run_gitlab(rel, repo_root, wsconform, user_repo, tmp, expect_gate):
    with open(os.path.join(repo_root, rel), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    variables = {k: str(v) for k, v in (doc.get("variables") or {}).items()}
    variables["CASES"] = CASES
    variables["PEER_PORT"] = str(free_port())
    variables["BASELINE"] = ".github/wsconform-baseline.json"
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and "script" in v}
    stages = doc.get("stages") or []
    collected = os.path.join(tmp, "gl-artifacts")
    os.makedirs(collected, exist_ok=True)
    results = {}
    for stage in stages:
        for name, job in jobs.items():
            if job.get("stage") != stage:
                continue
            total = int(job.get("parallel", 1))
            for index in range(1, total + 1):
                label = "%s %s%s" % (rel, name, " %d/%d" % (index, total) if total > 1 else "")
                ws = Workspace(os.path.join(tmp, "gl-%s-%d" % (name.replace(":", "_"), index)), user_repo,
                               repo_root, wsconform)
                # Artifacts of earlier stages are restored into the workspace.
                shutil.copytree(collected, ws.dir, dirs_exist_ok=True)
                env = base_env(variables)
                if total > 1:
                    env.update(CI_NODE_INDEX=str(index), CI_NODE_TOTAL=str(total))
                log = []
                code, out = run_shell(gitlab_script(flatten(job.get("script")), ws, wsconform), ws.dir, env, log)
                if job.get("after_script"):
                    run_shell(gitlab_script(flatten(job["after_script"]), ws, wsconform), ws.dir, env, log)
                arts = job.get("artifacts") or {}
                if code == 0 or arts.get("when") == "always":
                    for path in arts.get("paths") or []:
                        src = os.path.join(ws.dir, path)
                        if os.path.isdir(src):
                            shutil.copytree(src, os.path.join(collected, path), dirs_exist_ok=True)
                        elif os.path.isfile(src):
                            shutil.copy2(src, os.path.join(collected, path))
                junit = (arts.get("reports") or {}).get("junit")
                results[label] = (code != 0, code, out, ws, "".join(log), junit)
                if name.endswith("gate"):
                    ok = code == expect_gate
                    if not check(ok, "%s: the gate exits %d (got %d)" % (label, expect_gate, code)):
                        print("".join(log)[-4000:])
                elif not check(code == 0, "%s: the script succeeds" % label):
                    print("".join(log)[-4000:])
    results["port"] = int(variables["PEER_PORT"])
    return results


def verdicts(index_json):
    with open(index_json, encoding="utf-8") as f:
        index = json.load(f)
    return {(a, c): (v["behavior"], v["behaviorClose"]) for a, cases in index.items() for c, v in cases.items()}


def reference_run(wsconform, tmp, agent):
    """One unsharded run of the same cases against the same kind of server."""
    port = free_port()
    server = subprocess.Popen([wsconform, "echo-server", "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(100):
            if port_open(port):
                break
            if server.poll() is not None:
                raise SystemExit("the reference echo server exited")
            subprocess.run(["sleep", "0.1"])
        out = os.path.join(tmp, "unsharded")
        subprocess.run([wsconform, "client", "ws://127.0.0.1:%d/" % port, "--agent", agent, "--outdir", out,
                        "--cases", CASES, "-q", "--no-html"], stdout=subprocess.DEVNULL, timeout=600)
        return verdicts(os.path.join(out, "index.json"))
    finally:
        os.killpg(server.pid, 15)
        server.wait(10)


def user_repository(tmp, wsconform, baseline):
    """The library maintainer's repository the examples are copied into."""
    repo = os.path.join(tmp, "user-repo")
    os.makedirs(os.path.join(repo, ".github"))
    os.makedirs(os.path.join(repo, "ci"))
    with open(os.path.join(repo, "Makefile"), "w") as f:
        # "Your server": the reference echo server behind a script of its own.
        f.write("echo-server:\n\tprintf '#!/bin/sh\\nexec %s echo-server \"$$@\"\\n' > $@\n\tchmod +x $@\n"
                % wsconform)
    for path in (".github/wsconform-baseline.json", "ci/wsconform-baseline.json"):
        with open(os.path.join(repo, path), "w") as f:
            json.dump(baseline, f, indent=2)
    return repo


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    repo_root, wsconform = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if yaml is None:
        print("SKIP: python3-yaml is not installed")
        return SKIP
    policy = {"behavior": ["INFORMATIONAL", "NON-STRICT", "OK", "UNIMPLEMENTED"], "behaviorClose": ["INFORMATIONAL", "OK"]}
    accepting = {"format": "wsconform-baseline/1", "policy": policy, "agents": {}}
    # The strict policy fails the INFORMATIONAL verdicts of 7.1.6 and 7.13.x: a
    # baseline that does not list them must fail the gate.
    strict = {"format": "wsconform-baseline/1",
              "policy": {"behavior": ["OK"], "behaviorClose": ["OK"]}, "agents": {}}

    with tempfile.TemporaryDirectory(prefix="wsc-workflows-") as tmp:
        for rel, agent, kind in [("ci/github/wsconform.yml", "my-websocket-server", "github"),
                                 (".github/workflows/conformance.yml", "wsconform-echo-server", "github"),
                                 ("ci/gitlab/wsconform.gitlab-ci.yml", "my-websocket-server", "gitlab")]:
            print("# %s" % rel)
            reference = reference_run(wsconform, os.path.join(tmp, rel.replace("/", "_")), agent)
            for scenario, baseline, expect in [("accepting", accepting, 0), ("strict", strict, 1)]:
                work = os.path.join(tmp, rel.replace("/", "_"), scenario)
                os.makedirs(work)
                user = user_repository(work, wsconform, baseline)
                if rel.startswith(".github/"):
                    # This repository's own workflow gates on its committed baseline.
                    if scenario != "accepting":
                        continue
                    user = os.path.join(work, "self")
                    def ignore(d, names, top=repo_root):
                        drop = {".git", "node_modules"}
                        if os.path.samefile(d, top):
                            drop |= {n for n in names if n.startswith("build") or n == "reports-out"}
                        return [n for n in names if n in drop]
                    shutil.copytree(repo_root, user, symlinks=True, ignore=ignore)
                    # Where the workflow's build step leaves the binary it uploads.
                    os.makedirs(os.path.join(user, "build", "runners", "cli"))
                    os.symlink(wsconform, os.path.join(user, "build", "runners", "cli", "wsconform"))
                runner = run_github if kind == "github" else run_gitlab
                results = runner(rel, repo_root, wsconform, user, work, expect)
                gate = [r for label, r in results.items() if label != "port" and "gate" in label]
                if not check(len(gate) == 1, "%s (%s): one gate job ran" % (rel, scenario)):
                    continue
                ws = gate[0][3]
                report = os.path.join(ws.dir, "conformance-report")
                if scenario == "accepting":
                    merged = verdicts(os.path.join(report, "index.json"))
                    check(merged == reference, "%s: the merged shards equal one unsharded run (%d results)"
                          % (rel, len(reference)))
                    check(os.path.getsize(os.path.join(report, "index.html")) > 0, "%s: index.html written" % rel)
                    suites = ET.parse(os.path.join(report, "junit.xml")).getroot()
                    check(suites.tag == "testsuites" and int(suites.get("tests")) == len(reference),
                          "%s: junit.xml has a <testsuites> root and one testcase per result" % rel)
                    if kind == "github":
                        summary = open(ws.summary).read() if os.path.exists(ws.summary) else ""
                        check("**PASS**" in summary, "%s: the job summary says PASS" % rel)
                else:
                    log = gate[0][4]
                    check(re.search(r"^REGRESSION %s 7\.1\.6: INFORMATIONAL" % re.escape(agent), log, re.M)
                          is not None, "%s (strict baseline): the regression is printed" % rel)
                    if kind == "github":
                        summary = open(ws.summary).read() if os.path.exists(ws.summary) else ""
                        check("**FAIL**" in summary, "%s (strict baseline): the job summary says FAIL" % rel)
                # The servers started by the conformance jobs are gone.
                check(not port_open(results["port"]), "%s (%s): nothing listens on the server's port any more"
                      % (rel, scenario))
                leftovers = [label for label, r in results.items()
                             if label != "port" and os.path.exists(os.path.join(r[3].dir, "peer.pid"))]
                check(not leftovers, "%s (%s): stop-peer.sh removed every PID file" % (rel, scenario))
    print("%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
