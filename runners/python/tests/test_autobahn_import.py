import json
import shutil

from wsconform_matrix.autobahn_import import import_report
from wsconform_matrix.results_dir import dump_autobahn_json, read_index, report_file_name

from .helpers import FIXTURE, TempDirTest


def own_template() -> dict:
    """A per-case file with every key Autobahn 0.8.2 writes (the fixture's key set),
    filled with values of our own, for when the recorded reports are absent."""
    request = ("GET / HTTP/1.1\r\nUser-Agent: AutobahnTestSuite/0.8.2-0.10.9\r\nHost: 127.0.0.1:9001\r\n"
               "Upgrade: WebSocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n")
    return {
        "agent": "X", "behavior": "OK", "behaviorClose": "OK", "case": 1, "closedByMe": True,
        "createStats": True, "createWirelog": True, "description": "a case", "droppedByMe": True,
        "duration": 2, "expectation": "a close", "expected": {"OK": []},
        "expectedClose": {"closeCode": [1002], "closedByMe": True, "requireClean": False},
        "failedByMe": False, "httpRequest": request,
        "httpResponse": "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: ICX+Yqv66kxgM0FcWaLWlFLwTAI=\r\n\r\n",
        "id": "1.1.1", "isServer": False, "localCloseCode": 1000, "localCloseReason": None, "received": [],
        "remoteCloseCode": 1002, "remoteCloseReason": None, "reportCompressionRatio": False,
        "reportTime": False, "result": "Actual events match at least one expected.",
        "resultClose": "Connection was properly closed", "rxFrameStats": {"8": 1}, "rxOctetStats": {"4": 1},
        "started": "2026-01-01T00:00:00.000Z", "trafficStats": None, "txFrameStats": {"8": 1},
        "txOctetStats": {"8": 1}, "wasClean": True, "wasCloseHandshakeTimeout": False,
        "wasNotCleanReason": None, "wasOpenHandshakeTimeout": False, "wasServerConnectionDropTimeout": False,
        "wirelog": [["TO", [8, "8882aabbccdda953"], False], ["RO", [4, "880203ea"]]],
    }


class AutobahnImportTest(TempDirTest):
    """Import of reports in Autobahn's exact format; the real Deno report where the
    shared fixtures are present, reports made here (from its 7.9.1 file, else
    from own_template) everywhere."""

    def setUp(self):
        super().setUp()
        self.have_fixture = (FIXTURE / "index.json").is_file()
        self.template = (json.loads((FIXTURE / "unknownserver_case_7_9_1.json").read_text())
                         if self.have_fixture else own_template())

    def need_fixture(self):
        if not self.have_fixture:
            self.skipTest(f"fixture {FIXTURE} is absent")

    def test_the_own_template_has_autobahns_key_set(self):
        self.need_fixture()
        self.assertEqual(sorted(own_template()), sorted(self.template))

    def make_report(self, agent, cases, describe=None, user_agent="AutobahnTestSuite/0.8.2-0.10.9"):
        """A report in Autobahn's exact format, from a real case file as template."""
        src = self.tmp / f"src-{len(list(self.tmp.iterdir()))}"
        src.mkdir()
        index = {agent: {}}
        for cid, (behavior, close) in cases.items():
            name = report_file_name(agent, cid)
            case = dict(self.template, agent=agent, id=cid, behavior=behavior, behaviorClose=close,
                        description=(describe or {}).get(cid, f"case {cid}"),
                        httpRequest=self.template["httpRequest"].replace("AutobahnTestSuite/0.8.2-0.10.9",
                                                                         user_agent))
            dump_autobahn_json(case, src / name)
            index[agent][cid] = {"behavior": behavior, "behaviorClose": close, "duration": 2,
                                 "remoteCloseCode": 1000, "reportfile": name}
        dump_autobahn_json(index, src / "index.json")
        return src

    def notes(self, outdir):
        return json.loads((outdir / "import-notes.json").read_text())

    def test_imports_the_real_deno_report(self):
        self.need_fixture()
        out = self.tmp / "out"
        result = import_report(FIXTURE, out, "deno")
        index = read_index(out)
        self.assertEqual(list(index), ["autobahn:deno"])
        self.assertEqual(result.imported["autobahn:deno"], 517)
        self.assertEqual(index["autobahn:deno"]["13.3.1"]["behavior"], "UNIMPLEMENTED")
        case = json.loads((out / "autobahn_deno_case_6_4_3.json").read_text())
        original = json.loads((FIXTURE / "unknownserver_case_6_4_3.json").read_text())
        self.assertEqual(case["agent"], "autobahn:deno")
        self.assertEqual({k: v for k, v in case.items() if k != "agent"},
                         {k: v for k, v in original.items() if k != "agent"})
        self.assertEqual(self.notes(out), {"autobahn:deno": {}})

    def test_round_trip_keeps_verdicts_and_exact_format(self):
        src = self.make_report("MyServer/1.0", {"1.1.1": ("OK", "OK"), "6.4.3": ("NON-STRICT", "OK"),
                                                "7.9.1": ("FAILED", "WRONG CODE")})
        first, second = self.tmp / "first", self.tmp / "second"
        import_report(src, first, "mine")
        import_report(first, second)  # already autobahn:mine; stays so
        for out in (first, second):
            index = read_index(out)["autobahn:mine"]
            self.assertEqual({k: (v["behavior"], v["behaviorClose"]) for k, v in index.items()},
                             {"1.1.1": ("OK", "OK"), "6.4.3": ("NON-STRICT", "OK"), "7.9.1": ("FAILED", "WRONG CODE")})
            self.assertEqual(index["7.9.1"]["reportfile"], "autobahn_mine_case_7_9_1.json")
        text = (second / "index.json").read_text()
        self.assertIn('\n   "autobahn:mine": {\n      "1.1.1": {\n         "behavior": "OK",', text)

    def test_old_catalogue_with_13_close_codes(self):
        codes = [0, 999, 1004, 1005, 1006, 1012, 1013, 1014, 1015, 1016, 1100, 2000, 2999]
        ids = {f"7.9.{n}": ("OK", "OK") for n in range(1, 14)}
        src = self.make_report("Old", ids, {f"7.9.{n}": f"Send close with invalid close code {c}"
                                            for n, c in enumerate(codes, 1)})
        out = self.tmp / "out"
        import_report(src, out, "old")
        index = read_index(out)["autobahn:old"]
        self.assertEqual(sorted(index), [f"7.9.{n}" for n in range(1, 10)])
        moved = json.loads((out / index["7.9.6"]["reportfile"]).read_text())
        self.assertEqual((moved["id"], moved["wsconformImport"]["originalId"]), ("7.9.6", "7.9.10"))
        self.assertIn("1016", moved["description"])
        notes = self.notes(out)["autobahn:old"]
        self.assertEqual(notes["7.9.6 (old)"]["status"], "retired")
        self.assertIn("close code 1012", notes["7.9.6 (old)"]["explanation"])
        self.assertEqual(notes["7.9.6"]["status"], "renumbered")
        self.assertEqual(sum(n["status"] == "retired" for n in notes.values()), 4)

    def test_old_catalogue_with_11_close_codes_and_no_case_files(self):
        ids = {f"7.9.{n}": ("OK", "OK") for n in range(1, 12)}
        src = self.make_report("Old", ids)
        for f in src.glob("old_case_*.json"):
            f.unlink()
        out = self.tmp / "out"
        import_report(src, out, "old")
        self.assertEqual(sorted(read_index(out)["autobahn:old"]), [f"7.9.{n}" for n in range(1, 10)])
        notes = self.notes(out)["autobahn:old"]
        self.assertEqual({k for k, n in notes.items() if n["status"] == "retired"}, {"7.9.6 (old)", "7.9.7 (old)"})
        self.assertEqual(notes["7.9.9"]["originalId"], "7.9.11")

    def test_window_bits_8_is_flagged_not_failed(self):
        described = {"13.3.1": "Use permessage-deflate client offers (requestNoContextTakeover, "
                               "requestMaxWindowBits): [(False, 8)]",
                     "13.5.1": "client offers [(True, 8)]"}
        src = self.make_report("Old", {"13.3.1": ("OK", "OK"), "13.5.1": ("FAILED", "OK"),
                                       "13.1.1": ("OK", "OK")}, described)
        out = self.tmp / "out"
        import_report(src, out, "old")
        index = read_index(out)["autobahn:old"]
        self.assertEqual(len(index), 3)
        notes = self.notes(out)["autobahn:old"]
        self.assertEqual({k: n["status"] for k, n in notes.items()},
                         {"13.3.1": "parameters differ (8 vs 9)", "13.5.1": "parameters differ (8 vs 9)"})

    def test_window_bits_from_the_suite_version_when_no_case_says(self):
        src = self.make_report("Old", {"13.7.1": ("OK", "OK"), "1.1.1": ("OK", "OK")},
                               user_agent="AutobahnTestSuite/0.7.6-0.10.9")
        (src / report_file_name("Old", "13.7.1")).unlink()
        out = self.tmp / "out"
        import_report(src, out, "old")
        self.assertEqual(self.notes(out)["autobahn:old"]["13.7.1"]["status"], "parameters differ (8 vs 9)")

    def test_unknown_case_ids_are_left_out_with_a_note(self):
        src = self.make_report("X", {"1.1.1": ("OK", "OK"), "11.1.1": ("OK", "OK")})
        out = self.tmp / "out"
        import_report(src, out, "x")
        self.assertEqual(list(read_index(out)["autobahn:x"]), ["1.1.1"])
        self.assertEqual(self.notes(out)["autobahn:x"]["11.1.1 (old)"]["status"], "unknown case")

    def test_a_broken_index_is_a_clear_error(self):
        bad = self.tmp / "bad"
        shutil.copytree(self.make_report("X", {"1.1.1": ("OK", "OK")}), bad)
        (bad / "index.json").write_text("{")
        with self.assertRaisesRegex(ValueError, "index.json: not valid JSON"):
            import_report(bad, self.tmp / "out")
