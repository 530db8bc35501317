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

nlohmann::json case_record(const case_result& r, const case_text& t, const options& opts);

}  // namespace wsc::report::html::detail
