// The HTML report: one self-contained index.html (inline CSS and JS, nothing
// fetched) with the cases x agents matrix, per-agent summary bars, section
// totals, filters, an optional comparison with another result set, and each
// case's details (expected vs observed, close, handshake, wire log, re-run
// command), rendered on demand from JSON embedded in the page.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/report/baseline.hpp"
#include "wsc/report/pass_policy.hpp"
#include "wsc/report/result_set.hpp"
#include "wsc/report/run_diff.hpp"

namespace wsc::report::html {

// What the catalogue knows about a case. When given, its texts are shown rather
// than the results' own (imported reports carry another tool's wording), and its
// RFC section rather than the category default.
struct case_info {
    std::string description, expectation;
    std::string rfc;          // "rfc6455" or "rfc7692"
    std::string rfc_section;  // "5.5.1"
    std::string subsection_title;  // "Text Messages" for 1.1.x
};
using case_info_lookup = std::function<std::optional<case_info>(const std::string& id)>;

struct options {
    std::string title = "wsconform conformance report";
    std::string generated_at;  // shown in the header; empty: the current UTC time
    pass_policy policy;        // what the summary counts as passing
    case_info_lookup lookup;   // optional (wsc_catalogue)
    // Rows shown even when no agent has a result (the selected catalogue, in any
    // order); empty: the cases present in the results.
    std::vector<std::string> case_ids;
    const run_diff* comparison = nullptr;
    // The baseline the results are gated on (optional): each case that fails the
    // policy shows whether the baseline accepts it and why (its reason), so the
    // page explains every verdict that is not OK; cases it does not accept are
    // marked unexplained.
    const baseline* accepted = nullptr;
    // Expected cases with no result, per agent (completeness.hpp): the page opens
    // with an "incomplete run" notice naming them, and an agent that has no
    // result at all still gets its column of Missing cells.
    const std::vector<missing_cases>* missing = nullptr;
    // Caps that keep 517 cases x several agents small and fast.
    std::size_t max_wire_rows = 160;     // rows kept per case (head and tail)
    std::size_t max_preview_chars = 96;  // payload preview per wire row or event
};

// The whole page.
std::string render(const result_set& results, const options& opts = {});
// OUTDIR/index.html, written to a temporary name and renamed.
void write(const std::filesystem::path& outdir, const result_set& results, const options& opts = {});

// Escaping for HTML text and quoted attribute values (& < > " '), after
// replacing invalid UTF-8 and control characters.
std::string escape(std::string_view s);
// JSON that is safe inside <script type="application/json">: ASCII only, with
// < > & and U+2028/U+2029 as \u escapes, invalid UTF-8 replaced.
std::string script_json(const nlohmann::json& j);

// The command that re-runs one case against this peer.
std::string rerun_command(const case_result& r);

}  // namespace wsc::report::html
