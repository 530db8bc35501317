#pragma once
// Autobahn spec-file case selection (`cases`, `exclude-cases`, `exclude-agent-cases`).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wsc/catalogue/case.hpp"

namespace wsc::catalogue {

// Agent pattern -> case patterns, in file order.
using ExcludeAgentCases = std::vector<std::pair<std::string, std::vector<std::string>>>;

// `cases`/`exclude-cases` semantics: '*' matches any run of characters, every other character
// (including '.') is literal, and the pattern only has to match a prefix of the ID. So "6.1*"
// selects 6.10-6.19 as well, and "1*" selects 1.x, 10.x, 12.x and 13.x.
bool prefix_pattern_matches(std::string_view pattern, std::string_view id);

// `exclude-agent-cases` semantics: the same wildcard, but the whole text must match.
bool anchored_pattern_matches(std::string_view pattern, std::string_view text);

// Cases selected by a spec, de-duplicated and in tuple order. An entry without '*' is taken as a
// literal ID and must exist (std::invalid_argument otherwise), as Autobahn breaks the run on it.
// Cases excluded for `agent` by exclude_agent_cases are dropped as well.
std::vector<const Case*> select(const std::vector<Case>& cases, const std::vector<std::string>& include,
                                const std::vector<std::string>& exclude = {}, std::string_view agent = {},
                                const ExcludeAgentCases& exclude_agent_cases = {});

}  // namespace wsc::catalogue
