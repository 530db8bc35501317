// Every row of every table is one test: tables/codec_table.row/<id with '_' for
// punctuation>, played whole, byte by byte and at seeded random splits.
#include <gtest/gtest.h>

#include <map>

#include "players.hpp"
#include "table_loader.hpp"

namespace wsc::tables {
namespace {

const table_set& tables() {
    static const table_set set = load_tables(WSC_CODEC_TABLES_DIR);
    return set;
}

// A row, or a table that failed to load (so the failure is a test of its own,
// not a crash during discovery).
struct row_param {
    const table_row* row = nullptr;
    std::string load_error;
    std::string name;
};

// GoogleTest prints parameters on failure; the id says all.
void PrintTo(const row_param& p, std::ostream* os) { *os << (p.row ? p.row->id : p.load_error); }

std::vector<row_param> params() {
    std::vector<row_param> out;
    for (const auto& r : tables().rows) out.push_back({&r, {}, test_name(r.id)});
    for (std::size_t i = 0; i < tables().errors.size(); ++i)
        out.push_back({nullptr, tables().errors[i], "load_error_" + std::to_string(i)});
    return out;
}

class codec_table : public testing::TestWithParam<row_param> {};

TEST_P(codec_table, row) {
    const row_param& p = GetParam();
    if (!p.row) FAIL() << "malformed table: " << p.load_error;
    const table_row& r = *p.row;
    RecordProperty("rfc_section", r.section);
    RecordProperty("level", r.level);
    SCOPED_TRACE(r.id + " (" + r.file + " " + r.pointer + ") " + r.section + " " + r.level + ": " + r.requirement);
    for (const chunking& how : all_chunkings()) {
        SCOPED_TRACE(how.describe());
        std::visit(
            [&](const auto& body) {
                using T = std::decay_t<decltype(body)>;
                if constexpr (std::is_same_v<T, endpoint_case>) play_endpoint(body, how);
                else if constexpr (std::is_same_v<T, server_handshake_case>) play_server_handshake(body, how);
                else if constexpr (std::is_same_v<T, client_handshake_case>) play_client_handshake(body, how);
                else play_writer(body, how);
            },
            r.body);
        // One chunking's failure is enough to read; the others would repeat it.
        if (HasFailure()) break;
    }
}

INSTANTIATE_TEST_SUITE_P(tables, codec_table, testing::ValuesIn(params()),
                         [](const testing::TestParamInfo<row_param>& info) { return info.param.name; });

// Whether a row expects the codec to refuse its input.
bool rejecting(const table_row& r) {
    if (const auto* e = std::get_if<endpoint_case>(&r.body)) {
        for (const auto& ev : e->events)
            if (ev.what == expected_event::kind::failure) return true;
        return false;
    }
    if (const auto* s = std::get_if<server_handshake_case>(&r.body)) return s->status == handshake_status::rejected;
    if (const auto* c = std::get_if<client_handshake_case>(&r.body)) return c->status == handshake_status::rejected;
    return false;
}

// The coverage floor: at least 400 rows, and every section table holds
// rows the codec must accept and rows it must refuse.
TEST(codec_table_coverage, every_section_accepts_and_rejects) {
    ASSERT_TRUE(tables().errors.empty()) << tables().errors.front();
    EXPECT_GE(tables().rows.size(), 400u);
    std::map<std::string, std::pair<int, int>> per_file;  // accepting, rejecting
    for (const auto& r : tables().rows) {
        auto& [acc, rej] = per_file[r.file];
        (rejecting(r) ? rej : acc)++;
    }
    for (const char* f : {"rfc6455/4_handshake_server.json", "rfc6455/4_handshake_client.json", "rfc6455/5_2_framing.json",
                          "rfc6455/5_3_masking.json", "rfc6455/5_4_fragmentation.json", "rfc6455/5_5_control_frames.json",
                          "rfc6455/5_5_1_close.json", "rfc6455/7_closing.json", "rfc6455/8_1_utf8.json",
                          "rfc7692/7_permessage_deflate.json", "writer_golden.json"})
        EXPECT_TRUE(per_file.count(f)) << "missing table " << f;
    for (const auto& [file, counts] : per_file) {
        if (file == "writer_golden.json") continue;  // the writer has nothing to refuse
        EXPECT_GT(counts.first, 0) << file << " has no accepting row";
        EXPECT_GT(counts.second, 0) << file << " has no rejecting row";
    }
}

}  // namespace
}  // namespace wsc::tables
