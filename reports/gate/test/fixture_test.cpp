// The real Autobahn fuzzingclient output against Deno (shared/fixtures): 517
// index entries, ten with case files. Skipped when the fixture is not there.
#include <gtest/gtest.h>

#include "temp_dir.hpp"
#include "wsc/report/html_report.hpp"
#include "wsc/report/junit.hpp"
#include "wsc/report/report_command.hpp"
#include "wsc/report/run_diff.hpp"

#ifndef WSC_AUTOBAHN_FIXTURE
#define WSC_AUTOBAHN_FIXTURE "/work/shared/fixtures/autobahn-deno-server"
#endif

namespace wsc::report {

namespace {
std::filesystem::path fixture() {
    if (const char* env = std::getenv("WSC_AUTOBAHN_FIXTURE"); env && *env) return env;
    return WSC_AUTOBAHN_FIXTURE;
}
}  // namespace

class AutobahnFixture : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(fixture() / "index.json")) GTEST_SKIP() << "no fixture at " << fixture();
        results_ = load_results(fixture());
    }
    result_set results_;
};

TEST_F(AutobahnFixture, ImportsAll517Cases) {
    ASSERT_EQ(results_.size(), 1u);
    const auto& cases = results_.at("UnknownServer");
    EXPECT_EQ(cases.size(), 517u);
    const auto& full = cases.at("3.2");
    EXPECT_EQ(full.http_request.rfind("GET / HTTP/1.1\r\n", 0), 0u);
    EXPECT_FALSE(full.wirelog.empty());
    const auto& index_only = cases.at("1.1.2");
    EXPECT_EQ(index_only.behavior, "OK");
    EXPECT_EQ(index_only.close.remote_close_code, 1000);
}

TEST_F(AutobahnFixture, RendersAFullReportQuickly) {
    html::options h;
    h.generated_at = "fixture";
    const auto start = std::chrono::steady_clock::now();
    const std::string page = html::render(results_, h);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    EXPECT_LT(ms.count(), 3000);
    EXPECT_LT(page.size(), 4u * 1024 * 1024);
    std::size_t rows = 0;
    for (auto p = page.find("<tr class=\"case\""); p != std::string::npos; p = page.find("<tr class=\"case\"", p + 1)) ++rows;
    EXPECT_EQ(rows, 517u);
    EXPECT_NE(page.find("Hello, world!"), std::string::npos);
}

TEST_F(AutobahnFixture, ComparingWithItselfShowsNoChange) {
    const run_diff d = diff_runs(results_, results_);
    EXPECT_EQ(d.compared, 517u);
    EXPECT_TRUE(d.changes.empty());
}

TEST_F(AutobahnFixture, ComparingWithARenamedChangedRunFindsTheCase) {
    result_set ours;
    ours["wsconform-echo-server"] = results_.at("UnknownServer");
    ours["wsconform-echo-server"].at("6.4.3").behavior = behavior::failed;
    const run_diff d = diff_runs(results_, ours, "autobahn", "ours");
    ASSERT_EQ(d.changes.size(), 1u);
    EXPECT_EQ(d.changes[0].id, "6.4.3");
    EXPECT_EQ(d.changes[0].direction, -1);
    html::options h;
    h.comparison = &d;
    const std::string page = html::render(ours, h);
    EXPECT_NE(page.find("id=\"comparison\""), std::string::npos);
    EXPECT_NE(page.find("data-f=\"changed\""), std::string::npos);
}

TEST_F(AutobahnFixture, ReportCommandRendersAndGatesACopy) {
    testing::temp_dir tmp;
    for (const auto& e : std::filesystem::directory_iterator(fixture()))
        std::filesystem::copy_file(e.path(), tmp / e.path().filename().string());
    std::ostringstream out, err;
    const std::vector<std::string> update{tmp.path().string(), "--baseline", (tmp / "baseline.json").string(),
                                          "--update-baseline"};
    EXPECT_EQ(run_report_command(update, out, err), 0) << err.str();
    const std::vector<std::string> gate{tmp.path().string(), "--baseline", (tmp / "baseline.json").string(), "--junit",
                                        (tmp / "junit.xml").string(), "--compare", fixture().string()};
    EXPECT_EQ(run_report_command(gate, out, err), 0) << err.str() << out.str();
    EXPECT_TRUE(std::filesystem::exists(tmp / "index.html"));
    EXPECT_TRUE(std::filesystem::exists(tmp / "junit.xml"));
}

}  // namespace wsc::report
