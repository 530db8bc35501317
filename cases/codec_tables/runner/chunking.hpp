// How the runner cuts a row's input into receive_data calls. Every row is played
// whole, one octet at a time and at seeded random split points (STYLE.md lesson
// 6): a codec that only works when a frame arrives in one piece fails here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsc::tables {

struct chunking {
    enum class kind { whole, bytewise, random } how = kind::whole;
    std::uint32_t seed = 0;  // random only
    std::string describe() const;
};

// whole, bytewise and one random chunking per seed. The seeds are fixed so a
// failure reproduces; WSC_TABLE_SEED=<n> adds one more (e.g. from a CI run).
std::vector<chunking> all_chunkings();

// The pieces, in order; they concatenate to `input`. Random cuts may include empty
// pieces, which an endpoint must take as a no-op.
std::vector<std::string_view> split(std::string_view input, const chunking& how);

}  // namespace wsc::tables
