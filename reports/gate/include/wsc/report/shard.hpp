// `--shard i/n`: split the selected cases across n CI jobs. Round-robin over the
// tuple-sorted list, so every shard gets a slice of every section (the slow §9 and
// §12/§13 cases spread out) and the shards together are exactly the whole list.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/report/case_order.hpp"

namespace wsc::report {

struct shard_spec {
    int index = 1;  // 1-based, like GitLab's CI_NODE_INDEX
    int count = 1;
    bool operator==(const shard_spec&) const = default;
};

// "2/5" -> {2, 5}; requires 1 <= i <= n. Throws std::invalid_argument otherwise.
shard_spec parse_shard(std::string_view text);

// Whether the case at `position` (0-based, in the tuple-sorted selection) belongs
// to the shard.
inline bool in_shard(std::size_t position, shard_spec s) {
    return s.count <= 1 || static_cast<int>(position % static_cast<std::size_t>(s.count)) == s.index - 1;
}

// Keeps this shard's items. Each item needs an `id` member (the CLI's planned_case
// has one); the result is in tuple order.
template <class T>
std::vector<T> select_shard(std::vector<T> items, shard_spec s) {
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) { return case_id_less(a.id, b.id); });
    std::vector<T> out;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (in_shard(i, s)) out.push_back(std::move(items[i]));
    return out;
}

std::vector<std::string> select_shard_ids(std::vector<std::string> ids, shard_spec s);

}  // namespace wsc::report
