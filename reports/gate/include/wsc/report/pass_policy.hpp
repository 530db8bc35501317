// Which verdicts count as a pass. Autobahn's consumers disagree (catalogue.md
// §3.3: aiohttp wants both verdicts in {OK, INFORMATIONAL}; others accept
// NON-STRICT too), so the policy is data, documented in ci/README.md.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "wsc/report/case_result.hpp"

namespace wsc::report {

struct pass_policy {
    // Default: the RFC allows what NON-STRICT flags (late failing is not a MUST
    // violation), INFORMATIONAL cases have no right answer, and permessage-deflate
    // is optional, so UNIMPLEMENTED is not a defect. Close: OK and INFORMATIONAL.
    std::set<std::string> behavior{behavior::ok, behavior::non_strict, behavior::informational,
                                   behavior::unimplemented};
    std::set<std::string> behavior_close{behavior::ok, behavior::informational};

    bool passes(std::string_view main, std::string_view close) const;
    bool passes(const case_result& r) const { return passes(r.behavior, r.behavior_close); }

    // "default", "strict" (both verdicts in {OK, INFORMATIONAL}), or explicit sets:
    // "behavior=OK,NON-STRICT;close=OK,INFORMATIONAL" (either half may be left out
    // and keeps its default). Throws std::invalid_argument on unknown verdicts.
    static pass_policy parse(std::string_view spec);
    static pass_policy strict();
    std::string to_string() const;  // parseable back

    nlohmann::json to_json() const;  // {"behavior": [...], "behaviorClose": [...]}
    static pass_policy from_json(const nlohmann::json& j);

    bool operator==(const pass_policy&) const = default;
};

// Orders verdicts from best (0) to worst, to tell a regression from an
// improvement when both old and new verdicts fail the policy.
int behavior_severity(std::string_view v);
int close_severity(std::string_view v);
bool is_known_behavior(std::string_view v);
bool is_known_close(std::string_view v);

}  // namespace wsc::report
