#include "wsc/report/wire_text.hpp"

#include <cstdio>
#include <string>

#include "wsc/report/text.hpp"

namespace wsc::report {

namespace {

std::string row_text(const wire_row& row, std::size_t width) {
    char at[32];
    std::snprintf(at, sizeof at, "%10.3f ms  ", row.at_ms);
    std::string fields;
    if (row.fields.is_array()) {
        for (const auto& f : row.fields) {
            if (!fields.empty()) fields += ", ";
            // Payloads are the bulk: show them as the reports do (text or 0x-hex).
            fields += f.is_string() ? text::display_payload(f.get<std::string>(), width)
                                    : f.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
    } else if (!row.fields.is_null()) {
        fields = row.fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::string kind = row.kind;
    kind.resize(4, ' ');
    return text::shorten(text::valid_utf8(std::string("  ") + at + kind + fields), width);
}

}  // namespace

void print_wire_log(const case_result& r, std::ostream& out, const wire_text_limits& limits) {
    const auto& log = r.wirelog;
    out << "--- " << text::valid_utf8(r.agent) << " " << text::valid_utf8(r.id) << ": " << r.behavior << " / "
        << r.behavior_close << " (" << log.size() << " wire-log row" << (log.size() == 1 ? "" : "s") << ")\n";
    if (log.empty()) {
        out << (r.create_wirelog ? "  (nothing was sent or received)\n" : "  (no wire log was recorded)\n");
        return;
    }
    const std::size_t keep = limits.head_rows + limits.tail_rows;
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (log.size() > keep && i == limits.head_rows) {
            out << "  ... " << log.size() - keep << " rows left out ...\n";
            i = log.size() - limits.tail_rows;
        }
        out << row_text(log[i], limits.width) << "\n";
    }
}

}  // namespace wsc::report
