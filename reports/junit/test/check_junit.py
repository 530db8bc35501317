#!/usr/bin/env python3
"""Writes JUnit XML for hostile synthetic results with the report tool and checks
that python's xml.etree parses it and sees the structure CI viewers expect.

Usage: check_junit.py REPORT_TOOL
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main():
    report_tool = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="wsc-junit-") as tmp:
        results = os.path.join(tmp, "results")
        junit = os.path.join(tmp, "junit.xml")
        subprocess.run([report_tool, "synthetic", results, "--hostile"], check=True)
        code = subprocess.run([report_tool, "report", results, "--junit", junit, "--no-html"]).returncode
        if code not in (0, 1):
            print("FAIL: report exited %d" % code)
            return 1
        root = ET.parse(junit).getroot()
        problems = []
        if root.tag != "testsuites":
            problems.append("root is <%s>" % root.tag)
        suites = root.findall("testsuite")
        cases = root.findall("testsuite/testcase")
        if len(suites) < 2:
            problems.append("expected one testsuite per agent, got %d" % len(suites))
        if int(root.get("tests")) != len(cases):
            problems.append("tests=%s but %d testcases" % (root.get("tests"), len(cases)))
        failures = sum(1 for c in cases if c.find("failure") is not None)
        skipped = sum(1 for c in cases if c.find("skipped") is not None)
        errors = sum(1 for c in cases if c.find("error") is not None)
        if int(root.get("errors")) != errors:
            problems.append("errors=%s, counted %d" % (root.get("errors"), errors))
        if int(root.get("failures")) != failures or failures == 0:
            problems.append("failures=%s, counted %d" % (root.get("failures"), failures))
        if int(root.get("skipped")) != skipped:
            problems.append("skipped=%s, counted %d" % (root.get("skipped"), skipped))
        for c in cases:
            if not c.get("classname", "").startswith("wsconform.") or not c.get("name"):
                problems.append("bad testcase %r" % c.attrib)
                break
            float(c.get("time"))
        hostile = [c for c in cases if "<script>" in (c.findtext("failure") or "") + c.get("name", "")]
        if not hostile:
            problems.append("the hostile strings did not survive as text")
        for p in problems:
            print("FAIL: " + p)
        print("junit: %d suites, %d cases, %d failures, %d skipped" % (len(suites), len(cases), failures, skipped))
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
