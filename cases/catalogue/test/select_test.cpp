// Spec pattern semantics: '*' wildcard, literal '.', prefix match; anchored agent exclusions.

#include <set>

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "wsc/catalogue/select.hpp"

namespace wsc::catalogue::test {
namespace {

std::vector<std::string> ids(const std::vector<const Case*>& cases) {
    std::vector<std::string> out;
    for (const Case* c : cases) out.push_back(c->id.str());
    return out;
}

std::vector<Case> autobahn_only() {
    std::vector<Case> out;
    for (const Case* c : catalogue().autobahn()) out.push_back(*c);
    return out;
}

TEST(Select, PatternPrimitives) {
    EXPECT_TRUE(prefix_pattern_matches("6.1*", "6.10.1"));
    EXPECT_TRUE(prefix_pattern_matches("6.1*", "6.1.1"));
    EXPECT_FALSE(prefix_pattern_matches("6.1*", "16.1.1"));
    EXPECT_FALSE(prefix_pattern_matches("6.1*", "6x1.1"));  // '.' is literal
    EXPECT_TRUE(prefix_pattern_matches("1*", "13.7.18"));
    EXPECT_TRUE(prefix_pattern_matches("*.1.1", "7.1.1"));
    EXPECT_TRUE(prefix_pattern_matches("6.4", "6.4.3"));  // prefix match, as re.match does
    EXPECT_TRUE(anchored_pattern_matches("Autobahn*", "AutobahnPython/0.10.9"));
    EXPECT_FALSE(anchored_pattern_matches("Autobahn", "AutobahnPython"));
    EXPECT_TRUE(anchored_pattern_matches("*", ""));
    EXPECT_TRUE(anchored_pattern_matches("a*b*c", "axxbyyc"));
    EXPECT_FALSE(anchored_pattern_matches("a*b*c", "axxbyycd"));
    EXPECT_FALSE(anchored_pattern_matches("9.*", "19.1"));
}

TEST(Select, StarSelectsAllInTupleOrder) {
    auto all = autobahn_only();
    auto picked = select(all, {"*"});
    ASSERT_EQ(picked.size(), 517u);
    EXPECT_EQ(picked.front()->id.str(), "1.1.1");
    EXPECT_EQ(picked.back()->id.str(), "13.7.18");
    EXPECT_EQ(select(catalogue().cases, {"*"}).size(), catalogue().cases.size());
}

TEST(Select, PrefixPatternsReachFurtherThanTheyLook) {
    auto all = autobahn_only();
    auto six_one = ids(select(all, {"6.1*"}));
    EXPECT_EQ(six_one.size(), 3u + 3 + 5 + 8 + 5 + 10 + 1 + 3 + 5 + 5 + 5);  // 6.1 and 6.10-6.19
    EXPECT_EQ(six_one.front(), "6.1.1");
    EXPECT_EQ(six_one.back(), "6.19.5");

    auto ones = select(all, {"1*"});
    std::set<int> sections;
    for (const Case* c : ones) sections.insert(c->id.section());
    EXPECT_EQ(sections, (std::set<int>{1, 10, 12, 13}));
    EXPECT_EQ(ones.size(), 16u + 1 + 90 + 126);
}

TEST(Select, ExcludeAndDeduplicate) {
    auto all = autobahn_only();
    EXPECT_EQ(select(all, {"*"}, {"9.*", "12.*", "13.*"}).size(), 247u);
    EXPECT_EQ(select(all, {"*"}, {"12.*", "13.*"}).size(), 301u);
    auto twice = select(all, {"2.1", "2.*", "2.1"});
    EXPECT_EQ(twice.size(), 11u);
    EXPECT_EQ(ids(select(all, {"7.1*"}, {"7.1.1"})).front(), "7.1.2");
    EXPECT_EQ(ids(select(all, {"7.13.2", "7.9.1"})), (std::vector<std::string>{"7.9.1", "7.13.2"}));
}

TEST(Select, LiteralIdsMustExist) {
    auto all = autobahn_only();
    EXPECT_THROW(select(all, {"9.9.1"}), std::invalid_argument);
    EXPECT_THROW(select(all, {"6.1"}), std::invalid_argument);  // literal, not a prefix
    EXPECT_TRUE(select(all, {"99.*"}).empty());                 // a pattern may match nothing
}

TEST(Select, AgentExclusionsAreAnchored) {
    auto all = autobahn_only();
    ExcludeAgentCases ex = {{"MyClient*", {"6.4.*", "1.1.1"}}, {"Other", {"*"}}};
    auto mine = select(all, {"1.1.*", "6.4.*"}, {}, "MyClient/1.0", ex);
    EXPECT_EQ(ids(mine), (std::vector<std::string>{"1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "1.1.8"}));
    EXPECT_EQ(select(all, {"1.1.*"}, {}, "OtherClient", ex).size(), 8u);  // "Other" is anchored
    EXPECT_TRUE(select(all, {"1.1.*"}, {}, "Other", ex).empty());
    // Case patterns are anchored too: "6.4" names no case, so nothing is dropped.
    ExcludeAgentCases exact = {{"*", {"6.4"}}};
    EXPECT_EQ(select(all, {"6.4.*"}, {}, "x", exact).size(), 4u);
}

}  // namespace
}  // namespace wsc::catalogue::test
