#include "chunking.hpp"

#include <algorithm>
#include <cstdlib>
#include <random>

namespace wsc::tables {

std::string chunking::describe() const {
    switch (how) {
    case kind::whole: return "whole input in one receive_data call";
    case kind::bytewise: return "one octet per receive_data call";
    case kind::random: return "random split points, seed " + std::to_string(seed) + " (rerun with WSC_TABLE_SEED=" +
                              std::to_string(seed) + ")";
    }
    return {};
}

std::vector<chunking> all_chunkings() {
    std::vector<chunking> out{{chunking::kind::whole, 0}, {chunking::kind::bytewise, 0}};
    for (std::uint32_t seed : {1u, 2u, 3u, 4u, 5u}) out.push_back({chunking::kind::random, seed});
    if (const char* env = std::getenv("WSC_TABLE_SEED"); env && *env)
        out.push_back({chunking::kind::random, static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10))});
    return out;
}

std::vector<std::string_view> split(std::string_view input, const chunking& how) {
    std::vector<std::string_view> out;
    switch (how.how) {
    case chunking::kind::whole:
        out.push_back(input);
        return out;
    case chunking::kind::bytewise:
        for (std::size_t i = 0; i < input.size(); ++i) out.push_back(input.substr(i, 1));
        return out;
    case chunking::kind::random:
        break;
    }
    std::mt19937 rng(how.seed);
    // Each seed favours a different scale of piece, so header boundaries, mask
    // phases and long payloads all get cut somewhere.
    const std::size_t scales[] = {2, 5, 13, 64, input.size() / 2 + 1};
    const std::size_t max_piece = std::max<std::size_t>(1, scales[how.seed % 5]);
    std::size_t pos = 0;
    while (pos < input.size()) {
        if (rng() % 16 == 0) out.push_back(input.substr(pos, 0));
        const std::size_t k = 1 + rng() % max_piece;
        out.push_back(input.substr(pos, k));
        pos += std::min(k, input.size() - pos);
    }
    return out;
}

}  // namespace wsc::tables
