// Sharded runs merged must give the same report as one run.
#include <gtest/gtest.h>

#include "synthetic.hpp"
#include "temp_dir.hpp"
#include "wsc/report/autobahn_json.hpp"
#include "wsc/report/html_report.hpp"
#include "wsc/report/report_command.hpp"
#include "wsc/report/shard.hpp"

namespace wsc::report {

namespace {

result_set only_shard(const result_set& all, shard_spec s) {
    result_set out;
    for (const auto& [agent, cases] : all) {
        std::vector<std::string> ids;
        for (const auto& [id, r] : cases) ids.push_back(id);
        // Every shard selects from the same catalogue list, so shard by the full ID list.
        const auto all_ids = all_case_ids(all);
        const auto mine = select_shard_ids(all_ids, s);
        for (const auto& id : mine)
            if (cases.count(id)) out[agent][id] = cases.at(id);
    }
    return out;
}

std::string dump_all(const result_set& s) {
    std::string out;
    for (const auto& [agent, cases] : s)
        for (const auto& [id, r] : cases) out += dump_autobahn(to_autobahn_json(r)) + "\n";
    return out;
}

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(Merge, ShardsMergedInMemoryEqualTheSingleRun) {
    const result_set single = testing::synthetic_results();
    for (int n : {2, 3, 5}) {
        result_set merged;
        for (int i = n; i >= 1; --i) EXPECT_TRUE(merge_into(merged, only_shard(single, {i, n})).empty());
        EXPECT_EQ(dump_all(merged), dump_all(single)) << n << " shards";
        html::options h;
        h.generated_at = "fixed";
        EXPECT_EQ(html::render(merged, h), html::render(single, h));
    }
}

TEST(Merge, ShardDirectoriesMergedOnDiskEqualTheSingleRunDirectory) {
    testing::temp_dir tmp;
    const result_set single = testing::synthetic_results();
    write_results(tmp / "single", single);
    const int n = 3;
    std::vector<std::string> args{"merge"};
    for (int i = 1; i <= n; ++i) {
        const auto dir = tmp / ("shard" + std::to_string(i));
        write_results(dir, only_shard(single, {i, n}));
        args.push_back(dir.string());
    }
    args.push_back("-o");
    args.push_back((tmp / "merged").string());
    args.push_back("--no-html");
    std::ostringstream out, err;
    // Without --baseline a merge does not gate.
    EXPECT_EQ(run_report_command(args, out, err), 0) << err.str();
    EXPECT_EQ(err.str(), "");

    EXPECT_EQ(files_in(tmp / "merged"), files_in(tmp / "single"));
    for (const auto& f : files_in(tmp / "single"))
        EXPECT_EQ(testing::read_file(tmp / "merged" / f), testing::read_file(tmp / "single" / f)) << f;

    // And the re-rendered reports agree.
    html::options h;
    h.generated_at = "fixed";
    EXPECT_EQ(html::render(load_results(tmp / "merged"), h), html::render(load_results(tmp / "single"), h));
    // ... and equal the page a live run renders from memory at its end: nothing the
    // page shows (the wire log's timings included) is lost on the way through disk.
    EXPECT_EQ(html::render(load_results(tmp / "merged"), h), html::render(single, h));
}

TEST(Merge, AgentsFromSeparateRunsCombine) {
    testing::synthetic_options a, b;
    a.agents = {"A"};
    b.agents = {"B"};
    result_set merged = testing::synthetic_results(a);
    EXPECT_TRUE(merge_into(merged, testing::synthetic_results(b)).empty());
    EXPECT_EQ(merged.size(), 2u);
}

TEST(Merge, TheSameCaseTwiceKeepsTheLaterRun) {
    result_set first = testing::synthetic_results();
    result_set second = first;
    auto& r = second.begin()->second.begin()->second;
    r.started = "2099-01-01T00:00:00.000Z";
    r.behavior = behavior::failed;
    const auto notes = merge_into(first, second);
    EXPECT_EQ(notes.size(), result_count(second));
    EXPECT_EQ(first.begin()->second.begin()->second.behavior, behavior::failed);
}

TEST(Merge, LoadResultsRejectsMissingOrBrokenIndex) {
    testing::temp_dir tmp;
    EXPECT_THROW(load_results(tmp.path()), results_error);
    testing::write_file(tmp / "index.json", "[1,2]");
    EXPECT_THROW(load_results(tmp.path()), results_error);
    testing::write_file(tmp / "index.json", "{\"A\": {\"1.1.1\": {\"behavior\": \"OK\", \"reportfile\": \"../../etc/passwd\"}}}");
    const auto s = load_results(tmp.path());
    EXPECT_EQ(s.at("A").at("1.1.1").behavior, "OK") << "index-only entry; the path is not followed";
    EXPECT_EQ(s.at("A").at("1.1.1").behavior_close, behavior::failed);
}

}  // namespace wsc::report
