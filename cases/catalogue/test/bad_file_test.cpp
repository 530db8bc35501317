// Validation errors must name the file, the JSON key path and the problem.

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wsc/catalogue/error.hpp"

namespace wsc::catalogue::test {
namespace {

class BadFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("wsc_catalogue_bad_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // A valid one-case file whose case body can be patched.
    static nlohmann::json valid_doc() {
        return nlohmann::json::parse(R"({
          "format": "wsconform-catalogue/1", "section": "2", "category": "Pings/Pongs", "subsections": {},
          "cases": [
            {"id": "2.1", "rfc": "RFC 6455 §5.5.2", "level": "MUST", "kind": "standard",
             "description": "d", "expectation": "e",
             "steps": [{"send_frame": {"opcode": 9}}, {"close_after": 1}],
             "expected": {"OK": [["pong", {"text": ""}]]},
             "expected_close": {"closed_by_me": true, "codes": [1000], "require_clean": true, "wrong_endpoint_fatal": false}},
            {"id": "2.2", "rfc": "RFC 6455 §5.5.2", "level": "MUST", "kind": "standard",
             "description": "d", "expectation": "e",
             "steps": [{"send_frame": {"opcode": 9, "payload": {"hex": "00ff"}}}, {"close_after": 1}],
             "expected": {"OK": [["pong", {"hex": "00ff"}]]},
             "expected_close": {"closed_by_me": true, "codes": [1000], "require_clean": true, "wrong_endpoint_fatal": false}}
          ]})");
    }

    std::string write(const std::string& text) {
        const auto path = dir_ / "2_pings.json";
        std::ofstream(path) << text;
        return path.string();
    }

    // Loads the directory and returns the error; fails the test if loading succeeds.
    CatalogueError load_error() {
        try {
            load_catalogue(dir_);
        } catch (const CatalogueError& e) {
            return e;
        }
        ADD_FAILURE() << "expected a CatalogueError";
        return CatalogueError("", "", "");
    }

    void expect_error(const nlohmann::json& doc, const std::string& key_path, const std::string& problem_part) {
        const std::string file = write(doc.dump(2));
        const CatalogueError e = load_error();
        EXPECT_EQ(e.file(), file);
        EXPECT_EQ(e.key_path(), key_path);
        EXPECT_NE(e.problem().find(problem_part), std::string::npos) << e.what();
        const std::string what = e.what();
        EXPECT_NE(what.find(file), std::string::npos) << what;
        EXPECT_NE(what.find(key_path.empty() ? "(root)" : key_path), std::string::npos) << what;
        EXPECT_NE(what.find(problem_part), std::string::npos) << what;
    }

    std::filesystem::path dir_;
};

TEST_F(BadFile, ValidDocumentLoads) {
    write(valid_doc().dump());
    const Catalogue cat = load_catalogue(dir_);
    ASSERT_EQ(cat.cases.size(), 2u);
    EXPECT_EQ(cat.cases[0].position, 1);
}

TEST_F(BadFile, WrongType) {
    auto doc = valid_doc();
    doc["cases"][1]["steps"][0]["send_frame"]["opcode"] = "nine";
    expect_error(doc, "cases[1].steps[0].send_frame.opcode", "expected an integer, got string");
}

TEST_F(BadFile, OutOfRange) {
    auto doc = valid_doc();
    doc["cases"][0]["steps"][0]["send_frame"]["rsv"] = 8;
    expect_error(doc, "cases[0].steps[0].send_frame.rsv", "outside 0..7");
}

TEST_F(BadFile, MissingKey) {
    auto doc = valid_doc();
    doc["cases"][1]["expected_close"].erase("require_clean");
    expect_error(doc, "cases[1].expected_close", "missing required key 'require_clean'");
}

TEST_F(BadFile, UnknownKey) {
    auto doc = valid_doc();
    doc["cases"][0]["steps"][0]["send_frame"]["mask"] = true;
    expect_error(doc, "cases[0].steps[0].send_frame.mask", "unknown key 'mask'");
}

TEST_F(BadFile, UnknownCaseKey) {
    auto doc = valid_doc();
    doc["cases"][1]["desc"] = "typo";
    expect_error(doc, "cases[1].desc", "unknown key 'desc'");
}

TEST_F(BadFile, UnknownStep) {
    auto doc = valid_doc();
    doc["cases"][0]["steps"][1] = {{"sleep", 1}};
    expect_error(doc, "cases[0].steps[1].sleep", "unknown step 'sleep'");
}

TEST_F(BadFile, BadHex) {
    auto doc = valid_doc();
    doc["cases"][1]["expected"]["OK"][0][1]["hex"] = "00fg";
    expect_error(doc, "cases[1].expected.OK[0][1].hex", "invalid hex digit 'g' at offset 3");
    doc["cases"][1]["expected"]["OK"][0][1]["hex"] = "abc";
    expect_error(doc, "cases[1].expected.OK[0][1].hex", "odd number of hex digits");
}

TEST_F(BadFile, InvalidJson) {
    std::string text = valid_doc().dump(2);
    text.insert(text.find("\"cases\""), "\"oops\" ");
    const std::string file = write(text);
    const CatalogueError e = load_error();
    EXPECT_EQ(e.file(), file);
    EXPECT_EQ(e.key_path(), "");
    EXPECT_NE(std::string(e.what()).find("(root)"), std::string::npos);
    EXPECT_NE(e.problem().find("invalid JSON"), std::string::npos) << e.what();
}

TEST_F(BadFile, BadEventAndLabel) {
    auto doc = valid_doc();
    doc["cases"][0]["expected"]["OK"][0] = {"pong"};
    expect_error(doc, "cases[0].expected.OK[0]", "a pong event is");
    doc = valid_doc();
    doc["cases"][0]["expected"]["MAYBE"] = nlohmann::json::array();
    expect_error(doc, "cases[0].expected.MAYBE", "unknown outcome label 'MAYBE'");
}

TEST_F(BadFile, PayloadForms) {
    auto doc = valid_doc();
    doc["cases"][0]["steps"][0]["send_frame"]["payload"] = {{"text", "a"}, {"hex", "00"}};
    expect_error(doc, "cases[0].steps[0].send_frame.payload", "exactly one key");
    doc["cases"][0]["steps"][0]["send_frame"]["payload"] = {{"fill", {{"byte", 256}, {"length", 3}}}};
    expect_error(doc, "cases[0].steps[0].send_frame.payload.fill.byte", "outside 0..255");
    doc["cases"][0]["steps"][0]["send_frame"]["payload"] = {{"repeat", {{"text", ""}, {"length", 3}}}};
    expect_error(doc, "cases[0].steps[0].send_frame.payload.repeat.text", "must not be empty");
}

TEST_F(BadFile, IdAndKindConsistency) {
    auto doc = valid_doc();
    doc["cases"][1]["id"] = "3.1";
    expect_error(doc, "cases[1].id", "does not belong to section 2");
    doc = valid_doc();
    doc["cases"][1]["id"] = "2.1";
    expect_error(doc, "cases[1].id", "duplicate case ID 2.1");
    doc = valid_doc();
    doc["cases"][0]["deadline"] = 10;
    expect_error(doc, "cases[0].deadline", "only allowed for kind bulk-echo");
    doc = valid_doc();
    doc["cases"][0]["kind"] = "bulk-echo";
    expect_error(doc, "cases[0]", "missing required key 'deadline'");
    doc = valid_doc();
    doc["cases"][0]["description"] = "two\nlines";
    expect_error(doc, "cases[0].description", "single line");
}

TEST_F(BadFile, FileHeader) {
    auto doc = valid_doc();
    doc["format"] = "something/2";
    expect_error(doc, "format", "unsupported format");
    doc = valid_doc();
    doc["cases"][0]["id"] = "2.1.1";
    expect_error(doc, "cases[0].id", "subsection 2.1 has no label");
}

TEST_F(BadFile, DuplicateAcrossFiles) {
    write(valid_doc().dump());
    std::ofstream(dir_ / "2_more.json") << valid_doc().dump();
    const CatalogueError e = load_error();
    EXPECT_NE(std::string(e.what()).find("also defined in"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace wsc::catalogue::test
