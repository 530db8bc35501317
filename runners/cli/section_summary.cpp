#include "section_summary.hpp"

#include <cstdio>

namespace wsc::cli {


int section_summary::section_number(const std::string& id) {
    int n = 0;
    for (char c : id) {
        if (c < '0' || c > '9') break;
        n = n * 10 + (c - '0');
    }
    return n;
}

void section_summary::add(const report::case_result& r) {
    row& x = rows_[section_number(r.id)];
    ++x.cases;
    ++total_;
    namespace b = report::behavior;
    if (r.behavior == b::ok) ++x.ok;
    else if (r.behavior == b::non_strict) ++x.non_strict;
    else if (r.behavior == b::informational) ++x.informational;
    else if (r.behavior == b::unimplemented) ++x.unimplemented;
    else {
        ++x.failed;
        ++failed_;
    }
    if (r.behavior_close != b::ok && r.behavior_close != b::informational) ++x.close_not_ok;
}

void section_summary::add_missing(const std::string& case_id) {
    ++rows_[section_number(case_id)].missing;
}

void section_summary::print(std::ostream& out) const {
    char line[160];
    std::snprintf(line, sizeof line, "%-8s %6s %6s %11s %8s %14s %14s %10s %8s\n", "section", "cases", "OK",
                  "NON-STRICT", "FAILED", "INFORMATIONAL", "UNIMPLEMENTED", "close!=OK", "missing");
    out << line;
    row sum;
    for (const auto& [section, x] : rows_) {
        std::snprintf(line, sizeof line, "%-8d %6d %6d %11d %8d %14d %14d %10d %8d\n", section, x.cases, x.ok,
                      x.non_strict, x.failed, x.informational, x.unimplemented, x.close_not_ok, x.missing);
        out << line;
        sum.cases += x.cases;
        sum.ok += x.ok;
        sum.non_strict += x.non_strict;
        sum.failed += x.failed;
        sum.informational += x.informational;
        sum.unimplemented += x.unimplemented;
        sum.close_not_ok += x.close_not_ok;
        sum.missing += x.missing;
    }
    std::snprintf(line, sizeof line, "%-8s %6d %6d %11d %8d %14d %14d %10d %8d\n", "total", sum.cases, sum.ok,
                  sum.non_strict, sum.failed, sum.informational, sum.unimplemented, sum.close_not_ok, sum.missing);
    out << line;
}

}  // namespace wsc::cli
