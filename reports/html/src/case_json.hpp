// The per-case record the page's script renders into the details panel. Short
// keys: it is embedded once per case and agent, so names are paid 517 x n times.
#pragma once

#include <nlohmann/json.hpp>

#include "wsc/report/html_report.hpp"

namespace wsc::report::html::detail {

// Description and RFC reference for a case: the catalogue's texts first, then the
// result's own; the catalogue's RFC section, else the default for the category.
struct case_text {
    std::string description, expectation, rfc_url, rfc_label, subsection_title;
};
case_text text_of(const std::string& id, const case_result* any_result, const options& opts);

nlohmann::json case_record(const case_result& r, const std::string& agent, const case_text& t, const options& opts);

// Why a result has the verdict it has, for every verdict that is not OK / OK:
//   accepted   fails the policy; the baseline accepts it with a reason
//   todo       fails the policy; the baseline accepts it but gives no reason yet
//   worse      fails the policy; worse than the baseline entry
//   unaccepted fails the policy; no baseline entry
//   policy     passes the policy although not OK (Non-Strict, Informational, ...)
// "accepted" and "policy" are explained; the other three are not.
struct explanation {
    std::string state;                     // empty for OK / OK
    const baseline_entry* entry = nullptr;  // the baseline's entry, if any
    bool explained() const { return state.empty() || state == "accepted" || state == "policy"; }
};
explanation explain(const case_result& r, const std::string& agent, const options& opts);
// What a verdict that passes the policy means (docs/exit-codes.md), in a sentence.
std::string verdict_meaning(const case_result& r);

}  // namespace wsc::report::html::detail
