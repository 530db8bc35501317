#include "wsc/report/shard.hpp"

#include <charconv>
#include <stdexcept>

namespace wsc::report {

namespace {
int positive(std::string_view s, std::string_view whole) {
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || v < 1)
        throw std::invalid_argument("--shard: expected I/N with 1 <= I <= N, got '" + std::string(whole) + "'");
    return v;
}
}  // namespace

shard_spec parse_shard(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        throw std::invalid_argument("--shard: expected I/N with 1 <= I <= N, got '" + std::string(text) + "'");
    shard_spec s{positive(text.substr(0, slash), text), positive(text.substr(slash + 1), text)};
    if (s.index > s.count)
        throw std::invalid_argument("--shard: index " + std::to_string(s.index) + " is above the shard count " +
                                    std::to_string(s.count));
    return s;
}

std::vector<std::string> select_shard_ids(std::vector<std::string> ids, shard_spec s) {
    std::stable_sort(ids.begin(), ids.end(), case_id_order{});
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (in_shard(i, s)) out.push_back(std::move(ids[i]));
    return out;
}

}  // namespace wsc::report
