// Case texts for the HTML report from the loaded catalogue (wsc_catalogue). A
// template so this library does not link the catalogue: the CLI, which has it,
// instantiates it with wsc::catalogue::Catalogue.
#pragma once

#include <string>

#include "wsc/report/case_order.hpp"
#include "wsc/report/html_report.hpp"

namespace wsc::report {

// `cat` must outlive the returned function.
template <class Catalogue>
html::case_info_lookup catalogue_lookup(const Catalogue& cat) {
    return [&cat](const std::string& id) -> std::optional<html::case_info> {
        const auto* c = cat.find(id);
        if (!c) return std::nullopt;
        html::case_info info;
        info.description = c->description;
        info.expectation = c->expectation;
        info.subsection_title = c->subsection_label;
        if (const auto ref = parse_rfc_label(c->rfc)) {
            info.rfc = ref->rfc;
            info.rfc_section = ref->section;
        }
        return info;
    };
}

}  // namespace wsc::report
