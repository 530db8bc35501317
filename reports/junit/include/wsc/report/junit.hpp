// JUnit XML for CI test-report UIs (GitLab's unit test reports, GitHub actions
// that read JUnit): <testsuites> root, one <testsuite> per agent, one <testcase>
// per case. classname is "wsconform.<agent>.<section>_<Title>" so the cases group
// by agent, then by catalogue section; name is "<id> <short description>".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "wsc/report/baseline.hpp"
#include "wsc/report/completeness.hpp"
#include "wsc/report/pass_policy.hpp"
#include "wsc/report/result_set.hpp"

namespace wsc::report::junit {

struct options {
    pass_policy policy;
    // Cases this baseline accepts are reported as <skipped> with its reason rather
    // than <failure>, so the JUnit view agrees with the gate's exit code.
    const baseline* accepted = nullptr;
    // Cases selected for the run; those without a result become <error> "Missing"
    // (the gate fails an incomplete run, exit 4), so CI views count them.
    std::vector<std::string> case_ids;
    // What each agent owed (completeness.hpp). When given, every agent in it gets a
    // suite, and a selected case it did not owe (exclude-agent-cases) is <skipped>.
    const expected_cases* expected = nullptr;
    std::string suite_prefix = "wsconform";
};

std::string render(const result_set& results, const options& opts = {});
void write(const std::filesystem::path& file, const result_set& results, const options& opts = {});

// Escapes for XML 1.0 text and attributes; invalid UTF-8 and forbidden control
// characters become U+FFFD.
std::string xml_escape(std::string_view s);

}  // namespace wsc::report::junit
