#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "synthetic.hpp"
#include "wsc/report/shard.hpp"

namespace wsc::report {

TEST(Shard, ParsesIOverN) {
    EXPECT_EQ(parse_shard("1/1"), (shard_spec{1, 1}));
    EXPECT_EQ(parse_shard("3/4"), (shard_spec{3, 4}));
    for (const char* bad : {"", "1", "0/2", "3/2", "a/2", "1/b", "1/0", "-1/2", "1/2/3", " 1/2", "1/2x"})
        EXPECT_THROW(parse_shard(bad), std::invalid_argument) << bad;
}

TEST(Shard, ShardsPartitionTheSelectionWhateverItsOrder) {
    const auto ids = testing::synthetic_ids();
    for (int n : {1, 2, 3, 7}) {
        std::multiset<std::string> seen;
        std::size_t smallest = ids.size(), largest = 0;
        for (int i = 1; i <= n; ++i) {
            auto shuffled = ids;
            std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(static_cast<unsigned>(i * 31 + n)));
            const auto mine = select_shard_ids(shuffled, {i, n});
            EXPECT_EQ(mine, select_shard_ids(ids, {i, n})) << "input order must not matter";
            EXPECT_TRUE(std::is_sorted(mine.begin(), mine.end(), case_id_order{}));
            seen.insert(mine.begin(), mine.end());
            smallest = std::min(smallest, mine.size());
            largest = std::max(largest, mine.size());
        }
        EXPECT_EQ(seen, std::multiset<std::string>(ids.begin(), ids.end())) << n << " shards";
        EXPECT_LE(largest - smallest, 1u) << "round-robin balances the shards";
    }
}

TEST(Shard, RoundRobinSpreadsSections) {
    const auto mine = select_shard_ids(testing::synthetic_ids(), {2, 3});
    std::set<std::string> sections;
    for (const auto& id : mine) sections.insert(case_section(id));
    EXPECT_GE(sections.size(), 10u);
}

TEST(Shard, SelectsPlannedCasesByTheirId) {
    struct planned {
        std::string id;
        int position;
    };
    std::vector<planned> plan{{"2.1", 17}, {"1.1.2", 2}, {"1.1.1", 1}, {"10.1.1", 301}, {"3.1", 28}};
    const auto first = select_shard(plan, {1, 2});
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0].id, "1.1.1");
    EXPECT_EQ(first[1].id, "2.1");
    EXPECT_EQ(first[2].id, "10.1.1");
    EXPECT_EQ(select_shard(plan, {2, 2}).size(), 2u);
}

}  // namespace wsc::report
