// A malformed table must say which file, which key and what is wrong, so these
// tests write broken tables to a temporary directory and read the complaint.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "json_node.hpp"
#include "table_loader.hpp"

namespace wsc::tables {
namespace {

namespace fs = std::filesystem;

class table_loader_errors : public testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("wsc_table_loader_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path write(const std::string& name, const std::string& text) {
        const fs::path p = dir_ / name;
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }

    // Loads and returns the error; fails the test when loading succeeds.
    table_error load_error(const std::string& text) {
        const fs::path p = write("broken.json", text);
        try {
            load_table_file(p, "broken.json");
        } catch (const table_error& e) {
            return e;
        }
        ADD_FAILURE() << "the table loaded although it is malformed:\n" << text;
        return table_error("", "", "");
    }

    fs::path dir_;
};

// A well-formed endpoint row around which the tests break one thing at a time.
std::string table_with(const std::string& row_body) {
    return R"({"kind": "endpoint", "rows": [
      {"id": "t/1", "section": "RFC 6455 §5.2", "requirement": "r", "level": "MUST", "role": "server",
       "input": {"frame": {"opcode": 1, "payload": "Hi"}}, "expect": {"events": [{"text": "Hi"}]}},
      {"id": "t/2", "section": "RFC 6455 §5.2", "requirement": "r", "level": "MUST", "role": "server", )" +
           row_body + "}]}";
}

TEST_F(table_loader_errors, well_formed_table_loads) {
    const auto rows = load_table_file(write("ok.json", table_with(R"("input": "", "expect": {"events": []})")), "ok.json");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, "t/1");
    EXPECT_EQ(rows[1].pointer, "/rows/1");
}

TEST_F(table_loader_errors, unknown_error_name_names_file_path_and_problem) {
    const auto e = load_error(table_with(R"("input": "", "expect": {"events": [{"failure": "invalid_utf"}]})"));
    EXPECT_EQ(e.file(), "broken.json");
    EXPECT_EQ(e.pointer(), "/rows/1/expect/events/0/failure");
    EXPECT_NE(e.problem().find("unknown error enumerator \"invalid_utf\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("broken.json: /rows/1/expect/events/0/failure: "), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, missing_key) {
    const auto e = load_error(table_with(R"("input": "")"));
    EXPECT_EQ(e.pointer(), "/rows/1");
    EXPECT_NE(e.problem().find("missing required key \"expect\""), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, misspelt_key) {
    const auto e = load_error(table_with(R"("input": "", "expect": {"event": []})"));
    EXPECT_EQ(e.pointer(), "/rows/1/expect/event");
    EXPECT_NE(e.problem().find("unknown key \"event\""), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, bad_hex) {
    const auto e = load_error(table_with(R"("input": "81 0", "expect": {"events": []})"));
    EXPECT_EQ(e.pointer(), "/rows/1/input");
    EXPECT_NE(e.problem().find("odd number of hex digits"), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, wrong_type_deep_in_a_frame) {
    const auto e = load_error(table_with(R"("input": [{"frame": {"opcode": "text"}}], "expect": {"events": []})"));
    EXPECT_EQ(e.pointer(), "/rows/1/input/0/frame/opcode");
    EXPECT_NE(e.problem().find("expected a non-negative integer"), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, bad_level) {
    const auto e = load_error(R"({"kind": "endpoint", "rows": [{"id": "x", "section": "s", "requirement": "r",
        "level": "MUST NOT", "role": "server", "input": "", "expect": {"events": []}}]})");
    EXPECT_EQ(e.pointer(), "/rows/0/level");
    EXPECT_NE(e.problem().find("MUST, SHOULD or MAY"), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, not_json_at_all) {
    const auto e = load_error("{\"kind\": \"endpoint\", \"rows\": [");
    EXPECT_EQ(e.file(), "broken.json");
    EXPECT_NE(e.problem().find("not valid JSON"), std::string::npos) << e.what();
}

TEST_F(table_loader_errors, load_tables_collects_errors_and_duplicate_ids) {
    write("a.json", table_with(R"("input": "", "expect": {"events": []})"));
    write("b.json", table_with(R"("input": "", "expect": {"events": []})"));  // same ids again
    write("c.json", R"({"kind": "sideways", "rows": []})");
    const table_set set = load_tables(dir_);
    EXPECT_EQ(set.rows.size(), 2u);
    ASSERT_EQ(set.errors.size(), 3u);
    EXPECT_NE(set.errors[0].find("b.json: /rows/0/id: id \"t/1\" collides with the row at a.json: /rows/0"), std::string::npos)
        << set.errors[0];
    EXPECT_NE(set.errors[2].find("c.json: /kind: kind is endpoint"), std::string::npos) << set.errors[2];
}

}  // namespace
}  // namespace wsc::tables
