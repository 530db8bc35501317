// Case IDs order as integer tuples (catalogue.md §2: 6.10 after 6.9, 7.13 after
// 7.9), not as strings the way index.json keys do.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsc::report {

// Compares dot-separated components numerically when both are numbers, else as
// strings (a numeric component sorts first), so non-Autobahn IDs order sensibly too.
bool case_id_less(std::string_view a, std::string_view b);

struct case_id_order {
    bool operator()(std::string_view a, std::string_view b) const { return case_id_less(a, b); }
};

// "6" for "6.4.3": the category the matrix groups by.
std::string case_section(std::string_view id);
// "6.4" for "6.4.3", "" when the ID has fewer than three parts (2.x, 3.x, 5.x).
std::string case_subsection(std::string_view id);

// The category labels Autobahn reports show (catalogue.md §2), "" if unknown.
std::string section_title(std::string_view section);

// Where the RFC text for a case lives, when the catalogue does not say better.
struct rfc_ref {
    std::string rfc;      // "rfc6455"
    std::string section;  // "5.5.1"
    std::string url() const;  // https://www.rfc-editor.org/rfc/rfc6455#section-5.5.1
};
rfc_ref default_rfc_ref(std::string_view id);
// "RFC 6455 §5.5.1" (the catalogue's `rfc` field) -> {"rfc6455", "5.5.1"}.
std::optional<rfc_ref> parse_rfc_label(std::string_view label);

}  // namespace wsc::report
