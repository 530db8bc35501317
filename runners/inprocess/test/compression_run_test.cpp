// Sections 12 and 13 (permessage-deflate) against the reference codec, both roles:
// 216 cases x 1000 compressed round trips each. Labelled "slow" in ctest.
#include <gtest/gtest.h>

#include <chrono>

#include "support.hpp"

using namespace wsc;
using namespace wsc::inprocess;
using namespace wsc::inprocess::test;

namespace {

// One section in one role per test, so ctest -j can spread the four over cores.
void expect_all_pass(int section, catalogue::Role testee) {
    const auto cases = sections({section});
    ASSERT_EQ(cases.size(), section == 12 ? 90u : 126u);
    const auto t0 = std::chrono::steady_clock::now();
    const auto results = run_catalogue(cases, testee, echo_peer_options{});
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_EQ(results.size(), cases.size());
    for (const auto& r : results) {
        EXPECT_TRUE(passes(r)) << describe(r);
        EXPECT_TRUE(r.traffic_stats.is_object()) << r.id;
    }
    std::printf("[ ran %zu cases of section %d in %.2f s ]\n", results.size(), section, secs);
}

}  // namespace

TEST(ReferenceCodecCompression, Section12AsServerUnderTest) { expect_all_pass(12, catalogue::Role::server); }
TEST(ReferenceCodecCompression, Section12AsClientUnderTest) { expect_all_pass(12, catalogue::Role::client); }
TEST(ReferenceCodecCompression, Section13AsServerUnderTest) { expect_all_pass(13, catalogue::Role::server); }
TEST(ReferenceCodecCompression, Section13AsClientUnderTest) { expect_all_pass(13, catalogue::Role::client); }
