// `wsconform report`: re-render, merge and compare result directories
// (reports/gate/cli). The catalogue, when it loads, supplies case texts and RFC
// sections for the HTML; results from another catalogue still render without them.
#include <iostream>

#include "case_source.hpp"
#include "commands.hpp"
#include "wsc/report/catalogue_lookup.hpp"
#include "wsc/report/report_command.hpp"

namespace wsc::cli {

int run_report(std::span<const std::string> args) {
    std::shared_ptr<const case_source> source;
    try {
        source = case_source::load(std::nullopt);
    } catch (const std::exception& e) {
        std::cerr << "wsconform report: case texts unavailable (" << e.what() << ")\n";
    }
    const auto lookup = source ? report::catalogue_lookup(source->catalogue()) : report::html::case_info_lookup{};
    return report::run_report_command(args, std::cout, std::cerr, lookup);
}

}  // namespace wsc::cli
