// Results built in code for the report tests: a catalogue-shaped set of case IDs
// with a spread of verdicts, wire logs and close facts, and a hostile variant
// whose every peer-controlled string tries to break out of HTML, JSON or XML.
#pragma once

#include <string>
#include <vector>

#include "wsc/report/result_set.hpp"

namespace wsc::report::testing {

// ~130 IDs from every Autobahn section plus two handshake cases, in tuple order.
std::vector<std::string> synthetic_ids();

// Strings a peer could send: markup, script terminators, invalid UTF-8, U+2028.
std::vector<std::string> hostile_strings();

struct synthetic_options {
    std::vector<std::string> agents{"ExampleServer/1.0", "wsconform-echo-server"};
    bool hostile = false;  // put hostile_strings() into every peer-controlled field
    bool hostile_ids = false;  // and into a case ID (in-memory only: IDs become file names)
    unsigned seed = 1;  // varies the verdicts
};

// One result with just these verdicts (and `why` as its reason), and a run of them.
case_result verdict(const std::string& agent, const std::string& id, const char* behavior, const char* close,
                    const std::string& why = "");
result_set run_of(std::initializer_list<case_result> results);

case_result synthetic_result(const std::string& agent, const std::string& id, int index, const synthetic_options& o);
result_set synthetic_results(const synthetic_options& o = {});

}  // namespace wsc::report::testing
