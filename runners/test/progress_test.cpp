// The per-case line when stdout is not a terminal, and the summary table.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "progress.hpp"
#include "section_summary.hpp"

using namespace wsc;

namespace {
report::case_result result(const std::string& id, const char* behavior, const char* close, double ms) {
    report::case_result r;
    r.id = id;
    r.behavior = behavior;
    r.behavior_close = close;
    r.duration_ms = ms;
    return r;
}
}  // namespace

TEST(progress, one_quiet_line_per_case_when_not_a_tty) {
    std::ostringstream out;
    cli::progress p(out, cli::progress::style::lines, 517);
    p.finished(result("2.3", "OK", "OK", 3.2));  // never started here: the report's duration
    p.skipped("2.4", "server unreachable");
    EXPECT_EQ(out.str(), "[1/517] 2.3 OK/OK 3 ms\n[2/517] 2.4 skipped: server unreachable\n");
}

// A case that spent its time timing out has a report duration of 0 (no
// handshake); the line shows the wall time it really took.
TEST(progress, the_line_shows_the_wall_time_not_the_report_duration) {
    std::ostringstream out;
    cli::progress p(out, cli::progress::style::lines, 2);
    p.started("9.4.3");
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    p.finished(result("9.4.3", "FAILED", "FAILED", 0));
    const std::string line = out.str();
    ASSERT_EQ(line.rfind("[1/2] 9.4.3 FAILED/FAILED ", 0), 0u) << line;
    EXPECT_GE(std::stod(line.substr(std::string("[1/2] 9.4.3 FAILED/FAILED ").size())), 120) << line;
}

TEST(progress, a_deferred_case_is_not_counted_until_its_final_result) {
    std::ostringstream out;
    cli::progress p(out, cli::progress::style::lines, 2);
    p.started("9.4.3");
    p.deferred(result("9.4.3", "FAILED", "FAILED", 0));
    p.started("9.4.3");
    auto again = result("9.4.3", "OK", "OK", 5);
    again.note = "Re-run alone before its verdict was final: ...";
    p.finished(again);
    EXPECT_NE(out.str().find("[0/2] 9.4.3 FAILED/FAILED"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("re-run alone at the end"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("[1/2] 9.4.3 OK/OK"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("(re-run alone)"), std::string::npos) << out.str();
    EXPECT_EQ(p.finished_count(), 1);
}

TEST(progress, quiet_prints_nothing_per_case) {
    std::ostringstream out;
    cli::progress p(out, cli::progress::style::quiet, 2);
    p.finished(result("1.1.1", "OK", "OK", 1));
    p.done();
    EXPECT_EQ(out.str(), "");
}

TEST(progress, live_line_rewrites_itself) {
    std::ostringstream out;
    cli::progress p(out, cli::progress::style::live, 3);
    p.started("1.1.1");
    p.finished(result("1.1.1", "OK", "OK", 1));
    p.done();
    EXPECT_NE(out.str().find("\r\033[K[0/3] 1.1.1"), std::string::npos);
    EXPECT_NE(out.str().find("[1/3]  OK 1"), std::string::npos);
}

TEST(section_summary, counts_per_section_with_a_total) {
    cli::section_summary s;
    s.add(result("1.1.1", "OK", "OK", 1));
    s.add(result("1.1.2", "FAILED", "OK", 1));
    s.add(result("7.13.1", "INFORMATIONAL", "INFORMATIONAL", 1));
    s.add(result("6.4.1", "NON-STRICT", "UNCLEAN", 1));
    s.add_missing("9.1.1");
    std::ostringstream out;
    s.print(out);
    EXPECT_EQ(s.failed(), 1);
    EXPECT_EQ(s.total(), 4);
    const std::string text = out.str();
    EXPECT_NE(text.find("section"), std::string::npos);
    EXPECT_NE(text.find("\n1 "), std::string::npos);
    EXPECT_NE(text.find("\n9 "), std::string::npos);
    EXPECT_NE(text.find("\ntotal"), std::string::npos);
}
