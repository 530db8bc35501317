#pragma once
// The §12 data sets. Autobahn's files (a Gutenberg text, a well-known test image, a PDF, JSON and
// HTML) are third-party content we do not ship; these are seeded synthetic stand-ins with the same
// sizes and a similar character, identical on every platform (integer-only generation).

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "wsc/catalogue/payload.hpp"

namespace wsc::catalogue {

// splitmix64 (Steele, Lea, Flood 2014): 64-bit state, one add and two multiply-xorshift rounds
// per output. Small, fast, and fully specified, so every build produces the same bytes.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // Uniform-enough value in [0, n): plain modulo, whose bias is irrelevant for test data.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }

private:
    std::uint64_t state_;
};

struct DataSetInfo {
    std::string_view name;   // our name, used by the catalogue, e.g. "wsc-json"
    std::string_view label;  // the Autobahn report label of the matching 12.x subsection
    bool text;               // sent as text (windows count characters) or binary (bytes)
    std::uint64_t size;      // exact byte size
    std::uint64_t seed;
};

const std::vector<DataSetInfo>& data_sets();
const DataSetInfo* find_data_set(std::string_view name);

// The bytes of a data set; throws std::invalid_argument for an unknown name.
Bytes data_set(std::string_view name);

// Successive §12/13 messages: each call returns the next window of `len` units (UTF-8 characters
// for text, bytes otherwise), continuing where the previous window ended and wrapping around at
// the end of the data.
class DataWindows {
public:
    DataWindows(Bytes data, bool text) : data_(std::move(data)), text_(text) {}
    Bytes next(std::uint64_t len);

private:
    Bytes data_;
    bool text_;
    std::size_t pos_ = 0;
};

}  // namespace wsc::catalogue
