// Shared helpers for the in-process catalogue tests.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "wsc/catalogue/catalogue.hpp"
#include "wsc/inprocess/run.hpp"

namespace wsc::inprocess::test {

inline const catalogue::Catalogue& the_catalogue() {
    static const catalogue::Catalogue c = catalogue::load_catalogue(catalogue::default_catalogue_dir());
    return c;
}

// Cases of the given sections (0 = our handshake section), in tuple order.
inline std::vector<const catalogue::Case*> sections(const std::set<int>& wanted) {
    std::vector<const catalogue::Case*> out;
    for (const auto& c : the_catalogue().cases)
        if (wanted.count(c.id.section())) out.push_back(&c);
    return out;
}

// Cases the reference codec itself does not pass, per role. Each is a disagreement
// between the catalogue and the codec that the lead has to settle.
inline std::set<std::string> known_disagreements(catalogue::Role testee) {
    // 0.12.13: the catalogue expects a client to refuse "HTTP/1.0 101"; the codec's
    // client_handshake does not check the response's HTTP version.
    if (testee == catalogue::Role::client) return {"0.12.13"};
    return {};
}

inline bool passes(const report::case_result& r) {
    auto good = [](const std::string& v) { return v == report::behavior::ok || v == report::behavior::informational; };
    return good(r.behavior) && good(r.behavior_close);
}

inline std::string describe(const report::case_result& r) {
    return r.id + ": " + r.behavior + " / " + r.behavior_close + " (" + r.result + " | " + r.result_close +
           (r.note.empty() ? "" : " | " + r.note) + ")";
}

}  // namespace wsc::inprocess::test
