// Autobahn spec files, parsed strictly.

#include <fstream>

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "wsc/catalogue/error.hpp"
#include "wsc/catalogue/spec_file.hpp"

namespace wsc::catalogue::test {
namespace {

CatalogueError spec_error(const std::string& text, SpecMode mode) {
    try {
        parse_spec(nlohmann::json::parse(text), mode, "spec.json");
    } catch (const CatalogueError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an error for " << text;
    return CatalogueError("", "", "");
}

TEST(SpecFile, FixtureClientSpec) {
    const auto path = fixture_dir() / "fuzzingclient.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no fixtures";
    const Spec s = load_spec(path, SpecMode::fuzzing_client);
    EXPECT_EQ(s.outdir, "./reports/servers");
    ASSERT_EQ(s.servers.size(), 1u);
    EXPECT_EQ(s.servers[0].url, "ws://host.docker.internal:9001");
    EXPECT_EQ(s.cases, std::vector<std::string>{"*"});
    EXPECT_TRUE(s.exclude_agent_cases.empty());
}

TEST(SpecFile, ServerSpecWithEverything) {
    const Spec s = parse_spec(nlohmann::json::parse(R"({
        "url": "ws://127.0.0.1:9001", "outdir": "./out", "webport": 8080,
        "options": {"failByDrop": false, "versions": [13], "allowedOrigins": ["*"]},
        "protocols": ["chat"], "cases": ["1.*", "7.9.1"], "exclude-cases": ["1.1.8"],
        "exclude-agent-cases": {"Client*": ["9.*"]}})"),
                              SpecMode::fuzzing_server, "fuzzingserver.json");
    EXPECT_EQ(s.url, "ws://127.0.0.1:9001");
    EXPECT_EQ(s.ignored_keys, std::vector<std::string>{"webport"});
    EXPECT_EQ(s.exclude_agent_cases.at(0).first, "Client*");
    EXPECT_EQ(s.options.at("failByDrop"), false);
    const auto picked = select(catalogue().cases, s.cases, s.exclude_cases, "ClientX", s.exclude_agent_cases);
    EXPECT_EQ(picked.size(), 7u + 8 + 1);
}

TEST(SpecFile, DefaultsPerMode) {
    const Spec c = parse_spec(nlohmann::json::parse(R"({"cases": ["*"], "testees": []})"), SpecMode::fuzzing_client, "c");
    EXPECT_EQ(c.outdir, "./reports/servers/");
    EXPECT_TRUE(c.servers.empty());
    EXPECT_EQ(c.ignored_keys, std::vector<std::string>{"testees"});
    EXPECT_EQ(default_outdir(SpecMode::fuzzing_server), "./reports/clients/");
}

TEST(SpecFile, StrictErrors) {
    auto e = spec_error(R"({"cases": ["*"], "servers": [{"url": "ws://x:1", "agnet": "typo"}]})", SpecMode::fuzzing_client);
    EXPECT_EQ(e.file(), "spec.json");
    EXPECT_EQ(e.key_path(), "servers[0].agnet");
    EXPECT_NE(e.problem().find("unknown key 'agnet'"), std::string::npos);

    e = spec_error(R"({"url": "ws://x:1"})", SpecMode::fuzzing_server);
    EXPECT_NE(std::string(e.what()).find("missing required key 'cases'"), std::string::npos) << e.what();

    e = spec_error(R"({"cases": "*", "url": "ws://x:1"})", SpecMode::fuzzing_server);
    EXPECT_EQ(e.key_path(), "cases");
    EXPECT_NE(e.problem().find("expected an array"), std::string::npos);

    e = spec_error(R"({"cases": ["*"], "url": "http://x:1"})", SpecMode::fuzzing_server);
    EXPECT_EQ(e.key_path(), "url");

    e = spec_error(R"({"cases": ["*"], "options": {"failByDrop": 1}})", SpecMode::fuzzing_client);
    EXPECT_EQ(e.key_path(), "options.failByDrop");

    e = spec_error(R"({"cases": ["*"], "options": {"maskServerFrames": true}})", SpecMode::fuzzing_client);
    EXPECT_EQ(e.key_path(), "options.maskServerFrames");  // a server option in a client spec
    EXPECT_NE(e.problem().find("unknown fuzzingclient option"), std::string::npos);

    e = spec_error(R"({"cases": ["*"], "url": "ws://x:1", "servers": []})", SpecMode::fuzzing_server);
    EXPECT_EQ(e.key_path(), "servers");
}

TEST(SpecFile, UnreadableFile) {
    EXPECT_THROW(load_spec("/nonexistent/spec.json", SpecMode::fuzzing_client), CatalogueError);
}

}  // namespace
}  // namespace wsc::catalogue::test
