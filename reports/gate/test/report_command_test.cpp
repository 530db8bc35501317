#include <gtest/gtest.h>

#include "synthetic.hpp"
#include "temp_dir.hpp"
#include "wsc/report/report_command.hpp"

namespace wsc::report {

namespace {
int run(std::vector<std::string> args, std::string* out_text = nullptr, std::string* err_text = nullptr) {
    std::ostringstream out, err;
    const int code = run_report_command(args, out, err);
    if (out_text) *out_text = out.str();
    if (err_text) *err_text = err.str();
    return code;
}
}  // namespace

TEST(ReportCommand, UsageErrorsExitTwo) {
    testing::temp_dir tmp;
    std::string err;
    EXPECT_EQ(run({}, nullptr, &err), 2);
    EXPECT_EQ(run({"--bogus"}, nullptr, &err), 2);
    EXPECT_NE(err.find("unknown option --bogus"), std::string::npos);
    EXPECT_EQ(run({tmp.path().string()}, nullptr, &err), 2) << "no index.json";
    EXPECT_EQ(run({"merge", tmp.path().string()}, nullptr, &err), 2) << "no -o";
    EXPECT_EQ(run({"a", "b"}, nullptr, &err), 2);
    EXPECT_EQ(run({"--help"}), 0);
}

TEST(ReportCommand, RerendersAndGatesOnABaseline) {
    testing::temp_dir tmp;
    const auto results = testing::synthetic_results();
    write_results(tmp / "run", results);
    const std::string dir = (tmp / "run").string(), base = (tmp / "baseline.json").string();
    std::string out, err;

    EXPECT_EQ(run({dir, "--junit", (tmp / "j.xml").string()}, &out), 1) << "no baseline: failures fail";
    EXPECT_TRUE(std::filesystem::exists(tmp / "run" / "index.html"));
    EXPECT_TRUE(std::filesystem::exists(tmp / "j.xml"));

    EXPECT_EQ(run({dir, "--baseline", base}, &out, &err), 2) << "a missing baseline is an input error";
    EXPECT_EQ(run({dir, "--baseline", base, "--update-baseline"}, &out, &err), 0) << err;
    EXPECT_NE(out.find("TODO: explain"), std::string::npos);
    EXPECT_EQ(run({dir, "--baseline", base}, &out, &err), 0) << out;
    EXPECT_NE(out.find("- PASS"), std::string::npos);

    // One case gets worse: exit 1 and the case is named.
    auto worse = results;
    auto& r = worse.begin()->second.at("1.1.1");
    r.behavior = behavior::failed;
    r.behavior_close = behavior::failed;
    write_results(tmp / "run", worse);
    EXPECT_EQ(run({dir, "--baseline", base}, &out, &err), 1);
    EXPECT_NE(out.find("REGRESSION " + worse.begin()->first + " 1.1.1: FAILED / FAILED"), std::string::npos) << out;

    EXPECT_EQ(run({dir, "--baseline", base, "--pass-policy", "nonsense"}, &out, &err), 2);
    testing::write_file(tmp / "broken.json", "{");
    EXPECT_EQ(run({dir, "--baseline", (tmp / "broken.json").string()}, &out, &err), 2);
}

TEST(ReportCommand, CompareListsChangedCases) {
    testing::temp_dir tmp;
    auto results = testing::synthetic_results();
    write_results(tmp / "a", results);
    results.begin()->second.at("2.1").behavior = behavior::failed;
    write_results(tmp / "b", results);
    std::string out;
    EXPECT_EQ(run({"compare", (tmp / "a").string(), (tmp / "b").string(), "--html", (tmp / "cmp").string()}, &out), 1);
    EXPECT_NE(out.find("WORSE   " + results.begin()->first + " 2.1"), std::string::npos) << out;
    EXPECT_TRUE(std::filesystem::exists(tmp / "cmp" / "index.html"));
    EXPECT_EQ(run({"compare", (tmp / "a").string(), (tmp / "a").string()}, &out), 0);
}

}  // namespace wsc::report
