// The reference codec must earn OK (or INFORMATIONAL where the case is informational)
// on every case, in both roles: the catalogue and the engine agree with the codec.
#include <gtest/gtest.h>

#include <chrono>

#include "support.hpp"

using namespace wsc;
using namespace wsc::inprocess;
using namespace wsc::inprocess::test;

namespace {

void expect_all_pass(catalogue::Role testee) {
    const auto cases = sections({0, 1, 2, 3, 4, 5, 6, 7, 9, 10});
    const auto t0 = std::chrono::steady_clock::now();
    const auto results = run_catalogue(cases, testee, echo_peer_options{});
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto known = known_disagreements(testee);
    std::set<std::string> failing;
    for (const auto& r : results) {
        if (passes(r)) continue;
        failing.insert(r.id);
        if (!known.count(r.id)) ADD_FAILURE() << describe(r);
    }
    // A known disagreement that now passes should be taken off the list.
    EXPECT_EQ(failing, known);
    EXPECT_GT(results.size(), 300u);
    std::printf("[ ran %zu cases in %.2f s ]\n", results.size(), secs);
}

}  // namespace

TEST(ReferenceCodec, PassesEveryCaseAsServerUnderTest) { expect_all_pass(catalogue::Role::server); }

TEST(ReferenceCodec, PassesEveryCaseAsClientUnderTest) { expect_all_pass(catalogue::Role::client); }
