import io
import unittest

from wsconform_matrix.progress import Progress, parse_case_line, summary


class ProgressTest(unittest.TestCase):
    def test_parses_the_cli_case_lines(self):
        self.assertEqual(parse_case_line("[12/301] 2.3 OK/OK 3 ms"), (12, 301, "2.3", "OK", "OK"))
        self.assertEqual(parse_case_line("[5/9] 7.9.1 FAILED/WRONG CODE 1003 ms"),
                         (5, 9, "7.9.1", "FAILED", "WRONG CODE"))
        self.assertEqual(parse_case_line("[1/1] 6.4.3 NON-STRICT/FAILED BY CLIENT 0 ms")[3:],
                         ("NON-STRICT", "FAILED BY CLIENT"))
        self.assertIsNone(parse_case_line("listening on ws://127.0.0.1:1/ (3 cases)"))
        self.assertIsNone(parse_case_line("[3/9] 1.1.1 skipped: excluded"))

    def test_prints_start_ready_counts_and_summary_per_peer(self):
        out = io.StringIO()
        p = Progress(out, interval=3600)
        p.starting("ws", "server", ["node", "ws.js"])
        p.ready("ws", "127.0.0.1:9001", 0.25)
        for i, verdict in enumerate(["OK", "OK", "FAILED"], 1):
            p.case_done("ws", i, 3, verdict)
        p.done("ws", {"OK": 2, "FAILED": 1}, 4.2)
        self.assertEqual(out.getvalue().splitlines(), [
            "[ws] starting (server under test): node ws.js",
            "[ws] ready on 127.0.0.1:9001 after 0.2 s",
            "[ws] 1/3 cases  OK 1",
            "[ws] 3/3 cases  OK 2, FAILED 1",
            "[ws] done in 4 s: 3 cases  OK 2, FAILED 1",
        ])

    def test_summary_orders_verdicts_best_first(self):
        self.assertEqual(summary({"FAILED": 1, "OK": 3, "NON-STRICT": 2}), "OK 3, NON-STRICT 2, FAILED 1")
